// DC and AC power flow against MATPOWER's own results (tests/data/matpower/reference), and on the larger
// cases (the two largest in [.large] tests, see support/matpower_cases.hpp).
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <map>

#include "blackstart/io/csv.hpp"
#include "blackstart/io/matpower.hpp"
#include "blackstart/sim/powerflow.hpp"
#include "support/matpower_cases.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

namespace {
const fs::path kData = test::matpower_dir();
model::PowerCase load_case(const std::string& name) {
  return test::load_matpower_case(name);
}

struct Reference {
  std::map<int, std::map<std::string, double>> bus, branch;  // by 1-based row
};

Reference load_reference(const std::string& file) {
  core::Diagnostics d;
  auto table = io::read_csv(kData / "reference" / file, d);
  REQUIRE(table);
  Reference ref;
  const int table_col = table->column({"table"}), index_col = table->column({"index"});
  for (const auto& row : table->rows) {
    auto& target = row.fields[table_col] == "bus" ? ref.bus : ref.branch;
    auto& values = target[std::stoi(row.fields[index_col])];
    for (std::size_t c = 0; c < table->header.size(); ++c)
      if (!row.fields[c].empty() && row.fields[c] != "bus" && row.fields[c] != "branch")
        values[table->header[c]] = std::stod(row.fields[c]);
  }
  return ref;
}

//! Largest |P mismatch| and |Q mismatch| over buses, from branch flows and bus data (MW, MVAr).
double ac_mismatch_mw(const model::PowerCase& c, const sim::AcFlow& flow) {
  std::vector<double> p(c.buses.size()), q(c.buses.size());
  for (std::size_t i = 0; i < c.buses.size(); ++i) {
    const double v2 = flow.vm_pu[i] * flow.vm_pu[i];
    p[i] = -c.buses[i].pd_mw - c.buses[i].gs_mw * v2;
    q[i] = -c.buses[i].qd_mvar + c.buses[i].bs_mvar * v2;
  }
  for (std::size_t g = 0; g < c.gens.size(); ++g) {
    if (!c.gens[g].in_service) continue;
    const int b = c.bus_index.at(c.gens[g].bus);
    p[b] += flow.pg_mw[g];
    q[b] += flow.qg_mvar[g];
  }
  for (std::size_t l = 0; l < c.branches.size(); ++l) {
    const int f = c.bus_index.at(c.branches[l].from), t = c.bus_index.at(c.branches[l].to);
    p[f] -= flow.pf_mw[l];
    q[f] -= flow.qf_mvar[l];
    p[t] -= flow.pt_mw[l];
    q[t] -= flow.qt_mvar[l];
  }
  double worst = 0;
  for (std::size_t i = 0; i < p.size(); ++i) worst = std::max({worst, std::abs(p[i]), std::abs(q[i])});
  return worst;
}
}  // namespace

TEST_CASE("DC power flow matches MATPOWER rundcpf", "[powerflow]") {
  for (const std::string name : {"case9", "case14", "case30", "case57"}) {
    INFO(name);
    const auto c = load_case(name);
    const auto ref = load_reference(name + "_dc.csv");
    const auto flow = sim::solve_dc(c);
    REQUIRE(flow.ok);
    for (const auto& [row, values] : ref.bus)
      CHECK(flow.va_deg[row - 1] == Approx(values.at("va_deg")).margin(1e-6));
    for (const auto& [row, values] : ref.branch)
      CHECK(flow.pf_mw[row - 1] == Approx(values.at("pf_mw")).margin(1e-6));
    // Balance: generation equals load plus shunt conductance (DC is lossless).
    double generation = 0, demand = 0;
    for (double pg : flow.pg_mw) generation += pg;
    for (const auto& bus : c.buses) demand += bus.pd_mw + bus.gs_mw;
    CHECK(generation == Approx(demand).margin(1e-6));
  }
}

