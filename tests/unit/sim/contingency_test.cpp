// Contingency screen: LODF post-outage flows against full DC re-solves without the branch(es), bridge
// outages, ranking determinism across thread counts, and hand-computed factors on tiny cases.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "blackstart/io/matpower.hpp"
#include "blackstart/sim/contingency.hpp"
#include "blackstart/sim/powerflow.hpp"
#include "support/matpower_cases.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

namespace {
const fs::path kData = test::matpower_dir();
model::PowerCase load_case(const std::string& name) {
  return test::load_matpower_case(name);
}

//! A case from (from, to, x, rate A) branches; bus 1 is the reference with all generation.
model::PowerCase tiny_case(const std::vector<double>& load_mw,
                           const std::vector<std::tuple<int, int, double, double>>& branches) {
  model::PowerCase c;
  c.name = "tiny";
  double total = 0;
  for (std::size_t i = 0; i < load_mw.size(); ++i) {
    model::PowerBus bus;
    bus.number = static_cast<int>(i) + 1;
    bus.type = i == 0 ? model::BusType::Ref : model::BusType::PQ;
    bus.pd_mw = load_mw[i];
    total += load_mw[i];
    c.buses.push_back(bus);
  }
  model::PowerGen gen;
  gen.bus = 1;
  gen.pg_mw = total;
  c.gens.push_back(gen);
  for (const auto& [f, t, x, rate] : branches) {
    model::PowerBranch br;
    br.from = f;
    br.to = t;
    br.x_pu = x;
    br.rate_a_mva = rate;
    c.branches.push_back(br);
  }
  REQUIRE(c.index_buses());
  return c;
}

struct Resolve {
  sim::DcFlow flow;
  double shed_mw = 0;  //!< positive Pd of buses energised before and not after
  int cut_buses = 0;
};

//! Full DC re-solve with the given branches out: no factors involved.
Resolve resolve(const model::PowerCase& c, const std::vector<int>& out) {
  sim::DcSolver solver(c);
  std::vector<char> status(c.branches.size());
  for (std::size_t l = 0; l < status.size(); ++l) status[l] = c.branches[l].in_service;
  const auto base = solver.solve(status, solver.case_injections_mw());
  for (int k : out) status[k] = 0;
  Resolve r;
  r.flow = solver.solve(status, solver.case_injections_mw());
  REQUIRE(r.flow.ok);
  for (std::size_t i = 0; i < c.buses.size(); ++i)
    if (base.reached[i] && !r.flow.reached[i]) {
      ++r.cut_buses;
      r.shed_mw += std::max(c.buses[i].pd_mw, 0.0);
    }
  return r;
}

void check_flows(const std::vector<double>& actual, const std::vector<double>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t l = 0; l < actual.size(); ++l) {
    INFO("branch row " << l + 1);
    CHECK(actual[l] == Approx(expected[l]).margin(1e-6));
  }
}

bool same(const sim::OutageResult& a, const sim::OutageResult& b) {
  return a.branches == b.branches && a.overloads == b.overloads &&
         a.worst_loading_pct == b.worst_loading_pct && a.worst_branch == b.worst_branch &&
         a.overload_mw == b.overload_mw && a.shed_mw == b.shed_mw &&
         a.lost_generation_mw == b.lost_generation_mw && a.islanded_buses == b.islanded_buses &&
         a.islanded == b.islanded;
}
}  // namespace

TEST_CASE("LODF on a 4-bus mesh matches hand-computed factors", "[contingency]") {
  // Square 1-2-3-4-1 of x = 0.1 with a diagonal 1-3 of x = 0.2. Taking out the diagonal: a transfer
  // 1->3 splits 1/3 direct, 2/3 over the two equal sides, so LODF = (1/3) / (1 - 1/3) = 1/2 on 1-2
  // and 2-3 and -1/2 on 3-4 and 4-1 (oriented against it). Taking out 1-2: the other path (0.2)
  // carries 1/3 of a 1->2 transfer, so 2-3 takes all of 1-2's flow backwards (LODF -1) and the
  // diagonal and 1-4-3 half each (+1/2 on 1-3, -1/2 on 4-1 and 3-4).
  const auto c = tiny_case({0, 40, 60, 20},
                           {{1, 2, 0.1, 0}, {2, 3, 0.1, 0}, {3, 4, 0.1, 0}, {4, 1, 0.1, 0}, {1, 3, 0.2, 0}});
  sim::ContingencyAnalysis analysis(c);
  REQUIRE(analysis.ok());
  CHECK(analysis.cut_off_count() == 0);
  const auto& base = analysis.base().pf_mw;
  auto lodf = [&](int l, int k) { return (analysis.flows_after(k)[l] - base[l]) / base[k]; };
  CHECK(lodf(0, 4) == Approx(0.5));
  CHECK(lodf(1, 4) == Approx(0.5));
  CHECK(lodf(2, 4) == Approx(-0.5));
  CHECK(lodf(3, 4) == Approx(-0.5));
  CHECK(lodf(1, 0) == Approx(-1.0));
  CHECK(lodf(4, 0) == Approx(0.5));
  CHECK(lodf(3, 0) == Approx(-0.5));
  CHECK(lodf(2, 0) == Approx(-0.5));
  for (int k = 0; k < 5; ++k) check_flows(analysis.flows_after(k), resolve(c, {k}).flow.pf_mw);
}

