#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "blackstart/model/types.hpp"

namespace blackstart::sim {

enum class State { InService, Degraded, Failed, Compromised, OnBackup, UnderRepair, Restored };

//! Why a state changed: a scenario event, an upstream supplier through a dependency, the power
//! physics (island lost its source, load shed), or restoration work.
enum class CauseKind { Event, Dependency, Physics, Restoration };

//! What kind of change a log row records: the asset's state, or its remote control / visibility.
enum class ChangeKind { State, Control, View };

std::string_view to_string(State state);
std::string_view to_string(CauseKind kind);
std::optional<State> parse_state(std::string_view text);
//! True for states in which an asset delivers its service (possibly reduced or on backup).
bool is_operational(State state);

struct StateChange {
  double time_min = 0.0;
  model::ElementIndex element = model::kNoElement;
  ChangeKind change = ChangeKind::State;
  std::string from;  //!< state name, or controlled/loss_of_control, visible/loss_of_view
  std::string to;
  CauseKind cause_kind = CauseKind::Event;
  std::string cause;  //!< event id, upstream asset id, or restoration agent
  model::ElementIndex cause_element = model::kNoElement;  //!< upstream asset when there is one
  std::optional<model::DependencyKind> via;               //!< dependency kind for Dependency causes
  std::string detail;                                     //!< short human explanation
};

}  // namespace blackstart::sim
