#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/core/csv.hpp"

namespace blackstart::io {

// Reading CSV is core's (blackstart/core/csv.hpp), shared with engine/analysis; these names keep
// io code and its users unchanged.
using core::CsvTable;
using core::parse_csv;
using core::read_csv;

//! Quotes a field when it needs it.
std::string csv_escape(std::string_view field);

//! Writes a file so that readers see the old or the new content, never half of it: the text goes
//! to a temporary file in the same folder which then replaces the target.
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string* error = nullptr);

}  // namespace blackstart::io
