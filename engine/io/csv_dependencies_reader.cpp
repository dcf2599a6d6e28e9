#include "csv_dependencies_reader.hpp"

#include <algorithm>

#include "blackstart/core/text.hpp"
#include "dependency_rules.hpp"
#include "named_csv.hpp"

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
    auto at = [&](int col) { return [&report, col](const std::string& m) { report(col, m); }; };
    auto given = [&](int col) { return col >= 0 && !row.fields[col].empty(); };
    model::Dependency dep;
    if (given(kind_col)) {
      const auto kind = dependency_kind_of(row.fields[kind_col], at(kind_col));
      if (!kind) continue;
      dep.kind = *kind;
    }
    dep.effect = model::default_effect(dep.kind);
    if (given(effect_col)) {
      const auto effect = dependency_effect_of(row.fields[effect_col], at(effect_col));
      if (!effect) continue;
      dep.effect = *effect;
    }
    if (given(factor_col)) {
      const auto factor = degrade_factor_of(row.fields[factor_col], at(factor_col));
      if (!factor) continue;
      dep.degrade_factor = *factor;
    }
    auto find = [&](int col) -> std::optional<model::ElementIndex> {
      auto found = network.find(row.fields[col]);
      if (!found) report(col, "'" + row.fields[col] + "' refers to an asset that does not exist");
      return found;
    };
    auto d = find(dep_col), s = find(sup_col);
    if (given(delay_col)) {
      const auto delay = dependency_duration_of(row.fields[delay_col], "delay", at(delay_col));
      if (!delay) continue;
      dep.delay_min = *delay;
    }
    if (given(backup_col)) {
      const auto backup = dependency_duration_of(row.fields[backup_col], "backup", at(backup_col));
      if (!backup) continue;
      dep.backup_min = *backup;
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
