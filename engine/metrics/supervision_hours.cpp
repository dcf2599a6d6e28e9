#include "blackstart/metrics/supervision_hours.hpp"

#include <algorithm>

namespace blackstart::metrics {

std::vector<SupervisionHours> supervision_hours_by_layer(const sim::RunResult& result) {
  std::vector<SupervisionHours> hours(result.layer_names.size());
  const auto& trace = result.trace;
  const double horizon = result.horizon_min;
  for (std::size_t i = 0; i < trace.size() && trace[i].time_min <= horizon; ++i) {
    const double end = i + 1 < trace.size() ? std::min(trace[i + 1].time_min, horizon) : horizon;
    const double span_h = (end - trace[i].time_min) / 60.0;
    const auto& layers = trace[i].layers;
    for (std::size_t l = 0; l < layers.size() && l < hours.size(); ++l) {
      hours[l].loss_of_control_hours += layers[l].loss_of_control * span_h;
      hours[l].loss_of_view_hours += layers[l].loss_of_view * span_h;
    }
  }
  return hours;
}

SupervisionHours supervision_hours(const sim::RunResult& result) {
  SupervisionHours total;
  for (const auto& layer : supervision_hours_by_layer(result)) {
    total.loss_of_control_hours += layer.loss_of_control_hours;
    total.loss_of_view_hours += layer.loss_of_view_hours;
  }
  return total;
}

}  // namespace blackstart::metrics
