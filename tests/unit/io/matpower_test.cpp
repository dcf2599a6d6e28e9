// The MATPOWER case reader: the eight MATPOWER cases against the figures in their README (the two large
// ones in [.large] tests, see support/matpower_cases.hpp), then the format's corners and every error on
// small inline texts.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "blackstart/io/matpower.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "support/matpower_cases.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

namespace {

const fs::path kCases = test::matpower_dir();

io::MatpowerResult load_case(const std::string& name) {
  auto r = io::load_matpower_file(test::matpower_case_path(name));
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  return r;
}

io::MatpowerResult parse(const std::string& text) {
  return io::parse_matpower(text, "test.m");
}

//! All diagnostics of parsing `text`, one per line.
std::string diagnostics_of(const std::string& text) {
  return parse(text).diagnostics.to_string();
}

//! A small valid case, with the pieces the error tests replace.
struct Tiny {
  std::string head = "function mpc = tiny\nmpc.version = '2';\nmpc.baseMVA = 100;\n";
  std::string bus =
      "mpc.bus = [\n"
      "  1 3 0 0 0 0 1 1 0 345 1 1.1 0.9;\n"
      "  2 1 90 30 0 0 1 1 0 345 1 1.1 0.9;\n"
      "];\n";
  std::string gen = "mpc.gen = [\n  1 72.3 27.03 300 -300 1.04 100 1 250 10;\n];\n";
  std::string branch = "mpc.branch = [\n  1 2 0 0.0576 0 250 250 250 0 0 1;\n];\n";
  [[nodiscard]] std::string text() const { return head + bus + gen + branch; }
};
// Lines of Tiny::text(): 1 function, 2 version, 3 baseMVA, 4 mpc.bus, 5-6 buses, 7 '];',
// 8 mpc.gen, 9 gen, 10 '];', 11 mpc.branch, 12 branch, 13 '];'.

struct Expected {
  const char* name;
  std::size_t buses, branches, gens;
  double total_pd;
};

void check_against_readme(const Expected& expected) {
  const auto r = load_case(expected.name);
  const auto& pc = *r.power_case;
  CHECK(pc.name == expected.name);
  CHECK(pc.base_mva == 100);
  CHECK(pc.buses.size() == expected.buses);
  CHECK(pc.branches.size() == expected.branches);
  CHECK(pc.gens.size() == expected.gens);
  double total_pd = 0;
  for (const auto& b : pc.buses) total_pd += b.pd_mw;
  CHECK(std::abs(total_pd - expected.total_pd) < 0.01);
  CHECK(pc.bus_index.size() == pc.buses.size());
  int references = 0;
  for (const auto& b : pc.buses) references += b.type == model::BusType::Ref;
  CHECK(references == 1);
  // Notes only: the gen table's 21 columns (11 are not kept) and the fields not read.
  CHECK_FALSE(r.diagnostics.has_errors());
  for (const auto& d : r.diagnostics.items()) CHECK(d.severity == core::Severity::Note);
  const auto text = r.diagnostics.to_string();
  CHECK(text.find("note: gen has 21 columns; only the first 10 are read (columns 11-21 ignored)") !=
        std::string::npos);
  CHECK(text.find("note: ignored field 'gencost'") != std::string::npos);
  for (const auto& g : pc.gens) CHECK(g.in_service);
  for (const auto& b : pc.branches) CHECK(b.in_service);
}

//! Branches per unordered bus pair.
std::map<std::pair<int, int>, int> branches_per_pair(const model::PowerCase& pc) {
  std::map<std::pair<int, int>, int> count;
  for (const auto& b : pc.branches) ++count[{std::min(b.from, b.to), std::max(b.from, b.to)}];
  return count;
}

int negative_reactances(const model::PowerCase& pc) {
  int n = 0;
  for (const auto& b : pc.branches) n += b.x_pu < 0;
  return n;
}

//! Parallel branches beyond the first of their bus pair: the README's count.
int surplus_parallel_branches(const model::PowerCase& pc) {
  int extra = 0;
  for (const auto& [pair, n] : branches_per_pair(pc)) extra += n - 1;
  return extra;
}

}  // namespace

