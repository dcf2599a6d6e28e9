#include "csv_dependencies_reader.hpp"

#include <algorithm>

#include "blackstart/core/text.hpp"
#include "named_csv.hpp"
#include "number_text.hpp"

namespace blackstart::io {

void read_dependencies_csv(YamlReader& yaml, const YAML::Node& node, model::Network& network) {
  const auto table = read_named_csv(yaml, node, "dependencies_csv");
  if (!table) return;
  auto& diagnostics = yaml.diagnostics();
  const int dep_col = table->column({"dependent", "from"});
  const int sup_col = table->column({"supplier", "to"});
  const int kind_col = table->column({"kind"});
  const int delay_col = table->column({"delay"});
  const int backup_col = table->column({"backup"});
  const int effect_col = table->column({"effect"});
  const int factor_col = table->column({"factor"});
  if (dep_col < 0 || sup_col < 0) {
    diagnostics.error(table->file, 1, 1,
                      "dependency CSV needs 'dependent' and 'supplier' columns (or 'from' and 'to')");
    return;
  }
  const std::vector<std::string> columns{"dependent", "supplier", "from",   "to",    "kind",
                                         "delay",     "backup",   "effect", "factor"};
  bool bad_header = false;
  for (std::size_t c = 0; c < table->header.size(); ++c)
    if (std::find(columns.begin(), columns.end(), table->header[c]) == columns.end()) {
      diagnostics.error(table->file, 1, 1,
                        "unknown column '" + table->header[c] + "' in dependency CSV" +
                            core::did_you_mean(table->header[c], columns) +
                            "; allowed: " + core::join(columns, ", "));
      bad_header = true;
    }
  if (bad_header) return;
  for (const auto& row : table->rows) {
    auto report = [&](int col, const std::string& m) { report_csv_cell(diagnostics, *table, row, col, m); };
    model::Dependency dep;
    if (kind_col >= 0 && !row.fields[kind_col].empty()) {
      auto kind = model::parse_dependency_kind(row.fields[kind_col]);
      if (!kind) {
        report(kind_col, "unknown dependency kind '" + row.fields[kind_col] + "'");
        continue;
      }
      dep.kind = *kind;
    }
    dep.effect = model::default_effect(dep.kind);
    if (effect_col >= 0 && !row.fields[effect_col].empty()) {
      auto effect = model::parse_dependency_effect(row.fields[effect_col]);
      if (!effect) {
        report(effect_col, "unknown effect '" + row.fields[effect_col] +
                               "'; use fail, degrade, lose_control, lose_view or block_access");
        continue;
      }
      dep.effect = *effect;
    }
    if (factor_col >= 0 && !row.fields[factor_col].empty()) {
      auto f = parse_number(row.fields[factor_col]);
      if (!f || !(*f >= 0.0 && *f <= 1.0)) {
        report(factor_col, "factor must be a number between 0 and 1, got '" + row.fields[factor_col] + "'");
        continue;
      }
      dep.degrade_factor = *f;
    }
    auto find = [&](int col) -> std::optional<model::ElementIndex> {
      auto found = network.find(row.fields[col]);
      if (!found) report(col, "'" + row.fields[col] + "' refers to an asset that does not exist");
      return found;
    };
    auto d = find(dep_col), s = find(sup_col);
    // `delay` and `backup` are durations that must not be negative.
    auto duration = [&](int col, const char* what, double& target) {
      if (col < 0 || row.fields[col].empty()) return true;
      std::string why;
      auto m = core::parse_duration(row.fields[col], &why);
      if (!m || m->minutes < 0) {
        report(col, std::string(what) + ": " + (m ? std::string("must not be negative") : why));
        return false;
      }
      target = m->minutes;
      return true;
    };
    if (!duration(delay_col, "delay", dep.delay_min)) continue;
    if (backup_col >= 0 && !row.fields[backup_col].empty()) {
      double backup = 0;
      if (!duration(backup_col, "backup", backup)) continue;
      dep.backup_min = backup;
    }
    if (!d || !s) continue;
    if (*d == *s) {
      report(dep_col, "'" + row.fields[dep_col] + "' cannot depend on itself");
      continue;
    }
    dep.dependent = *d;
    dep.supplier = *s;
    dep.location = {table->file, row.line, 1};
    network.add_dependency(dep);
  }
}

}  // namespace blackstart::io
