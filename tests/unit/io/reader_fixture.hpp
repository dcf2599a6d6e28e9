#pragma once
// A scenario reader on its own: YAML snippets go straight to one section reader, and the
// diagnostics come back as text ("test.yaml:LINE:COLUMN: error: ..."), lines counted from the
// snippet's first line.
#include <yaml-cpp/yaml.h>

#include <string>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/model/scenario.hpp"
#include "io/layers_reader.hpp"
#include "io/yaml_reader.hpp"

namespace blackstart::test {

struct ReaderFixture {
  explicit ReaderFixture(const std::filesystem::path& base_dir = ".")
      : yaml("test.yaml", base_dir, diagnostics) {}

  //! Reads `layers:` from a snippet, so that later sections find their targets.
  void layers(const std::string& text) { io::read_layers(yaml, YAML::Load(text), scenario.network); }
  //! The diagnostics so far, one per line.
  [[nodiscard]] std::string messages() const { return diagnostics.to_string(); }

  core::Diagnostics diagnostics;
  io::YamlReader yaml;
  model::Scenario scenario;
};

//! A power layer with an infeed `a` and two loads `b`, `c` operated by `grid`.
inline const char* kSmallPowerLayer =
    "- name: power\n"
    "  assets:\n"
    "    - {id: a, type: infeed, capacity_mw: 10, operator: grid}\n"
    "    - {id: b, type: load, load_mw: 4, operator: grid}\n"
    "    - {id: c, type: load, load_mw: 3, operator: grid}\n"
    "  links: [{from: a, to: b}, {from: a, to: c}]\n";

}  // namespace blackstart::test
