#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/core/diagnostic.hpp"

namespace blackstart::io {

//! A CSV table with a header row; fields keep their line and column for messages.
struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  struct Row {
    int line = 0;
    std::vector<std::string> fields;
    std::vector<int> columns;  //!< 1-based column where each field starts
  };
  std::vector<Row> rows;
  //! Index of a header column, trying each alias in turn; -1 if absent.
  [[nodiscard]] int column(std::initializer_list<std::string_view> names) const;
};

//! Parses RFC 4180 CSV (quoted fields, doubled quotes). Errors are added to `diagnostics`.
std::optional<CsvTable> read_csv(const std::filesystem::path& path, core::Diagnostics& diagnostics);
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file,
                                  core::Diagnostics& diagnostics);

//! Quotes a field when it needs it.
std::string csv_escape(std::string_view field);

//! Writes a file so that readers see the old or the new content, never half of it: the text goes
//! to a temporary file in the same folder which then replaces the target.
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string* error = nullptr);

}  // namespace blackstart::io
