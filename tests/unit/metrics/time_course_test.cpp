// The active period of a run and its performance curve Q(t), which the window's time axis and live
// readout are built on.
#include <catch2/catch.hpp>

#include <algorithm>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/metrics/time_course.hpp"

using namespace blackstart;

namespace {
sim::RunResult tutorial_run() {
  const auto loaded = io::load_builtin_scenario("tutorial");
  REQUIRE(loaded.ok());
  return sim::simulate(*loaded.scenario);
}
}  // namespace

TEST_CASE("active period runs from the first change to the last", "[metrics][time_course]") {
  const auto run = tutorial_run();
  REQUIRE(!run.changes.empty());
  const auto period = metrics::active_period(run);
  CHECK(period.from_min == run.changes.front().time_min);
  CHECK(period.to_min == run.changes.back().time_min);
  CHECK(period.from_min == Approx(10.0));  // hijack-hmi, the first event
  CHECK(period.to_min < run.horizon_min);

  const auto window = metrics::active_window(run);
  const double margin = std::max(10.0, 0.1 * (period.to_min - period.from_min));
  CHECK(window.from_min == Approx(std::max(0.0, period.from_min - margin)));
  CHECK(window.to_min == Approx(std::min(run.horizon_min, period.to_min + margin)));
  CHECK(window.to_min < run.horizon_min);  // the tutorial is over well before its 8 h
}

TEST_CASE("a run without changes opens on its whole horizon", "[metrics][time_course]") {
  sim::RunResult quiet;
  quiet.horizon_min = 480;
  const auto window = metrics::active_window(quiet);
  CHECK(window.from_min == 0);
  CHECK(window.to_min == 480);
  CHECK(metrics::performance_curve(quiet).empty());
}

TEST_CASE("active window stays within the horizon", "[metrics][time_course]") {
  sim::RunResult run;
  run.horizon_min = 60;
  sim::StateChange early;
  early.time_min = 2;
  sim::StateChange late;
  late.time_min = 58;
  run.changes = {early, late};
  const auto window = metrics::active_window(run);
  CHECK(window.from_min == 0);
  CHECK(window.to_min == 60);
}

TEST_CASE("performance curve is Q(t) with its minimum at the worst impact", "[metrics][time_course]") {
  const auto run = tutorial_run();
  const auto summary = metrics::summarize(run);
  const auto curve = metrics::performance_curve(run);
  REQUIRE(!curve.empty());
  CHECK(curve.front().time_min == 0);
  for (std::size_t i = 0; i < curve.size(); ++i) {
    CHECK(curve[i].performance ==
          metrics::overall_performance(run, metrics::point_at(run, curve[i].time_min)));
    if (i > 0) {
      CHECK(curve[i].time_min > curve[i - 1].time_min);
      CHECK(curve[i].performance != curve[i - 1].performance);
    }
  }
  const auto lowest = std::min_element(
      curve.begin(), curve.end(), [](const auto& a, const auto& b) { return a.performance < b.performance; });
  CHECK(lowest->time_min == summary.time_of_worst_impact_min);
  CHECK(lowest->performance < 1.0);
}
