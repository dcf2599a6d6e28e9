// The YAML value reader on its own: typed getters, and their messages with line and column.
#include "io/yaml_reader.hpp"

#include <catch2/catch.hpp>

#include "io/number_text.hpp"

using namespace blackstart;

namespace {
struct Yaml {
  core::Diagnostics diagnostics;
  io::YamlReader reader{"v.yaml", ".", diagnostics};
  YAML::Node doc;
  explicit Yaml(const std::string& text) : doc(YAML::Load(text)) {}
  [[nodiscard]] std::string messages() const { return diagnostics.to_string(); }
};
}  // namespace

TEST_CASE("yaml reader: numbers, whole numbers and ranges", "[io][yaml]") {
  Yaml y("a: 2.5\nb: 1e400\nc: abc\nd: [1]\ne: 7\nf: 1.5\ng: .nan\nh: -3\n");
  CHECK(y.reader.number_of(y.doc["a"], "a") == 2.5);
  CHECK_FALSE(y.reader.number_of(y.doc["b"], "b"));  // too large for a double
  CHECK_FALSE(y.reader.number_of(y.doc["c"], "c", 0, 10, "MW"));
  CHECK_FALSE(y.reader.number_of(y.doc["d"], "d"));
  CHECK_FALSE(y.reader.number_of(y.doc["e"], "e", 0, 5));
  CHECK_FALSE(y.reader.integer_of(y.doc["f"], "f", 0, 10));
  CHECK_FALSE(y.reader.number_of(y.doc["g"], "g"));
  CHECK_FALSE(y.reader.number_of(y.doc["h"], "h", 0));
  CHECK(y.messages() ==
        "v.yaml:2:4: error: b must be a number, got '1e400'\n"
        "v.yaml:3:4: error: c must be a number in MW, got 'abc'\n"
        "v.yaml:4:4: error: d must be a number\n"
        "v.yaml:5:4: error: e = 7 is out of range [0, 5]\n"
        "v.yaml:6:4: error: f must be a whole number, got '1.5'\n"
        "v.yaml:7:4: error: g must be a finite number, got '.nan'\n"
        "v.yaml:8:4: error: h = -3 is out of range; it must be at least 0\n");
}

TEST_CASE("yaml reader: strings, booleans and durations", "[io][yaml]") {
  Yaml y("s: text\nl: [a]\nb: yes\nc: maybe\nd: 90min\ne: -5min\nf: 15\ng: {a: 1}\n");
  CHECK(y.reader.string_of(y.doc["s"], "s") == "text");
  CHECK(y.reader.text(y.doc["l"], "l").empty());
  CHECK(y.reader.bool_of(y.doc["b"], "b") == true);
  CHECK_FALSE(y.reader.bool_of(y.doc["c"], "c"));
  CHECK(y.reader.duration_of(y.doc["d"], "d") == 90);
  CHECK_FALSE(y.reader.duration_of(y.doc["e"], "e"));
  CHECK_FALSE(y.reader.duration_of(y.doc["f"], "f"));
  CHECK_FALSE(y.reader.duration_of(y.doc["g"], "g"));
  CHECK(y.messages() ==
        "v.yaml:2:4: error: l must be a single value, not a list or mapping\n"
        "v.yaml:4:4: error: c must be true or false\n"
        "v.yaml:6:4: error: e must not be negative\n"
        "v.yaml:7:4: error: f: duration '15' needs a unit: s, min, h, d or w (e.g. 15min)\n"
        "v.yaml:8:4: error: g must be a duration such as 15min, 2h or 1d\n");
}

TEST_CASE("yaml reader: distributions", "[io][yaml]") {
  Yaml y(
      "fixed: 30min\n"
      "tri: {dist: triangular, min: 10min, mode: 20min, max: 1h}\n"
      "logn: {dist: lognormal, median: 30min, sigma: 0.5}\n"
      "nodist: {min: 1h}\n"
      "order: {dist: uniform, min: 2h, max: 1h}\n"
      "missing: {dist: lognormal, median: 1h}\n"
      "unknown: {dist: weibull}\n"
      "p: {dist: uniform, min: 0.2, max: 0.6}\n"
      "pbad: {dist: normal}\n");
  using Kind = core::DurationDistribution::Kind;
  CHECK(y.reader.distribution_of(y.doc["fixed"], "fixed")->a_min == 30);
  const auto tri = y.reader.distribution_of(y.doc["tri"], "tri");
  REQUIRE(tri);
  CHECK(tri->kind == Kind::Triangular);
  CHECK(y.reader.distribution_of(y.doc["logn"], "logn")->kind == Kind::Lognormal);
  CHECK_FALSE(y.reader.distribution_of(y.doc["nodist"], "nodist"));
  CHECK_FALSE(y.reader.distribution_of(y.doc["order"], "order"));
  CHECK_FALSE(y.reader.distribution_of(y.doc["missing"], "missing"));
  CHECK_FALSE(y.reader.distribution_of(y.doc["unknown"], "unknown"));
  CHECK(y.reader.probability_distribution_of(y.doc["p"])->kind == Kind::Uniform);
  CHECK_FALSE(y.reader.probability_distribution_of(y.doc["pbad"]));
  CHECK(y.messages() ==
        "v.yaml:4:9: error: nodist needs 'dist' (uniform, triangular or lognormal) or a plain duration like "
        "30min\n"
        "v.yaml:5:38: error: order: max must not be below min\n"
        "v.yaml:6:10: error: missing: a lognormal distribution needs 'sigma'\n"
        "v.yaml:7:17: error: unknown distribution 'weibull'; use uniform, triangular or lognormal\n"
        "v.yaml:9:14: error: probability must be a number from 0 to 1 or {dist: uniform|triangular, ...}; "
        "unknown distribution 'normal'\n");
}

TEST_CASE("yaml reader: mappings with allowed keys", "[io][yaml]") {
  Yaml y("m: {crews: 1, crew: 2, crews: 3}\nl: [1]\n");
  CHECK(y.reader.expect_map(y.doc["m"], "a thing", {"crews", "count"}));
  CHECK_FALSE(y.reader.expect_map(y.doc["l"], "a list", {"x"}));
  CHECK(y.messages() ==
        "v.yaml:1:15: error: unknown key 'crew' in a thing (did you mean 'crews'?); allowed: crews, count\n"
        "v.yaml:1:24: error: duplicate key 'crews' in a thing\n"
        "v.yaml:2:4: error: a list must be a mapping of key: value pairs\n");
}

TEST_CASE("number text: one parser and one wording for YAML values and CSV cells", "[io][yaml]") {
  CHECK(io::parse_number(" 2.5 ") == 2.5);
  CHECK(io::parse_number("+3") == 3);
  CHECK(std::isinf(*io::parse_number("-.inf")));
  CHECK_FALSE(io::parse_number("5MW"));
  CHECK_FALSE(io::parse_number(""));
  std::string problem;
  CHECK_FALSE(io::checked_number("200", "lon", -180, 180, "degrees", problem));
  CHECK(problem == "lon = 200 is out of range [-180, 180] degrees");
  CHECK_FALSE(io::checked_number("x", "lat", -90, 90, "degrees", problem));
  CHECK(problem == "lat must be a number in degrees, got 'x'");
}
