#include "blackstart/io/matpower.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <system_error>
#include <unordered_map>
#include <vector>

#include "blackstart/io/scenario_loader.hpp"

namespace blackstart::io {

namespace {

// The reader works on the file as data: a MATPOWER case is a MATLAB function, but the standard ones
// only assign literals to fields of the returned struct. Those assignments are tokenised by hand
// (this runs on multi-megabyte cases); anything that would need MATLAB to evaluate is an error.

constexpr std::size_t kMaxErrors = 100;

constexpr std::size_t kBusColumns = 13;
constexpr std::size_t kGenColumns = 10;
constexpr std::size_t kBranchColumns = 11;     // required; angmin and angmax (12, 13) are optional
constexpr std::size_t kBranchAllColumns = 13;  // read when present

constexpr std::array<const char*, kBusColumns> kBusNames = {
    "bus_i", "type", "Pd", "Qd", "Gs", "Bs", "area", "Vm", "Va", "baseKV", "zone", "Vmax", "Vmin"};
constexpr std::array<const char*, kGenColumns> kGenNames = {"bus", "Pg",    "Qg",     "Qmax", "Qmin",
                                                            "Vg",  "mBase", "status", "Pmax", "Pmin"};
constexpr std::array<const char*, kBranchAllColumns> kBranchNames = {
    "fbus", "tbus", "r", "x", "b", "rateA", "rateB", "rateC", "ratio", "angle", "status", "angmin", "angmax"};

//! Characters that end a number token inside a matrix.
constexpr std::array<bool, 256> kDelimiter = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view(" \t\r\n,;[]{}%")) table[c] = true;
  return table;
}();

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_identifier_char(char c) {
  return is_identifier_start(c) || (c >= '0' && c <= '9') || c == '_';
}

//! Shortest text that reads back as `v`, for messages.
std::string number_text(double v) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  if (ec != std::errc()) return "?";
  return std::string(buffer.data(), end);
}

enum class NumberStatus { Ok, Invalid, OutOfRange };

constexpr std::array<double, 16> kPowersOfTen = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

//! The common case, `[-]digits[.digits]` with at most 15 digits: the digits as an integer and the
//! power of ten are both exact doubles, so one division rounds correctly (Clinger's fast path).
bool parse_plain_decimal(const char* p, const char* end, double& out) {
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  std::uint64_t mantissa = 0;
  int digits = 0, fraction = 0;
  for (; p != end && static_cast<unsigned>(*p - '0') < 10; ++p, ++digits)
    mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
  if (p != end && *p == '.')
    for (++p; p != end && static_cast<unsigned>(*p - '0') < 10; ++p, ++digits, ++fraction)
      mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
  if (p != end || digits == 0 || digits > 15) return false;
  const double value = static_cast<double>(mantissa) / kPowersOfTen[static_cast<std::size_t>(fraction)];
  out = negative ? -value : value;
  return true;
}

//! A MATLAB numeric literal: optional sign, decimal digits with optional point and exponent, or
//! `Inf`; `NaN` parses (and is rejected by the caller where the value is used).
NumberStatus parse_number(std::string_view token, double& out) {
  const char* begin = token.data();
  const char* end = begin + token.size();
  if (parse_plain_decimal(begin, end, out)) return NumberStatus::Ok;
  if (begin != end && *begin == '+') {
    ++begin;
    if (begin != end && (*begin == '+' || *begin == '-')) return NumberStatus::Invalid;
  }
  if (begin == end) return NumberStatus::Invalid;
  const auto [ptr, ec] = std::from_chars(begin, end, out);
  if (ec == std::errc::result_out_of_range && ptr == end) return NumberStatus::OutOfRange;
  if (ec != std::errc() || ptr != end) return NumberStatus::Invalid;
  return NumberStatus::Ok;
}

//! A whole number that fits an int.
bool as_int(double v, int& out) {
  if (!std::isfinite(v) || v != std::trunc(v)) return false;
  if (v < static_cast<double>(std::numeric_limits<int>::min()) ||
      v > static_cast<double>(std::numeric_limits<int>::max()))
    return false;
  out = static_cast<int>(v);
  return true;
}

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

class Parser {
 public:
  Parser(std::string_view text, const std::string& file, core::Diagnostics& diagnostics)
      : text_(text), file_(file), diagnostics_(diagnostics) {}

