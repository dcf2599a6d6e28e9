#include "app/chart_ticks.hpp"

#include <algorithm>
#include <cmath>

namespace blackstart::gui {

ValueTicks whole_number_ticks(double max_value, int max_labels) {
  const int steps_wanted = std::max(1, max_labels - 1);
  const double raw = std::max(1.0, max_value / steps_wanted);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude * 10;
  for (double f : {1.0, 2.0, 5.0, 10.0})
    if (f * magnitude >= raw - 1e-9) {
      step = f * magnitude;
      break;
    }
  const double steps = std::max(1.0, std::ceil(max_value / step - 1e-9));
  return {steps * step, static_cast<int>(steps) + 1};
}

int whole_step_label_count(double top, int max_labels) {
  for (int count = max_labels; count > 2; --count) {
    const double step = top / (count - 1);
    if (std::abs(step - std::round(step)) < 1e-9 && step >= 1) return count;
  }
  return 2;
}

}  // namespace blackstart::gui
