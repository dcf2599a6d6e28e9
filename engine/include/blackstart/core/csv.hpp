#pragma once
// The one CSV reader: RFC 4180 text (quoted fields, doubled quotes), every field with its line and
// column so that every message can point at it. Scenario CSV files (io) and edge lists (analysis)
// both read through it.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/core/diagnostic.hpp"

namespace blackstart::core {

//! One record (usually one line) as written.
struct CsvRecord {
  int line = 0;  //!< line where the record starts
  std::vector<std::string> fields;
  std::vector<int> columns;  //!< 1-based column where each field starts
  std::vector<bool> quoted;  //!< the field was written in quotes
};

//! Calls `record` for every record of `text`, in order; blank lines are skipped. Returning false from
//! `record` stops the reading. An unterminated quoted field is reported and ends the reading
//! (returns false); otherwise returns true.
bool for_each_csv_record(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                         const std::function<bool(CsvRecord&&)>& record);

//! A CSV table with a header row; fields keep their line and column for messages.
struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  using Row = CsvRecord;
  std::vector<Row> rows;
  //! Index of a header column, trying each alias in turn; -1 if absent.
  [[nodiscard]] int column(std::initializer_list<std::string_view> names) const;
};

//! A table: the first record is the header (names trimmed), every other record needs as many fields
//! (a row that has not is reported and left out). Errors are added to `diagnostics`.
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file, Diagnostics& diagnostics);
//! parse_csv of a file, refusing files over kMaxInputBytes.
std::optional<CsvTable> read_csv(const std::filesystem::path& path, Diagnostics& diagnostics);

}  // namespace blackstart::core
