#include "blackstart/core/diagnostic.hpp"

#include <algorithm>
#include <string_view>

namespace blackstart::core {

std::string format(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("<input>") : d.file;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  switch (d.severity) {
    case Severity::Error:
      out += ": error: ";
      break;
    case Severity::Warning:
      out += ": warning: ";
      break;
    case Severity::Note:
      out += ": note: ";
      break;
  }
  out += d.message;
  const std::string snippet = format_snippet(d);
  return snippet.empty() ? out : out + '\n' + snippet;
}

std::string format_snippet(const Diagnostic& d) {
  if (d.source_line.empty() || d.line <= 0) return {};
  // A long line (minified input) is cut to a window around the column, as compilers do.
  constexpr std::size_t kWidth = 100;
  std::string_view line = d.source_line;
  std::size_t column = d.column > 0 ? static_cast<std::size_t>(d.column - 1) : 0;
  std::string prefix;
  if (line.size() > kWidth) {
    const std::size_t start = column > kWidth / 2 ? std::min(column - kWidth / 2, line.size() - kWidth) : 0;
    line = line.substr(start, kWidth);
    column -= start;
    if (start > 0) prefix = "...";
  }
  const std::string number = std::to_string(d.line);
  std::string out = std::string(std::max<std::size_t>(number.size(), 4) - number.size() + 1, ' ') + number +
                    " | " + prefix + std::string(line) + '\n';
  out +=
      std::string(std::max<std::size_t>(number.size(), 4) + 1, ' ') + " | " + std::string(prefix.size(), ' ');
  // Tabs are copied so that the caret lines up however the terminal shows them.
  for (std::size_t i = 0; i < column && i < line.size(); ++i) out += line[i] == '\t' ? '\t' : ' ';
  if (d.column > 0) out += '^';
  return out;
}

void Diagnostics::error(std::string file, int line, int column, std::string message) {
  items_.push_back({Severity::Error, std::move(file), line, column, std::move(message), {}});
}
void Diagnostics::warning(std::string file, int line, int column, std::string message) {
  items_.push_back({Severity::Warning, std::move(file), line, column, std::move(message), {}});
}
void Diagnostics::note(std::string file, int line, int column, std::string message) {
  items_.push_back({Severity::Note, std::move(file), line, column, std::move(message), {}});
}
void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}
bool Diagnostics::has_errors() const {
  return error_count() > 0;
}
std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}
std::string Diagnostics::to_string() const {
  std::string out;
  for (const auto& d : items_) out += format(d) + '\n';
  return out;
}

}  // namespace blackstart::core
