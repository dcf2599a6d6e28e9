#include "blackstart/report/lines_report.hpp"

#include <fmt/format.h>

#include "blackstart/io/csv.hpp"

namespace blackstart::report {

namespace {
std::string num(double v) {
  if (v == 0.0) return "0";
  return fmt::format("{:.6g}", v);
}
}  // namespace

std::string lines_csv(const metrics::Summary& summary) {
  std::string out =
      "line,type,passengers_per_hour,sections,passenger_trips_lost,passenger_hours_lost,min_service_fraction,"
      "hours_stopped,hours_reduced\n";
  for (const auto& l : summary.lines)
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", io::csv_escape(l.id), io::csv_escape(l.type),
                       num(l.passengers_per_hour), l.sections, num(l.passenger_trips_lost),
                       num(l.passenger_hours_lost), num(l.min_service_fraction), num(l.hours_stopped),
                       num(l.hours_reduced));
  return out;
}

std::string lines_table(const metrics::Summary& summary) {
  if (summary.lines.empty()) return {};
  std::string out = fmt::format("\n  {:<30} {:>8} {:>12} {:>12} {:>11} {:>9}\n", "line", "sections",
                                "trips lost", "pass.-hours", "min served", "stopped");
  for (const auto& l : summary.lines)
    out += fmt::format("  {:<30} {:>8} {:>12.0f} {:>12.0f} {:>10.1f}% {:>8.2f}h\n", l.id,
                       l.sections ? std::to_string(l.sections) : std::string("-"), l.passenger_trips_lost,
                       l.passenger_hours_lost, 100.0 * l.min_service_fraction, l.hours_stopped);
  return out;
}

}  // namespace blackstart::report
