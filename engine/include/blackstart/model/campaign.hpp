#pragma once
// The attacker and the defender as part of the model: an attack campaign made of steps that need
// each other and a path over the cyber layer, security controls that block, delay or detect the
// techniques they counter, and response playbooks that act on detections. The simulator turns them
// into events on the network; nothing here names an outcome. Rules for users: docs/campaigns.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/core/duration.hpp"
#include "blackstart/model/network.hpp"

namespace blackstart::model {

//! What a successful attack step does to its target.
enum class StepEffect : std::uint8_t {
  Foothold,         //!< the attacker runs code on it; it keeps working, defenders do not see it
  Control,          //!< the attacker takes it over; defenders lose it (state compromised)
  Credentials,      //!< the attacker holds credentials (the target names where they are used)
  Wipe,             //!< data destroyed (KillDisk): host rebuilt on site
  DestroyFirmware,  //!< bricked device
  DenyService,      //!< unavailable for `duration`, or until rebooted on site (`manual_reboot`)
  DisableBackup,    //!< its backups no longer carry it (e.g. a UPS switched off remotely)
  OpenBreaker,      //!< physical: needs a controlled asset that controls the target
  Trip,             //!< physical: as OpenBreaker, a protection trip
  ChangeSetpoint,   //!< physical: a source produces only `setpoint` of its capacity
};

std::string_view to_string(StepEffect effect);
std::optional<StepEffect> parse_step_effect(std::string_view text);
std::vector<std::string> step_effect_names();
//! Effects that act on the physical process through control dependencies.
bool is_physical(StepEffect effect);

//! One step of the campaign, tried on each of its targets.
struct AttackStep {
  std::string id;
  std::string technique;  //!< MITRE ATT&CK (ICS or Enterprise) id, e.g. T0831, T1566.001
  std::string description;
  std::string target_pattern;               //!< as written, for reports
  std::vector<ElementIndex> targets;        //!< resolved at load, in index order
  std::vector<std::uint32_t> requires_all;  //!< indexes of steps that must all have succeeded
  std::vector<std::uint32_t> requires_any;  //!< ... at least one of these (empty: no condition)
  StepEffect effect = StepEffect::Foothold;
  //! Time from the moment the step can run on a target to the end of one attempt.
  core::DurationDistribution time_to_compromise = core::DurationDistribution::fixed(0);
  double success_probability = 1.0;  //!< per attempt
  int retries = 0;                   //!< further attempts after a failure, each with a new time
  //! DenyService: none = until rebooted on site. ChangeSetpoint: none = until operators reset it.
  std::optional<core::DurationDistribution> duration;
  //! Timed launch: the step waits until this time (minutes from the scenario start) even when it
  //! could run earlier — the dwell of a campaign that strikes at a chosen moment.
  std::optional<double> not_before_min;
  //! Or: it runs this long after it first could (e.g. the operator's shift change).
  std::optional<double> delay_after_ready_min;
  std::optional<std::size_t> max_targets;  //!< stop after this many targets succeeded
  //! ChangeSetpoint: fraction of its capacity the target still produces. It lasts `duration`, or
  //! until operators notice and reset it (detection, then remote switching, or a crew's manual
  //! switching when they have lost control of it).
  double setpoint = 0.0;
  SourceLocation location;
};

//! What the campaign wants: these steps succeeded on at least `min_targets` targets in all.
struct Objective {
  std::string id;
  std::string description;
  std::vector<std::uint32_t> steps;
  std::size_t min_targets = 1;
  SourceLocation location;
};

struct Campaign {
  std::string name;
  std::string description;
  std::vector<ElementIndex> entry;  //!< assets the attacker holds at `start_min` (e.g. a phished PC)
  double start_min = 0.0;           //!< may be negative: the campaign began before the run (its dwell)
  std::vector<AttackStep> steps;
  std::vector<Objective> objectives;
  SourceLocation location;

  [[nodiscard]] bool empty() const { return steps.empty(); }
};

//! How a control acts on one set of techniques. Every number is a probability or a time; a
//! control's effect on a run comes only from the techniques the campaign's steps use.
struct Countermeasure {
  std::vector<std::string> techniques;  //!< exact ids, or a prefix ending in '*' (T1566*)
  double block_probability = 0.0;       //!< an attempt fails outright
  double delay_factor = 1.0;            //!< time to compromise multiplied by this
  double delay_added_min = 0.0;         //!< ... and this added
  double detect_probability = 0.0;      //!< an attempt (successful or not) raises an alert
  core::DurationDistribution time_to_detect = core::DurationDistribution::fixed(0);
};

//! A named security control: on or off per scenario or mitigation.
struct Control {
  std::string name;
  std::string mitigation_id;  //!< MITRE ATT&CK mitigation, e.g. M0932
  std::string description;
  std::string source;       //!< where its technique mapping and numbers come from (or ASSUMPTION)
  std::string assumptions;  //!< why its numbers are what they are, each labelled ASSUMPTION
  bool enabled = true;
  std::vector<Countermeasure> countermeasures;
  SourceLocation location;
};

//! What a response playbook does once it runs.
enum class ResponseAction : std::uint8_t {
  Isolate,            //!< take the target links out of service (cut the attacker's paths)
  RevokeCredentials,  //!< the attacker loses credential steps and everything reached through them
  ManualOperations,   //!< operators switch to manual control: crews sent to the targets at once
  RestoreFromBackup,  //!< compromised or wiped target hosts are rebuilt from backup
};

std::string_view to_string(ResponseAction action);
std::optional<ResponseAction> parse_response_action(std::string_view text);
std::vector<std::string> response_action_names();

//! A playbook: when an alert is raised (by any control, or only for listed techniques), it acts
//! after `delay`. Without a response, a detection changes nothing in the run.
struct Response {
  std::string name;
  std::string description;
  bool enabled = true;
  std::vector<std::string> on_techniques;  //!< empty: any alert
  core::DurationDistribution delay = core::DurationDistribution::fixed(0);
  ResponseAction action = ResponseAction::Isolate;
  std::string target_pattern;
  std::vector<ElementIndex> targets;
  SourceLocation location;
};

//! True when `technique` is matched by `pattern` (exact, or a prefix pattern ending in '*').
bool technique_matches(std::string_view pattern, std::string_view technique);

//! The first countermeasure of `control` that counters `technique` (enabled or not), or nullptr;
//! a step without a technique is never countered.
const Countermeasure* countermeasure_for(const Control& control, std::string_view technique);

}  // namespace blackstart::model
