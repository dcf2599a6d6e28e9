#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/model/types.hpp"

namespace blackstart::model {
struct Scenario;
class Network;
struct Event;
struct AttackStep;
struct Response;
}  // namespace blackstart::model

namespace blackstart::sim {

//! What made a state change: a scenario event, an upstream supplier through a dependency, the power
//! physics, restoration work, a step of the attack campaign, or a defender's response playbook.
//! Every consumer switches over it, so a new kind is a compile-time checklist.
enum class CauseKind : std::uint8_t { Event, Dependency, Physics, Restoration, Attack, Response };

//! The specific rule that fired, within a kind. Text is made from it only for files and screens.
enum class Reason : std::uint8_t {
  None,
  // CauseKind::Event
  EventAction,   //!< the event's action hit the element
  EventRestore,  //!< a `restore` event put it back
  // CauseKind::Dependency
  SupplierFailed,              //!< a hard (fail/degrade) supplier is not operational
  BackupCarries,               //!< supplier down, backup carries the element until `value` (min)
  BackupExhausted,             //!< supplier down and the backup ran out
  BackupDisabled,              //!< supplier down and the backup was disabled by `event`
  OutOfFuel,                   //!< supplier down and the generator's tank ran dry at `value` (min)
  SupplierNotOperational,      //!< control/view lost: the supplier does not work
  SupplierUnderLossOfControl,  //!< control lost transitively
  SupplierUnderLossOfView,     //!< view lost transitively
  SupplierBackInOperation,     //!< control/view regained
  // CauseKind::Dependency or Physics, on a return to service
  SupplyBack,     //!< supply through `element` is back
  BackInService,  //!< back in service (what undid the damage is in the other fields)
  // CauseKind::Physics
  LineEndLostPower,         //!< a link whose end `element` lost power
  LostSupplyThrough,        //!< the path that fed it runs through `element`, which is down
  IslandLostSource,         //!< its island's source `element` is down
  NoPathToSource,           //!< no energised path and nothing upstream is known
  IslandShortOfGeneration,  //!< load shed proportionally; `element` is the island's source
  Overloaded,               //!< loading `value` (fraction) above rating after `element` changed
  // CauseKind::Restoration
  DenialEnded,  //!< the denial of service by `event` ended
  Repairing,    //!< `agent` is undoing the damage of `event` (kNoEvent: an overload trip)
  Repaired,     //!< `agent` undid the damage of `event` (kNoEvent: an overload trip)
  // CauseKind::Attack: campaign step `event` succeeded on the element, run from `element`
  AttackStep,
  // CauseKind::Response: response playbook `event` acted on the element
  ResponseAction,
};

//! Who does restoration work.
enum class Agent : std::uint8_t { None, Remote, Crew, Replacement };

inline constexpr std::uint32_t kNoEvent = 0xffffffffu;
inline constexpr std::uint32_t kNoDependency = 0xffffffffu;

//! Why a state changed, as a small record: indexes into the scenario, never text.
struct Cause {
  CauseKind kind = CauseKind::Event;
  Reason reason = Reason::None;
  Agent agent = Agent::None;
  bool came_back = false;  //!< Overloaded: `element` came back (true) or went out (false)
  //! `event` indexes the campaign's steps, not the events (damage done by an attack step, which
  //! backup-disabled, repairing and repaired records point back to).
  bool from_step = false;
  std::optional<model::DependencyKind> via;         //!< dependency kind for Dependency causes
  std::uint16_t crew_pool = 0;                      //!< Agent::Crew: index into crew_pool_names()
  model::ElementIndex element = model::kNoElement;  //!< supplier, upstream element or trigger
  std::uint32_t event = kNoEvent;            //!< index into the run's events (campaign steps, responses)
  std::uint32_t dependency = kNoDependency;  //!< index into the network's dependencies
  double value = 0.0;                        //!< Reason-specific number (see Reason)

  [[nodiscard]] bool empty() const { return reason == Reason::None; }
  friend bool operator==(const Cause&, const Cause&) = default;
};

std::string_view to_string(CauseKind kind);

//! Crew pools of a scenario in the order Cause::crew_pool indexes them: the scenario's operators
//! by name, then "default" (elements whose operator has no crews).
std::vector<std::string> crew_pool_names(const model::Scenario& scenario);

//! What a cause refers to, for turning it into text.
struct CauseContext {
  const model::Network& network;
  const std::vector<model::Event>& events;
  const std::vector<model::AttackStep>& steps;
  const std::vector<model::Response>& responses;
  std::vector<std::string> crew_pools;
  std::string rating;  //!< the flow models' rating name, for overload texts

  explicit CauseContext(const model::Scenario& scenario);
  CauseContext(const model::Scenario& scenario, const std::vector<model::Event>& run_events);
};

//! The text of a cause as files show it: `text` names what it points to (event id, upstream
//! element id or restoration agent), `detail` says what happened.
struct CauseText {
  std::string text;
  std::string detail;
};
CauseText describe(const Cause& cause, const CauseContext& context);

}  // namespace blackstart::sim
