// MATPOWER import: the case -> power layer mapping, the YAML writer's round trip, the scenario key
// `matpower:` and `blackstart import matpower`, on small inline cases and the MATPOWER cases in
// tests/data/matpower (the large case2383wp in a [.large] test, see support/matpower_cases.hpp).
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "blackstart/io/matpower.hpp"
#include "blackstart/io/matpower_import.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "support/cli_runner.hpp"
#include "support/matpower_cases.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

namespace {

const fs::path kCases = test::matpower_dir();

// case9 as shipped with MATPOWER, trimmed (header shortened, gen cost columns dropped).
const char* kCase9 =
    "function mpc = case9\n"
    "%CASE9    Power flow data for 9 bus, 3 generator case.\n"
    "%   Based on data from p. 70 of Chow, 1982.\n"
    "mpc.version = '2';\n"
    "mpc.baseMVA = 100;\n"
    "mpc.bus = [\n"
    "\t1\t3\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "\t2\t2\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "\t3\t2\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "\t4\t1\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "\t5\t1\t90\t30\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "\t6\t1\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "\t7\t1\t100\t35\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "\t8\t1\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "\t9\t1\t125\t50\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;\n"
    "];\n"
    "mpc.gen = [\n"
    "\t1\t72.3\t27.03\t300\t-300\t1.04\t100\t1\t250\t10;\n"
    "\t2\t163\t6.54\t300\t-300\t1.025\t100\t1\t300\t10;\n"
    "\t3\t85\t-10.95\t300\t-300\t1.025\t100\t1\t270\t10;\n"
    "];\n"
    "mpc.branch = [\n"
    "\t1\t4\t0\t0.0576\t0\t250\t250\t250\t0\t0\t1\t-360\t360;\n"
    "\t4\t5\t0.017\t0.092\t0.158\t250\t250\t250\t0\t0\t1\t-360\t360;\n"
    "\t5\t6\t0.039\t0.17\t0.358\t150\t150\t150\t0\t0\t1\t-360\t360;\n"
    "\t3\t6\t0\t0.0586\t0\t300\t300\t300\t0\t0\t1\t-360\t360;\n"
    "\t6\t7\t0.0119\t0.1008\t0.209\t150\t150\t150\t0\t0\t1\t-360\t360;\n"
    "\t7\t8\t0.0085\t0.072\t0.149\t250\t250\t250\t0\t0\t1\t-360\t360;\n"
    "\t8\t2\t0\t0.0625\t0\t250\t250\t250\t0\t0\t1\t-360\t360;\n"
    "\t8\t9\t0.032\t0.161\t0.306\t250\t250\t250\t0\t0\t1\t-360\t360;\n"
    "\t9\t4\t0.01\t0.085\t0.176\t250\t250\t250\t0\t0\t1\t-360\t360;\n"
    "];\n"
    "mpc.gencost = [\n\t2\t1500\t0\t3\t0.11\t5\t150;\n];\n";

// The awkward parts: parallel branches (one written the other way round), a transformer and a phase
// shifter, out-of-service rows, a negative load, a tiny load, unbounded reactive limits, a condenser.
// Lines: 1 function, 2-3 help, 4 version, 5 baseMVA, 6 mpc.bus, 7-10 buses, 11 '];', 12 mpc.gen,
// 13-16 gens, 17 '];', 18 mpc.branch, 19-24 branches, 25 '];'.
const char* kTricky =
    "function mpc = tricky\n"
    "%TRICKY  Parallel lines, transformers, out-of-service rows,\n"
    "%   unbounded reactive limits.\n"
    "mpc.version = '2';\n"
    "mpc.baseMVA = 100;\n"
    "mpc.bus = [\n"
    "  1 3 0 0 0 0 1 1.02 0 230 1 1.1 0.9;\n"
    "  2 1 50.5 10 0 5 1 1 -2.5 230 1 1.1 0.9;\n"
    "  3 1 -20 -5 1.5 0 1 1 -3 115 1 1.1 0.9;\n"
    "  7 2 0.0004 0 0 0 1 1 0 115 1 1.1 0.9;\n"
    "];\n"
    "mpc.gen = [\n"
    "  1 100 0 Inf -Inf 1.02 100 1 200 0;\n"
    "  7 0 10 50 -50 1 100 1 0 0;\n"
    "  7 30 0 50 -50 1 100 0 60 0;\n"
    "  7 20 5 50 -50 1 100 1 60 5;\n"
    "];\n"
    "mpc.branch = [\n"
    "  1 2 0.01 0.1 0.02 100 110 120 0 0 1 -360 360;\n"
    "  1 2 0.01 0.1 0.02 100 110 120 0 0 1 -360 360;\n"
    "  2 3 0 0.05 0 80 0 0 0.975 0 1 -360 360;\n"
    "  3 7 0.002 0.03 0 0 0 0 0 -5.5 1 -360 360;\n"
    "  1 7 0.01 0.2 0 0 0 0 0 0 0 -360 360;\n"
    "  2 1 0.013 0.11 0.021 90 0 0 0 0 1 -360 360;\n"
    "];\n";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

io::ImportResult import_text(const std::string& text, const io::ImportOptions& options = {}) {
  auto read = io::parse_matpower(text, "case.m");
  INFO(read.diagnostics.to_string());
  REQUIRE(read.ok());
  auto result = io::import_power_case(*read.power_case, options, io::matpower_header_comment(text));
  INFO(result.diagnostics.to_string());
  REQUIRE(result.ok());
  return result;
}

const model::Element& get(const model::Scenario& s, const std::string& id) {
  const auto found = s.network.find(id);
  INFO(id);
  REQUIRE(found);
  return s.network.element(*found);
}

std::size_t count_type(const model::Network& net, const std::string& type) {
  std::size_t n = 0;
  for (const auto& e : net.elements()) n += e.type == type;
  return n;
}

//! First difference between two networks (everything but source locations), or "".
std::string difference(const model::Network& a, const model::Network& b) {
  if (a.size() != b.size()) return "sizes " + std::to_string(a.size()) + " != " + std::to_string(b.size());
  if (a.layers().size() != b.layers().size()) return "layer counts differ";
  for (std::size_t l = 0; l < a.layers().size(); ++l) {
    const auto &x = a.layers()[l], &y = b.layers()[l];
    if (x.name != y.name || x.kind != y.kind || x.assets != y.assets || x.links != y.links)
      return "layer " + x.name + " differs";
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto &x = a.element(static_cast<model::ElementIndex>(i)),
               &y = b.element(static_cast<model::ElementIndex>(i));
    const bool same = x.id == y.id && x.local_id == y.local_id && x.layer == y.layer &&
                      x.is_link == y.is_link && x.type == y.type && x.role == y.role && x.name == y.name &&
                      x.operator_name == y.operator_name && x.capacity_mw == y.capacity_mw &&
                      x.load_mw == y.load_mw && x.customers == y.customers &&
                      x.passengers_per_hour == y.passengers_per_hour && x.priority == y.priority &&
                      x.recoverable_firmware == y.recoverable_firmware && x.attributes == y.attributes &&
                      x.from == y.from && x.to == y.to && x.position.has_value() == y.position.has_value();
    if (!same) return "element " + x.id + " differs from " + y.id;
  }
  return "";
}

//! Writes the scenario as YAML, loads it back and checks that nothing changed.
void check_round_trip(const model::Scenario& imported) {
  const std::string yaml = io::imported_scenario_yaml(imported);
  const auto loaded = io::load_scenario_text(yaml, "grid.yaml", ".");
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  const auto& s = *loaded.scenario;
  CHECK(difference(imported.network, s.network) == "");
  CHECK(s.name == imported.name);
  CHECK(s.description == imported.description);
  CHECK(s.power_model == model::PowerModelKind::Dc);
  CHECK(s.horizon_min == imported.horizon_min);
  REQUIRE(s.sources.size() == 1);
  CHECK(s.sources[0].title == imported.sources[0].title);
  CHECK(s.sources[0].note == imported.sources[0].note);
  CHECK(s.events.empty());
}

fs::path temp_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("blackstart-matpower-import-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

using blackstart::test::run_cli;

}  // namespace

TEST_CASE("a MATPOWER case becomes one power layer of buses, generators and branches", "[matpower][import]") {
  const auto r = import_text(kCase9);
  const auto& s = *r.scenario;
  CHECK(s.name == "case9");
  CHECK(s.power_model == model::PowerModelKind::Dc);
  REQUIRE(s.network.layers().size() == 1);
  const auto& layer = s.network.layers()[0];
  CHECK(layer.name == "power");
  CHECK(layer.kind == model::LayerKind::Power);
  CHECK(layer.assets.size() == 9 + 3);  // buses + generators
  CHECK(layer.links.size() == 9 + 3);   // branches + generator connections
  CHECK(count_type(s.network, "bus") == 9);
  CHECK(count_type(s.network, "generator") == 3);
  CHECK(count_type(s.network, "line") == 9);
  CHECK(count_type(s.network, "connection") == 3);
  REQUIRE(s.sources.size() == 1);
  CHECK(s.sources[0].title == "MATPOWER case case9 (case.m)");
  CHECK(s.sources[0].note ==
        "CASE9    Power flow data for 9 bus, 3 generator case.\nBased on data from p. 70 of Chow, 1982.");

  const auto& bus1 = get(s, "power/bus-1");
  CHECK(bus1.role == model::Role::Bus);
  CHECK(bus1.attribute("bus_type") == 3);
  CHECK_FALSE(bus1.has_demand());
  const auto& bus5 = get(s, "power/bus-5");
  CHECK(bus5.type == "bus");
  CHECK(bus5.load_mw == 90);
  CHECK(bus5.customers == 36000);  // 90 MW * 400 customers per MW
  CHECK(bus5.has_demand());
  CHECK(bus5.attribute("load_mvar") == 30);
  CHECK(bus5.attribute("voltage_kv") == 345);
  CHECK(bus5.attribute("vm_pu") == 1);
  CHECK(bus5.attribute("bus_type") == 1);
  CHECK(bus5.attribute("bus_number") == 5);
  CHECK(bus5.location.line == 11);

  const auto& gen3 = get(s, "power/gen-3");
  CHECK(gen3.role == model::Role::Source);
  CHECK(gen3.capacity_mw == 270);
  CHECK(gen3.attribute("pg_mw") == 85);
  CHECK(gen3.attribute("qg_mvar") == -10.95);
  CHECK(gen3.attribute("pmin_mw") == 10);
  CHECK(gen3.attribute("qmax_mvar") == 300);
  CHECK(gen3.attribute("qmin_mvar") == -300);
  CHECK(gen3.attribute("vg_pu") == 1.025);
  const auto& conn3 = get(s, "power/gen-3-conn");
  CHECK(conn3.type == "connection");
  CHECK(s.network.element(conn3.from).id == "power/gen-3");
  CHECK(s.network.element(conn3.to).id == "power/bus-3");

  const auto& br3 = get(s, "power/branch-3");
  CHECK(br3.type == "line");
  CHECK(s.network.element(br3.from).id == "power/bus-5");
  CHECK(s.network.element(br3.to).id == "power/bus-6");
  CHECK(br3.attribute("r_pu") == 0.039);
  CHECK(br3.attribute("x_pu") == 0.17);
  CHECK(br3.attribute("b_pu") == 0.358);
  CHECK(br3.attribute("rate_a_mva") == 150);
  CHECK(br3.attribute("rate_b_mva") == 150);
  CHECK(br3.attribute("rate_c_mva") == 150);
  CHECK(br3.attribute("tap_ratio") == 0);
  CHECK(br3.attribute("shift_deg") == 0);
  CHECK(br3.attribute("branch_row") == 3);
}

TEST_CASE("parallel branches stay distinct links, each addressed by its row", "[matpower][import]") {
  const auto r = import_text(kTricky);
  const auto& s = *r.scenario;
  const auto text = r.diagnostics.to_string();
  INFO(text);
  // Rows 1, 2 and 6 all join buses 1 and 2.
  for (int row : {1, 2, 6}) {
    const auto& br = get(s, "power/branch-" + std::to_string(row));
    CHECK(br.type == "line");
    CHECK(br.attribute("branch_row") == row);
    const auto ends = std::minmax(s.network.element(br.from).local_id, s.network.element(br.to).local_id);
    CHECK(ends.first == "bus-1");
    CHECK(ends.second == "bus-2");
  }
  CHECK(get(s, "power/branch-6").attribute("x_pu") == 0.11);
  CHECK(s.network.element(get(s, "power/branch-6").from).local_id == "bus-2");  // as written: 2 -> 1
  // Ratio or shift makes a transformer.
  const auto& tap = get(s, "power/branch-3");
  CHECK(tap.type == "transformer");
  CHECK(tap.attribute("tap_ratio") == 0.975);
  const auto& shifter = get(s, "power/branch-4");
  CHECK(shifter.type == "transformer");
  CHECK(shifter.attribute("shift_deg") == -5.5);
  CHECK(shifter.attribute("tap_ratio") == 0);

  // Out of service: branch row 5 and gen row 3 are left out, as MATPOWER's power flow does; the
  // condenser (gen row 2, Pmax 0) too, since capacity_mw 0 would be an unlimited source.
  CHECK_FALSE(s.network.find("power/branch-5"));
  CHECK_FALSE(s.network.find("power/gen-3"));
  CHECK_FALSE(s.network.find("power/gen-2"));
  CHECK_FALSE(s.network.find("power/gen-2-conn"));
  CHECK(s.network.find("power/gen-4-conn"));
  CHECK(s.network.layers()[0].assets.size() == 4 + 2);
  CHECK(s.network.layers()[0].links.size() == 5 + 2);
  CHECK(text.find("case.m:23: note: out-of-service branches skipped (branch row 5)") != std::string::npos);
  CHECK(text.find("case.m:15: note: out-of-service generators skipped (gen row 3)") != std::string::npos);
  CHECK(text.find(
            "case.m:14: note: generators without active power capacity (Pmax <= 0) skipped (gen row 2)") !=
        std::string::npos);
  CHECK_FALSE(r.diagnostics.has_errors());

  // Unbounded reactive limits are stored as the attribute's limits.
  const auto& gen1 = get(s, "power/gen-1");
  CHECK(gen1.attribute("qmax_mvar") == 1e7);
  CHECK(gen1.attribute("qmin_mvar") == -1e7);
  CHECK(text.find("case.m:13: note: qmax_mvar is infinite in 1 row: stored as the attribute's limit") !=
        std::string::npos);

  // A negative load is kept as written but has no customers and no demand.
  const auto& bus3 = get(s, "power/bus-3");
  CHECK(bus3.load_mw == -20);
  CHECK(bus3.attribute("load_mvar") == -5);
  CHECK(bus3.attribute("gs_mw") == 1.5);
  CHECK(bus3.customers == 0);
  CHECK_FALSE(bus3.has_demand());
  // A tiny load rounds to no customers but still has demand.
  const auto& bus7 = get(s, "power/bus-7");
  CHECK(bus7.load_mw == 0.0004);
  CHECK(bus7.customers == 0);
  CHECK(bus7.has_demand());
  const auto& bus2 = get(s, "power/bus-2");
  CHECK(bus2.customers == 20200);
  CHECK(bus2.attribute("bs_mvar") == 5);
  CHECK(bus2.attribute("va_deg") == -2.5);
}

TEST_CASE("customers per MW can be changed or switched off", "[matpower][import]") {
  CHECK(io::customers_for(90, {}) == 36000);
  CHECK(io::customers_for(0.00124, {}) == 0);  // 0.496 rounds down
  CHECK(io::customers_for(0.00125, {}) == 1);  // 0.5 rounds up
  CHECK(io::customers_for(-5, {}) == 0);
  io::ImportOptions none;
  none.customers_per_mw = 0;
  const auto r = import_text(kCase9, none);
  CHECK(get(*r.scenario, "power/bus-5").customers == 0);
  CHECK(get(*r.scenario, "power/bus-5").has_demand());  // load_mw alone
  io::ImportOptions dense;
  dense.customers_per_mw = 1000;
  CHECK(get(*import_text(kCase9, dense).scenario, "power/bus-9").customers == 125000);
}

TEST_CASE("a case on another MVA base is converted to 100 MVA", "[matpower][import]") {
  const auto r = import_text(replace(kCase9, "mpc.baseMVA = 100;", "mpc.baseMVA = 200;"));
  const auto& br = get(*r.scenario, "power/branch-3");
  CHECK(br.attribute("r_pu") == Approx(0.039 / 2));
  CHECK(br.attribute("x_pu") == Approx(0.17 / 2));
  CHECK(br.attribute("b_pu") == Approx(0.358 * 2));
  CHECK(br.attribute("rate_a_mva") == 150);  // MVA do not depend on the base
  CHECK(r.diagnostics.to_string().find("baseMVA is 200: r_pu, x_pu and b_pu are converted") !=
        std::string::npos);
}

TEST_CASE("case values Blackstart cannot hold are errors at the case's line", "[matpower][import]") {
  auto errors = [](const std::string& text) {
    auto read = io::parse_matpower(text, "case.m");
    REQUIRE(read.ok());
    const auto r = io::import_power_case(*read.power_case);
    CHECK_FALSE(r.ok());
    return r.diagnostics.to_string();
  };
  CHECK(errors(replace(kTricky, "2 1 50.5 10 0 5 1 1 -2.5", "2 1 50.5 10 0 5 1 1 -400"))
            .find("case.m:8: error: bus 2: va_deg = -400 is outside Blackstart's range [-360, 360] deg\n") !=
        std::string::npos);
  CHECK(errors(replace(kTricky, "  2 3 0 0.05", "  3 3 0 0.05"))
            .find("case.m:21: error: branch row 3 connects bus 3 to itself") != std::string::npos);
}

TEST_CASE("imported cases are kept exactly through the YAML writer and loader", "[matpower][import]") {
  SECTION("case9") {
    check_round_trip(*import_text(kCase9).scenario);
  }
  SECTION("awkward rows") {
    check_round_trip(*import_text(kTricky).scenario);
  }
  SECTION("another base") {
    check_round_trip(*import_text(replace(kCase9, "mpc.baseMVA = 100;", "mpc.baseMVA = 33.3;")).scenario);
  }
  SECTION("names and notes that need quoting") {
    auto s = *import_text(kCase9).scenario;
    s.name = "grid: \"north\" # 1";
    s.sources[0].note = "tab\there\nback\\slash, caf\xc3\xa9, bad \xff byte";
    const auto loaded = io::load_scenario_text(io::imported_scenario_yaml(s), "grid.yaml", ".");
    INFO(loaded.diagnostics.to_string());
    REQUIRE(loaded.ok());
    CHECK(loaded.scenario->name == s.name);
    CHECK(loaded.scenario->sources[0].note == "tab\there\nback\\slash, caf\xc3\xa9, bad ? byte");
  }
}

TEST_CASE("shipped cases import with every bus, generator and branch", "[matpower][import]") {
  struct Expected {
    const char* name;
    std::size_t buses, gens, branches, transformers;
  };
  for (const Expected& x : {Expected{"case9", 9, 3, 9, 0}, Expected{"case118", 118, 54, 186, 11}}) {
    const auto r = io::import_matpower_file(kCases / (std::string(x.name) + ".m"));
    INFO(x.name << "\n" << r.diagnostics.to_string());
    REQUIRE(r.ok());
    const auto& net = r.scenario->network;
    CHECK(net.layers()[0].assets.size() == x.buses + x.gens);
    CHECK(net.layers()[0].links.size() == x.branches + x.gens);
    CHECK(count_type(net, "bus") == x.buses);
    CHECK(count_type(net, "generator") == x.gens);
    CHECK(count_type(net, "connection") == x.gens);
    CHECK(count_type(net, "line") + count_type(net, "transformer") == x.branches);
    CHECK(count_type(net, "transformer") == x.transformers);
    for (const auto& d : r.diagnostics.items()) CHECK(d.severity == core::Severity::Note);
  }
  const auto r = io::import_matpower_file(kCases / "case118.m");
  const auto& s = *r.scenario;
  CHECK(s.sources[0].note.rfind("CASE118    Power flow data for IEEE 118 bus test case.", 0) == 0);
  // Row 8 of case118: 8 -> 5, a transformer (ratio 0.985).
  const auto& br8 = get(s, "power/branch-8");
  CHECK(br8.type == "transformer");
  CHECK(br8.attribute("tap_ratio") == 0.985);
  CHECK(s.network.element(br8.from).id == "power/bus-8");
  CHECK(s.network.element(br8.to).id == "power/bus-5");
  CHECK(get(s, "power/bus-59").load_mw == 277);
  CHECK(get(s, "power/gen-1").attribute("qmax_mvar") == 15);
  // Parallel branches: every row is its own link.
  std::map<std::pair<std::string, std::string>, std::vector<double>> rows;
  for (auto l : s.network.layers()[0].links) {
    const auto& e = s.network.element(l);
    if (e.type == "connection") continue;
    rows[std::minmax(s.network.element(e.from).local_id, s.network.element(e.to).local_id)].push_back(
        e.attribute("branch_row"));
  }
  std::size_t parallel = 0;
  for (const auto& [ends, list] : rows) parallel += list.size() - 1;
  CHECK(parallel == 7);
  CHECK(rows.size() == 186 - 7);
}

namespace {
void check_case_round_trip(const std::string& name) {
  const auto r = io::import_matpower_file(test::matpower_case_path(name));
  INFO(name << "\n" << r.diagnostics.to_string());
  REQUIRE(r.ok());
  check_round_trip(*r.scenario);
}
}  // namespace

TEST_CASE("shipped cases round-trip through YAML", "[matpower][import]") {
  for (const char* name : {"case118", "case300"}) check_case_round_trip(name);
}

TEST_CASE("a large case round-trips through YAML", "[matpower][import][.large]") {
  check_case_round_trip("case2383wp");
}

TEST_CASE("a scenario layer imports a case with 'matpower:'", "[matpower][import]") {
  const auto dir = temp_dir("key");
  fs::create_directories(dir / "grids");
  std::ofstream(dir / "grids" / "tricky.m") << kTricky;
  std::ofstream(dir / "scenario.yaml")
      << "blackstart: 1\n"
         "name: imported\n"
         "power_model: dc\n"
         "layers:\n"
         "  - name: power\n"
         "    matpower: grids/tricky.m\n"
         "    assets:\n"
         "      - {id: hospital, type: load, load_mw: 2, customers: 1}\n"
         "    links:\n"
         "      - {id: feeder, from: bus-2, to: hospital}\n"
         "  - name: cyber\n"
         "    assets: [{id: rtu, type: rtu}]\n"
         "dependencies:\n"
         "  - {dependent: power/branch-3, supplier: cyber/rtu, kind: control}\n";
  const auto r = io::load_scenario_file(dir / "scenario.yaml");
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  const auto& s = *r.scenario;
  // The same elements as a direct import, then the YAML's own.
  const auto direct = import_text(kTricky);
  const auto& layer = s.network.layers()[0];
  REQUIRE(layer.assets.size() == direct.scenario->network.layers()[0].assets.size() + 1);
  REQUIRE(layer.links.size() == direct.scenario->network.layers()[0].links.size() + 1);
  for (const auto& e : direct.scenario->network.elements()) {
    const auto& loaded = get(s, e.id);
    CHECK(loaded.type == e.type);
    CHECK(loaded.attributes == e.attributes);
    CHECK(loaded.load_mw == e.load_mw);
    CHECK(loaded.customers == e.customers);
    CHECK(loaded.capacity_mw == e.capacity_mw);
  }
  CHECK(s.network.element(get(s, "power/feeder").from).id == "power/bus-2");
  CHECK(s.network.dependencies().size() == 1);
  // The case file's notes are passed on with its own lines.
  const auto text = r.diagnostics.to_string();
  CHECK(text.find("tricky.m:23: note: out-of-service branches skipped") != std::string::npos);
  CHECK(get(s, "power/bus-2").location.file.find("tricky.m") != std::string::npos);
  CHECK(get(s, "power/bus-2").location.line == 8);

  SECTION("with options") {
    std::ofstream(dir / "options.yaml")
        << "blackstart: 1\nname: t\nlayers:\n"
           "  - {name: grid, kind: power, matpower: {file: grids/tricky.m, customers_per_mw: 0}}\n";
    const auto o = io::load_scenario_file(dir / "options.yaml");
    INFO(o.diagnostics.to_string());
    REQUIRE(o.ok());
    CHECK(get(*o.scenario, "grid/bus-2").customers == 0);
    CHECK(get(*o.scenario, "grid/bus-2").load_mw == 50.5);
  }
}

TEST_CASE("'matpower:' errors point at the key or into the case file", "[matpower][import]") {
  const auto dir = temp_dir("errors");
  auto load = [&](const std::string& layer) {
    std::ofstream(dir / "s.yaml") << "blackstart: 1\nname: t\nlayers:\n" << layer;
    const auto r = io::load_scenario_file(dir / "s.yaml");
    CHECK_FALSE(r.ok());
    return r.diagnostics.to_string();
  };
  const std::string yaml = (dir / "s.yaml").string();
  SECTION("missing case file: at the key's value") {
    const auto text = load("  - name: power\n    matpower: nope.m\n");
    CHECK(text.rfind(yaml + ":5:15: error: matpower 'nope.m': cannot read MATPOWER case", 0) == 0);
  }
  SECTION("malformed case: at the case file's line and column") {
    std::ofstream(dir / "bad.m") << replace(kTricky, "2 1 50.5 10", "2 1 5O.5 10");
    const auto text = load("  - name: power\n    matpower: bad.m\n");
    CHECK(text.find((dir / "bad.m").string() + ":8:7: error: expected a number, found '5O.5'") !=
          std::string::npos);
  }
  SECTION("value out of range: at the case file's line") {
    std::ofstream(dir / "range.m") << replace(kTricky, "1 1 -2.5 230", "1 1 -400 230");
    const auto text = load("  - name: power\n    matpower: range.m\n");
    CHECK(text.find((dir / "range.m").string() + ":8: error: bus 2: va_deg = -400 is outside") !=
          std::string::npos);
  }
  SECTION("not a power layer") {
    std::ofstream(dir / "ok.m") << kTricky;
    CHECK(load("  - name: grid\n    matpower: ok.m\n")
              .find(":5:15: error: 'matpower' imports into a power layer: name the layer 'power' or add "
                    "'kind: power'") != std::string::npos);
  }
  SECTION("an id the case already uses") {
    std::ofstream(dir / "ok.m") << kTricky;
    const auto text = load("  - name: power\n    matpower: ok.m\n    assets: [{id: bus-1, type: bus}]\n");
    CHECK(text.find(":6:19: error: duplicate id 'power/bus-1'") != std::string::npos);
  }
  SECTION("a mapping without file") {
    CHECK(load("  - name: power\n    matpower: {customers_per_mw: 3}\n")
              .find(":5:15: error: matpower needs 'file'") != std::string::npos);
  }
}

TEST_CASE("blackstart import matpower writes a scenario that loads", "[matpower][import][cli]") {
  const auto dir = temp_dir("cli");
  std::ofstream(dir / "tricky.m") << kTricky;
  const auto out = dir / "grid.yaml";
  const auto r = run_cli("import matpower " + (dir / "tricky.m").string() + " -o " + out.string() +
                         " --customers-per-mw 100");
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("Wrote " + out.string() + ": 'tricky', 4 buses, 2 generators, 5 branches") !=
        std::string::npos);
  CHECK(r.output.find("note: out-of-service branches skipped") != std::string::npos);
  const auto loaded = io::load_scenario_file(out);
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  CHECK(get(*loaded.scenario, "power/bus-2").customers == 5050);
  const auto validated = run_cli("validate " + out.string());
  CHECK(validated.code == 0);

  std::ofstream(dir / "bad.m") << replace(kTricky, "2 1 50.5 10", "2 1 5O.5 10");
  const auto bad =
      run_cli("import matpower " + (dir / "bad.m").string() + " -o " + (dir / "x.yaml").string());
  CHECK(bad.code == 1);
  CHECK(bad.output.find("bad.m:8:7: error: expected a number, found '5O.5'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.yaml"));
  CHECK(run_cli("import matpower " + (dir / "tricky.m").string()).code == 2);  // -o is required
}