  std::optional<model::PowerCase> run();
  //! Moves the gathered diagnostics out, by position; those without a line last.
  void flush();

 private:
  // --- diagnostics
  // Gathered here and handed over in file order: some are found while reading, others (rows) only
  // when the tables are checked.
  void add(core::Severity severity, Location at, std::string message) {
    found_.push_back({severity, file_, at.line, at.column, std::move(message)});
  }
  void error(Location at, std::string message) {
    if (++errors_ > kMaxErrors) return;
    add(core::Severity::Error, at, std::move(message));
  }
  void warning(Location at, std::string message) { add(core::Severity::Warning, at, std::move(message)); }
  void note(Location at, std::string message) { add(core::Severity::Note, at, std::move(message)); }

  // --- cursor
  [[nodiscard]] bool at_end() const { return pos_ >= text_.size(); }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  [[nodiscard]] Location here() const { return {line_, static_cast<int>(pos_ - line_start_ + 1)}; }
  [[nodiscard]] bool at_continuation() const {
    return pos_ + 2 < text_.size() && text_[pos_] == '.' && text_[pos_ + 1] == '.' && text_[pos_ + 2] == '.';
  }
  //! Position of `offset`, counting lines from a known line start before it.
  [[nodiscard]] Location locate(int line, std::size_t line_start, std::size_t offset) const {
    for (std::size_t i = line_start; i < offset; ++i)
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    return {line, static_cast<int>(offset - line_start + 1)};
  }
  [[nodiscard]] Location value_location(const Matrix& m, const Matrix::Row& row, std::size_t column) const {
    return locate(row.line, row.line_start, m.offsets[row.first + column]);
  }
  //! Consumes the '\n' at the cursor.
  void newline() {
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }
  void skip_spaces() {
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r')) ++pos_;
  }
  void skip_to_line_end() {
    const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
    pos_ = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
  }
  //! At '%': a line comment up to (not including) the newline, or a `%{ ... %}` block.
  void skip_comment();
  //! At '...': the rest of the line and its newline.
  void skip_continuation() {
    skip_to_line_end();
    if (!at_end()) newline();
  }
  //! Blank space, newlines, comments and statement separators between statements.
  void skip_separators();
  //! Reads an identifier at the cursor.
  std::string_view identifier() {
    const std::size_t start = pos_;
    while (!at_end() && is_identifier_char(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  //! A number token at the cursor (up to a delimiter or `...`).
  std::string_view token() {
    const char* data = text_.data();
    const std::size_t size = text_.size(), start = pos_;
    std::size_t p = pos_;
    while (p < size && !kDelimiter[static_cast<unsigned char>(data[p])]) {
      if (data[p] == '.' && p + 2 < size && data[p + 1] == '.' && data[p + 2] == '.') break;
      ++p;
    }
    pos_ = p;
    return text_.substr(start, p - start);
  }
  //! Does the cursor (after blanks) start an assignment to a field of the case struct?
  [[nodiscard]] bool at_field_statement() const {
    std::size_t p = pos_;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    return text_.compare(p, var_.size(), var_) == 0 && p + var_.size() < text_.size() &&
           text_[p + var_.size()] == '.';
  }

  // --- statements
  void parse_function_line(Location at);
  void parse_field(Location at);
  void parse_version();
  void parse_base_mva();
  //! False if the matrix has no closing ']' (reported; the cursor is where the next statement starts).
  bool parse_matrix(Matrix& m, const std::string& name);
  //! Skips the rest of a statement (brackets, strings and continuations included) up to its ';',
  //! ',' or newline, which is not consumed.
  void skip_value();
  //! After a value: ';' or ',' or the end of the line.
  void end_statement(const std::string& field);

  // --- conversion
  std::optional<model::PowerCase> build();
  bool check_width(const Matrix& m, const char* table, const Matrix::Row& row, std::size_t index,
                   std::size_t needed);
  void note_extra_columns(const Matrix& m, const char* table, std::size_t used);
  bool finite_columns(const Matrix& m, const char* table, const Matrix::Row& row, std::size_t index,
                      std::size_t used, const char* const* names);

  std::string_view text_;
  const std::string& file_;
  core::Diagnostics& diagnostics_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  std::size_t errors_ = 0;
  std::vector<core::Diagnostic> found_;

  std::string var_ = "mpc";
  std::string name_;
  bool seen_function_ = false;
  bool version1_ = false;  //!< a version-1 file: reported once, nothing else is checked
  bool has_version_ = false;
  std::optional<double> base_mva_;
  Location base_mva_location_;
  Matrix bus_, gen_, branch_;
  std::vector<std::string> ignored_;
};

void Parser::flush() {
  auto key = [](const core::Diagnostic& d) {
    return std::pair(d.line > 0 ? d.line : std::numeric_limits<int>::max(), d.column);
  };
  std::stable_sort(found_.begin(), found_.end(),
                   [&](const core::Diagnostic& a, const core::Diagnostic& b) { return key(a) < key(b); });
  for (auto& d : found_) diagnostics_.add(std::move(d));
  found_.clear();
  if (errors_ > kMaxErrors)
    diagnostics_.error(file_, 0, 0,
                       std::to_string(errors_ - kMaxErrors) + " more errors not shown (the first " +
                           std::to_string(kMaxErrors) + " are)");
}

void Parser::skip_comment() {
  // A block comment: '%{' alone on its line, up to a line holding only '%}' (they nest).
  bool block = peek(1) == '{';
  for (std::size_t i = line_start_; block && i < pos_; ++i)
    if (text_[i] != ' ' && text_[i] != '\t') block = false;
  if (block) {
    std::size_t p = pos_ + 2;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t' || text_[p] == '\r')) ++p;
    block = p >= text_.size() || text_[p] == '\n';
  }
  if (!block) {
    skip_to_line_end();
    return;
  }
  const Location open = here();
  int depth = 0;
  while (!at_end()) {
    // The cursor is at the start of a line's content (or at '%{' for the first line).
    std::size_t p = pos_;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    std::size_t q = p;
    while (q < text_.size() && text_[q] != '\n') ++q;
    std::size_t r = q;
    while (r > p && (text_[r - 1] == ' ' || text_[r - 1] == '\t' || text_[r - 1] == '\r')) --r;
    const std::string_view content = text_.substr(p, r - p);
    if (content == "%{") ++depth;
    if (content == "%}" && --depth == 0) {
      pos_ = q;
      return;
    }
    pos_ = q;
    if (!at_end()) newline();
  }
  error(open, "unterminated block comment: '%{' has no matching '%}'");
}

void Parser::skip_separators() {
  while (!at_end()) {
    const char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\r' || c == ';' || c == ',') {
      ++pos_;
    } else if (c == '\n') {
      newline();
    } else if (c == '%') {
      skip_comment();
    } else if (c == '.' && at_continuation()) {
      skip_continuation();
    } else {
      return;
    }
  }
}

void Parser::skip_value() {
  struct Open {
    char bracket;
    Location at;
  };
  std::vector<Open> open;
  while (!at_end()) {
    const char c = text_[pos_];
    if (c == '%') {
      skip_comment();
    } else if (c == '.' && at_continuation()) {
      skip_continuation();
    } else if (c == '\n') {
      if (open.empty()) return;
      newline();
      if (at_field_statement()) {
        skip_spaces();
        error(open.back().at, std::string("unterminated '") + open.back().bracket +
                                  "': the next line starts a new '" + var_ + ".' assignment");
        return;
      }
    } else if ((c == ';' || c == ',') && open.empty()) {
      return;
    } else if (c == '"' ||
               (c == '\'' && (pos_ == 0 || !(is_identifier_char(text_[pos_ - 1]) || text_[pos_ - 1] == ')' ||
                                             text_[pos_ - 1] == ']' || text_[pos_ - 1] == '}' ||
                                             text_[pos_ - 1] == '.' || text_[pos_ - 1] == '\'')))) {
      const Location at = here();
      ++pos_;
      for (;;) {
        if (at_end() || text_[pos_] == '\n') {
          error(at, "unterminated string");
          break;
        }
        if (text_[pos_] == c) {
          ++pos_;
          if (peek() == c) {  // doubled quote
            ++pos_;
            continue;
          }
          break;
        }
        ++pos_;
      }
    } else if (c == '(' || c == '[' || c == '{') {
      open.push_back({c, here()});
      ++pos_;
    } else if (c == ')' || c == ']' || c == '}') {
      if (!open.empty()) open.pop_back();
      ++pos_;
    } else {
      ++pos_;
    }
  }
  if (!open.empty()) error(open.back().at, std::string("unterminated '") + open.back().bracket + "'");
}

void Parser::end_statement(const std::string& field) {
  skip_spaces();
  if (at_end() || peek() == '\n' || peek() == '%' || at_continuation()) return;
  if (peek() == ';' || peek() == ',') {
    ++pos_;
    return;
  }
  if (peek() == '\'' && pos_ > 0 && text_[pos_ - 1] == ']') {
    error(here(),
          "transposed matrix: '" + var_ + "." + field + "' must be written row by row, without \"'\"");
    skip_value();
    return;
  }
  error(here(), "expected ';' after the value of '" + var_ + "." + field + "', found '" +
                    std::string(1, peek()) + "'");
  skip_value();
}

void Parser::parse_function_line(Location at) {
  // After `function`: ` mpc = NAME`, ` [mpc] = NAME(...)`, or version 1's
  // ` [baseMVA, bus, gen, branch, areas, gencost] = NAME`.
  const std::size_t start = pos_;
  while (!at_end() && text_[pos_] != '\n' && text_[pos_] != '%') ++pos_;
  std::string_view rest = text_.substr(start, pos_ - start);
  std::string_view outputs, callee = rest;
  if (const auto eq = rest.find('='); eq != std::string_view::npos) {
    outputs = rest.substr(0, eq);
    callee = rest.substr(eq + 1);
  }
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  };
  outputs = trim(outputs);
  callee = trim(callee);
  if (!outputs.empty() && outputs.front() == '[' && outputs.back() == ']')
    outputs = trim(outputs.substr(1, outputs.size() - 2));
  if (outputs.find_first_of(", \t") != std::string_view::npos) {
    error(at,
          "this is a MATPOWER version 1 case file (the function returns '" + std::string(outputs) +
              "'); only version 2 is read: convert it in MATPOWER with savecase('new.m', loadcase('old.m'))");
    version1_ = true;
    return;
  }
  std::size_t n = 0;
  while (n < callee.size() && is_identifier_char(callee[n])) ++n;
  if (!seen_function_) {
    seen_function_ = true;
    if (n > 0) name_ = std::string(callee.substr(0, n));
    if (!outputs.empty()) var_ = std::string(outputs);
  }
}

void Parser::parse_version() {
  skip_spaces();
  const Location at = here();
  std::string value;
  const char quote = peek();
  if (quote == '\'' || quote == '"') {
    ++pos_;
    const std::size_t start = pos_;
    while (!at_end() && text_[pos_] != quote && text_[pos_] != '\n') ++pos_;
    if (peek() != quote) {
      error(at, "unterminated string");
      return;
    }
    value = std::string(text_.substr(start, pos_ - start));
    ++pos_;
  } else {
    const auto tok = token();
    double v = 0;
    int whole = 0;
    if (tok.empty() || parse_number(tok, v) != NumberStatus::Ok) {
      error(at, "expected the case format version, such as '2'");
      skip_value();
      return;
    }
    value = as_int(v, whole) ? std::to_string(whole) : std::string(tok);
  }
  has_version_ = true;
  if (value == "2") return;
  if (value == "1") {
    error(at,
          "MATPOWER case format version '1' is not supported; only version 2 is read: convert the file "
          "in MATPOWER with savecase('new.m', loadcase('old.m'))");
    version1_ = true;
    return;
  }
  error(at, "unknown MATPOWER case format version '" + value + "'; only version '2' is read");
}

void Parser::parse_base_mva() {
  skip_spaces();
  const Location at = here();
  base_mva_location_ = at;
  base_mva_ = 0;  // present from here on, even if wrong
  double value = 0;
  if (peek() == '[') {  // `[100]` is the same scalar
    Matrix m;
    if (!parse_matrix(m, "baseMVA")) return;
    if (m.values.size() != 1 || m.rows.size() != 1 || m.rows[0].bad) {
      if (!(m.rows.size() == 1 && m.rows[0].bad)) error(at, "baseMVA must be a single number");
      return;
    }
    value = m.values[0];
  } else {
    const auto tok = token();
    const auto status = tok.empty() ? NumberStatus::Invalid : parse_number(tok, value);
    if (status != NumberStatus::Ok) {
      error(at, status == NumberStatus::OutOfRange
                    ? "number out of range: '" + std::string(tok) + "'"
                    : "baseMVA must be a number, found '" +
                          std::string(tok.empty() ? text_.substr(pos_, 1) : tok) + "'");
      skip_value();
      return;
    }
  }
  if (!(value > 0) || !std::isfinite(value)) {
    error(at, "baseMVA must be a positive number, found " + number_text(value));
    return;
  }
  base_mva_ = value;
}

bool Parser::parse_matrix(Matrix& m, const std::string& name) {
  skip_spaces();
  m.present = true;  // assigned, even if not readable
  if (peek() != '[') {
    error(here(), "expected '[' to start the '" + name + "' matrix (only literal matrices are read)");
    skip_value();
    return false;
  }
  const Location open = here();
  ++pos_;
  Matrix::Row row;
  auto end_row = [&] {
    if (row.count > 0) m.rows.push_back(row);
    row = Matrix::Row{};
  };
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    switch (c) {
      case ' ':
      case '\t':
      case '\r':
      case ',':
        ++pos_;
        continue;
      case '\n':
        end_row();
        newline();
        continue;
      case ';':
        end_row();
        ++pos_;
        continue;
      case '%':
        skip_comment();
        continue;
      case ']':
        end_row();
        ++pos_;
        return true;
      case '[':
      case '{':
      case '}':
        error(here(), std::string("unexpected '") + c + "' inside the '" + name + "' matrix");
        row.bad = true;
        ++pos_;
        continue;
      default:
        break;
    }
    if (c == '.' && at_continuation()) {
      skip_continuation();
      continue;
    }
    const std::size_t start = pos_;
    const Location at = here();
    const auto tok = token();
    if (is_identifier_start(c) && tok.size() > var_.size() && tok.compare(0, var_.size(), var_) == 0 &&
        tok[var_.size()] == '.') {
      // A missing ']': the next assignment starts. Leave it to the statement loop.
      error(open, "unterminated matrix '" + name + "': '[' has no matching ']' before '" + std::string(tok) +
                      "' on line " + std::to_string(at.line));
      pos_ = start;
      end_row();
      return false;
    }
    if (row.count == 0) {
      row.line = line_;
      row.line_start = static_cast<std::uint32_t>(line_start_);
      row.first = static_cast<std::uint32_t>(m.values.size());
    }
    double value = 0;
    const auto status = parse_number(tok, value);
    if (status != NumberStatus::Ok) {
      error(at, status == NumberStatus::OutOfRange ? "number out of range: '" + std::string(tok) + "'"
                                                   : "expected a number, found '" + std::string(tok) + "'");
      row.bad = true;
      value = std::numeric_limits<double>::quiet_NaN();
    }
    m.values.push_back(value);
    m.offsets.push_back(static_cast<std::uint32_t>(start));
    ++row.count;
  }
  end_row();
  error(open, "unterminated matrix '" + name + "': '[' has no matching ']'");
  return false;
}

