#include "synthetic_network.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <string_view>
#include <system_error>
#include <vector>

#include "blackstart/io/csv.hpp"
#include "blackstart/model/asset_types.hpp"

namespace blackstart::bench {

using model::DependencyEffect;
using model::DependencyKind;
using model::ElementIndex;
using model::LayerKind;

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

//! Counter-based random numbers: the value for (stream, item) does not depend on call order, so
//! the network is the same however it is built.
class Hash {
 public:
  explicit Hash(std::uint64_t seed) : seed_(splitmix64(seed)) {}
  [[nodiscard]] std::uint64_t bits(std::uint64_t stream, std::uint64_t item) const {
    return splitmix64(seed_ ^ splitmix64((stream << 40) ^ item));
  }
  //! Uniform in [0, 1).
  [[nodiscard]] double unit(std::uint64_t stream, std::uint64_t item) const {
    return static_cast<double>(bits(stream, item) >> 11) * 0x1.0p-53;
  }
  //! Uniform in [lo, hi), rounded to `step`.
  [[nodiscard]] double range(std::uint64_t stream, std::uint64_t item, double lo, double hi,
                             double step) const {
    return std::round((lo + (hi - lo) * unit(stream, item)) / step) * step;
  }

 private:
  std::uint64_t seed_;
};

enum Stream : std::uint64_t { kLoadMw = 1, kCustomers, kPriority, kPassengers, kLength, kAttack };

int digits(std::size_t count) {
  int d = 1;
  for (std::size_t v = count > 0 ? count - 1 : 0; v >= 10; v /= 10) ++d;
  return std::max(d, 2);
}

//! `prefix` + zero-padded `index`, padded to the width of `count`.
std::string numbered(std::string_view prefix, std::size_t index, std::size_t count) {
  std::string number = std::to_string(index);
  std::string out(prefix);
  out.append(static_cast<std::size_t>(std::max(0, digits(count) - static_cast<int>(number.size()))), '0');
  out += number;
  return out;
}

//! Index of item `i` of `n` when `n` items are spread evenly over `m` buckets.
std::size_t bucket(std::size_t i, std::size_t n, std::size_t m) {
  return std::min(m - 1, static_cast<std::size_t>(static_cast<unsigned long long>(i) * m / n));
}

class Builder {
 public:
  Builder(model::Network& network, LayerKind kind, const char* layer_name)
      : network_(network), kind_(kind), layer_(network.add_layer(layer_name, kind)) {}

  ElementIndex asset(std::string local_id, const std::string& type, const std::string& operator_name) {
    model::Element e;
    e.local_id = std::move(local_id);
    e.type = type;
    e.role = role_of(type, false);
    e.operator_name = operator_name;
    return network_.add_asset(layer_, std::move(e));
  }

  ElementIndex link(std::string local_id, const std::string& type, ElementIndex from, ElementIndex to) {
    model::Element e;
    e.local_id = std::move(local_id);
    e.type = type;
    e.role = role_of(type, true);
    e.operator_name = network_.element(from).operator_name;
    return network_.add_link(layer_, std::move(e), from, to);
  }

  model::Element& operator[](ElementIndex index) { return network_.element(index); }

 private:
  model::Role role_of(const std::string& type, bool is_link) {
    auto& cache = is_link ? link_roles_ : asset_roles_;
    auto it = cache.find(type);
    if (it == cache.end()) {
      const auto* spec = model::AssetTypeRegistry::builtin().find_type(kind_, type, is_link);
      it = cache.emplace(type, spec ? spec->role : model::Role::Equipment).first;
    }
    return it->second;
  }

