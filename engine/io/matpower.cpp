// MATPOWER case files (.m, version 2): reading a file and the two stages behind parse_matpower, the
// statement parser (matpower_parser.cpp) and the case builder (matpower_case_builder.cpp).
#include "blackstart/io/matpower.hpp"

#include <fstream>
#include <system_error>

#include "blackstart/io/scenario_loader.hpp"
#include "matpower_case_builder.hpp"
#include "matpower_parser.hpp"

namespace blackstart::io {

MatpowerResult parse_matpower(std::string_view text, const std::string& display_name) {
  MatpowerResult result;
  try {
    matpower::Report report(display_name);
    matpower::StatementParser parser(text, report);
    if (parser.run())
      result.power_case = matpower::build_power_case(text, display_name, parser.statements(), report);
    report.flush(result.diagnostics);
  } catch (const std::exception& e) {  // allocation failure: report, never throw
    result.power_case.reset();
    result.diagnostics.error(display_name, 0, 0, std::string("cannot read MATPOWER case: ") + e.what());
  }
  return result;
}

MatpowerResult load_matpower_file(const std::filesystem::path& path) {
  MatpowerResult result;
  const std::string name = path.string();
  try {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
      result.diagnostics.error(name, 0, 0, "cannot read MATPOWER case: " + ec.message());
      return result;
    }
    if (size > kMaxInputBytes) {
      result.diagnostics.error(
          name, 0, 0,
          "file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(kMaxInputBytes));
      return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      result.diagnostics.error(name, 0, 0, "cannot open MATPOWER case");
      return result;
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
      result.diagnostics.error(name, 0, 0, "read error");
      return result;
    }
    return parse_matpower(text, name);
  } catch (const std::exception& e) {
    result.power_case.reset();
    result.diagnostics.error(name, 0, 0, std::string("cannot read MATPOWER case: ") + e.what());
    return result;
  }
}

}  // namespace blackstart::io