void Parser::parse_field(Location at) {
  // At the '.' after the struct's name.
  ++pos_;
  std::string field(identifier());
  if (field.empty()) {
    error(here(), "expected a field name after '" + var_ + ".'");
    skip_value();
    return;
  }
  while (peek() == '.' && is_identifier_start(peek(1))) {  // nested: mpc.a.b
    ++pos_;
    field += '.';
    field += identifier();
  }
  skip_spaces();
  const bool known =
      field == "version" || field == "baseMVA" || field == "bus" || field == "gen" || field == "branch";
  if (known && (peek() == '(' || peek() == '{')) {
    error(here(),
          "indexed assignment to '" + var_ + "." + field +
              "' is not supported: the reader takes whole literal values, it does not run MATLAB code");
    skip_value();
    return;
  }
  if (known && (peek() != '=' || peek(1) == '=')) {
    error(here(), "expected '=' after '" + var_ + "." + field + "'");
    skip_value();
    return;
  }
  if (!known) {
    bool seen = false;
    for (const auto& f : ignored_) seen = seen || f == field;
    if (!seen) {
      note(at, "ignored field '" + field + "'");
      ignored_.push_back(field);
    }
    skip_value();
    return;
  }
  ++pos_;  // '='
  skip_spaces();
  while (at_continuation()) {
    skip_continuation();
    skip_spaces();
  }
  if (field == "version") {
    parse_version();
  } else if (field == "baseMVA") {
    if (base_mva_) {
      error(at, "'" + var_ + ".baseMVA' is assigned twice (first on line " +
                    std::to_string(base_mva_location_.line) + ")");
      skip_value();
      return;
    }
    parse_base_mva();
  } else {
    Matrix& m = field == "bus" ? bus_ : field == "gen" ? gen_ : branch_;
    if (m.present) {
      error(at, "'" + var_ + "." + field + "' is assigned twice (first on line " +
                    std::to_string(m.location.line) + ")");
      skip_value();
      return;
    }
    m.location = at;
    if (!parse_matrix(m, field)) return;
  }
  end_statement(field);
}