  model::Network& network_;
  LayerKind kind_;
  std::uint32_t layer_;
  std::map<std::string, model::Role> asset_roles_, link_roles_;
};

void depend(model::Network& network, ElementIndex dependent, ElementIndex supplier, DependencyKind kind) {
  model::Dependency d;
  d.dependent = dependent;
  d.supplier = supplier;
  d.kind = kind;
  d.effect = model::default_effect(kind);
  network.add_dependency(std::move(d));
}

//! Control and monitoring: the dependent is operated and watched through the supplier.
void scada(model::Network& network, ElementIndex dependent, ElementIndex supplier) {
  depend(network, dependent, supplier, DependencyKind::Control);
  depend(network, dependent, supplier, DependencyKind::Monitoring);
}

model::Event event(std::string id, double at_min, model::Action action, std::vector<ElementIndex> targets,
                   std::string pattern, std::string technique, std::string description) {
  model::Event e;
  e.id = std::move(id);
  e.at_min = at_min;
  e.action = action;
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  e.targets = std::move(targets);
  e.target_pattern = std::move(pattern);
  e.technique = std::move(technique);
  e.description = std::move(description);
  return e;
}

}  // namespace

SyntheticShape synthetic_shape(std::size_t assets) {
  const std::size_t n = std::max<std::size_t>(assets, 1000);
  const std::size_t power = n * 40 / 100;
  const std::size_t transport = n * 25 / 100;
  const std::size_t cyber = n - power - transport;
  SyntheticShape s;
  s.substations_110kv = std::max<std::size_t>(2, power / 100);
  s.substations_35kv = std::max(s.substations_110kv, power / 20);
  s.infeeds = std::max<std::size_t>(1, s.substations_110kv / 50);
  s.loads = power - s.infeeds - s.substations_110kv - s.substations_35kv;
  s.signal_zones = std::max<std::size_t>(1, transport / 10);
  s.trolleybus_lines = std::max<std::size_t>(1, transport / 20);
  s.road_segments = transport - s.signal_zones - s.trolleybus_lines;
  s.dms = std::max<std::size_t>(2, n / 25000);
  s.hmis = s.dms;
  s.gateways = std::max<std::size_t>(1, cyber / 100);
  s.substation_rtus = s.substations_110kv + s.substations_35kv;
  s.feeder_rtus = cyber - 3 - s.dms - s.hmis - s.gateways - s.substation_rtus;
  return s;
}

