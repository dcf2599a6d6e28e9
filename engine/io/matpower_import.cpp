// MATPOWER case -> power layer, and the YAML writer of `blackstart import matpower`. The mapping keeps
// MATPOWER's physics: what MATPOWER's power flow leaves out (out-of-service rows) is left out here too,
// and values are kept to full double precision so that writing and re-loading changes nothing.
#include "blackstart/io/matpower_import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <unordered_map>

#include "blackstart/io/matpower.hpp"
#include "blackstart/model/asset_types.hpp"

namespace blackstart::io {

namespace {

//! Shortest text that reads back as exactly `v` (std::from_chars, as the loader reads numbers).
std::string number_text(double v) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  if (ec != std::errc()) return "0";
  return std::string(buffer.data(), end);
}

//! "rows 3, 8 and 12" / "rows 3, 8, 12, ... (40 in all)".
std::string row_list(const std::vector<std::size_t>& rows) {
  constexpr std::size_t kShown = 10;
  std::string out = rows.size() == 1 ? "row " : "rows ";
  for (std::size_t i = 0; i < rows.size() && i < kShown; ++i) {
    if (i > 0) out += i + 1 == rows.size() ? " and " : ", ";
    out += std::to_string(rows[i]);
  }
  if (rows.size() > kShown) out += ", ... (" + std::to_string(rows.size()) + " in all)";
  return out;
}

class Importer {
 public:
  Importer(model::Network& network, std::uint32_t layer, const model::PowerCase& pc,
           const ImportOptions& options)
      : net_(network), layer_(layer), pc_(pc), options_(options) {}

  core::Diagnostics run() {
    if (pc_.base_mva != kSystemBaseMva)
      diagnostics_.note(pc_.file, 0, 0,
                        "baseMVA is " + number_text(pc_.base_mva) +
                            ": r_pu, x_pu and b_pu are converted to Blackstart's 100 MVA system base");
    z_scale_ = kSystemBaseMva / pc_.base_mva;
    add_buses();
    add_generators();
    add_branches();
    note_clamped();
    return std::move(diagnostics_);
  }

 private:
  struct Clamped {
    std::size_t count = 0;
    int first_line = 0;
  };

  //! Sets a declared attribute (or one of Element's own fields). An infinite value becomes the
  //! attribute's limit (MATPOWER writes unbounded reactive limits as Inf); any other value outside
  //! the declared range is an error at the row's line.
  bool set(model::Element& e, const std::string& name, double value, int line, const std::string& what) {
    const auto* spec = model::AssetTypeRegistry::builtin().find_attribute(name);
    if (spec) {
      if (std::isinf(value)) {
        auto& c = clamped_[name];
        if (c.count++ == 0) c.first_line = line;
        value = value > 0 ? spec->max_value : spec->min_value;
      } else if (value < spec->min_value || value > spec->max_value) {
        diagnostics_.error(pc_.file, line, 0,
                           what + ": " + name + " = " + number_text(value) +
                               " is outside Blackstart's range [" + number_text(spec->min_value) + ", " +
                               number_text(spec->max_value) + "]" +
                               (spec->unit.empty() || spec->unit == "-" ? "" : " " + spec->unit));
        return false;
      }
    }
    model::set_attribute(e, name, value);
    return true;
  }

  void note_clamped() {
    for (const auto& [name, c] : clamped_) {
      const auto* spec = model::AssetTypeRegistry::builtin().find_attribute(name);
      diagnostics_.note(pc_.file, c.first_line, 0,
                        name + " is infinite in " + std::to_string(c.count) +
                            (c.count == 1 ? " row" : " rows") + ": stored as the attribute's limit, " +
                            number_text(spec->max_value) + " for Inf and " + number_text(spec->min_value) +
                            " for -Inf (unbounded)");
    }
  }

  model::Element element(const std::string& id, const std::string& type, bool is_link, int line) {
    model::Element e;
    e.local_id = id;
    e.type = type;
    e.layer = layer_;
    const auto* spec =
        model::AssetTypeRegistry::builtin().find_type(net_.layers()[layer_].kind, type, is_link);
    e.role = spec ? spec->role : model::Role::Equipment;
    e.location = {pc_.file, line, 0};
    return e;
  }