std::optional<model::PowerCase> Parser::run() {
  if (text_.size() > kMaxInputBytes) {
    error({}, "file is " + std::to_string(text_.size()) + " bytes; the limit is " +
                  std::to_string(kMaxInputBytes));
    return std::nullopt;
  }
  if (text_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    error({1, 1}, "empty file: expected a MATPOWER case ('function mpc = NAME' and 'mpc.bus = [...]' etc.)");
    return std::nullopt;
  }
  while (!version1_) {
    skip_separators();
    if (at_end()) break;
    const Location at = here();
    const char c = text_[pos_];
    if (!is_identifier_start(c)) {
      error(at,
            "unexpected '" + std::string(1, c) + "': expected an assignment '" + var_ + ".FIELD = value;'");
      ++pos_;
      skip_value();
      continue;
    }
    const auto word = identifier();
    if (word == "function") {
      parse_function_line(at);
      continue;
    }
    if (word == "end" || word == "endfunction" || word == "return") continue;
    if (word == var_ && peek() == '.') {
      parse_field(at);
      continue;
    }
    skip_spaces();
    if ((word == "baseMVA" || word == "bus" || word == "gen" || word == "branch") && peek() == '=' &&
        peek(1) != '=') {
      error(at, "'" + std::string(word) +
                    " = ...' is the MATPOWER version 1 case format; only version 2 is read: convert the file "
                    "in MATPOWER with savecase('new.m', loadcase('old.m'))");
      version1_ = true;
      break;
    }
    error(at, "unsupported statement '" + std::string(word) + "': only assignments '" + var_ +
                  ".FIELD = value;' are read");
    skip_value();
  }
  if (version1_) return std::nullopt;
  return build();
}