TEST_CASE("the shipped MATPOWER cases match their README", "[matpower]") {
  const Expected cases[] = {
      {"case9", 9, 9, 3, 315.00},     {"case14", 14, 20, 5, 259.00},      {"case30", 30, 41, 6, 189.20},
      {"case57", 57, 80, 7, 1250.80}, {"case118", 118, 186, 54, 4242.00}, {"case300", 300, 411, 69, 23525.85},
  };
  for (const auto& expected : cases) {
    SECTION(expected.name) {
      check_against_readme(expected);
    }
  }
}

TEST_CASE("the large MATPOWER cases match their README", "[matpower][.large]") {
  const Expected cases[] = {
      {"case2383wp", 2383, 2896, 327, 24558.38},
      {"case9241pegase", 9241, 16049, 1445, 312354.12},
  };
  for (const auto& expected : cases) {
    SECTION(expected.name) {
      check_against_readme(expected);
    }
  }
}

TEST_CASE("case9 values and source lines", "[matpower]") {
  const auto r = load_case("case9");
  const auto& pc = *r.power_case;
  CHECK(r.diagnostics.to_string() ==
        kCases.string() +
            "/case9.m:42:1: note: gen has 21 columns; only the first 10 are read (columns 11-21 "
            "ignored)\n" +
            kCases.string() + "/case9.m:66:1: note: ignored field 'gencost'\n");
  REQUIRE(pc.branches.size() == 9);
  const auto& br3 = pc.branches[2];
  CHECK(br3.from == 5);
  CHECK(br3.to == 6);
  CHECK(br3.r_pu == 0.039);
  CHECK(br3.x_pu == 0.17);
  CHECK(br3.b_pu == 0.358);
  CHECK(br3.rate_a_mva == 150);
  CHECK(br3.angmin_deg == -360);
  CHECK(br3.angmax_deg == 360);
  CHECK(br3.line == 53);
  CHECK(pc.buses[0].line == 29);
  CHECK(pc.buses[0].type == model::BusType::Ref);
  CHECK(pc.buses[4].pd_mw == 90);
  CHECK(pc.buses[4].qd_mvar == 30);
  CHECK(pc.buses[4].base_kv == 345);
  CHECK(pc.buses[4].vmax_pu == 1.1);
  CHECK(pc.gens[2].bus == 3);
  CHECK(pc.gens[2].qg_mvar == -10.95);
  CHECK(pc.gens[2].vg_pu == 1.025);
  CHECK(pc.gens[2].pmax_mw == 270);
  CHECK(pc.gens[2].line == 45);
  CHECK(pc.bus_index.at(9) == 8);
}

TEST_CASE("case14 also skips the bus_name cell array", "[matpower]") {
  const auto r = load_case("case14");
  CHECK(r.diagnostics.to_string().find("case14.m:89:1: note: ignored field 'bus_name'") != std::string::npos);
  CHECK(r.diagnostics.items().size() == 3);
}

TEST_CASE("case118 keeps the reference angle of 30 degrees", "[matpower]") {
  const auto r = load_case("case118");
  const auto& pc = *r.power_case;
  const auto& ref = pc.buses[pc.bus_index.at(69)];
  CHECK(ref.type == model::BusType::Ref);
  CHECK(ref.va_deg == 30);
  CHECK(ref.vm_pu == 1.035);
}

TEST_CASE("case2383wp has infinite reactive limits", "[matpower][.large]") {
  const auto r = load_case("case2383wp");
  int infinite = 0;
  for (const auto& g : r.power_case->gens)
    if (std::isinf(g.qmax_mvar) && g.qmax_mvar > 0 && std::isinf(g.qmin_mvar) && g.qmin_mvar < 0) ++infinite;
  CHECK(infinite > 0);
}

TEST_CASE("negative reactances and parallel branches", "[matpower]") {
  CHECK(negative_reactances(*load_case("case300").power_case) == 1);
  const std::pair<const char*, int> cases[] = {{"case57", 2}, {"case118", 7}, {"case300", 2}};
  for (const auto& [name, expected] : cases)
    CHECK(surplus_parallel_branches(*load_case(name).power_case) == expected);
}

