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

TimeTicks time_ticks(double span_h, int max_labels) {
  struct Step {
    double h;
    int decimals;
  };
  static const Step steps[] = {{0.05, 2}, {0.1, 1}, {0.25, 2}, {0.5, 1}, {1, 0},   {2, 0},   {4, 0},
                               {6, 0},    {12, 0},  {24, 0},   {48, 0},  {168, 0}, {336, 0}, {720, 0}};
  for (const auto& s : steps)
    if (span_h / s.h <= std::max(1, max_labels - 1) + 1e-9) return {s.h, s.decimals};
  return {std::ceil(span_h / std::max(1, max_labels - 1) / 720) * 720, 0};
}

}  // namespace blackstart::gui