TEST_CASE("Triangle with a spur: overloads, shed and ranking by hand", "[contingency]") {
  // Loads 50, 40, 30 MW at buses 2, 3, 4; 1-2 x 0.1, 2-3 x 0.2, 1-3 x 0.2, spur 3-4 x 0.1.
  // Base flows 68, 18, 52, 30. Out 1-2: 2-3 -50, 1-3 120. Out 2-3: 1-2 50, 1-3 70. Out 1-3: 1-2 120,
  // 2-3 70. Out 3-4: bus 4 dark (30 MW shed), then 56, 6, 34.
  const auto c =
      tiny_case({0, 50, 40, 30}, {{1, 2, 0.1, 100}, {2, 3, 0.2, 60}, {1, 3, 0.2, 100}, {3, 4, 0.1, 0}});
  sim::ContingencyAnalysis analysis(c);
  REQUIRE(analysis.ok());
  check_flows(analysis.base().pf_mw, {68, 18, 52, 30});
  check_flows(analysis.flows_after(0), {0, -50, 120, 30});
  check_flows(analysis.flows_after(1), {50, 0, 70, 30});
  check_flows(analysis.flows_after(2), {120, 70, 0, 30});
  check_flows(analysis.flows_after(3), {56, 6, 34, 0});
  CHECK(analysis.cuts_off(3));
  CHECK_FALSE(analysis.cuts_off(0));

  const auto ranking = analysis.screen_n1();
  REQUIRE(ranking.size() == 4);
  CHECK(ranking[0].branches == std::vector<int>{3});
  CHECK(ranking[0].islanded);
  CHECK(ranking[0].islanded_buses == 1);
  CHECK(ranking[0].shed_mw == Approx(30));
  CHECK(ranking[0].worst_loading_pct == Approx(56));
  CHECK(ranking[1].branches == std::vector<int>{2});  // 1-2 at 120 %, 2-3 at 70 / 60
  CHECK(ranking[1].overloads == 2);
  CHECK(ranking[1].overload_mw == Approx(30));
  CHECK(ranking[1].worst_loading_pct == Approx(120));
  CHECK(ranking[1].worst_branch == 0);
  CHECK(ranking[2].branches == std::vector<int>{0});  // 1-3 at 120 %
  CHECK(ranking[2].overloads == 1);
  CHECK(ranking[2].overload_mw == Approx(20));
  CHECK(ranking[3].branches == std::vector<int>{1});
  CHECK(ranking[3].overloads == 0);
  CHECK(ranking[3].worst_loading_pct == Approx(70));
  CHECK_FALSE(ranking[3].islanded);

  // Two sides of the triangle out: buses 2, 3 and 4 (or 2 alone) go dark.
  const auto pair = analysis.evaluate(0, 2);
  CHECK(pair.islanded);
  CHECK(pair.shed_mw == Approx(120));
  CHECK(pair.islanded_buses == 3);
  check_flows(analysis.flows_after(0, 2), {0, 0, 0, 0});
  CHECK(analysis.evaluate(0, 1).shed_mw == Approx(50));
  check_flows(analysis.flows_after(0, 1), {0, 0, 70, 30});
}

TEST_CASE("LODF post-outage flows equal full re-solves on MATPOWER cases", "[contingency]") {
  for (const std::string name : {"case30", "case57", "case118"}) {
    INFO(name);
    const auto c = load_case(name);
    sim::ContingencyAnalysis analysis(c);
    REQUIRE(analysis.ok());
    REQUIRE(analysis.candidates().size() == c.branches.size());
    int bridges = 0;
    for (int k : analysis.candidates()) {
      INFO("outage of branch row " << k + 1);
      const auto expected = resolve(c, {k});
      check_flows(analysis.flows_after(k), expected.flow.pf_mw);
      const auto result = analysis.evaluate(k);
      CHECK(result.islanded == (expected.cut_buses > 0));
      CHECK(analysis.cuts_off(k) == (expected.cut_buses > 0));
      CHECK(result.islanded_buses == expected.cut_buses);
      CHECK(result.shed_mw == Approx(expected.shed_mw).margin(1e-9));
      bridges += expected.cut_buses > 0;
    }
    CHECK(analysis.cut_off_count() == bridges);
    CHECK(bridges > 0);  // every one of these cases has radial spurs
  }
}