model::Scenario make_synthetic_scenario(const SyntheticOptions& options) {
  const SyntheticShape shape = synthetic_shape(options.assets);
  const Hash hash(options.seed);
  model::Scenario scenario;
  scenario.file = "synthetic";
  scenario.name = "Synthetic " + std::to_string(shape.assets()) + "-asset three-layer network";
  scenario.description =
      "Generated benchmark scenario: a regional grid, city transport and the SCADA system controlling "
      "the grid. The attacker hijacks the HMIs, opens about 2% of the substations in three waves, "
      "destroys the firmware of the serial gateways serving them and floods the call centre.";
  scenario.start_time = "2026-01-15T16:00:00";
  scenario.horizon_min = 24 * 60;
  scenario.report_step_min = 5;
  scenario.seed = options.seed;
  scenario.sources.push_back({"Synthetic network generated by blackstart_synth (no real data)", "", ""});
  model::Network& net = scenario.network;

  // ------------------------------------------------------------------------------ power
  const std::size_t n_infeed = shape.infeeds, n110 = shape.substations_110kv, n35 = shape.substations_35kv,
                    n_load = shape.loads;
  // Tree: 110 kV substation j hangs off infeed region(j); 35 kV substation k off 110 kV parent110(k);
  // load i off 35 kV parent35(i). Contiguous blocks, so index order is also geographic order.
  auto region_of_110 = [&](std::size_t j) { return bucket(j, n110, n_infeed); };
  auto parent110 = [&](std::size_t k) { return bucket(k, n35, n110); };
  auto parent35 = [&](std::size_t i) { return bucket(i, n_load, n35); };
  auto region_of_load = [&](std::size_t i) { return region_of_110(parent110(parent35(i))); };
  auto dso = [&](std::size_t region) { return numbered("dso-", region, n_infeed); };

  std::vector<double> load_mw(n_load), region_demand(n_infeed, 0.0);
  for (std::size_t i = 0; i < n_load; ++i) {
    load_mw[i] = hash.range(kLoadMw, i, 0.05, 0.6, 0.01);
    region_demand[region_of_load(i)] += load_mw[i];
  }

  Builder power(net, LayerKind::Power, "power");
  std::vector<ElementIndex> infeed(n_infeed), sub110(n110), sub35(n35), load(n_load);
  for (std::size_t r = 0; r < n_infeed; ++r) {
    infeed[r] = power.asset(numbered("infeed-", r, n_infeed), "infeed", dso(r));
    power[infeed[r]].name = "220/110 kV grid infeed " + std::to_string(r);
    power[infeed[r]].capacity_mw = std::ceil(region_demand[r] * 1.3);
    power[infeed[r]].attributes["voltage_kv"] = 220;
  }
  for (std::size_t j = 0; j < n110; ++j) {
    sub110[j] = power.asset(numbered("sub110-", j, n110), "substation", dso(region_of_110(j)));
    power[sub110[j]].attributes["voltage_kv"] = 110;
    power[sub110[j]].priority = 2;
  }
  for (std::size_t k = 0; k < n35; ++k) {
    sub35[k] = power.asset(numbered("sub35-", k, n35), "substation", dso(region_of_110(parent110(k))));
    power[sub35[k]].attributes["voltage_kv"] = 35;
    power[sub35[k]].priority = 1;
  }
  for (std::size_t i = 0; i < n_load; ++i) {
    load[i] = power.asset(numbered("load-", i, n_load), "load", dso(region_of_load(i)));
    auto& e = power[load[i]];
    e.load_mw = load_mw[i];
    e.customers = hash.range(kCustomers, i, 20, 400, 1);
    e.attributes["voltage_kv"] = 10;
    if (hash.unit(kPriority, i) < 0.02) e.priority = 5;  // hospitals, water works
  }
  for (std::size_t j = 0; j < n110; ++j) {
    const auto l =
        power.link("feed-" + power[sub110[j]].local_id, "line", infeed[region_of_110(j)], sub110[j]);
    power[l].attributes["length_km"] = 12;
  }
  for (std::size_t k = 0; k < n35; ++k) {
    const auto l = power.link("feed-" + power[sub35[k]].local_id, "line", sub110[parent110(k)], sub35[k]);
    power[l].attributes["length_km"] = 6;
  }
  for (std::size_t i = 0; i < n_load; ++i)
    power.link("feed-" + power[load[i]].local_id, "line", sub35[parent35(i)], load[i]);
  // Normally-closed ties: every tenth 110 kV substation to its neighbour, every 25th 35 kV
  // substation to one under another 110 kV parent.
  for (std::size_t j = 9, tie = 0; j + 1 < n110; j += 10, ++tie)
    power.link(numbered("tie110-", tie, n110), "line", sub110[j], sub110[j + 1]);
  for (std::size_t k = 24, tie = 0; k < n35; k += 25) {
    const std::size_t other = (k + 7) % n35;
    if (parent110(other) != parent110(k))
      power.link(numbered("tie35-", tie++, n35), "line", sub35[k], sub35[other]);
  }

  // ------------------------------------------------------------------------------ transport
  const std::size_t n_sig = shape.signal_zones, n_trolley = shape.trolleybus_lines,
                    n_road = shape.road_segments;
  const std::string transport_operator = "city-transport";
  Builder transport(net, LayerKind::Transport, "transport");
  std::vector<ElementIndex> sig(n_sig), trolley(n_trolley), road(n_road);
  for (std::size_t z = 0; z < n_sig; ++z)
    sig[z] = transport.asset(numbered("sig-", z, n_sig), "traffic_signal_zone", transport_operator);
  for (std::size_t t = 0; t < n_trolley; ++t) {
    trolley[t] = transport.asset(numbered("trolley-", t, n_trolley), "trolleybus_line", transport_operator);
    transport[trolley[t]].passengers_per_hour = hash.range(kPassengers, t, 500, 3000, 10);
    transport[trolley[t]].attributes["length_km"] = hash.range(kLength, t, 4, 18, 0.1);
  }
  for (std::size_t r = 0; r < n_road; ++r) {
    road[r] = transport.asset(numbered("road-", r, n_road), "road_segment", transport_operator);
    transport[road[r]].passengers_per_hour = hash.range(kPassengers, n_trolley + r, 100, 2000, 10);
    transport[road[r]].attributes["length_km"] = hash.range(kLength, n_trolley + r, 0.2, 2.5, 0.1);
  }
  for (std::size_t r = 0; r + 1 < n_road; ++r)
    transport.link(numbered("r-", r, n_road), "road", road[r], road[r + 1]);
  for (std::size_t z = 0; z < n_sig; ++z)
    transport.link(numbered("zone-", z, n_sig), "road", sig[z], road[bucket(z, n_sig, n_road)]);
  for (std::size_t t = 0; t < n_trolley; ++t)
    transport.link(numbered("route-", t, n_trolley), "road", trolley[t], road[bucket(t, n_trolley, n_road)]);

  // ------------------------------------------------------------------------------ cyber
  const std::size_t n_dms = shape.dms, n_hmi = shape.hmis, n_gw = shape.gateways,
                    n_rtu_s = shape.substation_rtus, n_rtu_f = shape.feeder_rtus;
  const std::string it = "it-ops";
  Builder cyber(net, LayerKind::Cyber, "cyber");
  const ElementIndex cc = cyber.asset("cc-main", "control_centre", it);
  cyber[cc].name = "Regional control centre";
  const ElementIndex ups = cyber.asset("ups-cc", "ups", it);
  const ElementIndex call_centre = cyber.asset("call-centre", "call_centre", it);
  std::vector<ElementIndex> dms(n_dms), hmi(n_hmi), gw(n_gw), rtu_s(n_rtu_s), rtu_f(n_rtu_f);
  for (std::size_t d = 0; d < n_dms; ++d) dms[d] = cyber.asset(numbered("dms-", d, n_dms), "dms", it);
  for (std::size_t h = 0; h < n_hmi; ++h) hmi[h] = cyber.asset(numbered("hmi-", h, n_hmi), "hmi", it);
  auto region_of_gw = [&](std::size_t g) { return bucket(g, n_gw, n_infeed); };
  for (std::size_t g = 0; g < n_gw; ++g)
    gw[g] = cyber.asset(numbered("gw-", g, n_gw), "serial_gateway", dso(region_of_gw(g)));
  // Gateway of a substation or load: by its place along the (geographically ordered) index.
  auto gw_of_110 = [&](std::size_t j) { return bucket(j, n110, n_gw); };
  auto gw_of_35 = [&](std::size_t k) { return bucket(k, n35, n_gw); };
  auto gw_of_feeder = [&](std::size_t f) { return bucket(f, n_rtu_f, n_gw); };
  for (std::size_t s = 0; s < n_rtu_s; ++s) {
    const std::size_t g = s < n110 ? gw_of_110(s) : gw_of_35(s - n110);
    rtu_s[s] = cyber.asset(numbered("rtu-s-", s, n_rtu_s), "rtu", dso(region_of_gw(g)));
  }
  for (std::size_t f = 0; f < n_rtu_f; ++f)
    rtu_f[f] = cyber.asset(numbered("rtu-f-", f, n_rtu_f), "rtu", dso(region_of_gw(gw_of_feeder(f))));
  std::size_t wires = 0;
  const std::size_t n_wires = n_rtu_s + n_rtu_f + n_gw + 2 * n_dms + n_hmi + 1;
  auto wire = [&](ElementIndex a, ElementIndex b) {
    cyber.link(numbered("n-", wires++, n_wires), "network_link", a, b);
  };
  for (std::size_t s = 0; s < n_rtu_s; ++s) wire(rtu_s[s], gw[s < n110 ? gw_of_110(s) : gw_of_35(s - n110)]);
  for (std::size_t f = 0; f < n_rtu_f; ++f) wire(rtu_f[f], gw[gw_of_feeder(f)]);
  for (std::size_t g = 0; g < n_gw; ++g) wire(gw[g], dms[bucket(g, n_gw, n_dms)]);
  for (std::size_t d = 0; d < n_dms; ++d) {
    wire(dms[d], cc);
    wire(dms[d], hmi[d]);
  }
  for (std::size_t h = 0; h < n_hmi; ++h) wire(hmi[h], cc);
  wire(call_centre, cc);

  // ------------------------------------------------------------------------------ dependencies
  // Substations and loads are operated and watched through their RTU; RTUs through their gateway,
  // gateways through their DMS, each DMS through its operators' HMI.
  for (std::size_t s = 0; s < n_rtu_s; ++s) {
    const ElementIndex substation = s < n110 ? sub110[s] : sub35[s - n110];
    scada(net, substation, rtu_s[s]);
    // Substation RTUs run from the station supply, with a station battery.
    model::Dependency battery;
    battery.dependent = rtu_s[s];
    battery.supplier = substation;
    battery.kind = DependencyKind::Power;
    battery.effect = DependencyEffect::Fail;
    battery.backup_min = 240.0;
    net.add_dependency(std::move(battery));
    scada(net, rtu_s[s], gw[s < n110 ? gw_of_110(s) : gw_of_35(s - n110)]);
  }
  if (n_rtu_f > 0)
    for (std::size_t i = 0; i < n_load; ++i) scada(net, load[i], rtu_f[bucket(i, n_load, n_rtu_f)]);
  for (std::size_t f = 0; f < n_rtu_f; ++f) scada(net, rtu_f[f], gw[gw_of_feeder(f)]);
  for (std::size_t g = 0; g < n_gw; ++g) scada(net, gw[g], dms[bucket(g, n_gw, n_dms)]);
  for (std::size_t d = 0; d < n_dms; ++d) {
    scada(net, dms[d], hmi[d]);
    depend(net, dms[d], cc, DependencyKind::Communication);
  }
  for (std::size_t h = 0; h < n_hmi; ++h) depend(net, hmi[h], cc, DependencyKind::Communication);
  depend(net, cc, ups, DependencyKind::Power);
  {
    model::Dependency d;
    d.dependent = ups;
    d.supplier = load[0];
    d.kind = DependencyKind::Power;
    d.effect = DependencyEffect::Fail;
    d.backup_min = 240.0;
    d.backup_kind = "battery";
    net.add_dependency(std::move(d));
  }
  depend(net, call_centre, load[n_load / 2], DependencyKind::Power);
  // Transport: signals and trolleybuses need power; traffic slows where the signals are dark.
  for (std::size_t z = 0; z < n_sig; ++z)
    depend(net, sig[z], load[(bucket(z, n_sig, n_load) + 3) % n_load], DependencyKind::Power);
  for (std::size_t t = 0; t < n_trolley; ++t)
    depend(net, trolley[t], load[(bucket(t, n_trolley, n_load) + 11) % n_load], DependencyKind::Power);
  for (std::size_t r = 0; r < n_road; ++r) {
    model::Dependency d;
    d.dependent = road[r];
    d.supplier = sig[bucket(r, n_road, n_sig)];
    d.kind = DependencyKind::Control;
    d.effect = DependencyEffect::Degrade;
    d.degrade_factor = 0.5;
    net.add_dependency(std::move(d));
  }

  // ------------------------------------------------------------------------------ resources
  for (std::size_t r = 0; r < n_infeed; ++r) {
    model::CrewPool pool;
    pool.operator_name = dso(r);
    pool.count = 3;
    pool.travel = {core::DurationDistribution::Kind::Triangular, 15, 30, 60, 0};
    scenario.crews[pool.operator_name] = pool;
  }
  scenario.crews[it] = model::CrewPool{it, 2, core::DurationDistribution::fixed(20), {}};
  scenario.crews[transport_operator] =
      model::CrewPool{transport_operator, 2, core::DurationDistribution::fixed(20), {}};
  scenario.restoration.detection = core::DurationDistribution::fixed(5);
  scenario.restoration.detection_without_view = {core::DurationDistribution::Kind::Uniform, 15, 45, 0, 0};

  // ------------------------------------------------------------------------------ attack
  scenario.events.push_back(event("hijack-hmis", 10, model::Action::Compromise, hmi, "cyber/hmi-*", "T0823",
                                  "remote-access tool takes over the operator HMIs"));
  {
    auto e = event("tdos-call-centre", 15, model::Action::DenyService, {call_centre}, "cyber/call-centre",
                   "T0814", "telephone denial of service floods the call centre");
    e.duration = core::DurationDistribution::fixed(6 * 60);
    scenario.events.push_back(std::move(e));
  }
  // About 2 % of the substations, ranked by a hash, opened in three waves ten minutes apart.
  std::vector<std::size_t> order(n_rtu_s);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto ha = hash.bits(kAttack, a), hb = hash.bits(kAttack, b);
    return ha != hb ? ha < hb : a < b;
  });
  const std::size_t n_open = std::max<std::size_t>(3, (n_rtu_s * 2 + 50) / 100);
  std::vector<ElementIndex> bricked;
  for (std::size_t wave = 0; wave < 3; ++wave) {
    std::vector<ElementIndex> targets;
    for (std::size_t i = wave * n_open / 3; i < (wave + 1) * n_open / 3; ++i) {
      const std::size_t s = order[i];
      targets.push_back(s < n110 ? sub110[s] : sub35[s - n110]);
      bricked.push_back(gw[s < n110 ? gw_of_110(s) : gw_of_35(s - n110)]);
    }
    scenario.events.push_back(event("open-wave-" + std::to_string(wave + 1),
                                    20.0 + 10.0 * static_cast<double>(wave), model::Action::OpenBreaker,
                                    std::move(targets), "(list)", "T0831",
                                    "breakers opened from the hijacked HMIs"));
  }
  scenario.events.push_back(event("brick-gateways", 55, model::Action::DestroyFirmware, std::move(bricked),
                                  "(list)", "T0857",
                                  "malicious firmware bricks the serial gateways of the opened substations"));
  return scenario;
}