TEST_CASE("negative reactances and parallel branches of the large cases", "[matpower][.large]") {
  const auto pegase = load_case("case9241pegase");
  CHECK(negative_reactances(*pegase.power_case) == 16);
  int in_parallel = 0, groups = 0, surplus = 0;
  for (const auto& [pair, n] : branches_per_pair(*pegase.power_case))
    if (n > 1) {
      in_parallel += n;
      ++groups;
      surplus += n - 1;
    }
  // The README's "1842 parallel branches" is the surplus: branches beyond the first of their bus
  // pair. Counted as every branch whose pair occurs more than once, there are 3503, in 1661 pairs.
  CHECK(in_parallel == 3503);
  CHECK(groups == 1661);
  CHECK(surplus == 1842);
  CHECK(surplus_parallel_branches(*load_case("case2383wp").power_case) == 10);
}

TEST_CASE("the tokenizer takes MATLAB's matrix syntax", "[matpower]") {
  const std::string text =
      "% a case without a function line: its name comes from the file\n"
      "mpc.version = \"2\";  mpc.baseMVA = 1e2\n"
      "%{\n"
      "mpc.bus = [ this block comment is not read ];\n"
      "%}\n"
      "mpc.bus = [ 1, 3, .5, -0.5, 0, 0, 1, 1, 0, 345, 1, 1.1, 0.9, 5  % a comment\n"
      "            2  1  1e-3 +2 ...  a continuation: the row goes on\n"
      "              0 0 1 1 0 345 1 1.1 0.9 6; 3 4 0 0 0 0 1 1 0 345 1 1.1 0.9 7\n"
      "\n"
      "            4 2 0 0 0 0 2 1 0 345 3 1.1 0.9 8 ];\n"
      "mpc.gen = [1 0 0 Inf -Inf 1 100 1 250 10\n"
      "           4 0 0 10 -10 1 100 2 250 10\n"
      "           4 0 0 10 -10 1 100 -1 250 10];\n"
      "mpc.branch = [\n"
      "  1 2 0 -0.05 0 0 0 0 0 0 1\n"
      "  2 3 0 0.1 0 0 0 0 1.05 -3 0\n"
      "  3 4 0 0.1 0 0 0 0 0 0 7\n"
      "];\n"
      "mpc.bus_name = { 'one; [two'; 'it''s % not a comment' ; \"x]\" };\n"
      "mpc.gencost = [ 2 0 0 3 0.1 1 0; ];\n"
      "mpc.gencost = [ 2 0 0 3 0.1 1 0 ];  % again: still one note\n"
      "mpc.areas = [1 1];\n";
  const auto r = io::parse_matpower(text, "dir/small_case.m");
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  CHECK(r.diagnostics.to_string() ==
        "dir/small_case.m:6:1: note: bus has 14 columns; only the first 13 are read (column 14 ignored)\n"
        "dir/small_case.m:19:1: note: ignored field 'bus_name'\n"
        "dir/small_case.m:20:1: note: ignored field 'gencost'\n"
        "dir/small_case.m:22:1: note: ignored field 'areas'\n");
  const auto& pc = *r.power_case;
  CHECK(pc.name == "small_case");
  CHECK(pc.file == "dir/small_case.m");
  CHECK(pc.base_mva == 100);
  REQUIRE(pc.buses.size() == 4);
  CHECK(pc.buses[0].pd_mw == 0.5);
  CHECK(pc.buses[0].qd_mvar == -0.5);
  CHECK(pc.buses[1].pd_mw == 0.001);
  CHECK(pc.buses[1].qd_mvar == 2);
  CHECK(pc.buses[1].vmin_pu == 0.9);
  CHECK(pc.buses[1].line == 7);
  CHECK(pc.buses[2].line == 8);
  CHECK(pc.buses[2].type == model::BusType::Isolated);
  CHECK(pc.buses[3].line == 10);
  CHECK(pc.buses[3].area == 2);
  CHECK(pc.buses[3].zone == 3);
  REQUIRE(pc.gens.size() == 3);
  CHECK(std::isinf(pc.gens[0].qmax_mvar));
  CHECK(pc.gens[0].qmin_mvar < 0);
  CHECK(pc.gens[1].in_service);        // status 2
  CHECK_FALSE(pc.gens[2].in_service);  // status -1: MATPOWER takes GEN_STATUS <= 0 as out of service
  REQUIRE(pc.branches.size() == 3);
  CHECK(pc.branches[0].x_pu == -0.05);  // series compensation: allowed
  CHECK(pc.branches[0].angmin_deg == -360);
  CHECK(pc.branches[1].ratio == 1.05);
  CHECK(pc.branches[1].shift_deg == -3);
  CHECK_FALSE(pc.branches[1].in_service);
  CHECK(pc.branches[2].in_service);  // status 7: nonzero is in service
  CHECK(pc.bus_index.at(4) == 3);
}