  //! False (with an error) if the layer already has this id.
  bool free_id(const std::string& id, int line) {
    if (!net_.find(net_.layers()[layer_].name + "/" + id)) return true;
    diagnostics_.error(pc_.file, line, 0,
                       "id '" + net_.layers()[layer_].name + "/" + id + "' is already taken in the layer");
    return false;
  }

  void add_buses() {
    bus_element_.reserve(pc_.buses.size());
    std::vector<std::size_t> isolated_with_demand;
    for (std::size_t i = 0; i < pc_.buses.size(); ++i) {
      const auto& b = pc_.buses[i];
      const std::string id = "bus-" + std::to_string(b.number);
      if (!free_id(id, b.line)) continue;
      auto e = element(id, "bus", false, b.line);
      const std::string what = "bus " + std::to_string(b.number);
      bool ok = set(e, "load_mw", b.pd_mw, b.line, what);
      ok = set(e, "customers", customers_for(b.pd_mw, options_), b.line, what) && ok;
      ok = set(e, "voltage_kv", b.base_kv, b.line, what) && ok;
      ok = set(e, "load_mvar", b.qd_mvar, b.line, what) && ok;
      ok = set(e, "gs_mw", b.gs_mw, b.line, what) && ok;
      ok = set(e, "bs_mvar", b.bs_mvar, b.line, what) && ok;
      ok = set(e, "vm_pu", b.vm_pu, b.line, what) && ok;
      ok = set(e, "va_deg", b.va_deg, b.line, what) && ok;
      ok = set(e, "bus_type", static_cast<double>(b.type), b.line, what) && ok;
      ok = set(e, "bus_number", b.number, b.line, what) && ok;
      if (!ok) continue;
      if (b.type == model::BusType::Isolated && b.pd_mw > 0) isolated_with_demand.push_back(i + 1);
      bus_element_[b.number] = net_.add_asset(layer_, std::move(e));
    }
    if (!isolated_with_demand.empty())
      diagnostics_.note(
          pc_.file, pc_.buses[isolated_with_demand.front() - 1].line, 0,
          "isolated buses (type 4) with demand, bus " + row_list(isolated_with_demand) +
              ": MATPOWER leaves them out of its power flow; here their demand counts, unserved "
              "unless a branch in service joins them to a source");
  }

  void add_generators() {
    std::vector<std::size_t> off, no_capacity, no_capacity_with_output;
    for (std::size_t g = 0; g < pc_.gens.size(); ++g) {
      const auto& gen = pc_.gens[g];
      const std::size_t row = g + 1;
      if (!gen.in_service) {
        off.push_back(row);
        continue;
      }
      if (!(gen.pmax_mw > 0)) {
        // Blackstart reads capacity_mw 0 as an unlimited source; such a unit (a synchronous
        // condenser, or a dispatchable load) has no active power to give.
        no_capacity.push_back(row);
        if (gen.pg_mw != 0) no_capacity_with_output.push_back(row);
        continue;
      }
      const auto bus = bus_element_.find(gen.bus);
      if (bus == bus_element_.end()) continue;  // its bus was refused (reported)
      const std::string id = "gen-" + std::to_string(row);
      if (!free_id(id, gen.line) || !free_id(id + "-conn", gen.line)) continue;
      auto e = element(id, "generator", false, gen.line);
      const std::string what = "gen row " + std::to_string(row);
      bool ok = set(e, "capacity_mw", gen.pmax_mw, gen.line, what);
      ok = set(e, "pg_mw", gen.pg_mw, gen.line, what) && ok;
      ok = set(e, "qg_mvar", gen.qg_mvar, gen.line, what) && ok;
      ok = set(e, "pmin_mw", gen.pmin_mw, gen.line, what) && ok;
      ok = set(e, "qmax_mvar", gen.qmax_mvar, gen.line, what) && ok;
      ok = set(e, "qmin_mvar", gen.qmin_mvar, gen.line, what) && ok;
      ok = set(e, "vg_pu", gen.vg_pu, gen.line, what) && ok;
      if (!ok) continue;
      const auto index = net_.add_asset(layer_, std::move(e));
      connections_.push_back({index, bus->second, row, gen.line});
    }
    if (!off.empty())
      diagnostics_.note(pc_.file, pc_.gens[off.front() - 1].line, 0,
                        "out-of-service generators skipped (gen " + row_list(off) +
                            "), as MATPOWER's power flow leaves them out");
    if (!no_capacity.empty())
      diagnostics_.note(pc_.file, pc_.gens[no_capacity.front() - 1].line, 0,
                        "generators without active power capacity (Pmax <= 0) skipped (gen " +
                            row_list(no_capacity) +
                            "): Blackstart would read capacity_mw 0 as an unlimited source");
    if (!no_capacity_with_output.empty())
      diagnostics_.warning(pc_.file, pc_.gens[no_capacity_with_output.front() - 1].line, 0,
                           "skipped generators with Pmax <= 0 but Pg != 0 (gen " +
                               row_list(no_capacity_with_output) +
                               "): their active power is missing from the imported grid");
  }

