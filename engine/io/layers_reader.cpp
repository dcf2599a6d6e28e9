#include "layers_reader.hpp"

#include "assets_reader.hpp"
#include "blackstart/core/text.hpp"
#include "csv_assets_reader.hpp"
#include "element_builder.hpp"
#include "matpower_layer_reader.hpp"

namespace blackstart::io {

void read_layers(YamlReader& yaml, const YAML::Node& node, model::Network& network) {
  if (!node.IsSequence() || node.size() == 0) {
    yaml.error(node, "'layers' must be a non-empty list of layers, each with a name and assets");
    return;
  }
  ElementBuilder builder(network);
  for (const auto& layer_node : node) {
    if (!yaml.expect_map(layer_node, "a layer",
                         {"name", "kind", "matpower", "assets", "links", "assets_csv", "links_csv"}))
      continue;
    if (!layer_node["name"]) {
      yaml.error(layer_node, "a layer needs a 'name'");
      continue;
    }
    const auto name = yaml.string_of(layer_node["name"], "layer name");
    if (!name) continue;
    const YAML::Node name_node = layer_node["name"];
    if (!ElementBuilder::valid_id(*name, "layer name",
                                  [&](const std::string& m) { yaml.error(name_node, m); }))
      continue;
    if (network.find_layer(*name)) {
      yaml.error(layer_node["name"], "duplicate layer '" + *name + "'");
      continue;
    }
    model::LayerKind kind = model::parse_layer_kind(*name).value_or(model::LayerKind::Other);
    if (layer_node["kind"]) {
      const std::string k = yaml.text(layer_node["kind"], "layer kind");
      auto parsed = model::parse_layer_kind(k);
      if (!parsed) {
        yaml.error(layer_node["kind"], "unknown layer kind '" + k + "'" +
                                           core::did_you_mean(k, {"power", "transport", "cyber", "other"}) +
                                           "; use power, transport, cyber or other");
      } else {
        kind = *parsed;
      }
    }
    const auto layer = network.add_layer(*name, kind);
    if (layer_node["matpower"]) read_matpower_layer(yaml, network, layer, layer_node["matpower"]);
    if (layer_node["assets"]) read_assets(yaml, builder, layer, layer_node["assets"]);
    if (layer_node["assets_csv"]) read_assets_csv(yaml, builder, layer, layer_node["assets_csv"]);
    if (layer_node["links"]) read_links(yaml, builder, layer, layer_node["links"]);
    if (layer_node["links_csv"]) read_links_csv(yaml, builder, layer, layer_node["links_csv"]);
  }
}

}  // namespace blackstart::io
