#pragma once
#include <optional>
#include <string>
#include <vector>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::sim {

//! One step of an explanation: this element got into this state because of that cause.
struct ExplainStep {
  model::ElementIndex element = model::kNoElement;
  StateChange change;
  //! Set instead of `change` on the attacker's way in: the campaign step that gave the attacker
  //! `element` (its success record).
  std::optional<AttackRecord> attack;
  bool entry_point = false;  //!< the attacker held `element` from the campaign's start
};

//! Chain of causes for an element's state at a time, from the element back to a scenario event, a
//! response playbook, or through an attack step and the assets the attacker worked from back to
//! the campaign's entry point (restoration continues to the damage it undid). Empty when the
//! element never changed. Walks the cause records only.
std::vector<ExplainStep> explain(const RunResult& result, model::ElementIndex element, double at_min);

//! Why an element that is down at a time is not back yet: one record per element, from the asked
//! element down to the one whose own damage holds everything up.
struct StillDown {
  enum class Reason : std::uint8_t {
    NotDown,              //!< the element works at that time
    SupplierDown,         //!< waits for `other`, which is down (a dependency or the power path)
    NotYetNoticed,        //!< operators notice the damage at `until_min`
    DeniedService,        //!< denial of service until `until_min`
    WaitingForCrew,       //!< queued for a crew of `crew_pool`: `queue_position` of `queue_length`
    NoCrew,               //!< needs a crew and its operator has none
    NoAccess,             //!< the crew cannot reach it while `other` is down
    CrewTravelling,       //!< a crew is on its way, arrives at `arrive_min`
    UnderRepair,          //!< a crew works on it until `until_min`
    RemoteOperation,      //!< being re-switched remotely, done at `until_min`
    AwaitingReplacement,  //!< new hardware arrives at `until_min`
    NoRestoration,        //!< nothing in the scenario restores it
    Isolated,             //!< a response playbook took it out of service
    NoRoute,              //!< free crews of `crew_pool` have no open road to its site `other`
    OutOfFuel,            //!< its generator ran dry at `until_min`; `fuel` says where the truck is
  };
  //! OutOfFuel: the fuel truck's situation (`crew_name` names the truck, `crew_site` the site).
  enum class Fuel : std::uint8_t { NoPool, NotOrdered, NoTruckFree, NoRoute, OnItsWay, Pumping };
  model::ElementIndex element = model::kNoElement;
  State state = State::InService;
  Reason reason = Reason::NotDown;
  model::ElementIndex other = model::kNoElement;
  std::uint16_t crew_pool = 0;
  int queue_position = 0;  //!< 1 = next
  int queue_length = 0;
  bool loss_of_control = false;  //!< not remotely controllable at that time
  double arrive_min = 0.0;
  double until_min = 0.0;
  //! A routed crew (CrewTravelling, UnderRepair): which one (index into RunResult::crews), the
  //! junction it left at `depart_min` (kNoElement off the roads) and the junction it works from.
  std::uint32_t crew = RepairStep::kNoCrew;
  std::string crew_name;  //!< `operator#n`
  model::ElementIndex crew_from = model::kNoElement;
  model::ElementIndex crew_site = model::kNoElement;
  double depart_min = 0.0;
  bool routed = false;  //!< WaitingForCrew: the pool's crews are routed (nearest job first)
  Fuel fuel = Fuel::NoPool;
  std::string backup_kind;  //!< OutOfFuel: `diesel`, …
};

//! Why `element` is still down at `at_min`; empty when it works then. Needs the scenario the run
//! came from (dependencies and crews).
std::vector<StillDown> why_still_down(const model::Scenario& scenario, const RunResult& result,
                                      model::ElementIndex element, double at_min);

//! Fills an OutOfFuel row: where the fuel for the tank of dependency `d` is at `at_min`, from the
//! run's fuel log (fuel_explain.cpp).
void fuel_situation(const model::Scenario& scenario, const RunResult& result, std::uint32_t d, double at_min,
                    StillDown& row);

//! "What did this take down?": every element that is not working normally at `at_min` and whose
//! cause chain at that time runs through `element`, in index order. Walks the cause records only.
std::vector<model::ElementIndex> taken_down_by(const RunResult& result, model::ElementIndex element,
                                               double at_min);

//! The state of an element at a time, from the change log.
State state_at(const RunResult& result, model::ElementIndex element, double at_min);

}  // namespace blackstart::sim
