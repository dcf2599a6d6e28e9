#include "blackstart/core/csv.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "blackstart/core/input_limits.hpp"

namespace blackstart::core {

int CsvTable::column(std::initializer_list<std::string_view> names) const {
  for (auto name : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
  return -1;
}

bool for_each_csv_record(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                         const std::function<bool(CsvRecord&&)>& record) {
  int line = 1, column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvRecord row;
    row.line = line;
    bool row_has_content = false;
    for (;;) {
      std::string field;
      const int field_column = column;
      const bool quoted = i < text.size() && text[i] == '"';
      if (quoted) {
        const int quote_line = line, quote_column = column;
        ++i;
        ++column;
        bool closed = false;
        while (i < text.size()) {
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              column += 2;
              continue;
            }
            ++i;
            ++column;
            closed = true;
            break;
          }
          if (text[i] == '\n') {
            ++line;
            column = 0;
          }
          field += text[i++];
          ++column;
        }
        if (!closed) {
          diagnostics.error(file, quote_line, quote_column, "unterminated quoted field");
          return false;
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          field += text[i++];
          ++column;
        }
      }
      row_has_content = row_has_content || !field.empty();
      row.fields.push_back(std::move(field));
      row.columns.push_back(field_column);
      row.quoted.push_back(quoted);
      if (i < text.size() && text[i] == ',') {
        ++i;
        ++column;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      column = 1;
      break;
    }
    if (!row_has_content && row.fields.size() == 1) continue;  // blank line
    if (!record(std::move(row))) return true;
  }
  return true;
}

std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  CsvTable table;
  table.file = file;
  bool header_done = false;
  const bool complete = for_each_csv_record(text, file, diagnostics, [&](CsvRecord&& row) {
    if (!header_done) {
      for (auto& h : row.fields) {
        while (!h.empty() && h.back() == ' ') h.pop_back();
        while (!h.empty() && h.front() == ' ') h.erase(h.begin());
      }
      table.header = std::move(row.fields);
      header_done = true;
      return true;
    }
    if (row.fields.size() != table.header.size()) {
      diagnostics.error(file, row.line, 1,
                        "row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                            std::to_string(table.header.size()));
      return true;
    }
    table.rows.push_back(std::move(row));
    return true;
  });
  if (!complete) return std::nullopt;
  if (!header_done) {
    diagnostics.error(file, 1, 1, "empty CSV file: a header row is required");
    return std::nullopt;
  }
  return table;
}

std::optional<CsvTable> read_csv(const std::filesystem::path& path, Diagnostics& diagnostics) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diagnostics.error(path.string(), 0, 0, "cannot read CSV file: " + ec.message());
    return std::nullopt;
  }
  if (size > kMaxInputBytes) {
    diagnostics.error(
        path.string(), 0, 0,
        "file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(kMaxInputBytes));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error(path.string(), 0, 0, "cannot open CSV file");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_csv(buffer.str(), path.string(), diagnostics);
}

}  // namespace blackstart::core
