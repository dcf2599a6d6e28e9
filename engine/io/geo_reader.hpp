#pragma once
// WGS84 coordinates in YAML: an asset's `lat` and `lon`, a link's `path: [[lat, lon], ...]`. Every
// wrong value is reported at its node (file:line:column). After the layers are read,
// `complete_coordinates` gives `lat`/`lon` to assets placed by `position: {lat, lon}` (YAML or CSV),
// a diagram position to assets that have only `lat`/`lon`, and `length_km` from coordinates to links
// that have no written length (model/geo.hpp).
#include "blackstart/model/network.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! The `lat` and `lon` keys of an asset mapping `item` (both or neither).
void read_geo_place(YamlReader& yaml, model::Element& e, const YAML::Node& item);

//! `path: [[lat, lon], [lat, lon], ...]`: at least two points, each a pair of degrees in range.
void read_path(YamlReader& yaml, model::Element& e, const YAML::Node& node);

//! See the file comment; call once the layers are complete.
void complete_coordinates(model::Network& network);

}  // namespace blackstart::io
