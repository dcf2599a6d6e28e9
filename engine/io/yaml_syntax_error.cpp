#include "yaml_syntax_error.hpp"

#include <algorithm>
#include <vector>

namespace blackstart::io {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

struct Opener {
  int line = 0;    // 0-based
  int column = 0;  // 0-based
};

//! The innermost `[` or `{` still open at (line, column), skipping quoted text and comments; a
//! line of `line` below zero when all are closed. Quotes do not span lines in the flows looked at.
Opener unclosed_flow(const std::vector<std::string_view>& lines, int line, int column) {
  std::vector<Opener> open;
  for (int l = 0; l < static_cast<int>(lines.size()) && l <= line; ++l) {
    const std::string_view text = lines[static_cast<std::size_t>(l)];
    char quote = 0;
    for (int c = 0; c < static_cast<int>(text.size()); ++c) {
      if (l == line && c >= column) break;
      const char ch = text[static_cast<std::size_t>(c)];
      if (quote) {
        if (ch == quote) quote = 0;
        continue;
      }
      if (ch == '#' && (c == 0 || text[static_cast<std::size_t>(c) - 1] == ' ')) break;  // a comment
      if ((ch == '"' || ch == '\'') && !open.empty()) quote = ch;
      if (ch == '[' || ch == '{') open.push_back({l, c});
      if ((ch == ']' || ch == '}') && !open.empty()) open.pop_back();
    }
  }
  return open.empty() ? Opener{-1, 0} : open.back();
}

int indentation(std::string_view line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? -1 : static_cast<int>(first);
}

bool is_blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

core::Diagnostic at(core::Severity severity, const std::string& file,
                    const std::vector<std::string_view>& lines, int line0, int column0, std::string message) {
  core::Diagnostic d{severity, file, line0 + 1, column0 + 1, std::move(message), {}};
  if (line0 >= 0 && line0 < static_cast<int>(lines.size()))
    d.source_line = std::string(lines[static_cast<std::size_t>(line0)]);
  return d;
}

}  // namespace

core::Diagnostics yaml_syntax_diagnostics(std::string_view text, const std::string& file, int line0,
                                          int column0, const std::string& parser_message) {
  const auto lines = split_lines(text);
  core::Diagnostics out;
  const bool flow_not_closed =
      parser_message == "end of map flow not found" || parser_message == "end of sequence flow not found";
  if (flow_not_closed) {
    const Opener opener = unclosed_flow(lines, line0, column0);
    if (opener.line >= 0 && opener.line != line0) {
      const char bracket =
          lines[static_cast<std::size_t>(opener.line)][static_cast<std::size_t>(opener.column)];
      out.add(at(
          core::Severity::Error, file, lines, opener.line, opener.column,
          std::string("YAML syntax error: this '") + bracket + "' is never closed (" + parser_message + ")"));
      return out;
    }
  }
  out.add(at(core::Severity::Error, file, lines, line0, column0, "YAML syntax error: " + parser_message));
  // "key value" without its ':' runs into the next line's key, and the parser stops there.
  if (parser_message == "illegal map value" && line0 > 0 && line0 < static_cast<int>(lines.size())) {
    int previous = line0 - 1;
    while (previous >= 0 && is_blank_or_comment(lines[static_cast<std::size_t>(previous)])) --previous;
    const std::string_view here = lines[static_cast<std::size_t>(line0)];
    const std::string_view before = here.substr(0, std::min(here.size(), static_cast<std::size_t>(column0)));
    if (previous >= 0 && before.find(':') == std::string_view::npos) {
      const std::string_view prev = lines[static_cast<std::size_t>(previous)];
      const int indent = indentation(prev);
      if (indent == indentation(here) && prev.find(':') == std::string_view::npos &&
          prev.find_first_of("[{\"'") == std::string_view::npos)
        out.add(at(core::Severity::Note, file, lines, previous, indent,
                   "this line has no ':' after its key, so the parser read on into the next line"));
    }
  }
  return out;
}

}  // namespace blackstart::io
