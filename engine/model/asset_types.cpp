#include "blackstart/model/asset_types.hpp"

#include <algorithm>

namespace blackstart::model {

void AssetTypeRegistry::add_attribute(AttributeSpec spec) {
  attributes_.push_back(std::move(spec));
}
void AssetTypeRegistry::add_type(AssetTypeSpec spec) {
  types_.push_back(std::move(spec));
}

const AssetTypeSpec* AssetTypeRegistry::find_type(LayerKind layer, std::string_view name,
                                                  bool is_link) const {
  for (const auto& t : types_)
    if (t.name == name && t.is_link == is_link && (t.layer == layer || layer == LayerKind::Other)) return &t;
  return nullptr;
}

const AttributeSpec* AssetTypeRegistry::find_attribute(std::string_view name) const {
  for (const auto& a : attributes_)
    if (a.name == name) return &a;
  return nullptr;
}

std::vector<std::string> AssetTypeRegistry::type_names(LayerKind layer, bool is_link) const {
  std::vector<std::string> names;
  for (const auto& t : types_)
    if (t.is_link == is_link && (t.layer == layer || layer == LayerKind::Other)) names.push_back(t.name);
  return names;
}

const AssetTypeRegistry& AssetTypeRegistry::builtin() {
  static const AssetTypeRegistry registry = [] {
    AssetTypeRegistry r;
    register_builtin_types(r);
    return r;
  }();
  return registry;
}

std::string default_link_type(LayerKind layer) {
  switch (layer) {
    case LayerKind::Power:
      return "line";
    case LayerKind::Transport:
      return "road";
    case LayerKind::Cyber:
      return "network_link";
    case LayerKind::Other:
      break;
  }
  return "link";
}

void register_builtin_types(AssetTypeRegistry& r) {
  r.add_attribute({"capacity_mw", "MW", 0, 0, 1e7, "generation or transfer capacity"});
  r.add_attribute({"load_mw", "MW", 0, -1e6, 1e6, "demand of a load"});
  r.add_attribute({"customers", "customers", 0, 0, 1e9, "customer connections served by a load"});
  r.add_attribute(
      {"passengers_per_hour", "passengers/h", 0, 0, 1e8, "passengers a transport asset carries per hour"});
  r.add_attribute({"voltage_kv", "kV", 0, 0, 2000, "nominal voltage"});
  r.add_attribute({"length_km", "km", 0, 0, 1e5, "length of a line, road or rail segment"});
  r.add_attribute(
      {"speed_kmh", "km/h", 0, 0, 300,
       "crews' speed on this road (0 = from its road_class; import osm sets maxspeed or the class speed)"});
  r.add_attribute({"priority", "-", 0, -1000, 1000, "restoration priority, higher is restored first"});
  r.add_attribute({"capacity_vph", "vehicles/h", 0, 0, 1e5,
                   "vehicles a road carries per hour with working signals (road_capacity.hpp)"});
  r.add_attribute({"road_class", "-", 4, 0, 7, "road class for crew speeds: 0 motorway ... 7 service road"});
  r.add_attribute({"recoverable_firmware", "bool", 0, 0, 1, "1 if firmware can be re-flashed on site"});
  // Electrical data for the dc and ac power models (MATPOWER's columns and units).
  r.add_attribute({"load_mvar", "MVAr", 0, -1e6, 1e6, "reactive demand"});
  r.add_attribute({"gs_mw", "MW", 0, -1e6, 1e6, "shunt conductance at 1 p.u. voltage"});
  r.add_attribute({"bs_mvar", "MVAr", 0, -1e6, 1e6, "shunt susceptance at 1 p.u. voltage"});
  r.add_attribute({"vm_pu", "p.u.", 1, 0, 10, "voltage magnitude (start value or set-point)"});
  r.add_attribute({"va_deg", "deg", 0, -360, 360, "voltage angle (start value; kept at the reference bus)"});
  r.add_attribute({"bus_type", "-", 1, 1, 4, "MATPOWER bus type: 1 PQ, 2 PV, 3 reference, 4 isolated"});
  r.add_attribute({"bus_number", "-", 0, 0, 1e9, "bus number in the source case"});
  r.add_attribute({"pg_mw", "MW", 0, -1e7, 1e7, "scheduled active generation"});
  r.add_attribute({"qg_mvar", "MVAr", 0, -1e7, 1e7, "scheduled reactive generation"});
  r.add_attribute({"pmin_mw", "MW", 0, -1e7, 1e7, "minimum active generation"});
  r.add_attribute({"qmax_mvar", "MVAr", 0, -1e7, 1e7, "maximum reactive generation"});
  r.add_attribute({"qmin_mvar", "MVAr", 0, -1e7, 1e7, "minimum reactive generation"});
  r.add_attribute({"vg_pu", "p.u.", 1, 0, 10, "voltage set-point of a generator"});
  r.add_attribute({"r_pu", "p.u.", 0, -1e3, 1e3, "series resistance on the system MVA base"});
  r.add_attribute(
      {"x_pu", "p.u.", 0, -1e3, 1e3, "series reactance on the system MVA base (may be negative)"});
  r.add_attribute({"b_pu", "p.u.", 0, -1e3, 1e3, "total line charging susceptance"});
  r.add_attribute({"rate_a_mva", "MVA", 0, 0, 1e7, "long-term rating (0 = unlimited)"});
  r.add_attribute({"rate_b_mva", "MVA", 0, 0, 1e7, "short-term rating (0 = unlimited)"});
  r.add_attribute({"rate_c_mva", "MVA", 0, 0, 1e7, "emergency rating (0 = unlimited)"});
  r.add_attribute({"tap_ratio", "-", 0, 0, 100, "off-nominal transformer ratio (0 = line)"});
  r.add_attribute({"shift_deg", "deg", 0, -360, 360, "phase-shifter angle"});
  r.add_attribute({"branch_row", "-", 0, 0, 1e9, "row of the branch in the source case (1-based)"});

  const auto P = LayerKind::Power, T = LayerKind::Transport, C = LayerKind::Cyber;
  const std::vector<std::string> power_common{"voltage_kv", "priority"};
  const std::vector<std::string> bus_electrical{"load_mw", "load_mvar", "customers", "gs_mw",     "bs_mvar",
                                                "vm_pu",   "va_deg",    "bus_type",  "bus_number"};
  const std::vector<std::string> gen_electrical{"pg_mw",     "qg_mvar",   "pmin_mw",
                                                "qmax_mvar", "qmin_mvar", "vg_pu"};
  const std::vector<std::string> branch_electrical{"r_pu",       "x_pu",       "b_pu",
                                                   "rate_a_mva", "rate_b_mva", "rate_c_mva",
                                                   "tap_ratio",  "shift_deg",  "branch_row"};
  auto all = [](std::vector<std::string> base, const std::vector<std::string>& more) {
    base.insert(base.end(), more.begin(), more.end());
    return base;
  };
  auto with = [](std::vector<std::string> base, std::initializer_list<std::string> more) {
    base.insert(base.end(), more);
    return base;
  };
  r.add_type({"generator", P, false, Role::Source, "generating unit; feeds its island up to capacity_mw",
              all(with(power_common, {"capacity_mw"}), gen_electrical)});
  r.add_type({"infeed", P, false, Role::Source, "supply from the transmission grid; feeds up to capacity_mw",
              all(with(power_common, {"capacity_mw"}), gen_electrical)});
  r.add_type({"substation", P, false, Role::Bus, "substation; can be switched off (breakers opened)",
              all(with(power_common, {"capacity_mw"}), bus_electrical)});
  r.add_type({"bus", P, false, Role::Bus, "electrical node; may carry demand (load_mw, customers)",
              all(power_common, bus_electrical)});
  r.add_type({"load", P, false, Role::Load, "demand point serving customers",
              with(power_common, {"load_mw", "customers", "load_mvar"})});
  r.add_type({"line", P, true, Role::Equipment, "overhead line or cable",
              all(with(power_common, {"capacity_mw", "length_km"}), branch_electrical)});
  r.add_type({"breaker", P, true, Role::Equipment, "switching device between two assets (no impedance)",
              with(power_common, {"capacity_mw"})});
  r.add_type({"transformer", P, true, Role::Equipment, "transformer between voltage levels",
              all(with(power_common, {"capacity_mw"}), branch_electrical)});
  r.add_type({"connection", P, true, Role::Equipment,
              "zero-impedance connection of a generator or load to its bus", power_common});

  const std::vector<std::string> transport_common{"passengers_per_hour", "length_km", "priority"};
  for (const char* type : {"road_segment", "rail_segment", "station", "electric_rail_line", "metro_line",
                           "tram_line", "trolleybus_line"})
    r.add_type({type, T, false, Role::Service, "transport asset carrying passengers", transport_common});
  r.add_type({"traffic_signal_zone",
              T,
              false,
              Role::Equipment,
              "traffic signals of a district; dark without power",
              {"priority"}});
  r.add_type({"rail_signal_zone",
              T,
              false,
              Role::Equipment,
              "railway signalling of a stretch of line (interlocking, track circuits); dark without power",
              {"priority"}});
  r.add_type({"traction_substation",
              T,
              false,
              Role::Equipment,
              "feeds electric transport",
              {"priority", "capacity_mw"}});
  r.add_type({"junction",
              T,
              false,
              Role::Equipment,
              "road junction or end of a road (imported geodata)",
              {"priority"}});
  r.add_type({"road",
              T,
              true,
              Role::Equipment,
              "road connection; crews with a depot drive over it",
              {"length_km", "priority", "road_class", "speed_kmh", "capacity_vph"}});
  r.add_type({"rail", T, true, Role::Equipment, "rail connection", {"length_km", "priority"}});

  const std::vector<std::string> cyber_common{"priority", "recoverable_firmware"};
  for (const char* type : {"control_centre", "scada_server", "ems", "dms", "hmi", "workstation", "rtu",
                           "field_device", "serial_gateway", "network_node", "firewall", "vpn_gateway", "ups",
                           "call_centre", "telephony", "historian", "domain_controller"})
    r.add_type({type, C, false, Role::Equipment, "control-system or ICT asset", cyber_common});
  r.add_type({"network_link", C, true, Role::Equipment, "data link (WAN, LAN, radio)", {"priority"}});
  r.add_type({"serial_link", C, true, Role::Equipment, "serial connection", {"priority"}});
}

}  // namespace blackstart::model
