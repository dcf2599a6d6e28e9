#include "blackstart/sim/state.hpp"

#include <array>

namespace blackstart::sim {

namespace {
constexpr std::array<std::pair<State, std::string_view>, 7> kStates{{{State::InService, "in_service"},
                                                                     {State::Degraded, "degraded"},
                                                                     {State::Failed, "failed"},
                                                                     {State::Compromised, "compromised"},
                                                                     {State::OnBackup, "on_backup"},
                                                                     {State::UnderRepair, "under_repair"},
                                                                     {State::Restored, "restored"}}};

std::string_view flag_name(ChangeKind kind, bool lost) {
  if (kind == ChangeKind::Control) return lost ? "loss_of_control" : "controlled";
  return lost ? "loss_of_view" : "visible";
}
}  // namespace

std::string_view to_string(State state) {
  for (const auto& [s, name] : kStates)
    if (s == state) return name;
  return "?";
}

std::optional<State> parse_state(std::string_view text) {
  for (const auto& [s, name] : kStates)
    if (name == text) return s;
  return std::nullopt;
}

bool is_operational(State state) {
  return state == State::InService || state == State::Degraded || state == State::OnBackup ||
         state == State::Restored;
}

std::string_view from_name(const StateChange& change) {
  return change.change == ChangeKind::State ? to_string(change.from) : flag_name(change.change, !change.lost);
}

std::string_view to_name(const StateChange& change) {
  return change.change == ChangeKind::State ? to_string(change.to) : flag_name(change.change, change.lost);
}

}  // namespace blackstart::sim
