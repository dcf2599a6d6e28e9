// Mutual percolation (Buldyrev et al. 2010): agreement with a plain reference implementation on
// small graphs, the first-order collapse of coupled Erdos-Renyi networks at the analytic p_c with the
// analytic mu, nested sweep = independent runs, and thread-count independence.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <functional>
#include <sstream>

#include "blackstart/analysis/percolation.hpp"

using namespace blackstart;
using namespace blackstart::analysis;

namespace {

//! The rule written as plainly as possible: whole-graph BFS for every stage, A then B, until a
//! round changes nothing. Dependencies fail transitively, at once.
struct Reference {
  const CompactGraph& a;
  const CompactGraph& b;
  std::vector<std::vector<NodeId>> b_of_a, a_of_b;  // dependents
  std::uint32_t min_giant = 2;

  std::vector<std::uint8_t> alive[2];

  void fail(int l, NodeId v) {
    if (!alive[l][v]) return;
    alive[l][v] = 0;
    for (NodeId d : (l == 0 ? b_of_a[v] : a_of_b[v])) fail(1 - l, d);
  }

  bool prune(int l) {
    const CompactGraph& g = l == 0 ? a : b;
    const std::uint32_t n = g.node_count();
    std::vector<std::int64_t> comp(n, -1);
    std::vector<std::uint32_t> sizes;
    for (NodeId s = 0; s < n; ++s) {
      if (!alive[l][s] || comp[s] >= 0) continue;
      std::vector<NodeId> queue{s};
      comp[s] = std::int64_t(sizes.size());
      for (std::size_t h = 0; h < queue.size(); ++h)
        for (NodeId w : g.neighbours(queue[h]))
          if (alive[l][w] && comp[w] < 0) {
            comp[w] = comp[s];
            queue.push_back(w);
          }
      sizes.push_back(std::uint32_t(queue.size()));
    }
    // Components are numbered by their lowest node, so the first largest one wins ties.
    std::int64_t giant = -1;
    for (std::size_t c = 0; c < sizes.size(); ++c)
      if (giant < 0 || sizes[c] > sizes[std::size_t(giant)]) giant = std::int64_t(c);
    if (giant >= 0 && sizes[std::size_t(giant)] < min_giant) giant = -1;
    bool changed = false;
    for (NodeId v = 0; v < n; ++v)
      if (alive[l][v] && comp[v] != giant) {
        fail(l, v);
        changed = true;
      }
    return changed;
  }

  std::uint32_t run(std::span<const NodeId> order, double p) {
    alive[0].assign(a.node_count(), 1);
    alive[1].assign(b.node_count(), 1);
    const std::uint32_t removed = removal_count(p, a.node_count());
    for (std::uint32_t i = 0; i < removed; ++i) fail(0, order[i]);
    for (;;) {
      const bool ca = prune(0);
      const bool cb = prune(1);
      if (!ca && !cb) break;
    }
    return std::uint32_t(std::count(alive[0].begin(), alive[0].end(), 1));
  }
};

//! mu = p (1 - exp(-k mu))^2 on the upper branch: iterate down from mu = p (the map is increasing,
//! so the iteration decreases monotonically to the largest fixed point; 0 below p_c).
double analytic_mu(double p, double k) {
  double mu = p;
  for (int i = 0; i < 2'000'000; ++i) {
    const double next = p * std::pow(1.0 - std::exp(-k * mu), 2);
    if (std::abs(next - mu) < 1e-15) break;
    mu = next;
  }
  return mu;
}

struct CoupledEr {
  CompactGraph a, b;
  std::vector<NodeId> order;
  CoupledEr(std::uint32_t n, double k, std::uint64_t seed) {
    core::Rng ra(seed, 0, "test.er.a", 0), rb(seed, 0, "test.er.b", 0), rp(seed, 0, "test.removal", 0);
    a = erdos_renyi(n, k, ra);
    b = erdos_renyi(n, k, rb);
    order = random_permutation(n, rp);
  }
};

std::vector<double> grid(double from, double to, double step) {
  std::vector<double> ps;
  for (double p = from; p <= to + 1e-9; p += step) ps.push_back(p);
  return ps;
}

}  // namespace

TEST_CASE("Mutual percolation equals the plain reference on small coupled graphs",
          "[analysis][percolation]") {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const std::uint32_t n = 60 + 20 * std::uint32_t(seed % 4);
    const double k = 2.0 + 0.5 * double(seed % 5);
    CoupledEr net(n, k, seed);
    for (std::uint32_t min_giant : {1u, 2u}) {
      PercolationOptions options;
      options.min_giant_nodes = min_giant;
      MutualPercolation model(net.a, net.b, Dependencies::one_to_one(n), options);
      Reference ref{net.a, net.b, {}, {}, min_giant, {}};
      ref.b_of_a.resize(n);
      ref.a_of_b.resize(n);
      for (NodeId i = 0; i < n; ++i) ref.b_of_a[i] = ref.a_of_b[i] = {i};
      for (double p : grid(0.3, 1.0, 0.05)) {
        MutualPercolation::Cascade cascade(model, net.order);
        const auto r = cascade.advance_to(p);
        const std::uint32_t expected = ref.run(net.order, p);
        INFO("seed " << seed << " n " << n << " k " << k << " p " << p << " min_giant " << min_giant);
        REQUIRE(r.converged);
        REQUIRE(r.alive_a == expected);
        REQUIRE(std::equal(ref.alive[0].begin(), ref.alive[0].end(), cascade.alive_a().begin()));
        REQUIRE(std::equal(ref.alive[1].begin(), ref.alive[1].end(), cascade.alive_b().begin()));
        ++compared;
      }
    }
  }
  CHECK(compared == 12 * 2 * 15);
}

