#pragma once
// The map view's backdrop: the polygons, lines and points of a GeoJSON file (RFC 7946, WGS84
// longitude/latitude), read with nlohmann-json. Not GDAL: GDAL is linked by engine/geodata only
// (the import commands), the engine core and the GUI stay free of it, and a backdrop needs only
// GeoJSON's seven geometry types.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/model/network.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::io {

//! One drawable part of a backdrop feature.
struct BackdropShape {
  enum class Kind { Area, Line, Point };
  Kind kind = Kind::Line;
  //! Area: outer ring then holes; Line: one polyline; Point: one point. Points are lat/lon.
  std::vector<std::vector<model::GeoPoint>> rings;
  std::string name;  //!< the feature's `name` property, or empty
};

struct Backdrop {
  std::vector<BackdropShape> shapes;
  std::size_t features = 0;  //!< features read (a multi-part feature gives several shapes)
};

struct BackdropRead {
  std::optional<Backdrop> backdrop;  //!< set when there was no error
  core::Diagnostics diagnostics;     //!< errors name the file and line:column or the feature
};

//! Reads a GeoJSON FeatureCollection, Feature or bare geometry. Errors: not JSON (at its
//! line:column), not GeoJSON, an unknown geometry type, coordinates that are not [lon, lat] numbers
//! within range, rings with fewer than 4 positions, lines with fewer than 2. Features with a null
//! geometry are skipped. `display_name` names the file in messages.
BackdropRead read_backdrop_text(std::string_view text, const std::string& display_name);
BackdropRead read_backdrop_file(const std::filesystem::path& path);

//! A scenario's `backdrop:` key: as written, the file it names (or the compiled-in text of a
//! built-in scenario's backdrop), and where it is written.
using ScenarioBackdrop = model::Scenario::Backdrop;
//! The `backdrop:` of a scenario, as the loader checked it; nothing when it has none.
std::optional<ScenarioBackdrop> scenario_backdrop(const model::Scenario& scenario);
//! Reads a scenario's backdrop: its file, or the text compiled in with a built-in scenario.
BackdropRead read_scenario_backdrop(const ScenarioBackdrop& backdrop);

}  // namespace blackstart::io
