#include "fuel_reader.hpp"

#include "crews_reader.hpp"

namespace blackstart::io {

void read_fuel(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  if (!node.IsSequence()) {
    yaml.error(node, "'fuel' must be a list of {name, depot, trucks, load_l, transfer}");
    return;
  }
  for (const auto& item : node) {
    if (!yaml.expect_map(item, "a fuel pool", {"name", "depot", "trucks", "load_l", "transfer"})) continue;
    model::FuelPool pool;
    pool.name = item["name"] ? yaml.text(item["name"], "name") : std::string("fuel");
    pool.location = yaml.location(item);
    if (!item["depot"]) {
      yaml.error(item, "a fuel pool needs a 'depot' (a transport asset at the end of a road) for its trucks");
      continue;
    }
    pool.depots = read_depots(yaml, scenario.network, item["depot"], "fuel trucks");
    if (item["trucks"])
      if (auto c = yaml.integer_of(item["trucks"], "trucks", 0, 10000)) pool.trucks = static_cast<int>(*c);
    if (item["load_l"])
      if (auto l = yaml.number_of(item["load_l"], "load_l", 0.0, 1e9, "litres")) pool.load_l = *l;
    if (item["transfer"])
      if (auto m = yaml.duration_of(item["transfer"], "transfer")) pool.transfer_min = *m;
    bool twice = false;
    for (const auto& p : scenario.fuel) twice = twice || p.name == pool.name;
    if (twice) {
      yaml.error(item["name"] ? item["name"] : item, "fuel pool '" + pool.name + "' is defined twice");
      continue;
    }
    if (pool.depots.empty()) continue;
    scenario.fuel.push_back(pool);
  }
}

}  // namespace blackstart::io
