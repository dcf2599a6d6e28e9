#pragma once
// Where the campaign stands at one moment of a run, read from the run's attack log: what the attack
// view colours its steps by. Plain C++: the log is the engine's, this only replays it up to a time.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::gui {

//! A step's status at a time, from the attacker's point of view. When its targets differ, the most
//! telling one wins, in this order: succeeded, evicted, in progress, blocked, detected, failed.
enum class StepStatus : std::uint8_t {
  NotStarted,  //!< no attempt yet (prerequisites or a path missing, or waiting for its launch)
  InProgress,  //!< an attempt is running on a target
  Succeeded,   //!< the attacker holds at least one target through it
  Failed,      //!< every attempt so far failed (bad luck, or the way in was lost)
  Blocked,     //!< a control or a response stopped its attempts
  Detected,    //!< an attempt raised an alert, and nothing it did holds
  Evicted,     //!< it had succeeded, and a response took every target back
};

std::string_view to_string(StepStatus status);
const std::vector<StepStatus>& all_step_statuses();

struct StepProgress {
  StepStatus status = StepStatus::NotStarted;
  std::size_t targets = 0;                        //!< the step's targets in the run's scenario
  std::size_t held = 0;                           //!< targets the attacker holds through the step at the time
  std::size_t attempted = 0;                      //!< targets with at least one attempt started
  std::vector<std::uint32_t> blocking_controls;   //!< scenario.controls indexes, first block first
  std::vector<std::uint32_t> blocking_responses;  //!< scenario.responses indexes (manual operations)
  std::vector<std::uint32_t> detecting_controls;  //!< scenario.controls indexes, first alert first
  std::optional<double> first_success_min;
  std::optional<double> first_detection_min;
  //! The target the step acted on first (a started attempt), else its first target; for selection.
  model::ElementIndex first_target = model::kNoElement;
};

struct AttackProgress {
  double time_min = 0.0;
  std::vector<StepProgress> steps;                       //!< per campaign step
  std::vector<std::optional<double>> objective_reached;  //!< per objective: when, if by the time
  std::optional<double> first_detection_min;
  //! Responses that acted by the time, with when (first time each), in log order.
  std::vector<std::pair<std::uint32_t, double>> responses;
};

//! Replays `log` (a run's attack log, in time order) up to and including `t_min`. Without a log
//! (no run yet) every step is NotStarted.
AttackProgress attack_progress(const model::Campaign& campaign, const std::vector<sim::AttackRecord>& log,
                               double t_min);

}  // namespace blackstart::gui
