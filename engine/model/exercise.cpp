#include "blackstart/model/exercise.hpp"

#include <array>
#include <utility>

#include "name_table.hpp"

namespace blackstart::model {

using detail::name_in;
using detail::names_in;
using detail::value_in;

namespace {
constexpr std::array<std::pair<Intervention::Kind, std::string_view>, 10> kInterventions{
    {{Intervention::Kind::DispatchCrews, "dispatch_crews"},
     {Intervention::Kind::MutualAid, "mutual_aid"},
     {Intervention::Kind::Isolate, "isolate"},
     {Intervention::Kind::ManualOperations, "manual_operations"},
     {Intervention::Kind::ShedLoad, "shed_load"},
     {Intervention::Kind::RestoreLoad, "restore_load"},
     {Intervention::Kind::RevokeCredentials, "revoke_credentials"},
     {Intervention::Kind::RestoreFromBackup, "restore_from_backup"},
     {Intervention::Kind::EnableControl, "enable_control"},
     {Intervention::Kind::DisableControl, "disable_control"}}};
constexpr std::array<std::pair<Trigger::Kind, std::string_view>, 5> kTriggers{
    {{Trigger::Kind::Time, "time"},
     {Trigger::Kind::AssetState, "asset_state"},
     {Trigger::Kind::Detection, "detection"},
     {Trigger::Kind::AttackStep, "attack_step"},
     {Trigger::Kind::Decision, "decision"}}};
}  // namespace

std::string_view to_string(Intervention::Kind kind) {
  return name_in(kInterventions, kind);
}
std::optional<Intervention::Kind> parse_intervention_kind(std::string_view text) {
  return value_in(kInterventions, text);
}
std::vector<std::string> intervention_kind_names() {
  return names_in(kInterventions);
}
std::string_view to_string(Trigger::Kind kind) {
  return name_in(kTriggers, kind);
}

}  // namespace blackstart::model
