#include "blackstart/metrics/passenger_hours.hpp"

#include <algorithm>

namespace blackstart::metrics {

std::vector<LineLoss> line_losses(const sim::RunResult& result) {
  std::vector<LineLoss> out;
  out.reserve(result.services.size());
  for (const auto& s : result.services) {
    LineLoss l;
    l.id = s.id;
    l.type = s.type;
    l.passengers_per_hour = s.passengers_per_hour;
    l.sections = s.sections;
    out.push_back(std::move(l));
  }
  // The share of each service is constant between its changes: integrate piece by piece.
  std::vector<double> since(out.size(), 0.0), fraction(out.size(), 1.0);
  const double horizon = result.horizon_min;
  auto close = [&](std::size_t s, double until) {
    const double minutes = std::max(0.0, std::min(until, horizon) - std::min(since[s], horizon));
    const double lost = 1.0 - fraction[s];
    out[s].passenger_trips_lost += out[s].passengers_per_hour * lost * minutes / 60.0;
    if (fraction[s] <= 0.0)
      out[s].hours_stopped += minutes / 60.0;
    else if (fraction[s] < 1.0)
      out[s].hours_reduced += minutes / 60.0;
    if (minutes > 0 || since[s] == horizon)  // a share held for no time at all does not count
      out[s].min_service_fraction = std::min(out[s].min_service_fraction, fraction[s]);
  };
  for (const auto& change : result.service_changes) {
    if (change.service >= out.size()) continue;
    close(change.service, change.time_min);
    since[change.service] = change.time_min;
    fraction[change.service] = change.fraction;
  }
  for (std::size_t s = 0; s < out.size(); ++s) {
    close(s, horizon);
    out[s].passenger_hours_lost =
        out[s].passenger_trips_lost * result.services[s].time_lost_per_trip_min / 60.0;
  }
  return out;
}

}  // namespace blackstart::metrics
