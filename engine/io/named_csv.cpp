#include "named_csv.hpp"

namespace blackstart::io {

std::optional<CsvTable> read_named_csv(YamlReader& yaml, const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) {
    yaml.error(node, key + " must be a file name");
    return std::nullopt;
  }
  core::Diagnostics found;
  auto table = read_csv(yaml.resolve_path(node), found);
  yaml.adopt_file_diagnostics(node, key, std::move(found));
  return table;
}

void report_csv_cell(core::Diagnostics& diagnostics, const CsvTable& table, const CsvTable::Row& row,
                     int column, const std::string& message) {
  diagnostics.error(table.file, row.line, column >= 0 ? row.columns[static_cast<std::size_t>(column)] : 1,
                    message);
}

}  // namespace blackstart::io