bool Parser::check_width(const Matrix& m, const char* table, const Matrix::Row& row, std::size_t index,
                         std::size_t needed) {
  const std::size_t width = m.rows.front().count;
  if (row.count < needed) {
    error(value_location(m, row, 0), std::string(table) + " row " + std::to_string(index + 1) + " has " +
                                         std::to_string(row.count) + " columns; at least " +
                                         std::to_string(needed) + " are needed");
    return false;
  }
  if (row.count != width) {
    error(value_location(m, row, 0), std::string(table) + " row " + std::to_string(index + 1) + " has " +
                                         std::to_string(row.count) + " columns but row 1 has " +
                                         std::to_string(width) + "; every row of a matrix must have as many");
    return false;
  }
  return true;
}

void Parser::note_extra_columns(const Matrix& m, const char* table, std::size_t used) {
  if (m.rows.empty() || m.rows.front().count <= used) return;
  const std::size_t width = m.rows.front().count;
  note(m.location,
       std::string(table) + " has " + std::to_string(width) + " columns; only the first " +
           std::to_string(used) + " are read (" +
           (width == used + 1 ? "column " + std::to_string(width)
                              : "columns " + std::to_string(used + 1) + "-" + std::to_string(width)) +
           " ignored)");
}

bool Parser::finite_columns(const Matrix& m, const char* table, const Matrix::Row& row, std::size_t index,
                            std::size_t used, const char* const* names) {
  bool ok = true;
  for (std::size_t c = 0; c < used && c < row.count; ++c)
    if (std::isnan(m.at(row, c))) {
      error(value_location(m, row, c),
            std::string(table) + " row " + std::to_string(index + 1) + ": " + names[c] + " is NaN");
      ok = false;
    }
  return ok;
}

