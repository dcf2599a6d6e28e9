// The shipped controls library: it loads, every control says what it counters and where that
// comes from, every number is in range and labelled as an assumption, and scenarios can list what
// applies to their campaign.
#include "blackstart/io/control_library.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "io/control_library_text.hpp"
#include "io/controls_reader.hpp"
#include "io/technique_reader.hpp"

using namespace blackstart;

TEST_CASE("controls library: about twenty complete, sourced controls", "[io][library]") {
  const auto& library = io::control_library();
  CHECK(library.size() >= 18);
  CHECK(library.size() <= 25);
  std::set<std::string> names;
  for (const auto& c : library) {
    INFO(c.name);
    CHECK(names.insert(c.name).second);
    CHECK(io::is_mitigation_id(c.mitigation_id));
    CHECK_FALSE(c.description.empty());
    // The technique mapping names its ATT&CK mitigation page; the numbers say they are assumptions.
    CHECK(c.source.find("https://attack.mitre.org/mitigations/" + c.mitigation_id + "/") !=
          std::string::npos);
    CHECK(c.source.find("ASSUMPTION") != std::string::npos);
    CHECK(c.assumptions.find("ASSUMPTION") != std::string::npos);
    CHECK(c.enabled);
    CHECK(c.location.file == "builtin:library/controls.yaml");
    REQUIRE_FALSE(c.countermeasures.empty());
    for (const auto& m : c.countermeasures) {
      CHECK_FALSE(m.techniques.empty());
      for (const auto& t : m.techniques) CHECK(io::is_technique_pattern(t));
      CHECK(io::acts(m));
      CHECK(m.block_probability >= 0.0);
      CHECK(m.block_probability <= 1.0);
      CHECK(m.detect_probability >= 0.0);
      CHECK(m.detect_probability <= 1.0);
      CHECK(m.delay_factor >= 1.0);
      CHECK(m.delay_added_min >= 0.0);
      CHECK(m.time_to_detect.mean_minutes() >= 0.0);
    }
  }
  // The simple actions and the SANS ICS controls the issue names are all there.
  for (const char* wanted :
       {"mfa-remote-access", "it-ot-segmentation", "application-allowlisting", "update-software",
        "offline-backups", "least-privilege", "protected-management-interfaces", "audit-logging",
        "ot-network-monitoring", "user-training", "out-of-band-communications"})
    CHECK(io::find_library_control(wanted));
  CHECK(io::find_library_control("no-such-control") == nullptr);
}

TEST_CASE("controls library: every number in the file is labelled ASSUMPTION", "[io][library]") {
  std::istringstream text{std::string(io::control_library_text())};
  std::string line;
  int numbers = 0;
  while (std::getline(text, line)) {
    const auto comment = line.find('#');
    const std::string code = line.substr(0, comment);
    bool has_number = false;
    for (const char* key : {"block:", "delay_factor:", "delay:", "detect:", "time_to_detect:"})
      has_number = has_number || code.find(key) != std::string::npos;
    if (!has_number) continue;
    ++numbers;
    INFO(line);
    CHECK(comment != std::string::npos);
    CHECK(line.find("ASSUMPTION", comment == std::string::npos ? 0 : comment) != std::string::npos);
  }
  CHECK(numbers >= 20);
}

TEST_CASE("controls library: what applies to a campaign", "[io][library]") {
  model::Scenario scenario;
  model::AttackStep vpn;
  vpn.id = "vpn-in";
  vpn.technique = "T1133";
  model::AttackStep phish;
  phish.id = "phish";
  phish.technique = "T1566.001";
  model::AttackStep manual;
  manual.id = "no-technique";
  scenario.campaign.steps = {vpn, phish, manual};
  model::Control own;  // the scenario's own control of a library name replaces the library's
  own.name = "mfa-remote-access";
  own.enabled = false;
  model::Countermeasure m;
  m.techniques = {"T1133"};
  m.block_probability = 1;
  own.countermeasures = {m};
  model::Control idle = own;  // counters nothing the campaign does
  idle.name = "idle";
  idle.countermeasures[0].techniques = {"T0999"};
  scenario.controls = {own, idle};

  const auto applicable = io::applicable_controls(scenario);
  REQUIRE_FALSE(applicable.empty());
  CHECK(applicable[0].control.name == "mfa-remote-access");
  CHECK_FALSE(applicable[0].from_library);
  CHECK(applicable[0].control.countermeasures[0].block_probability == 1);
  CHECK(applicable[0].steps == std::vector<std::uint32_t>{0});
  std::set<std::string> names;
  for (const auto& a : applicable) {
    INFO(a.control.name);
    CHECK(names.insert(a.control.name).second);
    CHECK_FALSE(a.steps.empty());
    if (a.control.name != "mfa-remote-access") CHECK(a.from_library);
  }
  CHECK_FALSE(names.count("idle"));
  CHECK(names.count("user-training"));          // T1566* matches the sub-technique
  CHECK(names.count("it-ot-segmentation"));     // T1133
  CHECK_FALSE(names.count("offline-backups"));  // no destruction in this campaign
}

TEST_CASE("controls library: docs/controls-library.md lists every control", "[io][library]") {
  std::ifstream in(std::string(BLACKSTART_SOURCE_DIR) + "/docs/controls-library.md");
  REQUIRE(in);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& c : io::control_library()) {
    INFO(c.name);
    CHECK(doc.find("| `" + c.name + "` | " + c.mitigation_id + " |") != std::string::npos);
    CHECK(doc.find("### `" + c.name + "` (" + c.mitigation_id + ")") != std::string::npos);
  }
}
