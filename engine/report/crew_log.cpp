#include "blackstart/report/crew_log.hpp"

#include <fmt/format.h>

#include "blackstart/io/csv.hpp"

namespace blackstart::report {

std::string crews_csv(const model::Scenario& scenario, const sim::RunResult& result) {
  std::string out = "crew,purpose,job,from,to,depart_min,arrive_min,rest,roads\n";
  const auto& elements = scenario.network.elements();
  const auto id = [&](model::ElementIndex x) { return x < elements.size() ? elements[x].id : std::string(); };
  for (const auto& leg : result.crew_legs) {
    std::string roads;
    for (const auto road : leg.roads) {
      if (!roads.empty()) roads += ';';
      roads += id(road);
    }
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{}\n",
        io::csv_escape(leg.crew < result.crews.size() ? result.crews[leg.crew].name : std::string()),
        leg.purpose == sim::CrewLeg::Purpose::Job ? "job" : "home", io::csv_escape(id(leg.job)),
        io::csv_escape(id(leg.from)), io::csv_escape(id(leg.to)), fmt::format("{:.6g}", leg.depart_min),
        fmt::format("{:.6g}", leg.arrive_min), leg.rest ? 1 : 0, io::csv_escape(roads));
  }
  return out;
}

}  // namespace blackstart::report