  void add_branches() {
    std::vector<std::size_t> off;
    for (std::size_t l = 0; l < pc_.branches.size(); ++l) {
      const auto& br = pc_.branches[l];
      const std::size_t row = l + 1;
      if (!br.in_service) {
        off.push_back(row);
        continue;
      }
      const std::string what = "branch row " + std::to_string(row);
      if (br.from == br.to) {
        diagnostics_.error(pc_.file, br.line, 0,
                           what + " connects bus " + std::to_string(br.from) + " to itself");
        continue;
      }
      const auto from = bus_element_.find(br.from), to = bus_element_.find(br.to);
      if (from == bus_element_.end() || to == bus_element_.end()) continue;  // refused bus (reported)
      const std::string id = "branch-" + std::to_string(row);
      if (!free_id(id, br.line)) continue;
      auto e = element(id, br.ratio != 0 || br.shift_deg != 0 ? "transformer" : "line", true, br.line);
      bool ok = set(e, "r_pu", br.r_pu * z_scale_, br.line, what);
      ok = set(e, "x_pu", br.x_pu * z_scale_, br.line, what) && ok;
      ok = set(e, "b_pu", br.b_pu / z_scale_, br.line, what) && ok;
      ok = set(e, "rate_a_mva", br.rate_a_mva, br.line, what) && ok;
      ok = set(e, "rate_b_mva", br.rate_b_mva, br.line, what) && ok;
      ok = set(e, "rate_c_mva", br.rate_c_mva, br.line, what) && ok;
      ok = set(e, "tap_ratio", br.ratio, br.line, what) && ok;
      ok = set(e, "shift_deg", br.shift_deg, br.line, what) && ok;
      ok = set(e, "branch_row", static_cast<double>(row), br.line, what) && ok;
      if (!ok) continue;
      net_.add_link(layer_, std::move(e), from->second, to->second);
    }
    if (!off.empty())
      diagnostics_.note(pc_.file, pc_.branches[off.front() - 1].line, 0,
                        "out-of-service branches skipped (branch " + row_list(off) +
                            "), as MATPOWER's power flow leaves them out");
    for (const auto& c : connections_) {
      const std::string id = "gen-" + std::to_string(c.row) + "-conn";
      net_.add_link(layer_, element(id, "connection", true, c.line), c.gen, c.bus);
    }
  }

  struct Connection {
    model::ElementIndex gen, bus;
    std::size_t row;
    int line;
  };

  model::Network& net_;
  std::uint32_t layer_;
  const model::PowerCase& pc_;
  const ImportOptions& options_;
  core::Diagnostics diagnostics_;
  double z_scale_ = 1.0;
  std::unordered_map<int, model::ElementIndex> bus_element_;
  std::vector<Connection> connections_;
  std::map<std::string, Clamped> clamped_;
};

// ---------------------------------------------------------------------------------- YAML writing

bool plain_safe(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_' || c == '.'))
      return false;
  // Words YAML or the loader could read as something else.
  for (const char* word : {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "inf", "nan"})
    if (s == word) return false;
  return s.front() != '-' && s.front() != '.';
}

//! Length of a valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

//! A YAML double-quoted scalar (bytes that are not valid UTF-8 become '?').
std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (const std::size_t n = utf8_length(s, i); n > 0) {
      out.append(s.substr(i, n));
      i += n - 1;
    } else {
      out += '?';
    }
  }
  return out + "\"";
}

std::string scalar(std::string_view s) {
  return plain_safe(s) ? std::string(s) : yaml_quoted(s);
}

//! Minutes as the loader's shortest exact duration.
std::string duration_text(double minutes) {
  if (minutes > 0 && std::fmod(minutes, 60.0) == 0) return number_text(minutes / 60.0) + "h";
  return number_text(minutes) + "min";
}

