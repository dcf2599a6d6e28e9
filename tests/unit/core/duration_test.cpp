#include <catch2/catch.hpp>

#include "blackstart/core/duration.hpp"
#include "blackstart/core/random.hpp"
#include "blackstart/core/text.hpp"

using namespace blackstart::core;

TEST_CASE("durations parse with explicit units", "[core]") {
  CHECK(parse_duration("15min")->minutes == Approx(15));
  CHECK(parse_duration("2h")->minutes == Approx(120));
  CHECK(parse_duration("1.5d")->minutes == Approx(2160));
  CHECK(parse_duration("30s")->minutes == Approx(0.5));
  CHECK(parse_duration("0")->minutes == Approx(0));
  std::string why;
  CHECK_FALSE(parse_duration("15", &why));
  CHECK(why.find("needs a unit") != std::string::npos);
  CHECK_FALSE(parse_duration("5 parsecs", &why));
  CHECK(why.find("unknown duration unit 'parsecs'") != std::string::npos);
  CHECK(format_duration(Duration{90}) == "1h30min");
  CHECK(format_duration(Duration{1440 + 5}) == "1d5min");
}

TEST_CASE("seeded distributions are reproducible and have the right moments", "[core]") {
  const DurationDistribution uniform{DurationDistribution::Kind::Uniform, 10, 30, 0, 0};
  const DurationDistribution triangular{DurationDistribution::Kind::Triangular, 10, 20, 60, 0};
  const DurationDistribution lognormal{DurationDistribution::Kind::Lognormal, 30, 0, 0, 0.5};
  for (const auto* dist : {&uniform, &triangular, &lognormal}) {
    Rng a(42, 0, "test", 7), b(42, 0, "test", 7);
    double sum = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
      const double x = dist->sample_minutes(a);
      REQUIRE(x == dist->sample_minutes(b));
      sum += x;
    }
    CHECK(sum / n == Approx(dist->mean_minutes()).epsilon(0.01));
  }
  // Different purposes give different streams.
  Rng c(42, 0, "travel", 1), d(42, 0, "repair", 1);
  CHECK(c.next() != d.next());
  // Triangular never leaves its support.
  Rng e(1, 0, "t", 0);
  for (int i = 0; i < 10000; ++i) {
    const double x = triangular.sample_minutes(e);
    REQUIRE(x >= 10.0);
    REQUIRE(x <= 60.0);
  }
}

TEST_CASE("text helpers", "[core]") {
  CHECK(edit_distance("treshold", "threshold") == 1);
  CHECK(did_you_mean("treshold", {"threshold", "name"}) == " (did you mean 'threshold'?)");
  CHECK(did_you_mean("zzzzzz", {"threshold", "name"}).empty());
  CHECK(glob_match("cyber/gw-*", "cyber/gw-01"));
  CHECK_FALSE(glob_match("cyber/gw-*", "cyber/hmi"));
  CHECK(glob_match("*-gw-?", "pry-gw-1"));
  CHECK(glob_match("a*b*c", "a123b456c"));
  CHECK_FALSE(glob_match("a*b*c", "a123b456"));
}

TEST_CASE("durations with several units read back what format_duration writes", "[core]") {
  CHECK(parse_duration("15h30min")->minutes == Approx(930));
  CHECK(parse_duration("1d 2h")->minutes == Approx(1560));
  CHECK(parse_duration("-1h30min")->minutes == Approx(-90));
  for (double minutes : {5.0, 90.0, 1445.0, 3 * 1440.0 + 61})
    CHECK(parse_duration(format_duration(Duration{minutes}))->minutes == Approx(minutes));
  std::string why;
  CHECK_FALSE(parse_duration("1h30", &why));
  CHECK(why == "duration '1h30' needs a unit: s, min, h, d or w (e.g. 1h30min)");
  CHECK_FALSE(parse_duration("1h30 parsecs", &why));
  CHECK(why == "unknown duration unit 'parsecs' in '1h30 parsecs'; use s, min, h, d or w");
}
