// DC power flow over a scenario's power layer. Every asset is a bus of the DC network and every
// link a branch; links without reactance (breakers, connections of generators and loads) are
// stiff branches. Islands and load shedding come from the connectivity model; this model adds the
// dispatch of each island's generators and the flows, through one re-usable DcSolver whose
// symbolic factorisation is computed once for the layer.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "blackstart/sim/power_model.hpp"
#include "blackstart/sim/powerflow.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;
using model::Role;

namespace {
constexpr double kStiffReactance = 1e-4;  // p.u.: a zero-impedance connection, still invertible
constexpr double kUnlimitedMw = 1e9;
}  // namespace

void dispatch_islands(const model::Network& network, const model::Layer& layer, PowerSolution& out,
                      std::vector<double>& injection, std::vector<int>& refs) {
  const auto& elements = network.elements();
  refs.clear();
  // Island of each asset: the connectivity model's choice of largest source names it.
  const std::size_t n = layer.assets.size();
  injection.assign(n, 0.0);
  std::vector<std::vector<std::size_t>> sources_of;  // per island (indexed by ref position)
  std::vector<ElementIndex> island_keys;
  std::unordered_map<ElementIndex, std::size_t> island_of_key;
  for (std::size_t v = 0; v < n; ++v) {
    const ElementIndex id = layer.assets[v];
    if (!out.energised[id]) continue;
    const auto& e = elements[id];
    // Net demand: shed share of a load's demand, negative loads (embedded generation) and shunt
    // conductance as MATPOWER's DC model counts them.
    injection[v] -= (e.has_demand() ? e.load_mw * out.served[id] : e.load_mw) + e.attribute("gs_mw", 0.0);
    if (e.role != Role::Source) continue;
    const ElementIndex key = out.island_source[id];
    auto [it, inserted] = island_of_key.emplace(key, island_keys.size());
    if (inserted) {
      island_keys.push_back(key);
      sources_of.emplace_back();
      refs.push_back(static_cast<int>(network.vertex_of(key)));
    }
    sources_of[it->second].push_back(v);
  }
  // Demand served per island, then distributed slack: each generator moves from its schedule in
  // proportion to its room to move, within its limits.
  std::vector<double> demand(island_keys.size(), 0.0);
  for (std::size_t v = 0; v < n; ++v) {
    const ElementIndex id = layer.assets[v];
    if (!out.energised[id] || elements[id].role == Role::Source) continue;
    const auto it = island_of_key.find(out.island_source[id]);
    if (it != island_of_key.end()) demand[it->second] -= injection[v];
  }
  for (std::size_t k = 0; k < island_keys.size(); ++k) {
    const auto& gens = sources_of[k];
    std::vector<double> p(gens.size()), pmin(gens.size()), pmax(gens.size());
    double scheduled = 0.0;
    for (std::size_t g = 0; g < gens.size(); ++g) {
      const ElementIndex id = layer.assets[gens[g]];
      const auto& e = elements[id];
      const double scale = id < out.capacity_scale.size() ? out.capacity_scale[id] : 1.0;
      pmax[g] = e.capacity_mw > 0 ? e.capacity_mw * scale : kUnlimitedMw;
      pmin[g] = std::min(e.attribute("pmin_mw", 0.0), pmax[g]);
      p[g] = std::clamp(e.attribute("pg_mw", 0.0), pmin[g], pmax[g]);
      scheduled += p[g];
    }
    const double gap = demand[k] - scheduled;
    double room = 0.0;
    for (std::size_t g = 0; g < gens.size(); ++g) room += gap > 0 ? pmax[g] - p[g] : p[g] - pmin[g];
    if (room >= std::abs(gap) && room > 0) {
      for (std::size_t g = 0; g < gens.size(); ++g)
        p[g] += gap * (gap > 0 ? pmax[g] - p[g] : p[g] - pmin[g]) / room;
    } else if (gap > 0) {
      for (std::size_t g = 0; g < gens.size(); ++g) p[g] = pmax[g];
    } else {
      // More must-run generation than demand: curtail in proportion to output.
      for (std::size_t g = 0; g < gens.size(); ++g) p[g] = scheduled > 0 ? p[g] * demand[k] / scheduled : 0.0;
    }
    for (std::size_t g = 0; g < gens.size(); ++g) {
      injection[gens[g]] += p[g];
      out.dispatch_mw[layer.assets[gens[g]]] = p[g];
    }
  }
}

