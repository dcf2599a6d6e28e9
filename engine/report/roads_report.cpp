#include "blackstart/report/roads_report.hpp"

#include <fmt/format.h>

#include "blackstart/io/csv.hpp"

namespace blackstart::report {

std::string roads_csv(const std::vector<metrics::RoadCapacityLoss>& roads) {
  const auto num = [](double v) { return v == 0.0 ? std::string("0") : fmt::format("{:.6g}", v); };
  std::string out = "road,capacity_vph,vehicles_lost,hours_dark,hours_closed,min_capacity_share\n";
  for (const auto& r : roads)
    out += fmt::format("{},{},{},{},{},{}\n", io::csv_escape(r.id), num(r.capacity_vph), num(r.vehicles_lost),
                       num(r.hours_dark), num(r.hours_closed), num(r.min_capacity_share));
  return out;
}

}  // namespace blackstart::report