void write_element(std::string& out, const model::Network& net, const model::Element& e) {
  const auto& registry = model::AssetTypeRegistry::builtin();
  const auto* type = registry.find_type(net.layers()[e.layer].kind, e.type, e.is_link);
  auto takes = [&](const char* name) {
    return !e.is_link && type &&
           std::find(type->attributes.begin(), type->attributes.end(), name) != type->attributes.end();
  };
  out += "      - {id: " + scalar(e.local_id) + ", type: " + scalar(e.type);
  if (e.is_link)
    out += ", from: " + scalar(net.element(e.from).local_id) + ", to: " + scalar(net.element(e.to).local_id);
  if (!e.name.empty()) out += ", name: " + yaml_quoted(e.name);
  if (!e.operator_name.empty()) out += ", operator: " + yaml_quoted(e.operator_name);
  // Element's own fields: when set, and the main figures of a source or a bus always.
  auto field = [&](const char* name, double value, bool always) {
    if (value != 0 || always) out += std::string(", ") + name + ": " + number_text(value);
  };
  field("capacity_mw", e.capacity_mw, e.role == model::Role::Source && takes("capacity_mw"));
  field("load_mw", e.load_mw, takes("load_mw"));
  field("customers", e.customers, takes("customers"));
  field("passengers_per_hour", e.passengers_per_hour, false);
  field("priority", e.priority, false);
  if (e.recoverable_firmware) out += ", recoverable_firmware: true";
  // Attributes in the order the registry declares them, then any others.
  // A length computed from coordinates is not written: the loader computes it again.
  for (const auto& spec : registry.attributes())
    if (const auto it = e.attributes.find(spec.name); it != e.attributes.end())
      if (!(spec.name == "length_km" && e.length_from_coordinates))
        out += ", " + spec.name + ": " + number_text(it->second);
  for (const auto& [name, value] : e.attributes)
    if (!registry.find_attribute(name)) out += ", " + scalar(name) + ": " + number_text(value);
  if (e.geo) {
    out += ", lat: ";
    out += number_text(e.geo->lat);
    out += ", lon: ";
    out += number_text(e.geo->lon);
  }
  // A geographic position equal to lat/lon is what the loader derives from them.
  const bool derived_position = e.position && e.geo && e.position->geographic &&
                                e.position->y == e.geo->lat && e.position->x == e.geo->lon;
  if (e.position && !derived_position) {
    if (e.position->geographic)
      out += ", position: {lat: " + number_text(e.position->y) + ", lon: " + number_text(e.position->x) + "}";
    else
      out += ", position: {x: " + number_text(e.position->x) + ", y: " + number_text(e.position->y) + "}";
  }
  if (!e.path.empty()) {
    out += ", path: [";
    for (std::size_t i = 0; i < e.path.size(); ++i) {
      if (i) out += ", ";
      out += '[';
      out += number_text(e.path[i].lat);
      out += ", ";
      out += number_text(e.path[i].lon);
      out += ']';
    }
    out += ']';
  }
  out += "}\n";
}

}  // namespace

double customers_for(double pd_mw, const ImportOptions& options) {
  return pd_mw > 0 ? std::round(pd_mw * options.customers_per_mw) : 0.0;
}

core::Diagnostics add_power_case_layer(model::Network& network, std::uint32_t layer,
                                       const model::PowerCase& power_case, const ImportOptions& options) {
  return Importer(network, layer, power_case, options).run();
}

std::string matpower_header_comment(std::string_view text) {
  std::vector<std::string_view> lines;
  bool started = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    std::size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
    const std::string_view content = line.substr(lead);
    if (!started) {
      if (content.empty() || content.rfind("function", 0) == 0) continue;
      if (content.front() != '%') break;
      started = true;
    }
    if (content.empty() || content.front() != '%' || content.rfind("%{", 0) == 0) break;
    lines.push_back(content.substr(1));
  }
  // Common indentation of the lines after the first (the first follows '%' directly: "%CASE9 ...").
  std::size_t indent = std::string_view::npos;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto first = lines[i].find_first_not_of(" \t");
    if (first != std::string_view::npos) indent = std::min(indent, first);
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (i == 0) {
      while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    } else {
      l = l.size() > indent ? l.substr(indent) : std::string_view{};
    }
    if (i > 0) out += '\n';
    out.append(l);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

