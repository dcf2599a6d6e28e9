#pragma once
// What the MATPOWER statement parser hands to the case builder: the assignments it read (matrices
// as written, with where each value starts) and the diagnostics gathered so far.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/core/diagnostic.hpp"

namespace blackstart::io::matpower {

struct Location {
  int line = 0;
  int column = 0;
};

//! A numeric matrix as written: values row by row, with where each value starts.
struct Matrix {
  struct Row {
    int line = 0;                  //!< line of the row's first value
    std::uint32_t line_start = 0;  //!< offset of that line's first character
    std::uint32_t first = 0;       //!< index of the first value
    std::uint32_t count = 0;
    bool bad = false;  //!< a value did not parse (already reported)
  };
  bool present = false;
  Location location;  //!< of `mpc.NAME`
  std::vector<double> values;
  std::vector<std::uint32_t> offsets;
  std::vector<Row> rows;

  [[nodiscard]] double at(const Row& row, std::size_t column) const { return values[row.first + column]; }
};

//! The case as assigned in the file: `mpc.version`, `mpc.baseMVA`, `mpc.bus`, `mpc.gen`, `mpc.branch`.
struct Statements {
  std::string var = "mpc";  //!< the struct the function returns
  std::string name;         //!< the function's name: the case name
  bool version1 = false;    //!< a version-1 file: reported once, nothing else is checked
  bool has_version = false;
  std::optional<double> base_mva;
  Location base_mva_location;
  Matrix bus, gen, branch;
};

//! Position of `offset` in `text`, counting lines from a known line start before it.
Location locate(std::string_view text, int line, std::size_t line_start, std::size_t offset);
//! Where a value of a matrix starts.
inline Location value_location(std::string_view text, const Matrix& m, const Matrix::Row& row,
                               std::size_t column) {
  return locate(text, row.line, row.line_start, m.offsets[row.first + column]);
}

//! Diagnostics of one case file. Gathered here and handed over in file order: some are found while
//! reading, others (rows) only when the tables are checked. Errors past the first kMaxErrors are
//! counted, not kept.
class Report {
 public:
  static constexpr std::size_t kMaxErrors = 100;

  explicit Report(const std::string& file) : file_(file) {}
  void error(Location at, std::string message) {
    if (++errors_ > kMaxErrors) return;
    add(core::Severity::Error, at, std::move(message));
  }
  void warning(Location at, std::string message) { add(core::Severity::Warning, at, std::move(message)); }
  void note(Location at, std::string message) { add(core::Severity::Note, at, std::move(message)); }
  [[nodiscard]] std::size_t errors() const { return errors_; }
  //! Moves the gathered diagnostics out, by position; those without a line last.
  void flush(core::Diagnostics& diagnostics);

 private:
  void add(core::Severity severity, Location at, std::string message) {
    found_.push_back({severity, file_, at.line, at.column, std::move(message), {}});
  }

  const std::string& file_;
  std::size_t errors_ = 0;
  std::vector<core::Diagnostic> found_;
};

}  // namespace blackstart::io::matpower
