#pragma once
// The story of a run: every state change grouped under the scenario event, attack step, response
// or restoration work it goes back to, in time order, with the consequences added up. Built from
// the typed cause records only, so the CLI, the window and the report tell the same story.
#include <cstdint>
#include <string>
#include <vector>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::report {

//! One chapter of the story: what a root cause did at one time, and what followed from it then.
struct NarrativeGroup {
  //! What started it: the root the cause chain of every change in the group leads to.
  enum class Root : std::uint8_t {
    Event,        //!< scenario event `index`
    AttackStep,   //!< campaign step `index` succeeded (a success without a state change counts too)
    Response,     //!< response playbook `index`
    Restoration,  //!< restoration work by `agent` (`reason`: Repaired, Repairing or DenialEnded)
    Physics,      //!< a change whose chain ends without a named root (e.g. no path to any source)
  };
  Root root = Root::Physics;
  std::uint32_t index = sim::kNoEvent;  //!< event, step or response index
  sim::Agent agent = sim::Agent::None;
  sim::Reason reason = sim::Reason::None;
  double time_min = 0.0;  //!< when this group's changes happened
  //! When the root acted: earlier than `time_min` for a delayed consequence (a backup running out
  //! hours after the event), equal otherwise.
  double root_time_min = 0.0;
  std::vector<model::ElementIndex> targets;  //!< elements the root itself acted on, in order

  // Consequences of this group's changes (each counts once, when its operational state flips).
  double customers_lost = 0;  //!< customers of loads that stopped working
  double customers_back = 0;
  double mw_lost = 0;  //!< demand of loads that stopped working
  double mw_back = 0;
  std::vector<model::ElementIndex> stopped;  //!< transport assets with passengers that stopped
  std::vector<model::ElementIndex> resumed;  //!< ... and that run again
  double passengers_lost = 0;                //!< passengers per hour of `stopped`
  std::uint32_t failed = 0;                  //!< assets that stopped working (all layers)
  std::uint32_t back = 0;                    //!< assets that work again
  std::uint32_t control_lost = 0;
  std::uint32_t control_back = 0;
  std::uint32_t view_lost = 0;
  std::uint32_t view_back = 0;
  std::uint32_t changes = 0;  //!< log records in the group (state, control, view, cause updates)

  [[nodiscard]] bool is_follow_up() const { return time_min > root_time_min; }
};

//! The story of `result` (a run of `scenario`), in time order; groups at the same time keep the
//! order their first change was logged in. Restoration starts with nothing back yet (crews
//! setting off) are left out: the story tells when things come back.
std::vector<NarrativeGroup> build_narrative(const model::Scenario& scenario, const sim::RunResult& result);

//! One group as text: the clock time, what the root did, and its consequences.
struct NarrativeLine {
  std::string time;                       //!< "15:32" when the scenario has a start time, else "+2 min"
  std::string what;                       //!< "attackers open breakers at 8 substations: …"
  std::vector<std::string> consequences;  //!< "103,000 customers lose power", "trolleybus 1 stops"
  //! The whole line: time, what, then each consequence after an arrow.
  [[nodiscard]] std::string text() const;
};
NarrativeLine narrative_line(const model::Scenario& scenario, const NarrativeGroup& group);

//! Clock label of a run time: "15:32" (with "day 2 " past midnight) when the scenario's start
//! time carries a time of day, else "+2 min" / "+1 h 05"; before t = 0 (a campaign's dwell) how
//! long before: "-3 d 04 h".
std::string narrative_clock(const model::Scenario& scenario, double time_min);

//! The whole story, one line per group (the CLI's and report's text form).
std::string narrative_text(const model::Scenario& scenario, const sim::RunResult& result);

}  // namespace blackstart::report