TEST_CASE("MATPOWER errors name their line and column", "[matpower]") {
  const Tiny tiny;
  REQUIRE(parse(tiny.text()).ok());

  SECTION("empty file") {
    CHECK(diagnostics_of(" \n\t\n") ==
          "test.m:1:1: error: empty file: expected a MATPOWER case ('function mpc = NAME' and 'mpc.bus = "
          "[...]' etc.)\n");
    CHECK_FALSE(parse("").ok());
  }
  SECTION("missing tables and baseMVA") {
    CHECK(diagnostics_of("function mpc = x\nmpc.version = '2';\n") ==
          "test.m: error: missing 'mpc.baseMVA'\n"
          "test.m: error: missing 'mpc.bus' matrix\n"
          "test.m: error: missing 'mpc.gen' matrix\n"
          "test.m: error: missing 'mpc.branch' matrix\n");
    Tiny t = tiny;
    t.gen.clear();
    CHECK(diagnostics_of(t.text()) == "test.m: error: missing 'mpc.gen' matrix\n");
  }
  SECTION("version") {
    Tiny t = tiny;
    t.head = "function mpc = tiny\nmpc.version = '1';\nmpc.baseMVA = 100;\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:2:15: error: MATPOWER case format version '1' is not supported; only version 2 is read: "
          "convert the file in MATPOWER with savecase('new.m', loadcase('old.m'))\n");
    t.head = "function mpc = tiny\nmpc.version = '3';\nmpc.baseMVA = 100;\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:2:15: error: unknown MATPOWER case format version '3'; only version '2' is read\n");
    t.head = "mpc.baseMVA = 100;\n";
    const auto r = parse(t.text());
    CHECK(r.ok());
    CHECK(r.diagnostics.to_string() ==
          "test.m: warning: no 'mpc.version' field; reading the file as version 2\n");
  }
  SECTION("a version 1 file") {
    CHECK(diagnostics_of("function [baseMVA, bus, gen, branch, areas, gencost] = case9\nbaseMVA = 100;\n") ==
          "test.m:1:1: error: this is a MATPOWER version 1 case file (the function returns 'baseMVA, bus, "
          "gen, branch, areas, gencost'); only version 2 is read: convert it in MATPOWER with "
          "savecase('new.m', loadcase('old.m'))\n");
    CHECK(diagnostics_of("baseMVA = 100;\nbus = [\n];\n") ==
          "test.m:1:1: error: 'baseMVA = ...' is the MATPOWER version 1 case format; only version 2 is read: "
          "convert the file in MATPOWER with savecase('new.m', loadcase('old.m'))\n");
  }
  SECTION("baseMVA") {
    Tiny t = tiny;
    t.head = "mpc.version = '2';\nmpc.baseMVA = 0;\n";
    CHECK(diagnostics_of(t.text()) == "test.m:2:15: error: baseMVA must be a positive number, found 0\n");
    t.head = "mpc.version = '2';\nmpc.baseMVA = -Inf;\n";
    CHECK(diagnostics_of(t.text()) == "test.m:2:15: error: baseMVA must be a positive number, found -inf\n");
    t.head = "mpc.version = '2';\nmpc.baseMVA = hundred;\n";
    CHECK(diagnostics_of(t.text()) == "test.m:2:15: error: baseMVA must be a number, found 'hundred'\n");
  }
  SECTION("a row with too few columns") {
    Tiny t = tiny;
    t.bus = "mpc.bus = [\n  1 3 0 0 0 0 1 1 0 345 1 1.1 0.9;\n  2 1 90 30 0 0 1 1 0 345 1 1.1\n];\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:6:3: error: bus row 2 has 12 columns; at least 13 are needed\n");
    t = tiny;
    t.branch = "mpc.branch = [\n  1 2 0 0.0576 0 250 250 250 0 0;\n];\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:12:3: error: branch row 1 has 10 columns; at least 11 are needed\n");
  }
  SECTION("rows of different lengths") {
    Tiny t = tiny;
    t.branch =
        "mpc.branch = [\n  1 2 0 0.0576 0 250 250 250 0 0 1 -360 360;\n  1 2 0 0.0576 0 0 0 0 0 0 1;\n];\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:13:3: error: branch row 2 has 11 columns but row 1 has 13; every row of a matrix must have "
          "as many\n");
  }
  SECTION("not a number, NaN, out of range") {
    Tiny t = tiny;
    t.gen = "mpc.gen = [\n  1 72.3 27.03 300 -300 1.04 1O0 1 250 10;\n];\n";
    CHECK(diagnostics_of(t.text()) == "test.m:9:30: error: expected a number, found '1O0'\n");
    t.gen = "mpc.gen = [\n  1 72.3 2*pi 300 -300 1.04 100 1 250 10;\n];\n";
    CHECK(diagnostics_of(t.text()) == "test.m:9:10: error: expected a number, found '2*pi'\n");
    t.gen = "mpc.gen = [\n  1 72.3 NaN 300 -300 1.04 100 1 250 10;\n];\n";
    CHECK(diagnostics_of(t.text()) == "test.m:9:10: error: gen row 1: Qg is NaN\n");
    t.gen = "mpc.gen = [\n  1 72.3 1e999 300 -300 1.04 100 1 250 10;\n];\n";
    CHECK(diagnostics_of(t.text()) == "test.m:9:10: error: number out of range: '1e999'\n");
    t.gen = "mpc.gen = [\n  1 72.3 0 300 -300 1.04 100 1 250 10 0 NaN;\n];\n";  // NaN in an unused column
    CHECK_FALSE(parse(t.text()).diagnostics.has_errors());
  }
  SECTION("bus type, number, duplicates") {
    Tiny t = tiny;
    t.bus = "mpc.bus = [\n  1 3 0 0 0 0 1 1 0 345 1 1.1 0.9;\n  2 7 90 30 0 0 1 1 0 345 1 1.1 0.9;\n];\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:6:5: error: bus row 2 has unknown bus type 7 (1 = PQ, 2 = PV, 3 = reference, 4 = "
          "isolated)\n");
    t.bus = "mpc.bus = [\n  1 3 0 0 0 0 1 1 0 345 1 1.1 0.9;\n  2.5 1 90 30 0 0 1 1 0 345 1 1.1 0.9;\n];\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:6:3: error: bus row 2: bus_i must be a positive whole number, found 2.5\n");
    t.bus = "mpc.bus = [\n  1 3 0 0 0 0 1 1 0 345 1 1.1 0.9;\n  1 1 90 30 0 0 1 1 0 345 1 1.1 0.9;\n];\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:6:3: error: bus row 2 has bus number 1, already used by row 1 (line 5)\n"
          "test.m:12:5: error: branch row 1 refers to bus 2, which does not exist\n");
  }
  SECTION("references to buses that do not exist") {
    Tiny t = tiny;
    t.gen = "mpc.gen = [\n  1 72.3 27.03 300 -300 1.04 100 1 250 10;\n  5 0 0 0 0 1 100 1 0 0\n];\n";
    t.branch = "mpc.branch = [\n  1 2 0 0.0576 0 250 250 250 0 0 1;\n  12 13 0 0.1 0 0 0 0 0 0 1\n];\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:10:3: error: gen row 2 refers to bus 5, which does not exist\n"
          "test.m:14:3: error: branch row 2 refers to bus 12, which does not exist\n"
          "test.m:14:6: error: branch row 2 refers to bus 13, which does not exist\n");
  }
  SECTION("no reference bus") {
    Tiny t = tiny;
    t.bus = "mpc.bus = [\n  1 2 0 0 0 0 1 1 0 345 1 1.1 0.9;\n  2 1 90 30 0 0 1 1 0 345 1 1.1 0.9;\n];\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:4:1: error: no reference bus (type 3) in 'mpc.bus': MATPOWER needs one to solve a power "
          "flow\n");
  }
  SECTION("unterminated matrices") {
    Tiny t = tiny;
    t.gen = "mpc.gen = [\n  1 72.3 27.03 300 -300 1.04 100 1 250 10;\n";  // the next line is mpc.branch
    CHECK(
        diagnostics_of(t.text()) ==
        "test.m:8:11: error: unterminated matrix 'gen': '[' has no matching ']' before 'mpc.branch' on line "
        "10\n");
    t = tiny;
    t.branch = "mpc.branch = [\n  1 2 0 0.0576 0 250 250 250 0 0 1;\n";
    CHECK(diagnostics_of(t.text()) ==
          "test.m:11:14: error: unterminated matrix 'branch': '[' has no matching ']'\n");
    CHECK(diagnostics_of(tiny.text() + "mpc.bus_name = {\n  'a';\n") ==
          "test.m:14:1: note: ignored field 'bus_name'\n"
          "test.m:14:16: error: unterminated '{'\n");
  }
  SECTION("statements that would need MATLAB") {
    CHECK(diagnostics_of(tiny.text() + "mpc.bus(:, 3) = 0;\n") ==
          "test.m:14:8: error: indexed assignment to 'mpc.bus' is not supported: the reader takes whole "
          "literal "
          "values, it does not run MATLAB code\n");
    CHECK(
        diagnostics_of(tiny.text() + "define_constants;\n") ==
        "test.m:14:1: error: unsupported statement 'define_constants': only assignments 'mpc.FIELD = value;' "
        "are read\n");
    CHECK(diagnostics_of(tiny.text() + "mpc.gen = [];\n") ==
          "test.m:14:1: error: 'mpc.gen' is assigned twice (first on line 8)\n");
  }
  SECTION("every error is gathered") {
    Tiny t = tiny;
    t.head = "mpc.version = '2';\nmpc.baseMVA = -1;\n";
    t.bus = "mpc.bus = [\n  1 3 0 0 0 0 1 1 0 345 1 1.1 x;\n  2 9 90 30 0 0 1 1 0 345 1 1.1 0.9;\n];\n";
    const auto r = parse(t.text());
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.power_case.has_value());
    CHECK(r.diagnostics.error_count() == 3);
  }
  SECTION("the number of errors shown is bounded") {
    std::string text = tiny.head + "mpc.bus = [\n";
    for (int i = 0; i < 500; ++i) text += "  x 1 0 0 0 0 1 1 0 345 1 1.1 0.9\n";
    text += "];\n" + tiny.gen + tiny.branch;
    const auto r = parse(text);
    // 500 unreadable bus numbers and no reference bus. Whether the gen and branch name buses that
    // exist cannot be judged then, so that is not reported.
    CHECK(r.diagnostics.error_count() == 101);
    CHECK(r.diagnostics.items().back().message == "401 more errors not shown (the first 100 are)");
  }
}