double link_rating(const model::Element& link, const model::PowerFlowSettings& settings) {
  const char* attribute = nullptr;
  switch (settings.rating) {
    case model::LinkRating::RateA:
      attribute = "rate_a_mva";
      break;
    case model::LinkRating::RateB:
      attribute = "rate_b_mva";
      break;
    case model::LinkRating::RateC:
      attribute = "rate_c_mva";
      break;
    case model::LinkRating::CapacityMw:
      return link.capacity_mw;
  }
  const double rated = attribute ? link.attribute(attribute, 0.0) : 0.0;
  return rated > 0 ? rated : link.capacity_mw;
}

struct DcPowerModel::LayerCache {
  model::PowerCase grid;
  std::unique_ptr<DcSolver> solver;
  std::vector<double> rating;  //!< per layer link
  bool base_solved = false;
};

DcPowerModel::DcPowerModel(model::PowerFlowSettings settings) : settings_(std::move(settings)) {}
DcPowerModel::~DcPowerModel() = default;

void DcPowerModel::solve(const model::Network& network, std::uint32_t layer_index,
                         const std::vector<char>& available, PowerSolution& out) {
  connectivity_.solve(network, layer_index, available, out);
  const model::Layer& layer = network.layers()[layer_index];
  const auto& elements = network.elements();
  auto& cache = cache_[layer_index];
  if (!cache) {
    cache = std::make_unique<LayerCache>();
    auto& grid = cache->grid;
    grid.name = layer.name;
    grid.base_mva = 100.0;
    for (std::size_t v = 0; v < layer.assets.size(); ++v) {
      model::PowerBus bus;
      bus.number = static_cast<int>(v) + 1;
      grid.buses.push_back(bus);
    }
    grid.index_buses();
    for (ElementIndex link : layer.links) {
      const auto& e = elements[link];
      model::PowerBranch br;
      br.from = static_cast<int>(network.vertex_of(e.from)) + 1;
      br.to = static_cast<int>(network.vertex_of(e.to)) + 1;
      const double x = e.attribute("x_pu", 0.0);
      br.x_pu = x != 0.0 ? x : kStiffReactance;
      br.ratio = e.attribute("tap_ratio", 0.0);
      br.shift_deg = e.attribute("shift_deg", 0.0);
      grid.branches.push_back(br);
      cache->rating.push_back(link_rating(e, settings_));
    }
    cache->solver = std::make_unique<DcSolver>(grid);
  }

  std::vector<double> injection;
  std::vector<int> refs;
  dispatch_islands(network, layer, out, injection, refs);

  std::vector<char> in_service(layer.links.size());
  for (std::size_t l = 0; l < layer.links.size(); ++l) {
    const auto& e = elements[layer.links[l]];
    in_service[l] = available[layer.links[l]] && out.energised[e.from] && out.energised[e.to];
  }
  std::vector<double> angles(refs.size(), 0.0);
  const DcFlow flow = cache->solver->solve(in_service, injection, refs, angles);
  if (!cache->base_solved && settings_.unrated_margin > 0) {
    // Branches (links with a reactance) without a rating get one from the normal state: a margin
    // over their base-case flow. Connections and breakers stay unrated.
    for (std::size_t l = 0; l < layer.links.size(); ++l)
      if (cache->rating[l] <= 0 && elements[layer.links[l]].attribute("x_pu", 0.0) != 0.0)
        cache->rating[l] =
            std::max(settings_.unrated_floor_mw, (1.0 + settings_.unrated_margin) * std::abs(flow.pf_mw[l]));
  }
  cache->base_solved = true;
  for (std::size_t l = 0; l < layer.links.size(); ++l) {
    const ElementIndex id = layer.links[l];
    out.flow_mw[id] = flow.ok ? flow.pf_mw[l] : 0.0;
    out.loading[id] = cache->rating[l] > 0 ? std::abs(out.flow_mw[id]) / cache->rating[l] : 0.0;
  }
}

}  // namespace blackstart::sim
