#include "blackstart/model/scenario.hpp"

#include <array>

#include "name_table.hpp"

namespace blackstart::model {

using detail::name_in;
using detail::names_in;
using detail::value_in;

namespace {
constexpr std::array<std::pair<Action, std::string_view>, 9> kActions{
    {{Action::OpenBreaker, "open_breaker"},
     {Action::Trip, "trip"},
     {Action::Damage, "damage"},
     {Action::Compromise, "compromise"},
     {Action::DestroyFirmware, "destroy_firmware"},
     {Action::Wipe, "wipe"},
     {Action::DenyService, "deny_service"},
     {Action::DisableBackup, "disable_backup"},
     {Action::Restore, "restore"}}};
}  // namespace

std::string_view to_string(Action action) {
  for (const auto& [a, name] : kActions)
    if (a == action) return name;
  return "?";
}

std::optional<Action> parse_action(std::string_view text) {
  if (text == "switch_off") return Action::OpenBreaker;
  for (const auto& [a, name] : kActions)
    if (name == text) return a;
  return std::nullopt;
}

std::vector<std::string> action_names() {
  std::vector<std::string> names;
  for (const auto& [a, name] : kActions) names.emplace_back(name);
  names.emplace_back("switch_off");
  return names;
}

namespace {
constexpr std::array<std::pair<PowerModelKind, std::string_view>, 3> kPowerModels{
    {{PowerModelKind::Connectivity, "connectivity"}, {PowerModelKind::Dc, "dc"}, {PowerModelKind::Ac, "ac"}}};
constexpr std::array<std::pair<LinkRating, std::string_view>, 4> kRatings{
    {{LinkRating::RateA, "rate_a"},
     {LinkRating::RateB, "rate_b"},
     {LinkRating::RateC, "rate_c"},
     {LinkRating::CapacityMw, "capacity_mw"}}};
constexpr std::array<std::pair<ClassicModelSpec::Attack, std::string_view>, 3> kAttacks{
    {{ClassicModelSpec::Attack::HighestLoad, "highest_load"},
     {ClassicModelSpec::Attack::HighestDegree, "highest_degree"},
     {ClassicModelSpec::Attack::Random, "random"}}};

}  // namespace

std::string_view to_string(PowerModelKind kind) {
  return name_in(kPowerModels, kind);
}
std::optional<PowerModelKind> parse_power_model(std::string_view text) {
  return value_in(kPowerModels, text);
}
std::vector<std::string> power_model_names() {
  return names_in(kPowerModels);
}

std::string_view to_string(LinkRating rating) {
  return name_in(kRatings, rating);
}
std::optional<LinkRating> parse_link_rating(std::string_view text) {
  return value_in(kRatings, text);
}
std::vector<std::string> link_rating_names() {
  return names_in(kRatings);
}

std::string_view to_string(ClassicModelSpec::Attack attack) {
  return name_in(kAttacks, attack);
}
std::optional<ClassicModelSpec::Attack> parse_classic_attack(std::string_view text) {
  return value_in(kAttacks, text);
}
std::vector<std::string> classic_attack_names() {
  return names_in(kAttacks);
}

const Mitigation* Scenario::find_mitigation(std::string_view wanted) const {
  for (const auto& m : mitigations)
    if (m.name == wanted) return &m;
  return nullptr;
}

}  // namespace blackstart::model
