#pragma once
#include <string>
#include <vector>

namespace blackstart::core {

enum class Severity { Note, Warning, Error };

//! One problem found in an input, located as precisely as the input allows (line/column 1-based, 0 =
//! unknown).
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  //! The offending line of the input, shown under the message with a caret at `column`; empty
  //! when there is none to show.
  std::string source_line;
};

//! Formats as `file:line:col: error: message`, the form compilers and editors understand; with a
//! source line, two more lines follow: `   7 | the line` and a caret under the column.
std::string format(const Diagnostic& diagnostic);
//! Just the source line and its caret (two lines, no final newline), or empty without a source line.
std::string format_snippet(const Diagnostic& diagnostic);

//! Gathers every problem of one pass so a user sees them all at once.
class Diagnostics {
 public:
  void error(std::string file, int line, int column, std::string message);
  void warning(std::string file, int line, int column, std::string message);
  void note(std::string file, int line, int column, std::string message);
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void append(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t error_count() const;
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  //! All diagnostics, one per line, in the order found.
  [[nodiscard]] std::string to_string() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace blackstart::core
