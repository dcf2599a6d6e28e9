#pragma once
// A CSV file named by a scenario key (`assets_csv: nodes.csv`): read relative to the scenario's folder;
// problems inside it point into the CSV file, a missing or unreadable file is reported at the key.
#include <optional>
#include <string>

#include "blackstart/io/csv.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

std::optional<CsvTable> read_named_csv(YamlReader& yaml, const YAML::Node& node, const std::string& key);

//! Reports a problem in a cell of `row`: at its column, or at column 1 for `column` < 0.
void report_csv_cell(core::Diagnostics& diagnostics, const CsvTable& table, const CsvTable::Row& row,
                     int column, const std::string& message);

}  // namespace blackstart::io
