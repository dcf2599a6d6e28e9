#pragma once
// Small worlds built in code for unit tests: no files, no global state.
#include <initializer_list>
#include <string>

#include "blackstart/model/asset_types.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::test {

using model::ElementIndex;

struct AssetSpec {
  double capacity_mw = 0;
  double load_mw = 0;
  double customers = 0;
  double passengers_per_hour = 0;
  std::string operator_name = "grid";
  int priority = 0;
};

class WorldBuilder {
 public:
  WorldBuilder() {
    scenario.name = "test world";
    scenario.horizon_min = 24 * 60;
    scenario.report_step_min = 5;
  }

  std::uint32_t layer(const std::string& name) {
    if (auto found = scenario.network.find_layer(name)) return *found;
    return scenario.network.add_layer(name, model::parse_layer_kind(name).value_or(model::LayerKind::Other));
  }

  //! `full_id` is layer/local; the layer is created on first use.
  ElementIndex asset(const std::string& full_id, const std::string& type, AssetSpec spec = {}) {
    const auto slash = full_id.find('/');
    const auto l = layer(full_id.substr(0, slash));
    model::Element e;
    e.local_id = full_id.substr(slash + 1);
    e.type = type;
    const auto kind = scenario.network.layers()[l].kind;
    const auto* t = model::AssetTypeRegistry::builtin().find_type(kind, type, false);
    e.role = t ? t->role : model::Role::Equipment;
    e.capacity_mw = spec.capacity_mw;
    e.load_mw = spec.load_mw;
    e.customers = spec.customers;
    e.passengers_per_hour = spec.passengers_per_hour;
    e.operator_name = spec.operator_name;
    e.priority = spec.priority;
    return scenario.network.add_asset(l, std::move(e));
  }

  ElementIndex link(const std::string& full_id, ElementIndex from, ElementIndex to,
                    const std::string& type = "line") {
    const auto slash = full_id.find('/');
    const auto l = layer(full_id.substr(0, slash));
    model::Element e;
    e.local_id = full_id.substr(slash + 1);
    e.type = type;
    e.operator_name = "grid";
    return scenario.network.add_link(l, std::move(e), from, to);
  }

  model::Dependency& depend(ElementIndex dependent, ElementIndex supplier, model::DependencyKind kind) {
    model::Dependency d;
    d.dependent = dependent;
    d.supplier = supplier;
    d.kind = kind;
    d.effect = model::default_effect(kind);
    scenario.network.add_dependency(d);
    return scenario.network.dependencies().back();
  }

  model::Event& event(const std::string& id, double at_min, model::Action action,
                      std::initializer_list<ElementIndex> targets) {
    model::Event e;
    e.id = id;
    e.at_min = at_min;
    e.action = action;
    e.targets = targets;
    scenario.events.push_back(e);
    return scenario.events.back();
  }

  void crews(const std::string& op, int count, double travel_min) {
    model::CrewPool pool;
    pool.operator_name = op;
    pool.count = count;
    pool.travel = core::DurationDistribution::fixed(travel_min);
    scenario.crews[op] = pool;
  }

  //! A campaign step with a fixed time to compromise.
  model::AttackStep& step(const std::string& id, const std::string& technique, model::StepEffect effect,
                          std::initializer_list<ElementIndex> targets, double minutes = 10) {
    model::AttackStep s;
    s.id = id;
    s.technique = technique;
    s.effect = effect;
    s.targets = targets;
    s.time_to_compromise = core::DurationDistribution::fixed(minutes);
    scenario.campaign.steps.push_back(s);
    return scenario.campaign.steps.back();
  }
  std::uint32_t step_index(const std::string& id) const {
    for (std::uint32_t i = 0; i < scenario.campaign.steps.size(); ++i)
      if (scenario.campaign.steps[i].id == id) return i;
    return 0xffffffffu;
  }

  model::Control& control(const std::string& name, std::initializer_list<std::string> techniques,
                          double block, double detect = 0.0, double detect_after_min = 0.0) {
    model::Control c;
    c.name = name;
    model::Countermeasure m;
    m.techniques = techniques;
    m.block_probability = block;
    m.detect_probability = detect;
    m.time_to_detect = core::DurationDistribution::fixed(detect_after_min);
    c.countermeasures.push_back(m);
    scenario.controls.push_back(c);
    return scenario.controls.back();
  }

  model::Response& response(const std::string& name, model::ResponseAction action,
                            std::initializer_list<ElementIndex> targets, double delay_min) {
    model::Response r;
    r.name = name;
    r.action = action;
    r.targets = targets;
    r.delay = core::DurationDistribution::fixed(delay_min);
    scenario.responses.push_back(r);
    return scenario.responses.back();
  }

  model::Scenario scenario;
};

//! infeed - line - substation - line - load: the smallest grid with something to switch off.
struct Feeder {
  WorldBuilder world;
  ElementIndex infeed, sub, load, line_in, line_out;
  explicit Feeder(double customers = 1000, double load_mw = 2) {
    infeed = world.asset("power/infeed", "infeed");
    sub = world.asset("power/sub", "substation");
    load = world.asset("power/load", "load", {0, load_mw, customers});
    line_in = world.link("power/l-in", infeed, sub);
    line_out = world.link("power/l-out", sub, load);
  }
};

}  // namespace blackstart::test
