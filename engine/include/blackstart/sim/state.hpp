#pragma once
#include <optional>
#include <string_view>

#include "blackstart/model/types.hpp"
#include "blackstart/sim/cause.hpp"

namespace blackstart::sim {

enum class State : std::uint8_t { InService, Degraded, Failed, Compromised, OnBackup, UnderRepair, Restored };

//! What kind of change a log row records: the asset's state, or its remote control / visibility.
enum class ChangeKind : std::uint8_t { State, Control, View };

std::string_view to_string(State state);
std::optional<State> parse_state(std::string_view text);
//! True for states in which an asset delivers its service (possibly reduced or on backup).
bool is_operational(State state);

struct StateChange {
  double time_min = 0.0;
  model::ElementIndex element = model::kNoElement;
  ChangeKind change = ChangeKind::State;
  State from = State::InService;  //!< ChangeKind::State
  State to = State::InService;    //!< ChangeKind::State
  bool lost = false;              //!< Control / View: true when control or view was lost here
  Cause cause;
};

//! Names as files show them: a state name, or controlled/loss_of_control, visible/loss_of_view.
std::string_view from_name(const StateChange& change);
std::string_view to_name(const StateChange& change);

}  // namespace blackstart::sim
