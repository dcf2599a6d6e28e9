#include "matpower_case_builder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include "matpower_numbers.hpp"

namespace blackstart::io::matpower {

namespace {

constexpr std::size_t kBusColumns = 13;
constexpr std::size_t kGenColumns = 10;
constexpr std::size_t kBranchColumns = 11;     // required; angmin and angmax (12, 13) are optional
constexpr std::size_t kBranchAllColumns = 13;  // read when present

constexpr std::array<const char*, kBusColumns> kBusNames = {
    "bus_i", "type", "Pd", "Qd", "Gs", "Bs", "area", "Vm", "Va", "baseKV", "zone", "Vmax", "Vmin"};
constexpr std::array<const char*, kGenColumns> kGenNames = {"bus", "Pg",    "Qg",     "Qmax", "Qmin",
                                                            "Vg",  "mBase", "status", "Pmax", "Pmin"};
constexpr std::array<const char*, kBranchAllColumns> kBranchNames = {
    "fbus", "tbus", "r", "x", "b", "rateA", "rateB", "rateC", "ratio", "angle", "status", "angmin", "angmax"};

class CaseBuilder {
 public:
  CaseBuilder(std::string_view text, const std::string& file, const Statements& statements, Report& report)
      : text_(text), file_(file), s_(statements), report_(report) {}

  std::optional<model::PowerCase> build();

 private:
  void error(Location at, std::string message) { report_.error(at, std::move(message)); }
  void warning(Location at, std::string message) { report_.warning(at, std::move(message)); }
  void note(Location at, std::string message) { report_.note(at, std::move(message)); }
  [[nodiscard]] Location location_of(const Matrix& m, const Matrix::Row& row, std::size_t column) const {
    return value_location(text_, m, row, column);
  }
  bool check_width(const Matrix& m, const char* table, const Matrix::Row& row, std::size_t index,
                   std::size_t needed);
  void note_extra_columns(const Matrix& m, const char* table, std::size_t used);
  bool finite_columns(const Matrix& m, const char* table, const Matrix::Row& row, std::size_t index,
                      std::size_t used, const char* const* names);

