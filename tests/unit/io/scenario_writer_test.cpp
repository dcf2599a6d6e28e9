#include <catch2/catch.hpp>

#include <filesystem>

#include "blackstart/core/duration.hpp"
#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/io/scenario_writer.hpp"

using namespace blackstart;

namespace {

io::LoadResult load_text(const std::string& text) {
  // Beside the shipped scenarios, so Ukraine 2015's `backdrop:` is found.
  return io::load_scenario_text(text, "test.yaml",
                                std::filesystem::path(BLACKSTART_SOURCE_DIR) / "scenarios");
}

const char* kScenario = R"(# head comment
blackstart: 1
name: writer test   # trailing comment
horizon: 8h
layers:
  - name: power
    assets:
      - {id: src, type: infeed, capacity_mw: 10}
      - {id: bus, type: substation}
      - {id: ld, type: load, load_mw: 2, customers: 10}
    links:
      - {id: l1, from: src, to: bus}
      - {id: l2, from: bus, to: ld}
crews:
  - {operator: default, count: 1}

events:
  # the first attack
  - {id: open-bus, at: 15min, action: open_breaker, targets: power/bus, technique: T0831}
  - id: dos
    at: 1h
    action: deny_service
    targets: [power/ld, power/l2]
    duration: {dist: uniform, min: 1h, max: 2h}

# mitigations follow
mitigations:
  - name: more-crews
    crews: [{operator: default, count: 3}]
)";

bool same(const model::Event& a, const model::Event& b) {
  return a.id == b.id && a.at_min == b.at_min && a.action == b.action && a.targets == b.targets &&
         a.technique == b.technique && a.description == b.description &&
         a.duration.has_value() == b.duration.has_value();
}

}  // namespace

TEST_CASE("durations are written in a form the loader reads back exactly", "[io][writer]") {
  CHECK(io::duration_to_yaml(0) == "0min");
  CHECK(io::duration_to_yaml(15) == "15min");
  CHECK(io::duration_to_yaml(90) == "90min");
  CHECK(io::duration_to_yaml(120) == "2h");
  CHECK(io::duration_to_yaml(2880) == "2d");
  CHECK(io::duration_to_yaml(2.5) == "2.5min");
  for (double m : {0.0, 0.1, 1.0 / 3.0, 7.25, 59.0, 61.5, 1440.0, 20160.0, 123456.789}) {
    const auto parsed = core::parse_duration(io::duration_to_yaml(m));
    REQUIRE(parsed);
    CHECK(parsed->minutes == m);
  }
}

