// Edge lists go through the one CSV reader (core/csv.hpp): a malformed file given to the analysis
// path is reported with its file, line and column, as scenario CSV files are.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "blackstart/analysis/compact_graph.hpp"
#include "blackstart/core/csv.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/study/classic.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

TEST_CASE("a malformed edge list reports file, line and column through the classic-model path",
          "[analysis][csv]") {
  const auto dir = fs::temp_directory_path() / "blackstart-edge-list-csv";
  fs::create_directories(dir);
  std::ofstream(dir / "grid.csv") << "u,v\na,b\nb,c,d\n  ,c\nc,\"a\n";
  const auto loaded = io::load_scenario_text(
      "blackstart: 1\nname: t\nclassic_model: {kind: motter_lai, layer: grid.csv}\n", "t.yaml", dir);
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  core::Diagnostics diagnostics;
  CHECK_FALSE(study::run_classic_model(*loaded.scenario->classic_model, 1, diagnostics));
  const std::string file = (dir / "grid.csv").string();
  CHECK(diagnostics.to_string() == file + ":3:5: error: expected 2 fields (u,v), found 3\n" + file +
                                       ":4:3: error: empty node label in column 'u'\n" + file +
                                       ":5:3: error: unterminated quoted field\n");
}

TEST_CASE("edge lists: quoted fields are found by the CSV reader, not by splitting on commas",
          "[analysis][csv]") {
  // A comma inside quotes no longer splits the field: the label is refused as quoted, at its column.
  std::istringstream in("u,v\n\"a,b\",c\r\nd , e\n");
  core::Diagnostics diagnostics;
  CHECK_FALSE(analysis::read_edge_list(in, "q.csv", diagnostics));
  CHECK(diagnostics.to_string() ==
        "q.csv:2:1: error: quoted labels are not supported here; write the label without quotes\n");
}

TEST_CASE("core CSV reader: records with line, column and quoting", "[core][csv]") {
  core::Diagnostics diagnostics;
  std::vector<core::CsvRecord> records;
  CHECK(core::for_each_csv_record("a, \"b\"\"c\"\n\n\"multi\nline\",x\nlast", "r.csv", diagnostics,
                                  [&](core::CsvRecord&& r) {
                                    records.push_back(std::move(r));
                                    return true;
                                  }));
  CHECK(diagnostics.empty());
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == std::vector<std::string>{"a", " \"b\"\"c\""});  // a quote after a blank is text
  CHECK(records[0].columns == std::vector<int>{1, 3});
  CHECK(records[1].line == 3);
  CHECK(records[1].fields == std::vector<std::string>{"multi\nline", "x"});
  CHECK(records[1].quoted == std::vector<bool>{true, false});
  CHECK(records[2].line == 5);

  int seen = 0;
  CHECK(core::for_each_csv_record("a\nb\nc\n", "r.csv", diagnostics,
                                  [&](core::CsvRecord&&) { return ++seen < 2; }));
  CHECK(seen == 2);  // stopped by the callback

  CHECK_FALSE(
      core::for_each_csv_record("a,\"b\n", "r.csv", diagnostics, [](core::CsvRecord&&) { return true; }));
  CHECK(diagnostics.to_string() == "r.csv:1:3: error: unterminated quoted field\n");
}