TEST_CASE("AC power flow matches MATPOWER runpf", "[powerflow]") {
  for (const std::string name : {"case9", "case14", "case30", "case57"}) {
    INFO(name);
    const auto c = load_case(name);
    const auto ref = load_reference(name + "_ac.csv");
    const auto flow = sim::solve_ac(c);
    REQUIRE(flow.converged);
    for (const auto& [row, values] : ref.bus) {
      CHECK(flow.vm_pu[row - 1] == Approx(values.at("vm_pu")).margin(1e-6));
      CHECK(flow.va_deg[row - 1] == Approx(values.at("va_deg")).margin(1e-6));
    }
    // 1e-6 p.u. of flow is 1e-4 MW on a 100 MVA base.
    const double tol = 1e-6 * c.base_mva;
    for (const auto& [row, values] : ref.branch) {
      CHECK(flow.pf_mw[row - 1] == Approx(values.at("pf_mw")).margin(tol));
      CHECK(flow.qf_mvar[row - 1] == Approx(values.at("qf_mvar")).margin(tol));
      CHECK(flow.pt_mw[row - 1] == Approx(values.at("pt_mw")).margin(tol));
      CHECK(flow.qt_mvar[row - 1] == Approx(values.at("qt_mvar")).margin(tol));
    }
    CHECK(ac_mismatch_mw(c, flow) < 1e-6 * c.base_mva);
  }
}

namespace {
void check_dc_flows_against_angles(const std::string& name) {
  INFO(name);
  const auto c = load_case(name);
  const auto flow = sim::solve_dc(c);
  REQUIRE(flow.ok);
  double worst = 0;
  for (std::size_t l = 0; l < c.branches.size(); ++l) {
    const auto& br = c.branches[l];
    if (!br.in_service) continue;
    const double tap = br.ratio == 0 ? 1.0 : br.ratio;
    const double dtheta =
        (flow.va_deg[c.bus_index.at(br.from)] - flow.va_deg[c.bus_index.at(br.to)] - br.shift_deg) * M_PI /
        180.0;
    worst = std::max(worst, std::abs(flow.pf_mw[l] - c.base_mva * dtheta / (br.x_pu * tap)));
  }
  CHECK(worst < 1e-6);
  double generation = 0, demand = 0;
  for (double pg : flow.pg_mw) generation += pg;
  for (const auto& bus : c.buses) demand += bus.pd_mw + bus.gs_mw;
  CHECK(generation == Approx(demand).margin(1e-6));
  if (name == "case118") CHECK(flow.va_deg[c.bus_index.at(69)] == Approx(30.0));  // slack angle kept
}

void check_ac_converges(const std::string& name) {
  INFO(name);
  const auto c = load_case(name);
  const auto flow = sim::solve_ac(c);
  INFO(flow.message);
  REQUIRE(flow.converged);
  CHECK(flow.max_mismatch_pu < 1e-8);
  CHECK(ac_mismatch_mw(c, flow) < 1e-5 * c.base_mva);
  CHECK(flow.losses_mw > 0);
}
}  // namespace

TEST_CASE("DC flows equal susceptance times angle difference on case118 and case300", "[powerflow]") {
  for (const std::string name : {"case118", "case300"}) check_dc_flows_against_angles(name);
}

TEST_CASE("DC flows equal susceptance times angle difference on the large cases", "[powerflow][.large]") {
  for (const std::string name : {"case2383wp", "case9241pegase"}) check_dc_flows_against_angles(name);
}

TEST_CASE("AC power flow converges with mismatch below tolerance on case118 and case300", "[powerflow]") {
  for (const std::string name : {"case118", "case300"}) check_ac_converges(name);
}

TEST_CASE("AC power flow converges with mismatch below tolerance on the large cases", "[powerflow][.large]") {
  for (const std::string name : {"case2383wp", "case9241pegase"}) check_ac_converges(name);
}

TEST_CASE("AC power flow reports non-convergence instead of a wrong answer", "[powerflow]") {
  auto c = load_case("case9");
  for (auto& bus : c.buses) {
    bus.pd_mw *= 10;
    bus.qd_mvar *= 10;
  }
  const auto flow = sim::solve_ac(c);
  CHECK_FALSE(flow.converged);
  CHECK(flow.message.find("did not converge") != std::string::npos);
}
