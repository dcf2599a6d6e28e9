#include "blackstart/core/diagnostic.hpp"

#include <algorithm>

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
  return out + d.message;
}

void Diagnostics::error(std::string file, int line, int column, std::string message) {
  items_.push_back({Severity::Error, std::move(file), line, column, std::move(message)});
}
void Diagnostics::warning(std::string file, int line, int column, std::string message) {
  items_.push_back({Severity::Warning, std::move(file), line, column, std::move(message)});
}
void Diagnostics::note(std::string file, int line, int column, std::string message) {
  items_.push_back({Severity::Note, std::move(file), line, column, std::move(message)});
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
