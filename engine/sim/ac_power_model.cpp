// AC power flow over a scenario's power layer, island by island. Islands, shedding and dispatch
// come from the connectivity model and the dc model's dispatch; each energised island becomes a
// small power-flow case (its largest generator the reference, other generators PV buses, the rest
// PQ) solved by Newton-Raphson. An island whose power flow does not converge has no feasible
// operating point: it is treated as a voltage collapse and de-energised.
#include <cmath>
#include <unordered_map>

#include "blackstart/sim/power_model.hpp"
#include "blackstart/sim/powerflow.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::Role;

namespace {
constexpr double kStiffReactance = 1e-4;  // p.u.: zero-impedance connections
}

AcPowerModel::AcPowerModel(model::PowerFlowSettings settings) : settings_(std::move(settings)) {}

void AcPowerModel::solve(const model::Network& network, std::uint32_t layer_index,
                         const std::vector<char>& available, PowerSolution& out) {
  connectivity_.solve(network, layer_index, available, out);
  const model::Layer& layer = network.layers()[layer_index];
  const auto& elements = network.elements();
  std::vector<double> injection;
  std::vector<int> refs;
  dispatch_islands(network, layer, out, injection, refs);
  if (ratings_.empty())
    for (ElementIndex link : layer.links) ratings_.push_back(link_rating(elements[link], settings_));

  // One case per island, keyed by the island's largest generator.
  std::unordered_map<ElementIndex, std::size_t> case_of;
  std::vector<model::PowerCase> cases;
  std::vector<std::vector<std::size_t>> vertices_of, links_of;
  for (int ref : refs) {
    case_of.emplace(out.island_source[layer.assets[static_cast<std::size_t>(ref)]], cases.size());
    cases.emplace_back();
    vertices_of.emplace_back();
    links_of.emplace_back();
  }
  std::vector<int> bus_number(layer.assets.size(), 0);
  for (std::size_t v = 0; v < layer.assets.size(); ++v) {
    const ElementIndex id = layer.assets[v];
    if (!out.energised[id]) continue;
    const auto k = case_of.at(out.island_source[id]);
    auto& c = cases[k];
    const auto& e = elements[id];
    model::PowerBus bus;
    bus.number = static_cast<int>(c.buses.size()) + 1;
    bus_number[v] = bus.number;
    const double served = out.served[id];
    if (e.has_demand()) {
      bus.pd_mw = e.load_mw * served;
      bus.qd_mvar = e.attribute("load_mvar", 0.0) * served;
    }
    bus.gs_mw = e.attribute("gs_mw", 0.0);
    bus.bs_mvar = e.attribute("bs_mvar", 0.0);
    bus.vm_pu = e.attribute("vm_pu", 1.0);
    if (e.role == Role::Source) {
      const bool is_ref = static_cast<int>(v) == static_cast<int>(network.vertex_of(out.island_source[id]));
      bus.type = is_ref ? model::BusType::Ref : model::BusType::PV;
      model::PowerGen gen;
      gen.bus = bus.number;
      gen.pg_mw = out.dispatch_mw[id];
      gen.vg_pu = e.attribute("vg_pu", 1.0);
      gen.qmax_mvar = e.attribute("qmax_mvar", 1e9);
      gen.qmin_mvar = e.attribute("qmin_mvar", -1e9);
      gen.pmax_mw = e.capacity_mw * (id < out.capacity_scale.size() ? out.capacity_scale[id] : 1.0);
      c.gens.push_back(gen);
    }
    c.buses.push_back(bus);
    vertices_of[k].push_back(v);
  }
  for (std::size_t l = 0; l < layer.links.size(); ++l) {
    const ElementIndex id = layer.links[l];
    out.flow_mw[id] = 0.0;
    out.loading[id] = 0.0;
    const auto& e = elements[id];
    if (!available[id] || !out.energised[e.from] || !out.energised[e.to]) continue;
    const std::size_t vf = network.vertex_of(e.from), vt = network.vertex_of(e.to);
    auto& c = cases[case_of.at(out.island_source[e.from])];
    model::PowerBranch br;
    br.from = bus_number[vf];
    br.to = bus_number[vt];
    const double x = e.attribute("x_pu", 0.0);
    br.r_pu = e.attribute("r_pu", 0.0);
    br.x_pu = x != 0.0 || br.r_pu != 0.0 ? x : kStiffReactance;
    br.b_pu = e.attribute("b_pu", 0.0);
    br.ratio = e.attribute("tap_ratio", 0.0);
    br.shift_deg = e.attribute("shift_deg", 0.0);
    c.branches.push_back(br);
    links_of[case_of.at(out.island_source[e.from])].push_back(l);
  }
  for (std::size_t k = 0; k < cases.size(); ++k) {
    auto& c = cases[k];
    c.index_buses();
    const AcFlow flow = solve_ac(c, options_);
    if (!flow.converged) {
      // Voltage collapse: nothing in the island is supplied.
      for (auto v : vertices_of[k]) {
        out.energised[layer.assets[v]] = 0;
        out.served[layer.assets[v]] = 0.0;
      }
      for (std::size_t l : links_of[k]) out.energised[layer.links[l]] = 0;
      continue;
    }
    for (std::size_t j = 0; j < links_of[k].size(); ++j) {
      const std::size_t l = links_of[k][j];
      const ElementIndex id = layer.links[l];
      out.flow_mw[id] = flow.pf_mw[j];
      const double mva =
          std::max(std::hypot(flow.pf_mw[j], flow.qf_mvar[j]), std::hypot(flow.pt_mw[j], flow.qt_mvar[j]));
      out.loading[id] = ratings_[l] > 0 ? mva / ratings_[l] : 0.0;
    }
    std::size_t g = 0;
    for (auto v : vertices_of[k])
      if (elements[layer.assets[v]].role == Role::Source) out.dispatch_mw[layer.assets[v]] = flow.pg_mw[g++];
  }
}

}  // namespace blackstart::sim
