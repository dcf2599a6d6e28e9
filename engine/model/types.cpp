#include "blackstart/model/types.hpp"

#include <array>
#include <utility>

namespace blackstart::model {

namespace {
constexpr std::array<std::pair<LayerKind, std::string_view>, 4> kLayerKinds{
    {{LayerKind::Power, "power"},
     {LayerKind::Transport, "transport"},
     {LayerKind::Cyber, "cyber"},
     {LayerKind::Other, "other"}}};
constexpr std::array<std::pair<DependencyKind, std::string_view>, 6> kDependencyKinds{
    {{DependencyKind::Power, "power"},
     {DependencyKind::Control, "control"},
     {DependencyKind::Monitoring, "monitoring"},
     {DependencyKind::Communication, "communication"},
     {DependencyKind::Fuel, "fuel"},
     {DependencyKind::Access, "access"}}};
constexpr std::array<std::pair<DependencyEffect, std::string_view>, 5> kEffects{
    {{DependencyEffect::Fail, "fail"},
     {DependencyEffect::Degrade, "degrade"},
     {DependencyEffect::LoseControl, "lose_control"},
     {DependencyEffect::LoseView, "lose_view"},
     {DependencyEffect::BlockAccess, "block_access"}}};

template <typename Table, typename Value>
std::string_view name_of(const Table& table, Value value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}
template <typename Table>
auto value_of(const Table& table, std::string_view text)
    -> std::optional<typename Table::value_type::first_type> {
  for (const auto& [v, name] : table)
    if (name == text) return v;
  return std::nullopt;
}
}  // namespace

std::string_view to_string(LayerKind kind) {
  return name_of(kLayerKinds, kind);
}
std::string_view to_string(DependencyKind kind) {
  return name_of(kDependencyKinds, kind);
}
std::string_view to_string(DependencyEffect effect) {
  return name_of(kEffects, effect);
}
std::optional<LayerKind> parse_layer_kind(std::string_view text) {
  return value_of(kLayerKinds, text);
}
std::optional<DependencyKind> parse_dependency_kind(std::string_view text) {
  return value_of(kDependencyKinds, text);
}
std::optional<DependencyEffect> parse_dependency_effect(std::string_view text) {
  return value_of(kEffects, text);
}

DependencyEffect default_effect(DependencyKind kind) {
  switch (kind) {
    case DependencyKind::Control:
      return DependencyEffect::LoseControl;
    case DependencyKind::Monitoring:
      return DependencyEffect::LoseView;
    case DependencyKind::Access:
      return DependencyEffect::BlockAccess;
    default:
      return DependencyEffect::Fail;
  }
}

}  // namespace blackstart::model
