#include "yaml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "blackstart/core/text.hpp"
#include "number_text.hpp"

namespace blackstart::io {

using core::DurationDistribution;

Where where(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

model::SourceLocation YamlReader::location(const YAML::Node& node) const {
  const Where w = where(node);
  return {file_, w.line, w.column};
}

std::filesystem::path YamlReader::resolve_path(const YAML::Node& node) const {
  return base_dir_ / node.Scalar();
}

void YamlReader::error(Where at, const std::string& message) {
  diagnostics_.error(file_, at.line, at.column, message);
}
void YamlReader::error(const YAML::Node& node, const std::string& message) {
  error(where(node), message);
}
void YamlReader::warning(const YAML::Node& node, const std::string& message) {
  const Where w = where(node);
  diagnostics_.warning(file_, w.line, w.column, message);
}

void YamlReader::adopt_file_diagnostics(const YAML::Node& node, const std::string& key,
                                        core::Diagnostics found) {
  for (auto d : found.items()) {
    if (d.line == 0) {
      const Where w = where(node);
      d.message = key + " '" + node.Scalar() + "': " + d.message;
      d.file = file_;
      d.line = w.line;
      d.column = w.column;
    }
    diagnostics_.add(std::move(d));
  }
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& what,
                            const std::vector<std::string>& allowed) {
  if (!node.IsMap()) {
    error(node, what + " must be a mapping of key: value pairs");
    return false;
  }
  std::set<std::string> seen;
  for (const auto& item : node) {
    const std::string key = item.first.Scalar();
    if (!seen.insert(key).second) error(item.first, "duplicate key '" + key + "' in " + what);
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      error(item.first, "unknown key '" + key + "' in " + what + core::did_you_mean(key, allowed) +
                            "; allowed: " + core::join(allowed, ", "));
  }
  return true;
}

void YamlReader::check_duplicate_keys(const YAML::Node& node) {
  std::set<std::string> seen;
  for (const auto& kv : node)
    if (!seen.insert(kv.first.Scalar()).second) error(kv.first, "duplicate key '" + kv.first.Scalar() + "'");
}

std::string YamlReader::text(const YAML::Node& node, const std::string& what) {
  return string_of(node, what).value_or("");
}

std::optional<std::string> YamlReader::string_of(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) {
    error(node, what + " must be a single value, not a list or mapping");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<long long> YamlReader::integer_of(const YAML::Node& node, const std::string& what, double min,
                                                double max) {
  auto v = number_of(node, what, min, max);
  if (!v) return std::nullopt;
  if (*v != std::floor(*v)) {
    error(node, what + " must be a whole number, got '" + node.Scalar() + "'");
    return std::nullopt;
  }
  return static_cast<long long>(*v);
}

std::optional<double> YamlReader::number_of(const YAML::Node& node, const std::string& what, double min,
                                            double max, const std::string& unit) {
  if (!node.IsScalar()) {
    error(node, what + " must be a number");
    return std::nullopt;
  }
  std::string problem;
  const auto value = checked_number(node.Scalar(), what, min, max, unit, problem);
  if (!value) error(node, problem);
  return value;
}

std::optional<bool> YamlReader::bool_of(const YAML::Node& node, const std::string& what) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "yes" || s == "1") return true;
    if (s == "false" || s == "no" || s == "0") return false;
  }
  error(node, what + " must be true or false");
  return std::nullopt;
}

std::optional<double> YamlReader::duration_of(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) {
    error(node, what + " must be a duration such as 15min, 2h or 1d");
    return std::nullopt;
  }
  std::string why;
  const auto d = core::parse_duration(node.Scalar(), &why);
  if (!d) {
    error(node, what + ": " + why);
    return std::nullopt;
  }
  if (d->minutes < 0) {
    error(node, what + " must not be negative");
    return std::nullopt;
  }
  return d->minutes;
}