TEST_CASE("General dependency maps: partial and many-to-one dependencies", "[analysis][percolation]") {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const std::uint32_t na = 80, nb = 50;
    core::Rng ra(seed, 0, "a", 0), rb(seed, 0, "b", 0), rd(seed, 0, "deps", 0), rp(seed, 0, "perm", 0);
    const auto a = erdos_renyi(na, 3.0, ra);
    const auto b = erdos_renyi(nb, 3.0, rb);
    // Each B node needs one random A node; two thirds of the A nodes need one random B node.
    std::vector<std::pair<NodeId, NodeId>> b_needs_a, a_needs_b;
    for (NodeId j = 0; j < nb; ++j) b_needs_a.emplace_back(NodeId(uniform_below(rd, na)), j);
    for (NodeId i = 0; i < na; ++i)
      if (uniform_below(rd, 3) != 0) a_needs_b.emplace_back(NodeId(uniform_below(rd, nb)), i);
    const auto order = random_permutation(na, rp);
    MutualPercolation model(a, b, Dependencies::from_pairs(na, nb, b_needs_a, a_needs_b));
    Reference ref{a, b, {}, {}, 2, {}};
    ref.b_of_a.resize(na);
    ref.a_of_b.resize(nb);
    for (auto [x, y] : b_needs_a) ref.b_of_a[x].push_back(y);
    for (auto [y, x] : a_needs_b) ref.a_of_b[y].push_back(x);
    for (double p = 1.0; p >= 0.4; p -= 0.05) {
      MutualPercolation::Cascade cascade(model, order);
      const auto r = cascade.advance_to(p);
      INFO("seed " << seed << " p " << p);
      REQUIRE(r.alive_a == ref.run(order, p));
      REQUIRE(std::equal(ref.alive[1].begin(), ref.alive[1].end(), cascade.alive_b().begin()));
    }
  }
}

