#include "target_reader.hpp"

#include <algorithm>

#include "blackstart/core/text.hpp"

namespace blackstart::io {

std::vector<model::ElementIndex> read_targets(YamlReader& yaml, const model::Network& network,
                                              const YAML::Node& node, const std::string& what) {
  std::vector<model::ElementIndex> out;
  auto one = [&](const YAML::Node& item) {
    if (!item.IsScalar()) {
      yaml.error(item, what + " must be an id, a glob like 'cyber/gw-*', or a list of them");
      return;
    }
    const std::string pattern = item.Scalar();
    auto found = network.match(pattern);
    if (found.empty()) {
      std::vector<std::string> ids;
      for (const auto& e : network.elements()) ids.push_back(e.id);
      std::string hint = core::did_you_mean(pattern, ids);
      if (pattern.find('/') == std::string::npos && hint.empty())
        hint = " (ids are written layer/asset, e.g. power/" + pattern + ")";
      yaml.error(item, what + " '" + pattern + "' " +
                           (core::has_glob(pattern) ? "matches no asset"
                                                    : "refers to an asset that does not exist") +
                           hint);
    }
    out.insert(out.end(), found.begin(), found.end());
  };
  if (node.IsSequence()) {
    if (node.size() == 0) yaml.error(node, what + " list is empty: name at least one asset");
    for (const auto& item : node) one(item);
  } else {
    one(node);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<model::ElementIndex> read_single_target(YamlReader& yaml, const model::Network& network,
                                                      const YAML::Node& node, const std::string& what) {
  auto found = read_targets(yaml, network, node, what);
  if (found.size() > 1) {
    yaml.error(node, what + " must name exactly one asset, but '" + node.Scalar() + "' matches " +
                         std::to_string(found.size()));
    return std::nullopt;
  }
  if (found.empty()) return std::nullopt;
  return found.front();
}

}  // namespace blackstart::io