namespace {
void check_ranking_independent_of_threads(const std::string& name) {
  INFO(name);
  const auto c = load_case(name);
  sim::ContingencyAnalysis analysis(c);
  REQUIRE(analysis.ok());
  const auto one = analysis.screen_n1({.threads = 1});
  const auto two = analysis.screen_n1({.threads = 2});
  REQUIRE(one.size() == analysis.candidates().size());
  REQUIRE(two.size() == one.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    INFO("rank " << i + 1);
    REQUIRE(same(one[i], two[i]));
    if (i > 0) CHECK(sim::worse_outage(one[i - 1], one[i]));
  }
  // The screen reports what evaluating each outage alone reports.
  for (std::size_t i = 0; i < one.size(); i += 7) CHECK(same(one[i], analysis.evaluate(one[i].branches[0])));
  const auto n2_one = analysis.screen_n2(one, 10, {.threads = 1});
  const auto n2_two = analysis.screen_n2(one, 10, {.threads = 2});
  REQUIRE(n2_one.size() == 45);
  REQUIRE(n2_two.size() == 45);
  for (std::size_t i = 0; i < n2_one.size(); ++i) REQUIRE(same(n2_one[i], n2_two[i]));
}
}  // namespace

TEST_CASE("N-1 ranking is identical with 1 and 2 threads", "[contingency]") {
  for (const std::string name : {"case30", "case118"}) check_ranking_independent_of_threads(name);
}

TEST_CASE("N-1 ranking is identical with 1 and 2 threads on a large case", "[contingency][.large]") {
  check_ranking_independent_of_threads("case2383wp");
}

TEST_CASE("N-2 pairs equal full re-solves with both branches out", "[contingency]") {
  auto check_pair = [](const model::PowerCase& c, const sim::ContingencyAnalysis& analysis, int a, int b) {
    INFO("outage of branch rows " << a + 1 << " and " << b + 1);
    const auto expected = resolve(c, {a, b});
    check_flows(analysis.flows_after(a, b), expected.flow.pf_mw);
    const auto result = analysis.evaluate(a, b);
    CHECK(result.islanded == (expected.cut_buses > 0));
    CHECK(result.islanded_buses == expected.cut_buses);
    CHECK(result.shed_mw == Approx(expected.shed_mw).margin(1e-9));
  };
  SECTION("every pair of case30, including pairs that only together cut buses off") {
    const auto c = load_case("case30");
    sim::ContingencyAnalysis analysis(c);
    REQUIRE(analysis.ok());
    int joint_cuts = 0;
    const int m = static_cast<int>(c.branches.size());
    for (int a = 0; a < m; ++a)
      for (int b = a + 1; b < m; ++b) {
        check_pair(c, analysis, a, b);
        joint_cuts += !analysis.cuts_off(a) && !analysis.cuts_off(b) && analysis.evaluate(a, b).islanded;
      }
    CHECK(joint_cuts > 0);
  }
  SECTION("the top-20 N-1 outages of case118 and pairs of meshed branches") {
    const auto c = load_case("case118");
    sim::ContingencyAnalysis analysis(c);
    REQUIRE(analysis.ok());
    const auto n2 = analysis.screen_n2(analysis.screen_n1(), 20);
    REQUIRE(n2.size() == 190);
    for (const auto& pair : n2) {
      check_pair(c, analysis, pair.branches[0], pair.branches[1]);
      CHECK(same(pair, analysis.evaluate(pair.branches[0], pair.branches[1])));
    }
    for (int a = 0; a < 186; a += 5)
      for (int b = a + 3; b < 186; b += 11) check_pair(c, analysis, a, b);
  }
}

TEST_CASE("contingency command: table, CSV and exit codes", "[contingency][cli]") {
  auto run = [](const std::string& args, std::string* output = nullptr) {
    const std::string command = std::string(BLACKSTART_CLI) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    std::string text;
    while (std::fgets(buffer.data(), buffer.size(), pipe)) text += buffer.data();
    const int status = pclose(pipe);
    if (output) *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  const auto csv = fs::temp_directory_path() / "blackstart-contingency-test.csv";
  fs::remove(csv);
  const std::string case30 = (kData / "case30.m").string();
  std::string output;
  REQUIRE(run("contingency " + case30 + " --top 5 --threads 2 --out " + csv.string(), &output) == 0);
  INFO(output);
  CHECK(output.find("N-1") != std::string::npos);
  std::ifstream in(csv);
  std::stringstream text;
  text << in.rdbuf();
  const std::string written = text.str();
  CHECK(written.rfind("rank,branch,from_bus,to_bus,", 0) == 0);
  CHECK(std::count(written.begin(), written.end(), '\n') == 42);  // header and 41 outages
  CHECK(run("contingency " + case30 + " --n-2 --top 4 --out " + csv.string()) == 0);
  std::ifstream in2(csv);
  std::string header;
  std::getline(in2, header);
  CHECK(header.rfind("rank,branch_1,from_bus_1,to_bus_1,branch_2,", 0) == 0);
  CHECK(run("contingency " + (kData / "no-such-case.m").string()) == 1);
  CHECK(run("contingency " + case30 + " --n-1 --n-2") == 2);
  CHECK(run("contingency " + case30 + " --top 0") == 2);
  fs::remove(csv);
}
