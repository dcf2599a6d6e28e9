#include "matpower_parser.hpp"

#include <array>
#include <cmath>
#include <cstring>
#include <limits>

#include "blackstart/io/scenario_loader.hpp"
#include "matpower_numbers.hpp"

namespace blackstart::io::matpower {

namespace {

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

}  // namespace

void StatementParser::skip_to_line_end() {
  const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
  pos_ = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
}

std::string_view StatementParser::identifier() {
  const std::size_t start = pos_;
  while (!at_end() && is_identifier_char(text_[pos_])) ++pos_;
  return text_.substr(start, pos_ - start);
}

std::string_view StatementParser::token() {
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

bool StatementParser::at_field_statement() const {
  std::size_t p = pos_;
  while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
  return text_.compare(p, case_.var.size(), case_.var) == 0 && p + case_.var.size() < text_.size() &&
         text_[p + case_.var.size()] == '.';
}

void StatementParser::skip_comment() {
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

void StatementParser::skip_separators() {
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

void StatementParser::skip_value() {
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
                                  "': the next line starts a new '" + case_.var + ".' assignment");
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

void StatementParser::end_statement(const std::string& field) {
  skip_spaces();
  if (at_end() || peek() == '\n' || peek() == '%' || at_continuation()) return;
  if (peek() == ';' || peek() == ',') {
    ++pos_;
    return;
  }
  if (peek() == '\'' && pos_ > 0 && text_[pos_ - 1] == ']') {
    error(here(),
          "transposed matrix: '" + case_.var + "." + field + "' must be written row by row, without \"'\"");
    skip_value();
    return;
  }
  error(here(), "expected ';' after the value of '" + case_.var + "." + field + "', found '" +
                    std::string(1, peek()) + "'");
  skip_value();
}

void StatementParser::parse_function_line(Location at) {
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
    case_.version1 = true;
    return;
  }
  std::size_t n = 0;
  while (n < callee.size() && is_identifier_char(callee[n])) ++n;
  if (!seen_function_) {
    seen_function_ = true;
    if (n > 0) case_.name = std::string(callee.substr(0, n));
    if (!outputs.empty()) case_.var = std::string(outputs);
  }
}

void StatementParser::parse_version() {
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
  case_.has_version = true;
  if (value == "2") return;
  if (value == "1") {
    error(at,
          "MATPOWER case format version '1' is not supported; only version 2 is read: convert the file "
          "in MATPOWER with savecase('new.m', loadcase('old.m'))");
    case_.version1 = true;
    return;
  }
  error(at, "unknown MATPOWER case format version '" + value + "'; only version '2' is read");
}

void StatementParser::parse_base_mva() {
  skip_spaces();
  const Location at = here();
  case_.base_mva_location = at;
  case_.base_mva = 0;  // present from here on, even if wrong
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
  case_.base_mva = value;
}

bool StatementParser::parse_matrix(Matrix& m, const std::string& name) {
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
    if (is_identifier_start(c) && tok.size() > case_.var.size() &&
        tok.compare(0, case_.var.size(), case_.var) == 0 && tok[case_.var.size()] == '.') {
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

void StatementParser::parse_field(Location at) {
  // At the '.' after the struct's name.
  ++pos_;
  std::string field(identifier());
  if (field.empty()) {
    error(here(), "expected a field name after '" + case_.var + ".'");
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
          "indexed assignment to '" + case_.var + "." + field +
              "' is not supported: the reader takes whole literal values, it does not run MATLAB code");
    skip_value();
    return;
  }
  if (known && (peek() != '=' || peek(1) == '=')) {
    error(here(), "expected '=' after '" + case_.var + "." + field + "'");
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
    if (case_.base_mva) {
      error(at, "'" + case_.var + ".baseMVA' is assigned twice (first on line " +
                    std::to_string(case_.base_mva_location.line) + ")");
      skip_value();
      return;
    }
    parse_base_mva();
  } else {
    Matrix& m = field == "bus" ? case_.bus : field == "gen" ? case_.gen : case_.branch;
    if (m.present) {
      error(at, "'" + case_.var + "." + field + "' is assigned twice (first on line " +
                    std::to_string(m.location.line) + ")");
      skip_value();
      return;
    }
    m.location = at;
    if (!parse_matrix(m, field)) return;
  }
  end_statement(field);
}

bool StatementParser::run() {
  if (text_.size() > kMaxInputBytes) {
    error({}, "file is " + std::to_string(text_.size()) + " bytes; the limit is " +
                  std::to_string(kMaxInputBytes));
    return false;
  }
  if (text_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    error({1, 1}, "empty file: expected a MATPOWER case ('function mpc = NAME' and 'mpc.bus = [...]' etc.)");
    return false;
  }
  while (!case_.version1) {
    skip_separators();
    if (at_end()) break;
    const Location at = here();
    const char c = text_[pos_];
    if (!is_identifier_start(c)) {
      error(at, "unexpected '" + std::string(1, c) + "': expected an assignment '" + case_.var +
                    ".FIELD = value;'");
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
    if (word == case_.var && peek() == '.') {
      parse_field(at);
      continue;
    }
    skip_spaces();
    if ((word == "baseMVA" || word == "bus" || word == "gen" || word == "branch") && peek() == '=' &&
        peek(1) != '=') {
      // Appended rather than `"'" + std::string(word)`, which trips GCC 12's -Wrestrict false positive.
      std::string message(1, '\'');
      message.append(word).append(
          " = ...' is the MATPOWER version 1 case format; only version 2 is read: convert the file "
          "in MATPOWER with savecase('new.m', loadcase('old.m'))");
      error(at, std::move(message));
      case_.version1 = true;
      break;
    }
    error(at, "unsupported statement '" + std::string(word) + "': only assignments '" + case_.var +
                  ".FIELD = value;' are read");
    skip_value();
  }
  return !case_.version1;
}

}  // namespace blackstart::io::matpower
