// A YAML syntax error is shown where the fault is, with the offending line and a caret (issue 10).
#include <catch2/catch.hpp>

#include "blackstart/io/scenario_loader.hpp"

using namespace blackstart;

namespace {
std::string diagnostics_of(const std::string& text) {
  return io::load_scenario_text(text, "test.yaml", ".").diagnostics.to_string();
}
}  // namespace

TEST_CASE("an unclosed flow list is reported where it opens, with the line and a caret",
          "[io][diagnostics]") {
  const std::string text =
      "blackstart: 1\nname: x\nhorizon: 2h\nlayers:\n  - name: power\n    assets:\n"
      "      - [feed, infeed\n\n      - {id: town, type: load, load_mw: 5}\n";
  CHECK(diagnostics_of(text) ==
        "test.yaml:7:9: error: YAML syntax error: this '[' is never closed (end of sequence flow not found)\n"
        "    7 |       - [feed, infeed\n"
        "      |         ^\n");
}

TEST_CASE("an unclosed flow map is reported where it opens", "[io][diagnostics]") {
  const std::string text =
      "blackstart: 1\nname: x\nhorizon: 2h\nlayers:\n  - name: power\n    assets:\n"
      "      - {id: feed, type: infeed, capacity_mw: 10\n      - {id: town, type: load, load_mw: 5}\n";
  CHECK(diagnostics_of(text) ==
        "test.yaml:7:9: error: YAML syntax error: this '{' is never closed (end of map flow not found)\n"
        "    7 |       - {id: feed, type: infeed, capacity_mw: 10\n"
        "      |         ^\n");
}

TEST_CASE("a key without its colon gets a note on its own line", "[io][diagnostics]") {
  const std::string text = "blackstart: 1\nname: x\nhorizon 2h\nlayers:\n  - name: power\n";
  CHECK(diagnostics_of(text) ==
        "test.yaml:4:7: error: YAML syntax error: illegal map value\n"
        "    4 | layers:\n"
        "      |       ^\n"
        "test.yaml:3:1: note: this line has no ':' after its key, so the parser read on into the next line\n"
        "    3 | horizon 2h\n"
        "      | ^\n");
}

TEST_CASE("a very long offending line is cut around the column", "[io][diagnostics]") {
  const std::string text = "blackstart: 1\nname: x\nlayers: [" + std::string(300, 'a') + ": b: c]\n";
  const std::string out = diagnostics_of(text);
  const auto first_break = out.find('\n');
  REQUIRE(first_break != std::string::npos);
  const std::string snippet = out.substr(first_break + 1);
  const auto second_break = snippet.find('\n');
  REQUIRE(second_break != std::string::npos);
  CHECK(second_break < 120);  // the source line is cut
  // The caret sits under the same column of the shown text.
  const std::string source = snippet.substr(0, second_break);
  const std::string caret = snippet.substr(second_break + 1);
  CHECK(caret.find('^') < source.size());
}
