#include "blackstart/model/campaign.hpp"

#include <array>

#include "name_table.hpp"

namespace blackstart::model {

using detail::name_in;
using detail::names_in;
using detail::value_in;

namespace {
constexpr std::array<std::pair<StepEffect, std::string_view>, 10> kEffects{
    {{StepEffect::Foothold, "foothold"},
     {StepEffect::Control, "control"},
     {StepEffect::Credentials, "credentials"},
     {StepEffect::Wipe, "wipe"},
     {StepEffect::DestroyFirmware, "destroy_firmware"},
     {StepEffect::DenyService, "deny_service"},
     {StepEffect::DisableBackup, "disable_backup"},
     {StepEffect::OpenBreaker, "open_breaker"},
     {StepEffect::Trip, "trip"},
     {StepEffect::ChangeSetpoint, "change_setpoint"}}};
constexpr std::array<std::pair<ResponseAction, std::string_view>, 4> kResponses{
    {{ResponseAction::Isolate, "isolate"},
     {ResponseAction::RevokeCredentials, "revoke_credentials"},
     {ResponseAction::ManualOperations, "manual_operations"},
     {ResponseAction::RestoreFromBackup, "restore_from_backup"}}};
}  // namespace

std::string_view to_string(StepEffect effect) {
  return name_in(kEffects, effect);
}
std::optional<StepEffect> parse_step_effect(std::string_view text) {
  return value_in(kEffects, text);
}
std::vector<std::string> step_effect_names() {
  return names_in(kEffects);
}
bool is_physical(StepEffect effect) {
  return effect == StepEffect::OpenBreaker || effect == StepEffect::Trip ||
         effect == StepEffect::ChangeSetpoint;
}

std::string_view to_string(ResponseAction action) {
  return name_in(kResponses, action);
}
std::optional<ResponseAction> parse_response_action(std::string_view text) {
  return value_in(kResponses, text);
}
std::vector<std::string> response_action_names() {
  return names_in(kResponses);
}

bool technique_matches(std::string_view pattern, std::string_view technique) {
  if (!pattern.empty() && pattern.back() == '*') {
    pattern.remove_suffix(1);
    return technique.substr(0, pattern.size()) == pattern;
  }
  return pattern == technique;
}

const Countermeasure* countermeasure_for(const Control& control, std::string_view technique) {
  if (technique.empty()) return nullptr;
  for (const auto& measure : control.countermeasures)
    for (const auto& pattern : measure.techniques)
      if (technique_matches(pattern, technique)) return &measure;
  return nullptr;
}

}  // namespace blackstart::model
