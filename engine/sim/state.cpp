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
}

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
  }
  return "?";
}

bool is_operational(State state) {
  return state == State::InService || state == State::Degraded || state == State::OnBackup ||
         state == State::Restored;
}

}  // namespace blackstart::sim
