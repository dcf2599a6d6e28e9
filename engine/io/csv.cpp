#include "blackstart/io/csv.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include "blackstart/io/scenario_loader.hpp"

namespace blackstart::io {

int CsvTable::column(std::initializer_list<std::string_view> names) const {
  for (auto name : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
  return -1;
}

std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file,
                                  core::Diagnostics& diagnostics) {
  CsvTable table;
  table.file = file;
  int line = 1, column = 1;
  std::size_t i = 0;
  bool header_done = false;
  while (i < text.size()) {
    CsvTable::Row row;
    row.line = line;
    bool row_has_content = false;
    for (;;) {
      std::string field;
      const int field_column = column;
      if (i < text.size() && text[i] == '"') {
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
          return std::nullopt;
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
    if (!header_done) {
      for (auto& h : row.fields) {
        while (!h.empty() && h.back() == ' ') h.pop_back();
        while (!h.empty() && h.front() == ' ') h.erase(h.begin());
      }
      table.header = std::move(row.fields);
      header_done = true;
      continue;
    }
    if (row.fields.size() != table.header.size()) {
      diagnostics.error(file, row.line, 1,
                        "row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                            std::to_string(table.header.size()));
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  if (!header_done) {
    diagnostics.error(file, 1, 1, "empty CSV file: a header row is required");
    return std::nullopt;
  }
  return table;
}

std::optional<CsvTable> read_csv(const std::filesystem::path& path, core::Diagnostics& diagnostics) {
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

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

bool write_file_atomically(const std::filesystem::path& path, std::string_view content, std::string* error) {
  std::string temp_name = path.filename().string();
  temp_name.insert(0, 1, '.');
  temp_name.append(".tmp");
  const auto temp = path.parent_path() / temp_name;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      if (error) *error = "cannot write " + temp.string();
      return false;
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      if (error) *error = "write failed for " + temp.string();
      std::filesystem::remove(temp);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    if (error) *error = "cannot replace " + path.string() + ": " + ec.message();
    std::filesystem::remove(temp, ec);
    return false;
  }
  return true;
}

}  // namespace blackstart::io
