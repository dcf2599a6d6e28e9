#include "matpower_layer_reader.hpp"

#include "blackstart/io/matpower.hpp"
#include "blackstart/io/matpower_import.hpp"

namespace blackstart::io {

void read_matpower_layer(YamlReader& yaml, model::Network& network, std::uint32_t layer,
                         const YAML::Node& node) {
  if (network.layers()[layer].kind != model::LayerKind::Power) {
    yaml.error(node, "'matpower' imports into a power layer: name the layer 'power' or add 'kind: power'");
    return;
  }
  ImportOptions options;
  if (node.IsMap()) {
    if (!yaml.expect_map(node, "matpower", {"file", "customers_per_mw"})) return;
    if (!node["file"]) {
      yaml.error(node, "matpower needs 'file', the MATPOWER case (.m) to import");
      return;
    }
    if (node["customers_per_mw"]) {
      const auto v = yaml.number_of(node["customers_per_mw"], "customers_per_mw", 0.0, 1e6);
      if (!v) return;
      options.customers_per_mw = *v;
    }
  }
  const YAML::Node file = node.IsMap() ? node["file"] : node;  // yaml-cpp: never assign to a Node
  if (!file.IsScalar()) {
    yaml.error(file, "matpower must name a MATPOWER case file (.m)");
    return;
  }
  auto read = load_matpower_file(yaml.resolve_path(file));
  core::Diagnostics found = std::move(read.diagnostics);
  if (read.power_case && !found.has_errors())
    found.append(add_power_case_layer(network, layer, *read.power_case, options));
  yaml.adopt_file_diagnostics(file, "matpower", std::move(found));
}

}  // namespace blackstart::io
