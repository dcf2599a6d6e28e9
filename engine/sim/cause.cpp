#include "blackstart/sim/cause.hpp"

#include <cmath>

#include "blackstart/core/duration.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::sim {

std::string_view to_string(CauseKind kind) {
  switch (kind) {
    case CauseKind::Event:
      return "event";
    case CauseKind::Dependency:
      return "dependency";
    case CauseKind::Physics:
      return "physics";
    case CauseKind::Restoration:
      return "restoration";
    case CauseKind::Attack:
      return "attack";
    case CauseKind::Response:
      return "response";
  }
  return "?";
}

std::vector<std::string> crew_pool_names(const model::Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& [name, pool] : scenario.crews) names.push_back(name);
  names.emplace_back("default");
  return names;
}

CauseContext::CauseContext(const model::Scenario& scenario) : CauseContext(scenario, scenario.events) {}

CauseContext::CauseContext(const model::Scenario& scenario, const std::vector<model::Event>& run_events)
    : network(scenario.network),
      events(run_events),
      steps(scenario.campaign.steps),
      responses(scenario.responses),
      crew_pools(crew_pool_names(scenario)),
      rating(std::string(model::to_string(scenario.power_flow.rating))) {}

namespace {

std::string percent(double fraction) {
  return std::to_string(static_cast<long long>(std::llround(fraction * 100.0))) + "%";
}

std::string agent_text(const Cause& cause, const CauseContext& context) {
  switch (cause.agent) {
    case Agent::Remote:
      return "remote operation";
    case Agent::Crew:
      return "crew:" + (cause.crew_pool < context.crew_pools.size() ? context.crew_pools[cause.crew_pool]
                                                                    : std::string("default"));
    case Agent::Replacement:
      return "replacement";
    case Agent::None:
      break;
  }
  return {};
}

std::string event_id(const Cause& cause, const CauseContext& context) {
  if (cause.from_step || cause.kind == CauseKind::Attack)
    return cause.event < context.steps.size() ? context.steps[cause.event].id : std::string();
  return cause.event < context.events.size() ? context.events[cause.event].id : std::string();
}

std::string backup_name(const Cause& cause, const CauseContext& context) {
  const auto& deps = context.network.dependencies();
  if (cause.dependency < deps.size() && !deps[cause.dependency].backup_kind.empty())
    return deps[cause.dependency].backup_kind;
  return "backup";
}

std::string detail_text(const Cause& cause, const CauseContext& context) {
  const auto element_id = [&] {
    return cause.element < context.network.size() ? context.network.element(cause.element).id : std::string();
  };
  switch (cause.reason) {
    case Reason::None:
      return {};
    case Reason::EventAction: {
      if (cause.event >= context.events.size()) return {};
      const model::Event& event = context.events[cause.event];
      return std::string(model::to_string(event.action)) +
             (event.technique.empty() ? std::string() : " (" + event.technique + ")");
    }
    case Reason::EventRestore:
      return "restored by scenario event";
    case Reason::SupplierFailed:
      return {};
    case Reason::BackupCarries:
      return backup_name(cause, context) + " carries it until " +
             core::format_duration(core::Duration{cause.value});
    case Reason::BackupExhausted:
      return backup_name(cause, context) + " exhausted";
    case Reason::OutOfFuel:
      return backup_name(cause, context) + " out of fuel at " +
             core::format_duration(core::Duration{cause.value});
    case Reason::BackupDisabled:
      return "backup disabled by " + event_id(cause, context);
    case Reason::SupplierNotOperational:
      return "supplier not operational";
    case Reason::SupplierUnderLossOfControl:
      return "supplier under loss of control";
    case Reason::SupplierUnderLossOfView:
      return "supplier under loss of view";
    case Reason::SupplierBackInOperation:
      return "supplier back in operation";
    case Reason::SupplyBack:
      return "supply through " + element_id() + " back";
    case Reason::BackInService:
      return "back in service";
    case Reason::LineEndLostPower:
      return "an end of the line lost power";
    case Reason::LostSupplyThrough:
      return "lost supply through it";
    case Reason::IslandLostSource:
      return "its island lost its source";
    case Reason::NoPathToSource:
      return "no path to an energised source";
    case Reason::IslandShortOfGeneration:
      return "island short of generation: load shed proportionally";
    case Reason::Overloaded: {
      std::string text = "overloaded to " + percent(cause.value) + " of its " + context.rating + " rating";
      if (cause.element != model::kNoElement)
        text += " after " + element_id() + (cause.came_back ? " came back" : " went out");
      return text;
    }
    case Reason::DenialEnded:
      return "denial of service ended";
    case Reason::Repairing:
      return "repairing damage from " +
             (cause.event == kNoEvent ? std::string("an overload trip") : event_id(cause, context));
    case Reason::Repaired:
      return "undid " +
             (cause.event == kNoEvent ? std::string("the overload trip") : event_id(cause, context));
    case Reason::AttackStep: {
      if (cause.event >= context.steps.size()) return {};
      const model::AttackStep& step = context.steps[cause.event];
      std::string text = std::string(model::to_string(step.effect));
      if (!step.technique.empty()) text += " (" + step.technique + ")";
      if (cause.element < context.network.size()) text += " from " + element_id();
      return text;
    }
    case Reason::ResponseAction:
      return cause.event < context.responses.size()
                 ? std::string(model::to_string(context.responses[cause.event].action))
                 : std::string();
  }
  return {};
}

}  // namespace

CauseText describe(const Cause& cause, const CauseContext& context) {
  CauseText out;
  if (cause.kind == CauseKind::Attack) {
    // The cause column names the step; the asset it ran from goes into the detail.
    if (cause.event < context.steps.size()) out.text = context.steps[cause.event].id;
  } else if (cause.kind == CauseKind::Response) {
    if (cause.event < context.responses.size()) out.text = context.responses[cause.event].name;
  } else if (cause.agent != Agent::None)
    out.text = agent_text(cause, context);
  else if (cause.element < context.network.size())
    out.text = context.network.element(cause.element).id;
  else
    out.text = event_id(cause, context);
  out.detail = detail_text(cause, context);
  return out;
}

}  // namespace blackstart::sim
