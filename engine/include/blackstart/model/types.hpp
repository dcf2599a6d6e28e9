#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blackstart::model {

//! Index of an asset or link in `Network::elements()`; stable for the life of a network.
using ElementIndex = std::uint32_t;
inline constexpr ElementIndex kNoElement = 0xffffffffu;

enum class LayerKind { Power, Transport, Cyber, Other };

//! What an element does for the built-in rules.
enum class Role {
  Source,     //!< power generator/infeed: feeds its island up to capacity_mw
  Bus,        //!< power substation/bus: passes power on
  Load,       //!< power load: demand load_mw, serves `customers`
  Service,    //!< transport asset carrying passengers_per_hour
  Equipment,  //!< anything else: works or does not
};

enum class DependencyKind { Power, Control, Monitoring, Communication, Fuel, Access };

//! What losing a supplier does to the dependent.
enum class DependencyEffect {
  Fail,         //!< dependent stops working (power, fuel, communication by default)
  Degrade,      //!< dependent keeps working at a reduced capacity factor
  LoseControl,  //!< dependent can no longer be operated remotely (control by default)
  LoseView,     //!< operators can no longer see the dependent (monitoring by default)
  BlockAccess,  //!< crews cannot reach the dependent for manual work (access by default)
};

std::string_view to_string(LayerKind kind);
std::string_view to_string(DependencyKind kind);
std::string_view to_string(DependencyEffect effect);
std::optional<LayerKind> parse_layer_kind(std::string_view text);
std::optional<DependencyKind> parse_dependency_kind(std::string_view text);
std::optional<DependencyEffect> parse_dependency_effect(std::string_view text);
DependencyEffect default_effect(DependencyKind kind);

}  // namespace blackstart::model
