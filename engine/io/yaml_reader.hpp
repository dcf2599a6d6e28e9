#pragma once
// Typed values from YAML nodes. Every wrong value becomes a diagnostic at the node's file, line and
// column, and the getter returns nothing, so section readers go on and report every problem.
// yaml-cpp stays inside engine/io: no public header includes this one.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/core/duration.hpp"
#include "blackstart/model/network.hpp"

namespace blackstart::io {

//! Where a node starts, 1-based; {0, 0} for a node without a position.
struct Where {
  int line = 0;
  int column = 0;
};
Where where(const YAML::Node& node);

class YamlReader {
 public:
  //! `file` names the document in messages; files it names are read relative to `base_dir`.
  YamlReader(std::string file, std::filesystem::path base_dir, core::Diagnostics& diagnostics)
      : file_(std::move(file)), base_dir_(std::move(base_dir)), diagnostics_(diagnostics) {}

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] core::Diagnostics& diagnostics() { return diagnostics_; }
  //! Where `node` is, as stored with the scenario's elements, events and settings.
  [[nodiscard]] model::SourceLocation location(const YAML::Node& node) const;
  //! A file named by `node`, relative to the document's folder.
  [[nodiscard]] std::filesystem::path resolve_path(const YAML::Node& node) const;

  void error(Where at, const std::string& message);
  void error(const YAML::Node& node, const std::string& message);
  void warning(const YAML::Node& node, const std::string& message);
  //! Diagnostics of a file that `node` names (a CSV file, a MATPOWER case): those with a line stay
  //! as they are; those without one (a missing file) are reported at `node`, as "KEY 'NAME': ...".
  void adopt_file_diagnostics(const YAML::Node& node, const std::string& key, core::Diagnostics found);

  //! Checks that `node` is a map whose keys are all allowed; reports unknown and duplicate keys.
  bool expect_map(const YAML::Node& node, const std::string& what, const std::vector<std::string>& allowed);
  //! Reports keys that appear twice in a map (for maps whose keys are open, such as assets).
  void check_duplicate_keys(const YAML::Node& node);

  //! The scalar text of a node; a list or mapping is reported and gives "".
  std::string text(const YAML::Node& node, const std::string& what);
  std::optional<std::string> string_of(const YAML::Node& node, const std::string& what);
  //! A whole number within a range.
  std::optional<long long> integer_of(const YAML::Node& node, const std::string& what, double min,
                                      double max);
  std::optional<double> number_of(const YAML::Node& node, const std::string& what, double min = -1e300,
                                  double max = 1e300, const std::string& unit = "");
  //! true/yes/1 or false/no/0.
  std::optional<bool> bool_of(const YAML::Node& node, const std::string& what);
  //! A non-negative duration such as 15min, in minutes.
  std::optional<double> duration_of(const YAML::Node& node, const std::string& what);
  //! `30min`, or `{dist: uniform, min: 10min, max: 1h}`, `{dist: triangular, min, mode, max}`,
  //! `{dist: lognormal, median: 30min, sigma: 0.5}`.
  std::optional<core::DurationDistribution> distribution_of(const YAML::Node& node, const std::string& what);
  //! `{dist: uniform, min: 0.2, max: 0.6}` or `{dist: triangular, min, mode, max}` over 0..1.
  std::optional<core::DurationDistribution> probability_distribution_of(const YAML::Node& node);

 private:
  std::string file_;
  std::filesystem::path base_dir_;
  core::Diagnostics& diagnostics_;
};

}  // namespace blackstart::io
