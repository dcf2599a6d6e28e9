#include "blackstart/report/attack_log.hpp"

#include <fmt/format.h>

#include "blackstart/io/csv.hpp"

namespace blackstart::report {

std::string attack_csv(const model::Scenario& scenario, const sim::RunResult& result) {
  using Status = sim::AttackRecord::Status;
  std::string out = "time_min,step,target,status,control,technique\n";
  const auto& steps = scenario.campaign.steps;
  const auto& elements = scenario.network.elements();
  for (const auto& record : result.attack_log) {
    // Objectives and responses are not attempts: summary.json and events.csv carry them.
    if (record.status == Status::Objective || record.status == Status::Responded) continue;
    const bool has_step = record.step < steps.size();
    std::string who;
    if (record.control < scenario.controls.size())
      who = scenario.controls[record.control].name;
    else if (record.response < scenario.responses.size())
      who = scenario.responses[record.response].name;
    out += fmt::format(
        "{},{},{},{},{},{}\n", fmt::format("{:.6g}", record.time_min),
        io::csv_escape(has_step ? steps[record.step].id : std::string()),
        io::csv_escape(record.target < elements.size() ? elements[record.target].id : std::string()),
        sim::to_string(record.status), io::csv_escape(who),
        io::csv_escape(has_step ? steps[record.step].technique : std::string()));
  }
  return out;
}

}  // namespace blackstart::report