std::optional<DurationDistribution> YamlReader::distribution_of(const YAML::Node& node,
                                                                const std::string& what) {
  if (node.IsScalar()) {
    auto m = duration_of(node, what);
    if (!m) return std::nullopt;
    return DurationDistribution::fixed(*m);
  }
  if (!expect_map(node, what, {"dist", "min", "max", "mode", "median", "sigma"})) return std::nullopt;
  if (!node["dist"]) {
    error(node, what + " needs 'dist' (uniform, triangular or lognormal) or a plain duration like 30min");
    return std::nullopt;
  }
  const std::string kind = text(node["dist"], what + ".dist");
  auto need = [&](const char* key) -> std::optional<double> {
    if (!node[key]) {
      error(node, what + ": a " + kind + " distribution needs '" + key + "'");
      return std::nullopt;
    }
    return duration_of(node[key], what + "." + key);
  };
  DurationDistribution dist;
  if (kind == "uniform") {
    auto lo = need("min"), hi = need("max");
    if (!lo || !hi) return std::nullopt;
    if (*hi < *lo) {
      error(node["max"], what + ": max must not be below min");
      return std::nullopt;
    }
    dist = {DurationDistribution::Kind::Uniform, *lo, *hi, 0, 0};
  } else if (kind == "triangular") {
    auto lo = need("min"), mode = need("mode"), hi = need("max");
    if (!lo || !mode || !hi) return std::nullopt;
    if (!(*lo <= *mode && *mode <= *hi)) {
      error(node, what + ": triangular needs min <= mode <= max");
      return std::nullopt;
    }
    dist = {DurationDistribution::Kind::Triangular, *lo, *mode, *hi, 0};
  } else if (kind == "lognormal") {
    auto median = need("median");
    if (!median) return std::nullopt;
    if (!node["sigma"]) {
      error(node, what + ": a lognormal distribution needs 'sigma'");
      return std::nullopt;
    }
    auto sigma = number_of(node["sigma"], what + ".sigma", 0.0, 10.0);
    if (!sigma) return std::nullopt;
    dist = {DurationDistribution::Kind::Lognormal, *median, 0, 0, *sigma};
  } else {
    error(node["dist"], "unknown distribution '" + kind + "'" +
                            core::did_you_mean(kind, {"uniform", "triangular", "lognormal"}) +
                            "; use uniform, triangular or lognormal");
    return std::nullopt;
  }
  return dist;
}

std::optional<DurationDistribution> YamlReader::probability_distribution_of(const YAML::Node& node) {
  if (!expect_map(node, "probability", {"dist", "min", "mode", "max"})) return std::nullopt;
  const std::string kind = node["dist"] ? text(node["dist"], "probability.dist") : std::string();
  auto need = [&](const char* key) -> std::optional<double> {
    if (!node[key]) {
      error(node, "probability: a " + kind + " distribution needs '" + key + "'");
      return std::nullopt;
    }
    return number_of(node[key], std::string("probability.") + key, 0.0, 1.0);
  };
  if (kind == "uniform") {
    auto lo = need("min"), hi = need("max");
    if (!lo || !hi) return std::nullopt;
    if (*hi < *lo) {
      error(node["max"], "probability: max must not be below min");
      return std::nullopt;
    }
    return DurationDistribution{DurationDistribution::Kind::Uniform, *lo, *hi, 0, 0};
  }
  if (kind == "triangular") {
    auto lo = need("min"), mode = need("mode"), hi = need("max");
    if (!lo || !mode || !hi) return std::nullopt;
    if (!(*lo <= *mode && *mode <= *hi)) {
      error(node, "probability: triangular needs min <= mode <= max");
      return std::nullopt;
    }
    return DurationDistribution{DurationDistribution::Kind::Triangular, *lo, *mode, *hi, 0};
  }
  error(node["dist"] ? node["dist"] : node,
        "probability must be a number from 0 to 1 or {dist: uniform|triangular, ...}" +
            (kind.empty() ? std::string() : "; unknown distribution '" + kind + "'"));
  return std::nullopt;
}

}  // namespace blackstart::io
