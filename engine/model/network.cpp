#include "blackstart/model/network.hpp"

#include "blackstart/core/text.hpp"

namespace blackstart::model {

void set_attribute(Element& e, const std::string& name, double value) {
  if (name == "capacity_mw")
    e.capacity_mw = value;
  else if (name == "load_mw")
    e.load_mw = value;
  else if (name == "customers")
    e.customers = value;
  else if (name == "passengers_per_hour")
    e.passengers_per_hour = value;
  else if (name == "priority")
    e.priority = static_cast<int>(value);
  else if (name == "recoverable_firmware")
    e.recoverable_firmware = value != 0.0;
  else
    e.attributes[name] = value;
}

std::uint32_t Network::add_layer(std::string name, LayerKind kind) {
  Layer layer;
  layer.name = std::move(name);
  layer.kind = kind;
  layers_.push_back(std::move(layer));
  return static_cast<std::uint32_t>(layers_.size() - 1);
}

ElementIndex Network::add_asset(std::uint32_t layer_index, Element element) {
  Layer& layer = layers_.at(layer_index);
  const auto index = static_cast<ElementIndex>(elements_.size());
  element.layer = layer_index;
  element.is_link = false;
  element.id = layer.name + "/" + element.local_id;
  const auto vertex = boost::add_vertex(VertexProps{index}, layer.graph);
  layer.assets.push_back(index);
  index_.emplace(element.id, index);
  elements_.push_back(std::move(element));
  vertex_.push_back(vertex);
  return index;
}

ElementIndex Network::add_link(std::uint32_t layer_index, Element element, ElementIndex from,
                               ElementIndex to) {
  Layer& layer = layers_.at(layer_index);
  const auto index = static_cast<ElementIndex>(elements_.size());
  element.layer = layer_index;
  element.is_link = true;
  element.from = from;
  element.to = to;
  element.id = layer.name + "/" + element.local_id;
  boost::add_edge(vertex_.at(from), vertex_.at(to), EdgeProps{index}, layer.graph);
  vertex_.push_back(layer.links.size());
  layer.links.push_back(index);
  index_.emplace(element.id, index);
  elements_.push_back(std::move(element));
  return index;
}

void Network::add_dependency(Dependency dependency) {
  dependencies_.push_back(std::move(dependency));
}

std::optional<ElementIndex> Network::find(std::string_view full_id) const {
  const auto it = index_.find(std::string(full_id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> Network::find_layer(std::string_view name) const {
  for (std::uint32_t i = 0; i < layers_.size(); ++i)
    if (layers_[i].name == name) return i;
  return std::nullopt;
}

std::vector<ElementIndex> Network::match(std::string_view pattern) const {
  std::vector<ElementIndex> out;
  if (!core::has_glob(pattern)) {
    if (auto found = find(pattern)) out.push_back(*found);
    return out;
  }
  for (ElementIndex i = 0; i < elements_.size(); ++i)
    if (core::glob_match(pattern, elements_[i].id)) out.push_back(i);
  return out;
}

}  // namespace blackstart::model
