#pragma once
// The MATPOWER statement parser: reads a case file as data. A MATPOWER case is a MATLAB function, but
// the standard ones only assign literals to fields of the returned struct. Those assignments are
// tokenised by hand (this runs on multi-megabyte cases); anything that would need MATLAB to
// evaluate is an error. What the assignments mean is matpower_case_builder's job.
#include <string>
#include <string_view>
#include <vector>

#include "matpower_statements.hpp"

namespace blackstart::io::matpower {

class StatementParser {
 public:
  StatementParser(std::string_view text, Report& report) : text_(text), report_(report) {}

  //! Reads every statement; false when there is nothing to build (too large, empty, version 1).
  bool run();
  [[nodiscard]] const Statements& statements() const { return case_; }

 private:
  void error(Location at, std::string message) { report_.error(at, std::move(message)); }
  void note(Location at, std::string message) { report_.note(at, std::move(message)); }

  // --- cursor
  [[nodiscard]] bool at_end() const { return pos_ >= text_.size(); }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  [[nodiscard]] Location here() const { return {line_, static_cast<int>(pos_ - line_start_ + 1)}; }
  [[nodiscard]] bool at_continuation() const {
    return pos_ + 2 < text_.size() && text_[pos_] == '.' && text_[pos_ + 1] == '.' && text_[pos_ + 2] == '.';
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
  void skip_to_line_end();
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
  std::string_view identifier();
  //! A number token at the cursor (up to a delimiter or `...`).
  std::string_view token();
  //! Does the cursor (after blanks) start an assignment to a field of the case struct?
  [[nodiscard]] bool at_field_statement() const;

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

  std::string_view text_;
  Report& report_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  bool seen_function_ = false;
  Statements case_;
  std::vector<std::string> ignored_;
};

}  // namespace blackstart::io::matpower
