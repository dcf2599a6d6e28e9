#include <catch2/catch.hpp>

#include "blackstart/study/ranking.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::DependencyKind;
using test::WorldBuilder;

namespace {
//! District A hangs on a substation whose protection trips without its RTU; district B is fed by
//! two parallel lines, so losing one does nothing.
struct Districts {
  WorldBuilder w;
  model::ElementIndex rtu, line_b1, line_b2, sub_a, sub_b, infeed;
  Districts() {
    w.scenario.horizon_min = 600;
    infeed = w.asset("power/infeed", "infeed");
    sub_a = w.asset("power/sub-a", "substation");
    sub_b = w.asset("power/sub-b", "substation");
    auto load_a = w.asset("power/load-a", "load", {0, 10, 1000});
    auto load_b = w.asset("power/load-b", "load", {0, 5, 500});
    w.link("power/feed-a", infeed, sub_a);
    line_b1 = w.link("power/feed-b1", infeed, sub_b);
    line_b2 = w.link("power/feed-b2", infeed, sub_b);
    w.link("power/tx-a", sub_a, load_a);
    w.link("power/tx-b", sub_b, load_b);
    rtu = w.asset("cyber/rtu-a", "rtu");
    w.depend(sub_a, rtu, DependencyKind::Control).effect = model::DependencyEffect::Fail;
  }
};
}  // namespace

TEST_CASE("ranking puts an RTU that blacks out a district above a redundant line", "[study]") {
  Districts d;
  study::RankOptions options;
  const auto ranking = study::rank_elements(d.w.scenario, options);
  REQUIRE(ranking.size() == d.w.scenario.network.size());
  auto position = [&](model::ElementIndex x) {
    for (std::size_t i = 0; i < ranking.size(); ++i)
      if (ranking[i].elements == std::vector<model::ElementIndex>{x}) return i;
    return ranking.size();
  };
  // The infeed blacks out both districts (1,500 customers for 10 h) and ranks first.
  CHECK(ranking.front().elements == std::vector<model::ElementIndex>{d.infeed});
  CHECK(ranking.front().value == Approx(1500 * 10));
  CHECK(position(d.rtu) < position(d.line_b1));
  CHECK(ranking[position(d.rtu)].value == Approx(1000 * 10));
  CHECK(ranking[position(d.line_b1)].value == 0);
  // Cascade size per layer: the RTU takes its substation, the line, the transformer and the load.
  const auto& rtu_entry = ranking[position(d.rtu)];
  CHECK(rtu_entry.cascade[0] == 4);  // power: sub-a, feed-a, tx-a, load-a
  CHECK(rtu_entry.cascade[1] == 1);  // cyber: the RTU itself
}

TEST_CASE("pairs: two parallel lines together cut the district they are redundant for", "[study]") {
  Districts d;
  study::RankOptions options;
  options.k = 2;
  options.candidates = static_cast<int>(d.w.scenario.network.size());
  options.layer = "power";
  const auto ranking = study::rank_elements(d.w.scenario, options);
  bool found = false;
  for (const auto& entry : ranking)
    if (entry.elements == std::vector<model::ElementIndex>{d.line_b1, d.line_b2}) {
      CHECK(entry.value == Approx(500 * 10));
      found = true;
    }
  CHECK(found);
  // Identical whatever the thread count.
  options.threads = 1;
  const auto one = study::rank_elements(d.w.scenario, options);
  options.threads = 2;
  CHECK(study::ranking_csv(d.w.scenario, one, options) ==
        study::ranking_csv(d.w.scenario, study::rank_elements(d.w.scenario, options), options));
}
