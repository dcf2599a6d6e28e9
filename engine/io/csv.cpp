// The writing side of CSV: quoting fields, and replacing files so that readers never see half of one.
#include "blackstart/io/csv.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

namespace blackstart::io {

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
