// Text for explanations: the chain of causes, and why something is still down.
#include "blackstart/report/explain_text.hpp"

#include <fmt/format.h>

#include "blackstart/core/duration.hpp"

namespace blackstart::report {

namespace {
std::string at(double minutes) {
  return core::format_duration(core::Duration{minutes});
}
}  // namespace

std::string explain_text(const model::Scenario& scenario, const std::vector<sim::ExplainStep>& chain) {
  std::string out;
  const auto& elements = scenario.network.elements();
  const sim::CauseContext context(scenario);
  int depth = 0;
  const auto indent = [&] { return std::string(static_cast<std::size_t>(depth) * 2, ' '); };
  for (const auto& step : chain) {
    if (step.entry_point) {
      out += fmt::format("{}{} held by the attacker from the start of the campaign (entry point)\n", indent(),
                         elements[step.element].id);
      ++depth;
      continue;
    }
    if (step.attack) {
      const auto& record = *step.attack;
      const auto& steps = scenario.campaign.steps;
      const std::string name = record.step < steps.size() ? steps[record.step].id : std::string("?");
      const std::string technique = record.step < steps.size() && !steps[record.step].technique.empty()
                                        ? " (" + steps[record.step].technique + ")"
                                        : std::string();
      const std::string from =
          record.from < elements.size() ? " from " + elements[record.from].id : std::string();
      out += fmt::format("{}{} held by the attacker since {} through attack step '{}'{}{}\n", indent(),
                         elements[step.element].id, at(record.time_min), name, technique, from);
      ++depth;
      continue;
    }
    const auto& c = step.change;
    const auto text = sim::describe(c.cause, context);
    const std::string tail = text.detail.empty() ? std::string() : " — " + text.detail;
    std::string because;
    switch (c.cause.kind) {
      case sim::CauseKind::Event: {
        because = "scenario event '" + text.text + "'";
        if (c.cause.event < scenario.events.size()) {
          const auto& e = scenario.events[c.cause.event];
          because += " (" + std::string(model::to_string(e.action)) +
                     (e.technique.empty() ? "" : ", " + e.technique) +
                     (e.description.empty() ? "" : ": " + e.description) + ")";
        }
        break;
      }
      case sim::CauseKind::Dependency:
        because = "its " + std::string(c.cause.via ? model::to_string(*c.cause.via) : "") + " supplier " +
                  text.text + tail;
        break;
      case sim::CauseKind::Physics:
        because = (text.text.empty() ? std::string("power flow") : "power through " + text.text) + tail;
        break;
      case sim::CauseKind::Restoration:
        because = "restoration by " + text.text + tail;
        break;
      case sim::CauseKind::Attack:
        because = "attack step '" + text.text + "'" + (text.detail.empty() ? "" : " (" + text.detail + ")");
        break;
      case sim::CauseKind::Response:
        because =
            "response playbook '" + text.text + "'" + (text.detail.empty() ? "" : " (" + text.detail + ")");
        break;
    }
    out += fmt::format("{}{} {} -> {} at {} because of {}\n",
                       std::string(static_cast<std::size_t>(depth) * 2, ' '), elements[step.element].id,
                       sim::from_name(c), sim::to_name(c), at(c.time_min), because);
    ++depth;
  }
  return out;
}

namespace {

//! "crew pry#2 (left transport/depot-a at 1h05min)" for a routed crew; "a crew of pry" otherwise.
std::string crew_text(const model::Scenario& scenario, const sim::StillDown& row, const std::string& pool) {
  if (row.crew == sim::RepairStep::kNoCrew) return "a crew of " + pool;
  const auto& net = scenario.network;
  const std::string& name = row.crew_name;
  if (row.crew_from < net.size())
    return fmt::format("crew {} (left {} at {})", name, net.element(row.crew_from).id, at(row.depart_min));
  return fmt::format("crew {} (left at {}, off the road network)", name, at(row.depart_min));
}

//! "backup generator (diesel) out of fuel at 5h; fuel truck fuel#1 cannot reach it (no open road
//! to transport/site); waits for power/sub, which is still down".
std::string fuel_text(const model::Scenario& scenario, const sim::StillDown& row,
                      const std::string& supplier) {
  using Fuel = sim::StillDown::Fuel;
  const auto& net = scenario.network;
  const std::string site =
      row.crew_site < net.size() ? net.element(row.crew_site).id : std::string("its site");
  std::string out =
      fmt::format("backup generator ({}) out of fuel at {}; ", row.backup_kind, at(row.until_min));
  switch (row.fuel) {
    case Fuel::NoPool:
      out += "no fuel trucks refuel it";
      break;
    case Fuel::NotOrdered:
      out += "no fuel ordered yet";
      break;
    case Fuel::NoTruckFree:
      out += fmt::format("fuel ordered at {}, no truck of {} free yet", at(row.depart_min), row.crew_name);
      break;
    case Fuel::NoRoute:
      out += fmt::format("fuel truck {} cannot reach it (no open road to {})", row.crew_name, site);
      break;
    case Fuel::OnItsWay:
      out +=
          fmt::format("fuel truck {} (left {} at {}) is on its way to {}, arriving at {}", row.crew_name,
                      row.crew_from < net.size() ? net.element(row.crew_from).id : std::string("its depot"),
                      at(row.depart_min), site, at(row.arrive_min));
      break;
    case Fuel::Pumping:
      out += fmt::format("fuel truck {} is pumping at {} since {}", row.crew_name, site, at(row.arrive_min));
      break;
  }
  if (!supplier.empty()) out += "; waits for " + supplier + ", which is still down";
  return out;
}

}  // namespace

std::string still_down_reason(const model::Scenario& scenario, const sim::StillDown& row) {
  using Reason = sim::StillDown::Reason;
  const auto& net = scenario.network;
  const auto pools = sim::crew_pool_names(scenario);
  const std::string pool = row.crew_pool < pools.size() ? pools[row.crew_pool] : std::string("default");
  const std::string other = row.other < net.size() ? net.element(row.other).id : std::string();
  const std::string no_control = row.loss_of_control ? " (operators cannot switch it remotely)" : "";
  switch (row.reason) {
    case Reason::NotDown:
      return "it works";
    case Reason::SupplierDown:
      return "waits for " + other + ", which is still down";
    case Reason::NotYetNoticed:
      return "operators have not noticed the damage yet; they notice it at " + at(row.until_min);
    case Reason::DeniedService:
      return "denial of service until " + at(row.until_min);
    case Reason::WaitingForCrew:
      if (row.routed)
        return fmt::format(
            "waiting for a crew of {}: {} in the queue; its crews take the nearest job of the highest "
            "priority next{}",
            pool,
            row.queue_length == 1 ? std::string("the only job")
                                  : fmt::format("one of {} jobs", row.queue_length),
            no_control);
      return fmt::format("waiting for a crew of {}: position {} of {} in the queue{}", pool,
                         row.queue_position, row.queue_length, no_control);
    case Reason::NoRoute:
      return "no free crew of " + pool + " can reach it: no open road leads to " +
             (other.empty() ? std::string("its site") : other) + no_control;
    case Reason::NoCrew: {
      const std::string& op = row.element < net.size() ? net.element(row.element).operator_name : pool;
      return "needs a field crew and its operator " + (op.empty() ? std::string("(none)") : op) +
             " has none" + no_control;
    }
    case Reason::NoAccess:
      return "a crew of " + pool + " cannot reach it while " + other + " is down";
    case Reason::CrewTravelling:
      if (row.crew_site < net.size())
        return crew_text(scenario, row, pool) + " is on its way to " + net.element(row.crew_site).id +
               ", arriving at " + at(row.arrive_min);
      return crew_text(scenario, row, pool) + " is on its way, arriving at " + at(row.arrive_min);
    case Reason::UnderRepair:
      if (row.crew_site < net.size())
        return crew_text(scenario, row, pool) + " is on site at " + net.element(row.crew_site).id +
               " since " + at(row.arrive_min) + ", repairing it until " + at(row.until_min);
      return crew_text(scenario, row, pool) + " is repairing it until " + at(row.until_min);
    case Reason::RemoteOperation:
      return "being switched back remotely, done at " + at(row.until_min);
    case Reason::AwaitingReplacement:
      return "replacement hardware in place at " + at(row.until_min);
    case Reason::NoRestoration:
      return "nothing in the scenario restores it";
    case Reason::Isolated:
      return "isolated by a response playbook for the rest of the run";
    case Reason::OutOfFuel:
      return fuel_text(scenario, row, other);
  }
  return {};
}

std::string still_down_text(const model::Scenario& scenario, const std::vector<sim::StillDown>& rows) {
  std::string out;
  for (const auto& row : rows)
    out += fmt::format("  {} is {}: {}\n", scenario.network.element(row.element).id,
                       sim::to_string(row.state), still_down_reason(scenario, row));
  return out;
}

}  // namespace blackstart::report
