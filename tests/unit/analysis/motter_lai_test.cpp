// Betweenness against brute force, the Motter-Lai cascade on a graph worked by hand, determinism
// across thread counts, and the attack helper.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cstring>

#include "blackstart/analysis/attack.hpp"
#include "blackstart/analysis/betweenness.hpp"
#include "blackstart/analysis/motter_lai.hpp"

using namespace blackstart;
using namespace blackstart::analysis;

namespace {

//! L_v = sum over unordered pairs {s,t} (v not an end) of sigma_sv sigma_vt / sigma_st when
//! d(s,v) + d(v,t) = d(s,t): all-pairs BFS distances and path counts, no Brandes.
std::vector<double> brute_force_betweenness(const CompactGraph& g, const std::vector<std::uint8_t>& alive) {
  const std::uint32_t n = g.node_count();
  std::vector<std::vector<int>> dist(n, std::vector<int>(n, -1));
  std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0.0));
  for (NodeId s = 0; s < n; ++s) {
    if (!alive[s]) continue;
    std::vector<NodeId> queue{s};
    dist[s][s] = 0;
    sigma[s][s] = 1;
    for (std::size_t h = 0; h < queue.size(); ++h) {
      const NodeId v = queue[h];
      for (NodeId w : g.neighbours(v)) {
        if (!alive[w]) continue;
        if (dist[s][w] < 0) {
          dist[s][w] = dist[s][v] + 1;
          queue.push_back(w);
        }
        if (dist[s][w] == dist[s][v] + 1) sigma[s][w] += sigma[s][v];
      }
    }
  }
  std::vector<double> load(n, 0.0);
  for (NodeId s = 0; s < n; ++s)
    for (NodeId t = s + 1; t < n; ++t) {
      if (dist[s][t] <= 0) continue;
      for (NodeId v = 0; v < n; ++v)
        if (v != s && v != t && dist[s][v] > 0 && dist[v][t] > 0 && dist[s][v] + dist[v][t] == dist[s][t])
          load[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
    }
  return load;
}

//! A star on node 0 (leaves 1, 2) closed into the odd cycle 0-3-4-6-5-0, with leaf 7 on node 4.
//!
//!        1   2
//!         \ /
//!      5---0---3
//!      |       |
//!      6-------4---7
//!
//! An odd cycle with trees hung on it has one shortest path per pair, so each load counts pairs.
//! Weigh each cycle node by its tree: w0 = 3 (0, 1, 2), w4 = 2 (4, 7), w3 = w5 = w6 = 1. A cycle
//! node carries the pairs that start in its own tree's leaves, plus the pairs between the two
//! cycle neighbours it sits between (distance 2 on the 5-cycle; the other way round is 3):
//!   L0 = leaf pairs: (1,2) and 1 or 2 with the 5 nodes 3..7 -> 1 + 10 = 11; plus 3-0-5: 1*1 -> 12
//!   L3 = 0-3-4: w0*w4 = 6          L4 = 7 with the 6 nodes 0,1,2,3,5,6 -> 6; plus 3-4-6: 1 -> 7
//!   L5 = 0-5-6: w0*w6 = 3          L6 = 4-6-5: w4*w5 = 2          leaves 1, 2, 7: 0
//! Removing node 0 (highest load, also highest degree) leaves the tree 3-4-6-5 with 7 on 4, and
//! isolated 1 and 2:
//!   L4 = pairs across 4's branches {3}, {7}, {6,5}: 1 + 2 + 2 = 5 <= C4 = 7(1+alpha): safe;
//!   L6 = {5} against {4,3,7}: 3 > C6 = 2(1+alpha) exactly when alpha < 0.5.
//! So for alpha < 0.5 node 6 fails in step 1, leaving 3-4-7 (load of 4: 1 <= 7) and lone 5:
//! G = 3/8 after one step. At alpha = 0.5, L6 = C6 = 3: no failure (load must exceed capacity),
//! and G = 5/8 (the component 3, 4, 5, 6, 7).
CompactGraph hand_graph() {
  const std::vector<Edge> edges{{0, 1}, {0, 2}, {0, 3}, {3, 4}, {4, 6}, {6, 5}, {5, 0}, {4, 7}};
  return CompactGraph::from_edges(8, edges);
}

}  // namespace

TEST_CASE("Betweenness of the hand-worked graph", "[analysis][motter-lai]") {
  const auto load = betweenness(hand_graph());
  const std::vector<double> expected{12, 0, 0, 6, 7, 3, 2, 0};
  for (std::size_t v = 0; v < 8; ++v) {
    INFO("node " << v);
    CHECK(load[v] == Approx(expected[v]));
  }
}

TEST_CASE("Betweenness equals brute force on random small graphs", "[analysis][motter-lai]") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    core::Rng rng(seed, 0, "test.betweenness", 0);
    const std::uint32_t n = 10 + std::uint32_t(seed % 25);
    // Sparse (many equal-length alternatives, several components) to dense.
    const auto g = seed % 3 == 0 ? barabasi_albert(n, 1 + std::uint32_t(seed % 3), rng)
                                 : erdos_renyi(n, 1.5 + double(seed % 7), rng);
    std::vector<std::uint8_t> alive(n, 1);
    if (seed % 2 == 0)
      for (NodeId v = 0; v < n; v += 4) alive[v] = 0;  // and with dead nodes
    const auto expected = brute_force_betweenness(g, alive);
    const auto got = seed % 2 == 0 ? betweenness(g, alive) : betweenness(g);
    for (NodeId v = 0; v < n; ++v) {
      INFO("seed " << seed << " node " << v);
      REQUIRE(got[v] == Approx(expected[v]).epsilon(1e-12).margin(1e-12));
    }
  }
}

