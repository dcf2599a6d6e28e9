#pragma once
// Exercise mode: what a facilitator feeds the players (injects) and what the players decide
// (decision points whose options are interventions on the running model). Nothing here names an
// outcome: an option's consequences follow from the interventions it applies to the network, the
// crews and the attacker. Rules for users: docs/exercises.md. The simulator's side (pausing at a
// decision, applying an option, branching) is in sim/exercise_run.hpp.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/core/duration.hpp"
#include "blackstart/model/network.hpp"

namespace blackstart::model {

inline constexpr std::uint32_t kNoIndex32 = 0xffffffffu;

//! What makes an inject or a decision point fall due. The trigger fires once, at the first moment
//! its condition holds (at or after `at_min` for the kinds other than Time); the inject or decision
//! falls due `delay_min` later.
struct Trigger {
  enum class Kind : std::uint8_t {
    Time,        //!< at `at_min`
    AssetState,  //!< an element of `targets` enters `state` (a sim::State name, or
                 //!< `loss_of_control` / `loss_of_view`)
    Detection,   //!< the first alert, of control `control` when set (index into scenario.controls)
    AttackStep,  //!< campaign step `step` first succeeds (index into campaign.steps)
    Decision,    //!< decision `decision` was taken with option `option` (follow-up injects)
  };
  Kind kind = Kind::Time;
  double at_min = 0.0;
  std::string target_pattern;         //!< AssetState: as written
  std::vector<ElementIndex> targets;  //!< AssetState: resolved at load
  std::string state;                  //!< AssetState
  std::uint32_t control = kNoIndex32;
  std::uint32_t step = kNoIndex32;
  std::uint32_t decision = kNoIndex32;  //!< Decision: index into exercise.decisions
  std::string option;                   //!< Decision: option id; empty = any option
  double delay_min = 0.0;
  SourceLocation location;
};

//! A message to the players: the rows of a master scenario events list (MSEL).
struct Inject {
  std::string id;
  Trigger trigger;
  std::string from;     //!< who sends it (e.g. "Call centre", "Oblenergo dispatcher")
  std::string to;       //!< who receives it (a player cell)
  std::string channel;  //!< phone, email, scada_screen, media, radio, in_person, other
  std::string message;
  std::string expected_action;  //!< what the players are expected to do
  std::string objective;        //!< id of the exercise objective it serves
  std::string source;           //!< a source reference, or "ASSUMPTION: ..."
  SourceLocation location;
};

//! One change an option applies to the running model from the moment it is chosen. Same vocabulary
//! as mitigations and response playbooks (docs/exercises.md lists each kind's fields).
struct Intervention {
  enum class Kind : std::uint8_t {
    DispatchCrews,      //!< crews of `operator_name` take `targets` first (re-prioritise)
    MutualAid,          //!< `count` crews join `operator_name`'s pool after `delay`
    Isolate,            //!< take `targets` (links) out of service: cuts the attacker's paths
    ManualOperations,   //!< `targets` switch to manual operation (crews sent at once)
    ShedLoad,           //!< loads in `targets` at or below `priority` are shed
    RestoreLoad,        //!< shed loads in `targets` are restored, highest priority first
    RevokeCredentials,  //!< the attacker loses credential steps and what it reached through them
    RestoreFromBackup,  //!< compromised or wiped hosts in `targets` are rebuilt from backup
    EnableControl,      //!< switch security control `name` on
    DisableControl,     //!< ... or off
  };
  Kind kind = Kind::DispatchCrews;
  std::string target_pattern;  //!< as written
  std::vector<ElementIndex> targets;
  std::string operator_name;
  int count = 0;
  core::DurationDistribution delay = core::DurationDistribution::fixed(0);
  int priority = 0;
  std::string name;
  SourceLocation location;
};

struct DecisionOption {
  std::string id;
  std::string label;  //!< what the players read
  std::vector<Intervention> interventions;
  std::string source;  //!< source or ASSUMPTION of what the option does
  SourceLocation location;
};

//! A moment at which the players choose. When nobody decides, `default_option` is taken.
struct DecisionPoint {
  std::string id;
  Trigger trigger;
  std::string prompt;
  std::string to;  //!< the player cell that decides
  std::string objective;
  std::vector<DecisionOption> options;
  std::string default_option;  //!< an option id
  SourceLocation location;
};

struct ExerciseObjective {
  std::string id;
  std::string text;
};

//! `exercise:` in a scenario.
struct Exercise {
  std::string title;
  std::string start_wall_clock;  //!< wall-clock of t = 0 for the MSEL (ISO 8601); empty: scenario start_time
  std::vector<ExerciseObjective> objectives;
  std::vector<Inject> injects;
  std::vector<DecisionPoint> decisions;
  //! Draft injects from the model itself (first loss of view at a control centre, first customers
  //! out, restoration milestones).
  bool model_injects = true;

  [[nodiscard]] bool empty() const { return injects.empty() && decisions.empty(); }
};

//! Scripted choices: decision id -> option id (`--decide ID=OPTION`).
using Choices = std::map<std::string, std::string>;

std::string_view to_string(Intervention::Kind kind);
std::optional<Intervention::Kind> parse_intervention_kind(std::string_view text);
std::vector<std::string> intervention_kind_names();
std::string_view to_string(Trigger::Kind kind);

}  // namespace blackstart::model