std::optional<model::PowerCase> Parser::build() {
  model::PowerCase pc;
  pc.file = file_;
  pc.name = name_.empty() ? std::filesystem::path(file_).stem().string() : name_;

  if (!has_version_) warning({}, "no '" + var_ + ".version' field; reading the file as version 2");
  if (!base_mva_) error({}, "missing '" + var_ + ".baseMVA'");
  for (auto* m : {&bus_, &gen_, &branch_})
    if (!m->present)
      error({}, "missing '" + var_ + "." + (m == &bus_ ? "bus" : m == &gen_ ? "gen" : "branch") + "' matrix");
  if (base_mva_) pc.base_mva = *base_mva_;

  // Buses. Every bus number that can be read is remembered, even on a faulty row, so that a gen or
  // branch naming it does not add a second, misleading error.
  std::unordered_map<int, int> known;  // bus number -> row
  known.reserve(bus_.rows.size());
  bool has_reference = false;
  bool numbers_complete = true;  // every bus row's number could be read
  bool types_complete = true;    // and its type
  if (bus_.present && bus_.rows.empty()) error(bus_.location, "'" + var_ + ".bus' has no rows");
  pc.buses.reserve(bus_.rows.size());
  for (std::size_t i = 0; i < bus_.rows.size(); ++i) {
    const auto& row = bus_.rows[i];
    auto where = [i] { return "bus row " + std::to_string(i + 1); };
    int number = 0;
    const bool number_ok = as_int(bus_.at(row, 0), number) && number > 0;
    numbers_complete = numbers_complete && number_ok;
    if (number_ok) {
      const auto [it, inserted] = known.emplace(number, static_cast<int>(i));
      if (!inserted) {
        error(value_location(bus_, row, 0), where() + " has bus number " + std::to_string(number) +
                                                ", already used by row " + std::to_string(it->second + 1) +
                                                " (line " + std::to_string(bus_.rows[it->second].line) + ")");
        continue;
      }
    }
    if (row.count < 2 || std::isnan(bus_.at(row, 1))) types_complete = false;
    if (row.count >= 2 && bus_.at(row, 1) == 3) has_reference = true;
    if (row.bad || !check_width(bus_, "bus", row, i, kBusColumns) ||
        !finite_columns(bus_, "bus", row, i, kBusColumns, kBusNames.data()))
      continue;
    if (!number_ok) {
      error(value_location(bus_, row, 0),
            where() + ": bus_i must be a positive whole number, found " + number_text(bus_.at(row, 0)));
      continue;
    }
    model::PowerBus bus;
    bus.number = number;
    bus.line = row.line;
    int type = 0;
    if (!as_int(bus_.at(row, 1), type) || type < 1 || type > 4) {
      error(value_location(bus_, row, 1), where() + " has unknown bus type " + number_text(bus_.at(row, 1)) +
                                              " (1 = PQ, 2 = PV, 3 = reference, 4 = isolated)");
      continue;
    }
    bus.type = static_cast<model::BusType>(type);
    bool whole = true;
    for (std::size_t c : {std::size_t{6}, std::size_t{10}}) {
      int v = 0;
      if (!as_int(bus_.at(row, c), v)) {
        error(
            value_location(bus_, row, c),
            where() + ": " + kBusNames[c] + " must be a whole number, found " + number_text(bus_.at(row, c)));
        whole = false;
      }
      (c == 6 ? bus.area : bus.zone) = v;
    }
    if (!whole) continue;
    bus.pd_mw = bus_.at(row, 2);
    bus.qd_mvar = bus_.at(row, 3);
    bus.gs_mw = bus_.at(row, 4);
    bus.bs_mvar = bus_.at(row, 5);
    bus.vm_pu = bus_.at(row, 7);
    bus.va_deg = bus_.at(row, 8);
    bus.base_kv = bus_.at(row, 9);
    bus.vmax_pu = bus_.at(row, 11);
    bus.vmin_pu = bus_.at(row, 12);
    pc.buses.push_back(bus);
  }
  if (!bus_.rows.empty() && !has_reference && types_complete)
    error(bus_.location,
          "no reference bus (type 3) in '" + var_ + ".bus': MATPOWER needs one to solve a power flow");
  note_extra_columns(bus_, "bus", kBusColumns);

  // A reference from a gen or branch row to a bus; true if it exists (or cannot be judged because
  // some bus numbers could not be read).
  auto check_bus = [&](const Matrix& m, const Matrix::Row& row, std::size_t column, const char* table,
                       std::size_t index, int& number) {
    auto where = [&] { return std::string(table) + " row " + std::to_string(index + 1); };
    if (!as_int(m.at(row, column), number) || number <= 0) {
      error(value_location(m, row, column),
            where() + ": " + (&m == &gen_ ? kGenNames.data() : kBranchNames.data())[column] +
                " must be a positive whole number, found " + number_text(m.at(row, column)));
      return false;
    }
    if (numbers_complete && known.count(number) == 0) {
      error(value_location(m, row, column),
            where() + " refers to bus " + std::to_string(number) + ", which does not exist");
      return false;
    }
    return true;
  };

  pc.gens.reserve(gen_.rows.size());
  for (std::size_t i = 0; i < gen_.rows.size(); ++i) {
    const auto& row = gen_.rows[i];
    if (row.bad || !check_width(gen_, "gen", row, i, kGenColumns) ||
        !finite_columns(gen_, "gen", row, i, kGenColumns, kGenNames.data()))
      continue;
    model::PowerGen gen;
    if (!check_bus(gen_, row, 0, "gen", i, gen.bus)) continue;
    gen.line = row.line;
    gen.pg_mw = gen_.at(row, 1);
    gen.qg_mvar = gen_.at(row, 2);
    gen.qmax_mvar = gen_.at(row, 3);
    gen.qmin_mvar = gen_.at(row, 4);
    gen.vg_pu = gen_.at(row, 5);
    gen.mbase_mva = gen_.at(row, 6);
    gen.in_service = gen_.at(row, 7) > 0;  // MATPOWER: GEN_STATUS > 0 is in service
    gen.pmax_mw = gen_.at(row, 8);
    gen.pmin_mw = gen_.at(row, 9);
    pc.gens.push_back(gen);
  }
  note_extra_columns(gen_, "gen", kGenColumns);

  pc.branches.reserve(branch_.rows.size());
  for (std::size_t i = 0; i < branch_.rows.size(); ++i) {
    const auto& row = branch_.rows[i];
    if (row.bad || !check_width(branch_, "branch", row, i, kBranchColumns) ||
        !finite_columns(branch_, "branch", row, i, std::min<std::size_t>(row.count, kBranchAllColumns),
                        kBranchNames.data()))
      continue;
    model::PowerBranch br;
    const bool from_ok = check_bus(branch_, row, 0, "branch", i, br.from);
    const bool to_ok = check_bus(branch_, row, 1, "branch", i, br.to);
    if (!from_ok || !to_ok) continue;
    br.line = row.line;
    br.r_pu = branch_.at(row, 2);
    br.x_pu = branch_.at(row, 3);
    br.b_pu = branch_.at(row, 4);
    br.rate_a_mva = branch_.at(row, 5);
    br.rate_b_mva = branch_.at(row, 6);
    br.rate_c_mva = branch_.at(row, 7);
    br.ratio = branch_.at(row, 8);
    br.shift_deg = branch_.at(row, 9);
    br.in_service = branch_.at(row, 10) != 0;  // MATPOWER: any nonzero BR_STATUS is in service
    if (row.count > 11) br.angmin_deg = branch_.at(row, 11);
    if (row.count > 12) br.angmax_deg = branch_.at(row, 12);
    pc.branches.push_back(br);
  }
  note_extra_columns(branch_, "branch", kBranchAllColumns);

  if (errors_ > 0) return std::nullopt;
  if (!pc.index_buses()) {  // duplicates were reported above; this cannot fail here
    error({}, "duplicate bus numbers");
    return std::nullopt;
  }
  return pc;
}

}  // namespace

MatpowerResult parse_matpower(std::string_view text, const std::string& display_name) {
  MatpowerResult result;
  try {
    Parser parser(text, display_name, result.diagnostics);
    result.power_case = parser.run();
    parser.flush();
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