// ================================================================================== writer
namespace {

std::string number(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

std::string minutes(double value) {
  return number(value) + "min";
}

std::string distribution(const core::DurationDistribution& d) {
  using Kind = core::DurationDistribution::Kind;
  switch (d.kind) {
    case Kind::Fixed:
      return minutes(d.a_min);
    case Kind::Uniform:
      return "{dist: uniform, min: " + minutes(d.a_min) + ", max: " + minutes(d.b_min) + "}";
    case Kind::Triangular:
      return "{dist: triangular, min: " + minutes(d.a_min) + ", mode: " + minutes(d.b_min) +
             ", max: " + minutes(d.c_min) + "}";
    case Kind::Lognormal:
      return "{dist: lognormal, median: " + minutes(d.a_min) + ", sigma: " + number(d.sigma) + "}";
  }
  return minutes(d.a_min);
}

//! A YAML double-quoted scalar.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + '"';
}

bool same(const core::DurationDistribution& a, const core::DurationDistribution& b) {
  return a.kind == b.kind && a.a_min == b.a_min && a.b_min == b.b_min && a.c_min == b.c_min &&
         a.sigma == b.sigma;
}

bool default_repair(const model::RepairTimes& r) {
  const model::RepairTimes d;
  return same(r.remote, d.remote) && same(r.manual, d.manual) && same(r.repair, d.repair) &&
         same(r.reimage, d.reimage) && same(r.cleanup, d.cleanup) && same(r.replacement, d.replacement);
}

//! Numeric columns of one element, in a fixed order; only values that differ from the default.
std::vector<std::pair<std::string, double>> numeric_columns(const model::Element& e) {
  std::vector<std::pair<std::string, double>> out;
  if (e.capacity_mw != 0) out.emplace_back("capacity_mw", e.capacity_mw);
  if (e.load_mw != 0) out.emplace_back("load_mw", e.load_mw);
  if (e.customers != 0) out.emplace_back("customers", e.customers);
  if (e.passengers_per_hour != 0) out.emplace_back("passengers_per_hour", e.passengers_per_hour);
  if (e.priority != 0) out.emplace_back("priority", e.priority);
  if (e.recoverable_firmware) out.emplace_back("recoverable_firmware", 1);
  for (const auto& [key, value] : e.attributes) out.emplace_back(key, value);
  return out;
}

//! One CSV table of elements: fixed leading columns, then every numeric column any row uses.
std::string element_csv(const model::Network& net, const std::vector<ElementIndex>& items, bool links) {
  std::vector<std::string> extra;
  std::set<std::string> seen;
  bool any_name = false, any_operator = false;
  for (auto x : items) {
    const auto& e = net.element(x);
    any_name = any_name || !e.name.empty();
    any_operator = any_operator || !e.operator_name.empty();
    for (const auto& [key, value] : numeric_columns(e))
      if (seen.insert(key).second) extra.push_back(key);
  }
  std::vector<std::string> header{"id", "type"};
  if (links) header.insert(header.end(), {"from", "to"});
  if (any_name) header.emplace_back("name");
  if (any_operator) header.emplace_back("operator");
  header.insert(header.end(), extra.begin(), extra.end());
  std::string out;
  out.reserve(items.size() * 64);
  for (std::size_t c = 0; c < header.size(); ++c) out += (c ? "," : "") + header[c];
  out += '\n';
  std::map<std::string, std::string> row;
  for (auto x : items) {
    const auto& e = net.element(x);
    row.clear();
    for (const auto& [key, value] : numeric_columns(e)) row[key] = number(value);
    out += io::csv_escape(e.local_id);
    out += ',';
    out += io::csv_escape(e.type);
    if (links)
      out += ',' + io::csv_escape(net.element(e.from).local_id) + ',' +
             io::csv_escape(net.element(e.to).local_id);
    if (any_name) out += ',' + io::csv_escape(e.name);
    if (any_operator) out += ',' + io::csv_escape(e.operator_name);
    for (const auto& key : extra) {
      out += ',';
      auto it = row.find(key);
      if (it != row.end()) out += it->second;
    }
    out += '\n';
  }
  return out;
}

}  // namespace