TEST_CASE("Motter-Lai on the hand-worked graph", "[analysis][motter-lai]") {
  MotterLai model(hand_graph());
  CHECK(model.largest_before() == 8);
  for (double alpha : {0.0, 0.2, 0.49}) {
    MotterLaiOptions options;
    options.alpha = alpha;
    const auto r = model.run(options);
    INFO("alpha " << alpha);
    CHECK(r.removed == 0);
    CHECK(r.steps == 1);
    CHECK(r.failed == 1);
    CHECK(r.failed_per_step == std::vector<std::uint32_t>{1});
    CHECK(r.largest_after == 3);
    CHECK(r.g == Approx(3.0 / 8.0));
  }
  for (double alpha : {0.5, 1.0}) {
    MotterLaiOptions options;
    options.alpha = alpha;
    options.strategy = AttackStrategy::HighestDegree;  // also node 0
    const auto r = model.run(options);
    INFO("alpha " << alpha);
    CHECK(r.removed == 0);
    CHECK(r.steps == 0);
    CHECK(r.failed == 0);
    CHECK(r.g == Approx(5.0 / 8.0));
  }
}

TEST_CASE("Motter-Lai: a load recomputed unchanged never fails at alpha = 0", "[analysis][motter-lai]") {
  // Two copies of the hand graph: removing node 0 of the first leaves the second untouched, and
  // a full recomputation of its loads must not fail any of them through rounding.
  std::vector<Edge> edges;
  const auto one = hand_graph();
  for (const Edge& e : one.edges()) {
    edges.push_back(e);
    edges.push_back({e.u + 8, e.v + 8});
  }
  MotterLai model(CompactGraph::from_edges(16, edges));
  MotterLaiOptions options;
  options.alpha = 0.0;
  const auto r = model.run(options);
  CHECK(r.removed == 0);  // tie with node 8: lowest id
  CHECK(r.failed == 1);   // node 6 only
  CHECK(r.largest_after == 8);
}

TEST_CASE("Motter-Lai on a Barabasi-Albert graph: highest load hurts, random does not",
          "[analysis][motter-lai]") {
  core::Rng rng(11, 0, "test.ba", 0);
  MotterLai model(barabasi_albert(1000, 2, rng));
  MotterLaiOptions targeted;
  targeted.alpha = 0.1;
  targeted.strategy = AttackStrategy::HighestLoad;
  const auto t = model.run(targeted);
  double random_g = 0;
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    MotterLaiOptions random;
    random.alpha = 0.1;
    random.strategy = AttackStrategy::Random;
    random.seed = seed;
    random_g += model.run(random).g / 5;
  }
  WARN("BA n=1000 m=2 alpha=0.1: G highest-load " << t.g << ", random (mean of 5) " << random_g);
  CHECK(t.g < 0.5);
  CHECK(random_g > 0.9);
  CHECK(t.steps >= 1);
}

TEST_CASE("Betweenness and Motter-Lai are bit-identical with 1 and 2 threads", "[analysis][motter-lai]") {
  core::Rng rng(3, 0, "test.ba", 0);
  const auto g = barabasi_albert(1500, 2, rng);
  auto with = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
    auto load = betweenness(g);
    MotterLai model(g);
    std::vector<MotterLaiResult> runs;
    for (double alpha : {0.0, 0.1, 0.3}) {
      MotterLaiOptions options;
      options.alpha = alpha;
      runs.push_back(model.run(options));
    }
    return std::make_pair(load, runs);
  };
  const auto [l1, r1] = with(1);
  const auto [l2, r2] = with(2);
  REQUIRE(l1.size() == l2.size());
  CHECK(std::memcmp(l1.data(), l2.data(), l1.size() * sizeof(double)) == 0);
  for (std::size_t i = 0; i < r1.size(); ++i) {
    CHECK(r1[i].failed_per_step == r2[i].failed_per_step);
    CHECK(r1[i].largest_after == r2[i].largest_after);
  }
}

TEST_CASE("Attack helper: random, degree and load targeting", "[analysis][attack]") {
  const auto g = hand_graph();
  AttackOptions options;
  options.strategy = AttackStrategy::HighestDegree;
  options.count = 2;
  auto r = attack(g, options);
  CHECK(r.removed == std::vector<NodeId>{0, 4});  // degrees 4 and 3
  CHECK(r.largest_before == 8);
  CHECK(r.largest_after == 2);  // {5, 6}
  CHECK(r.giant_fraction() == Approx(0.25));

  options.strategy = AttackStrategy::HighestLoad;
  r = attack(g, options);
  CHECK(r.removed == std::vector<NodeId>{0, 4});  // loads 12 and 7

  // Adaptive: after 0 is gone, node 4 (load 5) still leads node 6 (load 3).
  options.adaptive = true;
  r = attack(g, options);
  CHECK(r.removed == std::vector<NodeId>{0, 4});
  options.count = 3;
  r = attack(g, options);
  // With 0 and 4 gone only the pairs 5-6 and 3 alone remain: every load is 0, lowest id wins.
  CHECK(r.removed == std::vector<NodeId>{0, 4, 1});

  options.strategy = AttackStrategy::Random;
  options.count = 5;
  options.seed = 99;
  const auto x = attack(g, options);
  const auto y = attack(g, options);
  CHECK(x.removed == y.removed);
  CHECK(x.removed.size() == 5);
  CHECK(std::count(x.alive.begin(), x.alive.end(), 0) == 5);
  options.seed = 100;
  CHECK(attack(g, options).removed != x.removed);
}
