#include "dependency_rules.hpp"

#include "blackstart/core/duration.hpp"
#include "blackstart/core/text.hpp"
#include "number_text.hpp"

namespace blackstart::io {

std::optional<model::DependencyKind> dependency_kind_of(const std::string& text,
                                                        const DependencyReport& report) {
  const auto kind = model::parse_dependency_kind(text);
  if (!kind) {
    const std::vector<std::string> kinds{"power", "control", "monitoring", "communication", "fuel", "access"};
    report("unknown dependency kind '" + text + "'" + core::did_you_mean(text, kinds) + "; use " +
           core::join(kinds, ", "));
  }
  return kind;
}

std::optional<model::DependencyEffect> dependency_effect_of(const std::string& text,
                                                            const DependencyReport& report) {
  const auto effect = model::parse_dependency_effect(text);
  if (!effect) {
    const std::vector<std::string> effects{"fail", "degrade", "lose_control", "lose_view", "block_access"};
    report("unknown effect '" + text + "'" + core::did_you_mean(text, effects) + "; use " +
           core::join(effects, ", "));
  }
  return effect;
}

std::optional<double> degrade_factor_of(const std::string& text, const DependencyReport& report) {
  std::string problem;
  const auto factor = checked_number(text, "factor", 0.0, 1.0, "", problem);
  if (!factor) report(problem);
  return factor;
}

std::optional<double> dependency_duration_of(const std::string& text, const std::string& what,
                                             const DependencyReport& report) {
  std::string why;
  const auto d = core::parse_duration(text, &why);
  if (!d) {
    report(what + ": " + why);
    return std::nullopt;
  }
  if (d->minutes < 0) {
    report(what + " must not be negative");
    return std::nullopt;
  }
  return d->minutes;
}

}  // namespace blackstart::io