bool write_scenario_folder(const model::Scenario& scenario, const std::filesystem::path& dir,
                           std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  if (!scenario.mitigations.empty()) return fail("writing mitigations is not supported");
  const model::Network& net = scenario.network;
  for (const auto& e : net.elements()) {
    if (!default_repair(e.repair)) return fail("'" + e.id + "' has repair times the CSV format cannot carry");
    if (e.position) return fail("writing positions is not supported ('" + e.id + "')");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fail("cannot create " + dir.string() + ": " + ec.message());

  std::ostringstream yaml;
  yaml << "# Generated by blackstart_synth: " << net.size() << " elements, " << net.dependencies().size()
       << " dependencies.\n";
  yaml << "blackstart: 1\n";
  yaml << "name: " << yaml_quoted(scenario.name) << "\n";
  if (!scenario.description.empty()) yaml << "description: " << yaml_quoted(scenario.description) << "\n";
  if (!scenario.start_time.empty()) yaml << "start_time: " << yaml_quoted(scenario.start_time) << "\n";
  yaml << "horizon: " << minutes(scenario.horizon_min) << "\n";
  yaml << "report_step: " << minutes(scenario.report_step_min) << "\n";
  yaml << "seed: " << scenario.seed << "\n";
  yaml << "power_model: " << model::to_string(scenario.power_model) << "\n";
  if (!scenario.sources.empty()) {
    yaml << "sources:\n";
    for (const auto& s : scenario.sources) {
      yaml << "  - {title: " << yaml_quoted(s.title);
      if (!s.url.empty()) yaml << ", url: " << yaml_quoted(s.url);
      if (!s.note.empty()) yaml << ", note: " << yaml_quoted(s.note);
      yaml << "}\n";
    }
  }
  yaml << "layers:\n";
  for (const auto& layer : net.layers()) {
    const std::string assets_file = layer.name + "_assets.csv", links_file = layer.name + "_links.csv";
    yaml << "  - name: " << layer.name << "\n    kind: " << model::to_string(layer.kind) << "\n";
    if (!layer.assets.empty()) {
      yaml << "    assets_csv: " << assets_file << "\n";
      if (!io::write_file_atomically(dir / assets_file, element_csv(net, layer.assets, false), error))
        return false;
    }
    if (!layer.links.empty()) {
      yaml << "    links_csv: " << links_file << "\n";
      if (!io::write_file_atomically(dir / links_file, element_csv(net, layer.links, true), error))
        return false;
    }
  }

  // Dependencies: the CSV carries all but named backup kinds, which go into the YAML list.
  std::string csv = "dependent,supplier,kind,effect,factor,delay,backup\n";
  std::ostringstream listed;
  std::size_t in_yaml = 0;
  for (const auto& d : net.dependencies()) {
    const std::string& dependent = net.element(d.dependent).id;
    const std::string& supplier = net.element(d.supplier).id;
    const std::string kind(model::to_string(d.kind));
    const bool default_effect = d.effect == model::default_effect(d.kind);
    const bool degrade = d.effect == DependencyEffect::Degrade;
    if (d.backup_kind.empty()) {
      csv += dependent + ',' + supplier + ',' + kind + ',' +
             (default_effect ? std::string() : std::string(model::to_string(d.effect))) + ',' +
             (degrade ? number(d.degrade_factor) : std::string()) + ',' +
             (d.delay_min != 0 ? minutes(d.delay_min) : std::string()) + ',' +
             (d.backup_min ? minutes(*d.backup_min) : std::string()) + '\n';
      continue;
    }
    ++in_yaml;
    listed << "  - {dependent: " << dependent << ", supplier: " << supplier << ", kind: " << kind;
    if (!default_effect) listed << ", effect: " << model::to_string(d.effect);
    if (degrade) listed << ", factor: " << number(d.degrade_factor);
    if (d.delay_min != 0) listed << ", delay: " << minutes(d.delay_min);
    if (d.backup_min)
      listed << ", backup: {kind: " << d.backup_kind << ", autonomy: " << minutes(*d.backup_min) << "}";
    listed << "}\n";
  }
  if (in_yaml > 0)
    yaml << "# Dependencies with a named backup, which dependencies_csv cannot express.\n"
         << "dependencies:\n"
         << listed.str();
  yaml << "dependencies_csv: dependencies.csv\n";
  if (!io::write_file_atomically(dir / "dependencies.csv", csv, error)) return false;

  if (!scenario.crews.empty()) {
    yaml << "crews:\n";
    for (const auto& [name, pool] : scenario.crews)
      yaml << "  - {operator: " << name << ", count: " << pool.count
           << ", travel: " << distribution(pool.travel) << "}\n";
  }
  yaml << "restoration:\n  detection: " << distribution(scenario.restoration.detection)
       << "\n  detection_without_view: " << distribution(scenario.restoration.detection_without_view) << "\n";
  if (!scenario.events.empty()) {
    yaml << "events:\n";
    for (const auto& e : scenario.events) {
      if (!e.enabled) continue;
      yaml << "  - id: " << e.id << "\n    at: " << minutes(e.at_min)
           << "\n    action: " << model::to_string(e.action) << "\n";
      if (!e.technique.empty()) yaml << "    technique: " << e.technique << "\n";
      if (!e.description.empty()) yaml << "    description: " << yaml_quoted(e.description) << "\n";
      if (e.duration) yaml << "    duration: " << distribution(*e.duration) << "\n";
      yaml << "    targets:\n";
      for (auto x : e.targets) yaml << "      - " << net.element(x).id << "\n";
    }
  }
  return io::write_file_atomically(dir / "scenario.yaml", yaml.str(), error);
}

}  // namespace blackstart::bench