  std::string_view text_;
  const std::string& file_;
  const Statements& s_;
  Report& report_;
};

bool CaseBuilder::check_width(const Matrix& m, const char* table, const Matrix::Row& row, std::size_t index,
                              std::size_t needed) {
  const std::size_t width = m.rows.front().count;
  if (row.count < needed) {
    error(location_of(m, row, 0), std::string(table) + " row " + std::to_string(index + 1) + " has " +
                                      std::to_string(row.count) + " columns; at least " +
                                      std::to_string(needed) + " are needed");
    return false;
  }
  if (row.count != width) {
    error(location_of(m, row, 0), std::string(table) + " row " + std::to_string(index + 1) + " has " +
                                      std::to_string(row.count) + " columns but row 1 has " +
                                      std::to_string(width) + "; every row of a matrix must have as many");
    return false;
  }
  return true;
}

void CaseBuilder::note_extra_columns(const Matrix& m, const char* table, std::size_t used) {
  if (m.rows.empty() || m.rows.front().count <= used) return;
  const std::size_t width = m.rows.front().count;
  note(m.location,
       std::string(table) + " has " + std::to_string(width) + " columns; only the first " +
           std::to_string(used) + " are read (" +
           (width == used + 1 ? "column " + std::to_string(width)
                              : "columns " + std::to_string(used + 1) + "-" + std::to_string(width)) +
           " ignored)");
}

bool CaseBuilder::finite_columns(const Matrix& m, const char* table, const Matrix::Row& row,
                                 std::size_t index, std::size_t used, const char* const* names) {
  bool ok = true;
  for (std::size_t c = 0; c < used && c < row.count; ++c)
    if (std::isnan(m.at(row, c))) {
      error(location_of(m, row, c),
            std::string(table) + " row " + std::to_string(index + 1) + ": " + names[c] + " is NaN");
      ok = false;
    }
  return ok;
}

std::optional<model::PowerCase> CaseBuilder::build() {
  model::PowerCase pc;
  pc.file = file_;
  pc.name = s_.name.empty() ? std::filesystem::path(file_).stem().string() : s_.name;

  if (!s_.has_version) warning({}, "no '" + s_.var + ".version' field; reading the file as version 2");
  if (!s_.base_mva) error({}, "missing '" + s_.var + ".baseMVA'");
  for (auto* m : {&s_.bus, &s_.gen, &s_.branch})
    if (!m->present)
      error({}, "missing '" + s_.var + "." +
                    (m == &s_.bus   ? "bus"
                     : m == &s_.gen ? "gen"
                                    : "branch") +
                    "' matrix");
  if (s_.base_mva) pc.base_mva = *s_.base_mva;

  // Buses. Every bus number that can be read is remembered, even on a faulty row, so that a gen or
  // branch naming it does not add a second, misleading error.
  std::unordered_map<int, int> known;  // bus number -> row
  known.reserve(s_.bus.rows.size());
  bool has_reference = false;
  bool numbers_complete = true;  // every bus row's number could be read
  bool types_complete = true;    // and its type
  if (s_.bus.present && s_.bus.rows.empty()) error(s_.bus.location, "'" + s_.var + ".bus' has no rows");
  pc.buses.reserve(s_.bus.rows.size());
  for (std::size_t i = 0; i < s_.bus.rows.size(); ++i) {
    const auto& row = s_.bus.rows[i];
    auto where = [i] { return "bus row " + std::to_string(i + 1); };
    int number = 0;
    const bool number_ok = as_int(s_.bus.at(row, 0), number) && number > 0;
    numbers_complete = numbers_complete && number_ok;
    if (number_ok) {
      const auto [it, inserted] = known.emplace(number, static_cast<int>(i));
      if (!inserted) {
        error(location_of(s_.bus, row, 0), where() + " has bus number " + std::to_string(number) +
                                               ", already used by row " + std::to_string(it->second + 1) +
                                               " (line " + std::to_string(s_.bus.rows[it->second].line) +
                                               ")");
        continue;
      }
    }
    if (row.count < 2 || std::isnan(s_.bus.at(row, 1))) types_complete = false;
    if (row.count >= 2 && s_.bus.at(row, 1) == 3) has_reference = true;
    if (row.bad || !check_width(s_.bus, "bus", row, i, kBusColumns) ||
        !finite_columns(s_.bus, "bus", row, i, kBusColumns, kBusNames.data()))
      continue;
    if (!number_ok) {
      error(location_of(s_.bus, row, 0),
            where() + ": bus_i must be a positive whole number, found " + number_text(s_.bus.at(row, 0)));
      continue;
    }
    model::PowerBus bus;
    bus.number = number;
    bus.line = row.line;
    int type = 0;
    if (!as_int(s_.bus.at(row, 1), type) || type < 1 || type > 4) {
      error(location_of(s_.bus, row, 1), where() + " has unknown bus type " + number_text(s_.bus.at(row, 1)) +
                                             " (1 = PQ, 2 = PV, 3 = reference, 4 = isolated)");
      continue;
    }
    bus.type = static_cast<model::BusType>(type);
    bool whole = true;
    for (std::size_t c : {std::size_t{6}, std::size_t{10}}) {
      int v = 0;
      if (!as_int(s_.bus.at(row, c), v)) {
        error(location_of(s_.bus, row, c), where() + ": " + kBusNames[c] + " must be a whole number, found " +
                                               number_text(s_.bus.at(row, c)));
        whole = false;
      }
      (c == 6 ? bus.area : bus.zone) = v;
    }
    if (!whole) continue;
    bus.pd_mw = s_.bus.at(row, 2);
    bus.qd_mvar = s_.bus.at(row, 3);
    bus.gs_mw = s_.bus.at(row, 4);
    bus.bs_mvar = s_.bus.at(row, 5);
    bus.vm_pu = s_.bus.at(row, 7);
    bus.va_deg = s_.bus.at(row, 8);
    bus.base_kv = s_.bus.at(row, 9);
    bus.vmax_pu = s_.bus.at(row, 11);
    bus.vmin_pu = s_.bus.at(row, 12);
    pc.buses.push_back(bus);
  }
  if (!s_.bus.rows.empty() && !has_reference && types_complete)
    error(s_.bus.location,
          "no reference bus (type 3) in '" + s_.var + ".bus': MATPOWER needs one to solve a power flow");
  note_extra_columns(s_.bus, "bus", kBusColumns);

  // A reference from a gen or branch row to a bus; true if it exists (or cannot be judged because
  // some bus numbers could not be read).
  auto check_bus = [&](const Matrix& m, const Matrix::Row& row, std::size_t column, const char* table,
                       std::size_t index, int& number) {
    auto where = [&] { return std::string(table) + " row " + std::to_string(index + 1); };
    if (!as_int(m.at(row, column), number) || number <= 0) {
      error(location_of(m, row, column),
            where() + ": " + (&m == &s_.gen ? kGenNames.data() : kBranchNames.data())[column] +
                " must be a positive whole number, found " + number_text(m.at(row, column)));
      return false;
    }
    if (numbers_complete && known.count(number) == 0) {
      error(location_of(m, row, column),
            where() + " refers to bus " + std::to_string(number) + ", which does not exist");
      return false;
    }
    return true;
  };

  pc.gens.reserve(s_.gen.rows.size());
  for (std::size_t i = 0; i < s_.gen.rows.size(); ++i) {
    const auto& row = s_.gen.rows[i];
    if (row.bad || !check_width(s_.gen, "gen", row, i, kGenColumns) ||
        !finite_columns(s_.gen, "gen", row, i, kGenColumns, kGenNames.data()))
      continue;
    model::PowerGen gen;
    if (!check_bus(s_.gen, row, 0, "gen", i, gen.bus)) continue;
    gen.line = row.line;
    gen.pg_mw = s_.gen.at(row, 1);
    gen.qg_mvar = s_.gen.at(row, 2);
    gen.qmax_mvar = s_.gen.at(row, 3);
    gen.qmin_mvar = s_.gen.at(row, 4);
    gen.vg_pu = s_.gen.at(row, 5);
    gen.mbase_mva = s_.gen.at(row, 6);
    gen.in_service = s_.gen.at(row, 7) > 0;  // MATPOWER: GEN_STATUS > 0 is in service
    gen.pmax_mw = s_.gen.at(row, 8);
    gen.pmin_mw = s_.gen.at(row, 9);
    pc.gens.push_back(gen);
  }
  note_extra_columns(s_.gen, "gen", kGenColumns);

  pc.branches.reserve(s_.branch.rows.size());
  for (std::size_t i = 0; i < s_.branch.rows.size(); ++i) {
    const auto& row = s_.branch.rows[i];
    if (row.bad || !check_width(s_.branch, "branch", row, i, kBranchColumns) ||
        !finite_columns(s_.branch, "branch", row, i, std::min<std::size_t>(row.count, kBranchAllColumns),
                        kBranchNames.data()))
      continue;
    model::PowerBranch br;
    const bool from_ok = check_bus(s_.branch, row, 0, "branch", i, br.from);
    const bool to_ok = check_bus(s_.branch, row, 1, "branch", i, br.to);
    if (!from_ok || !to_ok) continue;
    br.line = row.line;
    br.r_pu = s_.branch.at(row, 2);
    br.x_pu = s_.branch.at(row, 3);
    br.b_pu = s_.branch.at(row, 4);
    br.rate_a_mva = s_.branch.at(row, 5);
    br.rate_b_mva = s_.branch.at(row, 6);
    br.rate_c_mva = s_.branch.at(row, 7);
    br.ratio = s_.branch.at(row, 8);
    br.shift_deg = s_.branch.at(row, 9);
    br.in_service = s_.branch.at(row, 10) != 0;  // MATPOWER: any nonzero BR_STATUS is in service
    if (row.count > 11) br.angmin_deg = s_.branch.at(row, 11);
    if (row.count > 12) br.angmax_deg = s_.branch.at(row, 12);
    pc.branches.push_back(br);
  }
  note_extra_columns(s_.branch, "branch", kBranchAllColumns);

  if (report_.errors() > 0) return std::nullopt;
  if (!pc.index_buses()) {  // duplicates were reported above; this cannot fail here
    error({}, "duplicate bus numbers");
    return std::nullopt;
  }
  return pc;
}

}  // namespace

std::optional<model::PowerCase> build_power_case(std::string_view text, const std::string& file,
                                                 const Statements& statements, Report& report) {
  return CaseBuilder(text, file, statements, report).build();
}

}  // namespace blackstart::io::matpower