ImportResult import_power_case(const model::PowerCase& power_case, const ImportOptions& options,
                               const std::string& header) {
  ImportResult result;
  model::Scenario s;
  s.name = power_case.name;
  s.power_model = model::PowerModelKind::Dc;
  s.horizon_min = 1440.0;
  const std::string file = std::filesystem::path(power_case.file).filename().string();
  s.sources.push_back(
      {"MATPOWER case " + power_case.name + (file.empty() ? "" : " (" + file + ")"), "", header});
  const auto layer = s.network.add_layer("power", model::LayerKind::Power);
  result.diagnostics = add_power_case_layer(s.network, layer, power_case, options);
  std::size_t buses = 0, gens = 0, branches = 0;
  for (const auto& e : s.network.elements()) {
    buses += e.type == "bus";
    gens += e.type == "generator";
    branches += e.type == "line" || e.type == "transformer";
  }
  s.description = "Power grid of MATPOWER case " + power_case.name + ": " + std::to_string(buses) +
                  " buses, " + std::to_string(gens) + " generators, " + std::to_string(branches) +
                  " branches (imported by blackstart import matpower)";
  if (!result.diagnostics.has_errors()) result.scenario = std::move(s);
  return result;
}

ImportResult import_matpower_file(const std::filesystem::path& path, const ImportOptions& options) {
  auto read = load_matpower_file(path);
  ImportResult result;
  if (!read.ok()) {
    result.diagnostics = std::move(read.diagnostics);
    return result;
  }
  // The help text is at the top: a few kilobytes are enough.
  std::string head(64 * 1024, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  result = import_power_case(*read.power_case, options, matpower_header_comment(head));
  core::Diagnostics all = std::move(read.diagnostics);
  all.append(result.diagnostics);
  result.diagnostics = std::move(all);
  return result;
}

std::string imported_scenario_yaml(const model::Scenario& scenario) {
  return imported_scenario_yaml(
      scenario,
      "Blackstart scenario written by `blackstart import matpower`. Every asset and link is on one\n"
      "line; ids are bus-<number>, gen-<row>, gen-<row>-conn and branch-<row> of the MATPOWER case.\n"
      "Add crews, events and dependencies to simulate attacks on this grid.");
}

std::string imported_scenario_yaml(const model::Scenario& scenario, std::string_view header) {
  std::string out;
  const auto& net = scenario.network;
  out.reserve(net.size() * 200 + header.size() + 4096);
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto end = header.find('\n', pos);
    if (end == std::string_view::npos) end = header.size();
    out += "# ";
    out.append(header.substr(pos, end - pos));
    out += '\n';
    pos = end + 1;
  }
  out += "blackstart: 1\n";
  out += "name: " + yaml_quoted(scenario.name) + "\n";
  if (!scenario.description.empty()) out += "description: " + yaml_quoted(scenario.description) + "\n";
  if (!scenario.start_time.empty()) out += "start_time: " + yaml_quoted(scenario.start_time) + "\n";
  out += "power_model: " + std::string(model::to_string(scenario.power_model)) + "\n";
  out += "horizon: " + duration_text(scenario.horizon_min) + "\n";
  out += "report_step: " + duration_text(scenario.report_step_min) + "\n";
  out += "seed: " + std::to_string(scenario.seed) + "\n";
  if (!scenario.sources.empty()) {
    out += "sources:\n";
    for (const auto& src : scenario.sources) {
      out += "  - title: " + yaml_quoted(src.title) + "\n";
      if (!src.url.empty()) out += "    url: " + yaml_quoted(src.url) + "\n";
      if (!src.note.empty()) out += "    note: " + yaml_quoted(src.note) + "\n";
    }
  }
  out += "layers:\n";
  for (const auto& layer : net.layers()) {
    out += "  - name: " + scalar(layer.name) + "\n";
    out += "    kind: " + std::string(model::to_string(layer.kind)) + "\n";
    if (!layer.assets.empty()) {
      out += "    assets:\n";
      for (auto a : layer.assets) write_element(out, net, net.element(a));
    }
    if (!layer.links.empty()) {
      out += "    links:\n";
      for (auto l : layer.links) write_element(out, net, net.element(l));
    }
  }
  return out;
}

}  // namespace blackstart::io