TEST_CASE("MATPOWER files that cannot be read", "[matpower]") {
  const auto missing = io::load_matpower_file("/nonexistent/case.m");
  CHECK_FALSE(missing.ok());
  CHECK(missing.diagnostics.to_string().rfind("/nonexistent/case.m: error: cannot read MATPOWER case: ", 0) ==
        0);

  // Larger than the input limit: refused before reading (the file is sparse, nothing is written).
  const auto big = fs::temp_directory_path() / "blackstart-matpower-too-large.m";
  { std::ofstream(big) << "%"; }
  std::error_code ec;
  fs::resize_file(big, io::kMaxInputBytes + 1, ec);
  if (!ec) {
    const auto r = io::load_matpower_file(big);
    CHECK(r.diagnostics.to_string() == big.string() + ": error: file is " +
                                           std::to_string(io::kMaxInputBytes + 1) + " bytes; the limit is " +
                                           std::to_string(io::kMaxInputBytes) + "\n");
  }
  fs::remove(big, ec);
}

TEST_CASE("damaged MATPOWER text never crashes the reader", "[matpower]") {
  const Tiny tiny;
  const std::string text = tiny.text() + "mpc.bus_name = { 'a'; 'b' };\n%{\nx\n%}\nmpc.x = [1 2 ...\n 3];\n";
  // Every prefix: unterminated matrices, strings and comments at every point.
  for (std::size_t n = 0; n <= text.size(); ++n) {
    const auto r = parse(text.substr(0, n));
    CHECK((r.ok() || r.diagnostics.has_errors()));
  }
  // Random byte changes.
  std::mt19937 rng(12345);
  const char bytes[] = "[]{};,%.'\"\n \t0123456789eE+-xmpc=()\0\xff";
  const std::string alphabet(bytes, sizeof bytes - 1);
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = text;
    for (int k = 0; k < 3; ++k) damaged[rng() % damaged.size()] = alphabet[rng() % alphabet.size()];
    const auto r = parse(damaged);
    CHECK((r.ok() || r.diagnostics.has_errors()));
  }
}
