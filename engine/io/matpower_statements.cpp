#include "matpower_statements.hpp"

#include <algorithm>
#include <limits>

namespace blackstart::io::matpower {

Location locate(std::string_view text, int line, std::size_t line_start, std::size_t offset) {
  for (std::size_t i = line_start; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, static_cast<int>(offset - line_start + 1)};
}

void Report::flush(core::Diagnostics& diagnostics) {
  auto key = [](const core::Diagnostic& d) {
    return std::pair(d.line > 0 ? d.line : std::numeric_limits<int>::max(), d.column);
  };
  std::stable_sort(found_.begin(), found_.end(),
                   [&](const core::Diagnostic& a, const core::Diagnostic& b) { return key(a) < key(b); });
  for (auto& d : found_) diagnostics.add(std::move(d));
  found_.clear();
  if (errors_ > kMaxErrors)
    diagnostics.error(file_, 0, 0,
                      std::to_string(errors_ - kMaxErrors) + " more errors not shown (the first " +
                          std::to_string(kMaxErrors) + " are)");
}

}  // namespace blackstart::io::matpower
