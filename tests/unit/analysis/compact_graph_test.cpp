// Compact graphs: CSR construction, seeded generators (reproducible, right mean degree) and the
// edge-list readers with their exact diagnostics.
#include <catch2/catch.hpp>
#include <sstream>

#include "blackstart/analysis/compact_graph.hpp"

using namespace blackstart;
using namespace blackstart::analysis;

TEST_CASE("CSR from an edge list drops loops, merges repeats and sorts neighbours", "[analysis]") {
  const std::vector<Edge> edges{{2, 0}, {0, 1}, {1, 0}, {3, 3}, {2, 1}, {0, 2}};
  const auto g = CompactGraph::from_edges(4, edges);
  CHECK(g.node_count() == 4);
  CHECK(g.edge_count() == 3);
  CHECK(g.edges() == std::vector<Edge>{{0, 1}, {0, 2}, {1, 2}});
  const auto n0 = g.neighbours(0);
  CHECK(std::vector<NodeId>(n0.begin(), n0.end()) == std::vector<NodeId>{1, 2});
  const auto n2 = g.neighbours(2);
  CHECK(std::vector<NodeId>(n2.begin(), n2.end()) == std::vector<NodeId>{0, 1});
  CHECK(g.degree(3) == 0);
  CHECK(g.mean_degree() == Approx(1.5));
  CHECK(largest_component_size(g) == 3);
  const std::vector<std::uint8_t> alive{1, 0, 1, 1};
  CHECK(largest_component_size(g, alive) == 2);
  CHECK_THROWS_AS(CompactGraph::from_edges(2, std::vector<Edge>{{0, 2}}), std::invalid_argument);
}

TEST_CASE("Erdos-Renyi: same seed same graph, mean degree as asked", "[analysis]") {
  core::Rng r1(42, 0, "er", 0), r2(42, 0, "er", 0), r3(43, 0, "er", 0);
  const auto a = erdos_renyi(20000, 4.0, r1);
  const auto b = erdos_renyi(20000, 4.0, r2);
  const auto c = erdos_renyi(20000, 4.0, r3);
  CHECK(a.edges() == b.edges());
  CHECK(a.edges() != c.edges());
  CHECK(a.edge_count() == 40000);  // exactly n<k>/2 distinct edges
  CHECK(a.mean_degree() == Approx(4.0));
  // Degrees are Poisson(4): variance close to the mean.
  double sum2 = 0;
  for (NodeId v = 0; v < a.node_count(); ++v) sum2 += double(a.degree(v)) * a.degree(v);
  const double variance = sum2 / a.node_count() - 16.0;
  CHECK(variance == Approx(4.0).margin(0.3));
  // The giant component of ER with <k> = 4 holds S = 1 - exp(-4 S) = 0.9802 of the nodes.
  CHECK(double(largest_component_size(a)) / a.node_count() == Approx(0.9802).margin(0.01));
}

TEST_CASE("Barabasi-Albert: same seed same graph, mean degree about 2m, hubs", "[analysis]") {
  core::Rng r1(5, 0, "ba", 0), r2(5, 0, "ba", 0);
  const auto a = barabasi_albert(5000, 2, r1);
  const auto b = barabasi_albert(5000, 2, r2);
  CHECK(a.edges() == b.edges());
  // m(m+1)/2 edges in the seed clique, then m per new node.
  CHECK(a.edge_count() == 3 + 2 * (5000 - 3));
  CHECK(a.mean_degree() == Approx(4.0).margin(0.01));
  CHECK(largest_component_size(a) == 5000);
  std::uint32_t max_degree = 0, min_degree = 1000;
  for (NodeId v = 0; v < a.node_count(); ++v) {
    max_degree = std::max(max_degree, a.degree(v));
    min_degree = std::min(min_degree, a.degree(v));
  }
  CHECK(min_degree == 2);
  CHECK(max_degree > 50);  // preferential attachment grows hubs (~ 2 sqrt(n) expected)
  CHECK_THROWS_AS(barabasi_albert(2, 2, r1), std::invalid_argument);
}

TEST_CASE("Random permutation is a reproducible permutation", "[analysis]") {
  core::Rng r1(9), r2(9);
  auto p = random_permutation(1000, r1);
  CHECK(p == random_permutation(1000, r2));
  auto sorted = p;
  std::sort(sorted.begin(), sorted.end());
  for (NodeId i = 0; i < 1000; ++i) REQUIRE(sorted[i] == i);
  CHECK(p != sorted);
}

TEST_CASE("Edge list CSV: labels in first-seen order", "[analysis]") {
  std::istringstream in("u,v\r\nsub-A, sub-B\n\nsub-B,sub-C\nsub-C,sub-A\nsub-D,sub-A\n");
  core::Diagnostics diagnostics;
  const auto result = read_edge_list(in, "grid.csv", diagnostics);
  INFO(diagnostics.to_string());
  REQUIRE(result);
  CHECK(diagnostics.empty());
  CHECK(result->labels == std::vector<std::string>{"sub-A", "sub-B", "sub-C", "sub-D"});
  CHECK(result->graph.edges() == std::vector<Edge>{{0, 1}, {0, 2}, {0, 3}, {1, 2}});
}

TEST_CASE("Edge list CSV: every error reported with its position", "[analysis]") {
  std::istringstream in("u,v\na,b\nc\n,d\ne,f,g\n\"h\",i\n");
  core::Diagnostics diagnostics;
  CHECK_FALSE(read_edge_list(in, "bad.csv", diagnostics));
  CHECK(diagnostics.to_string() ==
        "bad.csv:3:2: error: expected 2 fields (u,v), found 1\n"
        "bad.csv:4:1: error: empty node label in column 'u'\n"
        "bad.csv:5:5: error: expected 2 fields (u,v), found 3\n"
        "bad.csv:6:1: error: quoted labels are not supported here; write the label without quotes\n");
  CHECK(diagnostics.has_errors());

  std::istringstream wrong_header("from,to\na,b\n");
  core::Diagnostics d2;
  CHECK_FALSE(read_edge_list(wrong_header, "deps.csv", d2));
  CHECK(d2.to_string() == "deps.csv:1:1: error: expected the header 'u,v', found 'from,to'\n");

  std::istringstream empty("");
  core::Diagnostics d3;
  CHECK_FALSE(read_edge_list(empty, "empty.csv", d3));
  CHECK(d3.to_string() == "empty.csv:1:1: error: empty file: expected the header 'u,v'\n");
}

TEST_CASE("Dependency pairs resolve labels of both networks", "[analysis]") {
  const std::vector<std::string> power{"p1", "p2", "p3"};
  const std::vector<std::string> cyber{"c1", "c2"};
  std::istringstream in("from,to\np1,c2\np3,c1\n");
  core::Diagnostics diagnostics;
  const auto pairs = read_dependency_pairs(in, "deps.csv", power, cyber, diagnostics);
  REQUIRE(pairs);
  CHECK(*pairs == std::vector<std::pair<NodeId, NodeId>>{{0, 1}, {2, 0}});

  std::istringstream bad("from,to\np4,c1\np1, c9\n");
  core::Diagnostics d2;
  CHECK_FALSE(read_dependency_pairs(bad, "deps.csv", power, cyber, d2));
  CHECK(d2.to_string() ==
        "deps.csv:2:1: error: node 'p4' is not in the 'from' network\n"
        "deps.csv:3:5: error: node 'c9' is not in the 'to' network\n");
}