TEST_CASE("scalars are quoted only when YAML would misread them", "[io][writer]") {
  CHECK(io::scalar_to_yaml("power/sub-1") == "power/sub-1");
  CHECK(io::scalar_to_yaml("breakers opened from the HMI; crews drive out") ==
        "breakers opened from the HMI; crews drive out");
  CHECK(io::scalar_to_yaml("cyber/gw-*") == "\"cyber/gw-*\"");
  CHECK(io::scalar_to_yaml("a, b: c") == "\"a, b: c\"");
  CHECK(io::scalar_to_yaml("yes") == "\"yes\"");
  CHECK(io::scalar_to_yaml("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"");
  CHECK(io::scalar_to_yaml("") == "\"\"");
}

TEST_CASE("replacing events round-trips and keeps everything outside the block", "[io][writer]") {
  const auto loaded = load_text(kScenario);
  REQUIRE(loaded.ok());
  const auto& original = *loaded.scenario;
  REQUIRE(original.events.size() == 2);

  auto events = original.events;
  // Change one event, add one with awkward text and a glob, keep the other unchanged.
  events[1].at_min = 75;
  model::Event added;
  added.id = "wipe all";
  added.at_min = 2.5;
  added.action = model::Action::Damage;
  added.target_pattern = "power/l*";
  added.targets = original.network.match("power/l*");
  added.description = "cut: both lines, then \"wait\"";
  events.push_back(added);

  const std::string text = io::replace_events(kScenario, original, events);
  const auto reloaded = load_text(text);
  INFO(text);
  INFO(reloaded.diagnostics.to_string());
  REQUIRE(reloaded.ok());
  REQUIRE(reloaded.scenario->events.size() == 3);
  for (std::size_t i = 0; i < events.size(); ++i) CHECK(same(reloaded.scenario->events[i], events[i]));
  CHECK(reloaded.scenario->events[2].description == added.description);
  CHECK(reloaded.scenario->events[2].target_pattern == "power/l*");
  CHECK(reloaded.scenario->events[1].duration->kind == core::DurationDistribution::Kind::Uniform);
  CHECK(reloaded.scenario->events[1].duration->b_min == 120);

  // Comments and keys outside the block survive byte for byte; the unchanged event keeps its line
  // and the comment above it.
  const std::string before_events = std::string(kScenario).substr(0, std::string(kScenario).find("events:"));
  CHECK(text.substr(0, before_events.size()) == before_events);
  CHECK(text.find("# mitigations follow\nmitigations:\n  - name: more-crews\n") != std::string::npos);
  CHECK(text.find("  # the first attack\n  - {id: open-bus, at: 15min, action: open_breaker, targets: "
                  "power/bus, technique: T0831}\n") != std::string::npos);
  CHECK(text.find("  - {id: dos, at: 75min, action: deny_service, targets: [power/ld, power/l2],\n"
                  "     duration: {dist: uniform, min: 1h, max: 2h}}\n") != std::string::npos);
  CHECK(reloaded.scenario->mitigations.size() == 1);
}

TEST_CASE("unchanged events leave the text identical", "[io][writer]") {
  const auto loaded = load_text(kScenario);
  REQUIRE(loaded.ok());
  CHECK(io::replace_events(kScenario, *loaded.scenario, loaded.scenario->events) == kScenario);
}

TEST_CASE("removing every event writes an empty list, a file without events gets a block", "[io][writer]") {
  const auto loaded = load_text(kScenario);
  REQUIRE(loaded.ok());
  const std::string none = io::replace_events(kScenario, *loaded.scenario, {});
  CHECK(none.find("events: []\n\n# mitigations follow") != std::string::npos);
  const auto empty = load_text(none);
  REQUIRE(empty.ok());
  CHECK(empty.scenario->events.empty());

  // Back from no events to one: the block is written again where it was.
  auto event = loaded.scenario->events.front();
  const std::string one = io::replace_events(none, *empty.scenario, {event});
  const auto reloaded = load_text(one);
  REQUIRE(reloaded.ok());
  REQUIRE(reloaded.scenario->events.size() == 1);
  CHECK(same(reloaded.scenario->events[0], event));

  std::string text(kScenario);
  text = text.substr(0, text.find("events:"));
  const auto without = load_text(text);
  REQUIRE(without.ok());
  const std::string appended = io::replace_events(text, *without.scenario, {event});
  CHECK(appended.substr(0, text.size()) == text);
  const auto again = load_text(appended);
  REQUIRE(again.ok());
  REQUIRE(again.scenario->events.size() == 1);
  CHECK(same(again.scenario->events[0], event));
}

TEST_CASE("the Ukraine scenario round-trips with events added to its campaign and one changed",
          "[io][writer]") {
  // The shipped file is a campaign without events: events written into it (as the GUI's event
  // editor does) leave the campaign, the mitigations and the comments as they were.
  const auto builtin = io::builtin_scenarios();
  std::string text;
  for (const auto& b : builtin)
    if (b.name == "ukraine-2015") text = std::string(b.text);
  REQUIRE_FALSE(text.empty());
  // Loaded as the file in scenarios/ is: its `backdrop:` is next to it.
  const auto loaded = io::load_scenario_text(text, "ukraine-2015.yaml",
                                             std::filesystem::path(BLACKSTART_SOURCE_DIR) / "scenarios");
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  REQUIRE(loaded.scenario->events.empty());
  model::Event storm;
  storm.id = "storm";
  storm.at_min = 90;
  storm.action = model::Action::Damage;
  storm.target_pattern = "power/kyiv-110-x1";
  storm.targets = {*loaded.scenario->network.find("power/kyiv-110-x1")};
  model::Event relay = storm;
  relay.id = "relay";
  relay.at_min = 120;
  relay.action = model::Action::Trip;
  relay.target_pattern = "power/che-110-x1";
  relay.targets = {*loaded.scenario->network.find("power/che-110-x1")};
  const std::string added = io::replace_events(text, *loaded.scenario, {storm, relay});
  const auto with_events = load_text(added);
  REQUIRE(with_events.ok());
  REQUIRE(with_events.scenario->events.size() == 2);
  CHECK(same(with_events.scenario->events[0], storm));
  CHECK(same(with_events.scenario->events[1], relay));
  CHECK(with_events.scenario->campaign.steps.size() == loaded.scenario->campaign.steps.size());
  CHECK(with_events.scenario->mitigations.size() == loaded.scenario->mitigations.size());

  auto events = with_events.scenario->events;
  events.erase(events.begin());
  events.front().description = "changed";
  const std::string written = io::replace_events(added, *with_events.scenario, events);
  const auto reloaded = load_text(written);
  REQUIRE(reloaded.ok());
  REQUIRE(reloaded.scenario->events.size() == 1);
  CHECK(same(reloaded.scenario->events[0], events[0]));
  CHECK(reloaded.scenario->campaign.steps.size() == loaded.scenario->campaign.steps.size());
  CHECK(written.find("# Ukraine, 23 December 2015") == 0);
  CHECK(written.find("    # Kyivoblenergo: the dwell") != std::string::npos);
}

namespace {

//! Every field the loader reads from an event.
void check_same_event(const model::Event& got, const model::Event& want) {
  INFO("event " << want.id);
  CHECK(got.id == want.id);
  CHECK(got.at_min == want.at_min);
  CHECK(got.action == want.action);
  CHECK(got.target_pattern == want.target_pattern);
  CHECK(got.targets == want.targets);
  CHECK(got.technique == want.technique);
  CHECK(got.description == want.description);
  REQUIRE(got.duration.has_value() == want.duration.has_value());
  if (want.duration) {
    CHECK(got.duration->kind == want.duration->kind);
    CHECK(got.duration->a_min == want.duration->a_min);
    CHECK(got.duration->b_min == want.duration->b_min);
    CHECK(got.duration->c_min == want.duration->c_min);
    CHECK(got.duration->sigma == want.duration->sigma);
  }
  CHECK(got.probability.kind == want.probability.kind);
  CHECK(got.probability.a_min == want.probability.a_min);
  CHECK(got.probability.b_min == want.probability.b_min);
  CHECK(got.probability.c_min == want.probability.c_min);
  CHECK(got.choose == want.choose);
  CHECK(got.selection == want.selection);
}

}  // namespace

TEST_CASE("every event key the loader reads is written back", "[io][writer]") {
  const auto loaded = load_text(kScenario);
  REQUIRE(loaded.ok());
  const auto& original = *loaded.scenario;
  using Dist = core::DurationDistribution;
  std::vector<model::Event> events;
  int n = 0;
  auto add = [&](model::Action action) -> model::Event& {
    model::Event e;
    e.id = "e" + std::to_string(++n);
    e.at_min = 10.0 * n + 0.25;
    e.action = action;
    e.target_pattern = "power/*";
    e.targets = original.network.match("power/*");
    return events.emplace_back(std::move(e));
  };
  for (const auto& name : model::action_names()) {
    const auto action = *model::parse_action(name);
    auto& e = add(action);
    if (action == model::Action::DenyService) e.duration = Dist::fixed(45);
  }
  // Chance of success: a number, a uniform and a triangular draw.
  add(model::Action::Trip).probability = Dist::fixed(0.35);
  add(model::Action::Damage).probability = Dist{Dist::Kind::Uniform, 0.2, 0.6, 0, 0};
  add(model::Action::Wipe).probability = Dist{Dist::Kind::Triangular, 0.1, 0.25, 0.9, 0};
  // Random subsets of the targets, and the classic targeted attacks.
  add(model::Action::OpenBreaker).choose = 2;
  auto& degree = add(model::Action::Damage);
  degree.choose = 1;
  degree.selection = model::Event::Selection::HighestDegree;
  auto& betweenness = add(model::Action::Compromise);
  betweenness.choose = 3;
  betweenness.selection = model::Event::Selection::HighestBetweenness;
  betweenness.probability = Dist::fixed(0.5);
  // Durations of every kind; a list of targets; every text field with awkward characters.
  add(model::Action::DenyService).duration = Dist{Dist::Kind::Uniform, 60, 120, 0, 0};
  add(model::Action::DenyService).duration = Dist{Dist::Kind::Triangular, 30, 60, 240, 0};
  add(model::Action::DenyService).duration = Dist{Dist::Kind::Lognormal, 90, 0, 0, 0.5};
  auto& listed = add(model::Action::DestroyFirmware);
  listed.target_pattern = "(list)";
  listed.targets = {*original.network.find("power/src"), *original.network.find("power/ld")};  // index order
  listed.technique = "T0857.001";
  listed.description = "firmware: \"bricked\", 3 of 4";
  listed.probability = Dist::fixed(0);

  const std::string text = io::replace_events(kScenario, original, events);
  INFO(text);
  const auto reloaded = load_text(text);
  INFO(reloaded.diagnostics.to_string());
  REQUIRE(reloaded.ok());
  REQUIRE(reloaded.scenario->events.size() == events.size());
  for (std::size_t i = 0; i < events.size(); ++i) check_same_event(reloaded.scenario->events[i], events[i]);
  CHECK(text.find("probability: {dist: uniform, min: 0.2, max: 0.6}") != std::string::npos);
  CHECK(text.find("select: highest_betweenness") != std::string::npos);
  // Defaults stay unwritten, as in the shipped scenarios.
  CHECK(text.find("{id: e1, at: 10.25min, action: open_breaker, targets: \"power/*\"}") != std::string::npos);
}

TEST_CASE("an event whose probability, choose or select changed is rewritten", "[io][writer]") {
  const std::string text = std::string(kScenario).replace(
      std::string(kScenario).find("technique: T0831}"), 17,
      "technique: T0831, probability: 0.5, choose: 1, select: highest_degree}");
  const auto loaded = load_text(text);
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  CHECK(io::replace_events(text, *loaded.scenario, loaded.scenario->events) == text);
  for (int field = 0; field < 3; ++field) {
    auto events = loaded.scenario->events;
    auto& e = events.front();
    if (field == 0) e.probability = core::DurationDistribution::fixed(0.75);
    if (field == 1) e.choose = 2;
    if (field == 2) e.selection = model::Event::Selection::Random;
    const auto reloaded = load_text(io::replace_events(text, *loaded.scenario, events));
    REQUIRE(reloaded.ok());
    check_same_event(reloaded.scenario->events.front(), e);
  }
}