TEST_CASE("Coupled ER networks <k>=4, N=100,000: collapse at p_c = 0.614 with the analytic mu",
          "[analysis][percolation]") {
  const double k = 4.0, pc = 0.6139;
  CoupledEr net(100'000, k, 2010);
  MutualPercolation model(net.a, net.b, Dependencies::one_to_one(100'000));
  const auto ps = grid(0.55, 0.70, 0.001);
  const auto results = model.sweep(net.order, ps);
  // The collapse point of this realisation: the lowest p that keeps a giant component.
  std::size_t lowest = results.size();
  for (std::size_t i = 0; i < results.size(); ++i)
    if (results[i].mu > 0.1) {
      lowest = i;
      break;
    }
  REQUIRE(lowest < results.size());
  const double pc_found = ps[lowest];
  const double mu_above = results[lowest].mu;
  WARN("p_c found " << pc_found << " (analytic " << pc << "), mu just above " << mu_above
                    << ", stages at the last collapse " << results[lowest - 1].stages);
  CHECK(std::abs(pc_found - pc) <= 0.02);
  // First order: every p above keeps a giant, every p below has none at all.
  for (std::size_t i = 0; i < results.size(); ++i) {
    INFO("p " << ps[i]);
    CHECK((results[i].mu > 0.1) == (i >= lowest));
    CHECK(results[i].converged);
  }
  CHECK(mu_above == Approx(1.2564 / k).margin(0.03));  // the jump: mu(p_c) = 0.314

  // Two points 0.02 either side of the analytic p_c.
  const auto below = model.run(net.order, pc - 0.02);
  const auto above = model.run(net.order, pc + 0.02);
  CHECK(below.mu < 0.01);
  const double mu_analytic = analytic_mu(pc + 0.02, k);
  CHECK(mu_analytic == Approx(0.45).margin(0.05));  // upper branch, not the trivial 0
  CHECK(above.mu == Approx(mu_analytic).margin(0.03));
  WARN("mu(" << pc + 0.02 << ") = " << above.mu << ", analytic " << mu_analytic);
  // Far above p_c the finite network follows the analytic curve closely.
  CHECK(model.run(net.order, 0.70).mu == Approx(analytic_mu(0.70, k)).margin(0.01));
}

TEST_CASE("Nested sweep equals independent runs with the same removal order", "[analysis][percolation]") {
  CoupledEr net(30'000, 4.0, 77);
  MutualPercolation model(net.a, net.b, Dependencies::one_to_one(30'000));
  // Given out of order on purpose: the sweep sorts internally and answers in the order asked.
  std::vector<double> ps = grid(0.50, 0.80, 0.01);
  std::reverse(ps.begin() + 5, ps.end());
  const auto swept = model.sweep(net.order, ps);
  PercolationOptions exact;
  exact.rerun_below_mu = 0.01;
  MutualPercolation exact_model(net.a, net.b, Dependencies::one_to_one(30'000), exact);
  const auto swept_exact = exact_model.sweep(net.order, ps);

  MutualPercolation::Cascade nested(model, net.order);
  auto descending = ps;
  std::sort(descending.rbegin(), descending.rend());
  int giant_points = 0, leftovers = 0;
  for (double p : descending) {
    nested.advance_to(p);
    MutualPercolation::Cascade independent(model, net.order);
    const auto r = independent.advance_to(p);
    const auto at = std::size_t(std::find(ps.begin(), ps.end(), p) - ps.begin());
    INFO("p " << p << ": independent " << r.alive_a << ", nested " << swept[at].alive_a);
    CHECK(swept[at].p == p);
    CHECK(swept_exact[at].alive_a == r.alive_a);
    CHECK(swept_exact[at].alive_b == r.alive_b);
    if (swept[at].alive_a > 0) {
      // A giant exists: the nested state is exactly the independent one, node for node.
      ++giant_points;
      REQUIRE(std::equal(nested.alive_a().begin(), nested.alive_a().end(), independent.alive_a().begin()));
      REQUIRE(std::equal(nested.alive_b().begin(), nested.alive_b().end(), independent.alive_b().begin()));
      CHECK(swept[at].alive_a == r.alive_a);
    } else {
      // Collapsed: the independent run may keep a few nodes linked in both networks, never a giant.
      CHECK(r.alive_a <= 10);
      leftovers += r.alive_a > 0;
    }
  }
  WARN(giant_points << " of " << descending.size() << " points with a giant; " << leftovers
                    << " collapsed points where an independent run kept a few nodes");
  CHECK(giant_points > 5);  // both regimes are covered
  CHECK(giant_points < int(descending.size()));
  CHECK_THROWS_AS(nested.advance_to(0.9), std::invalid_argument);
}

TEST_CASE("Percolation sweep is byte-identical with 1 and 2 threads", "[analysis][percolation]") {
  CoupledEr net(50'000, 4.0, 3);
  MutualPercolation model(net.a, net.b, Dependencies::one_to_one(50'000));
  const auto ps = grid(0.55, 0.75, 0.01);
  auto sweep_with = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
    return model.sweep(net.order, ps);
  };
  const auto one = sweep_with(1);
  const auto two = sweep_with(2);
  REQUIRE(one.size() == two.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    CHECK(std::memcmp(&one[i].mu, &two[i].mu, sizeof(double)) == 0);
    CHECK(one[i].alive_a == two[i].alive_a);
    CHECK(one[i].alive_b == two[i].alive_b);
    CHECK(one[i].stages == two[i].stages);
  }
}

TEST_CASE("Networks and dependencies read from CSV", "[analysis][percolation]") {
  // A is the path a1-a2-a3-a4; B is two pairs b1-b2 and b3-b4 of equal size, so B's giant is the
  // pair holding the lowest id (b1, first seen). b3, b4 fail, then their partners a3, a4; what is
  // left, a1-a2 and b1-b2, is connected in both.
  std::istringstream a_csv("u,v\na1,a2\na2,a3\na3,a4\n"), b_csv("u,v\nb1,b2\nb3,b4\n");
  std::istringstream a_to_b("from,to\na1,b1\na2,b2\na3,b3\na4,b4\n");
  std::istringstream b_to_a("from,to\nb1,a1\nb2,a2\nb3,a3\nb4,a4\n");
  core::Diagnostics diagnostics;
  const auto a = read_edge_list(a_csv, "a.csv", diagnostics);
  const auto b = read_edge_list(b_csv, "b.csv", diagnostics);
  REQUIRE(a);
  REQUIRE(b);
  const auto b_needs_a = read_dependency_pairs(a_to_b, "a_to_b.csv", a->labels, b->labels, diagnostics);
  const auto a_needs_b = read_dependency_pairs(b_to_a, "b_to_a.csv", b->labels, a->labels, diagnostics);
  REQUIRE(b_needs_a);
  REQUIRE(a_needs_b);
  CHECK(diagnostics.empty());
  MutualPercolation model(a->graph, b->graph, Dependencies::from_pairs(4, 4, *b_needs_a, *a_needs_b));
  const std::vector<NodeId> order{0, 1, 2, 3};
  MutualPercolation::Cascade cascade(model, order);
  const auto r = cascade.advance_to(1.0);
  CHECK(r.removed == 0);
  CHECK(r.mu == Approx(0.5));
  CHECK(r.stages == 1);  // B's stage; A's first stage found it connected
  CHECK(std::vector<std::uint8_t>(cascade.alive_a().begin(), cascade.alive_a().end()) ==
        std::vector<std::uint8_t>{1, 1, 0, 0});
  CHECK(std::vector<std::uint8_t>(cascade.alive_b().begin(), cascade.alive_b().end()) ==
        std::vector<std::uint8_t>{1, 1, 0, 0});
}
