#include "controllers/defence_text.hpp"

#include <vector>

#include "blackstart/io/scenario_writer.hpp"

namespace blackstart::gui {

namespace {

//! One line of the text: where it starts and ends (before its '\n'), and its indentation.
struct Line {
  std::size_t begin = 0, end = 0;
  std::size_t indent = 0;
  bool content = false;  //!< not blank and not only a comment
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    Line line{begin, end, 0, false};
    std::size_t stop = end;
    if (stop > begin && text[stop - 1] == '\r') --stop;
    while (begin + line.indent < stop && text[begin + line.indent] == ' ') ++line.indent;
    line.content = begin + line.indent < stop && text[begin + line.indent] != '#';
    lines.push_back(line);
    if (end == text.size()) break;
    begin = end + 1;
  }
  return lines;
}

std::string_view content_of(std::string_view text, const Line& line) {
  std::string_view s = text.substr(line.begin, line.end - line.begin);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

//! The end of a line's value: before a ` #` comment and trailing spaces.
std::size_t value_end(std::string_view line, std::size_t from) {
  std::size_t end = line.size();
  for (std::size_t i = from; i < line.size(); ++i)
    if (line[i] == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
      end = i;
      break;
    }
  while (end > from && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  return end;
}

bool is_key(std::string_view s, std::string_view key) {
  if (s.substr(0, key.size()) != key) return false;
  std::size_t i = key.size();
  while (i < s.size() && s[i] == ' ') ++i;
  return i < s.size() && s[i] == ':';
}

std::string newline_of(std::string_view text, const Line& line) {
  return line.end > line.begin && text[line.end - 1] == '\r' ? "\r\n" : "\n";
}

//! Inserts `new_line` after line `after` (which may be the last line, without a newline).
std::string insert_line_after(std::string_view text, const Line& after, const std::string& new_line) {
  const std::string nl = newline_of(text, after);
  std::string out(text.substr(0, after.end));
  if (after.end == text.size()) return out + nl + new_line + nl;
  out += '\n';
  out += new_line + nl;
  out += text.substr(after.end + 1);
  return out;
}

std::optional<std::string> set_in_flow(std::string_view text, std::size_t open, std::string_view name,
                                       bool enabled) {
  // Find the closing brace, skipping quoted strings and nested collections; note a top-level
  // `enabled:` on the way.
  int depth = 0;
  char quote = 0;
  std::size_t close = std::string_view::npos, value_begin = 0, value_stop = 0;
  bool in_enabled_value = false;
  for (std::size_t i = open; i < text.size() && close == std::string_view::npos; ++i) {
    const char ch = text[i];
    if (quote) {
      if (ch == '\\' && quote == '"')
        ++i;
      else if (ch == quote)
        quote = 0;
      continue;
    }
    if (in_enabled_value && depth == 1 && (ch == ',' || ch == '}')) {
      value_stop = i;
      in_enabled_value = false;
    }
    switch (ch) {
      case '"':
      case '\'':
        quote = ch;
        break;
      case '{':
      case '[':
        ++depth;
        break;
      case ']':
        --depth;
        break;
      case '}':
        if (--depth == 0) close = i;
        break;
      default:
        if (depth == 1 && is_key(text.substr(i), "enabled") &&
            (text[i - 1] == '{' || text[i - 1] == ',' || text[i - 1] == ' ' || text[i - 1] == '\n')) {
          value_begin = text.find(':', i) + 1;
          i = value_begin - 1;
          in_enabled_value = true;
        }
    }
  }
  if (close == std::string_view::npos) return std::nullopt;
  if (text.substr(open, close - open).find(name) == std::string_view::npos) return std::nullopt;
  const std::string value = enabled ? "true" : "false";
  if (value_stop > value_begin) {
    while (value_stop > value_begin &&
           (text[value_stop - 1] == ' ' || text[value_stop - 1] == '\n' || text[value_stop - 1] == '\r'))
      --value_stop;
    return std::string(text.substr(0, value_begin)) + " " + value + std::string(text.substr(value_stop));
  }
  std::size_t at = close;
  while (at > open + 1 && (text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '\r')) --at;
  return std::string(text.substr(0, at)) + ", enabled: " + value + std::string(text.substr(at));
}

std::optional<std::string> set_in_block(std::string_view text, const std::vector<Line>& lines,
                                        std::size_t first, std::size_t column, std::string_view name,
                                        bool enabled) {
  // The mapping: its first line, then lines indented deeper than its keys, further keys at its
  // column, and list items at its column under a key that opens a block (`counters:` then `- ...`).
  std::size_t last_content = first;
  std::optional<std::size_t> enabled_line;
  bool opens_block = false;
  const auto note_key = [&](std::size_t l, std::string_view s) {
    if (is_key(s.substr(column), "enabled")) enabled_line = l;
    const std::size_t end = value_end(s, column);
    opens_block = end > 0 && s[end - 1] == ':';
  };
  note_key(first, content_of(text, lines[first]));
  for (std::size_t l = first + 1; l < lines.size(); ++l) {
    const Line& line = lines[l];
    if (!line.content) continue;
    const std::string_view s = content_of(text, line);
    if (line.indent < column) break;
    if (line.indent == column) {
      if (s[column] == '-' && !opens_block) break;
      if (s[column] != '-') note_key(l, s);
    }
    last_content = l;
  }
  const std::string_view whole =
      text.substr(lines[first].begin, lines[last_content].end - lines[first].begin);
  if (whole.find(name) == std::string_view::npos) return std::nullopt;
  const std::string value = enabled ? "true" : "false";
  if (enabled_line) {
    const Line& line = lines[*enabled_line];
    const std::string_view s = content_of(text, line);
    const std::size_t colon = s.find(':', column);
    const std::size_t end = value_end(s, colon + 1);
    return std::string(text.substr(0, line.begin + colon + 1)) + " " + value +
           std::string(text.substr(line.begin + end));
  }
  return insert_line_after(text, lines[last_content], std::string(column, ' ') + "enabled: " + value);
}

}  // namespace

std::optional<std::string> set_enabled_in_text(std::string_view text, int line, int column,
                                               std::string_view name, bool enabled) {
  const auto lines = split_lines(text);
  if (line < 1 || column < 1 || static_cast<std::size_t>(line) > lines.size() || name.empty())
    return std::nullopt;
  const std::size_t l = static_cast<std::size_t>(line) - 1;
  const std::size_t c = static_cast<std::size_t>(column) - 1;
  const std::string_view s = content_of(text, lines[l]);
  if (c >= s.size()) return std::nullopt;
  if (s[c] == '{') return set_in_flow(text, lines[l].begin + c, name, enabled);
  return set_in_block(text, lines, l, c, name, enabled);
}

std::optional<std::string> add_library_control_to_text(std::string_view text, std::string_view name) {
  const auto lines = split_lines(text);
  const std::string item = "- {use: " + io::scalar_to_yaml(name) + "}";
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const std::string_view s = content_of(text, lines[l]);
    if (lines[l].indent != 0 || !is_key(s, "controls")) continue;
    const std::size_t colon = s.find(':');
    const std::string_view value = s.substr(colon + 1, value_end(s, colon + 1) - colon - 1);
    const auto first_char = value.find_first_not_of(' ');
    if (first_char != std::string_view::npos) {
      if (value.substr(first_char) != "[]") return std::nullopt;  // an inline list
      std::string out(text.substr(0, lines[l].begin + colon + 1));
      out += text.substr(lines[l].begin + colon + 1 + value.size());
      return add_library_control_to_text(out, name);
    }
    // The block: until the next top-level key; items keep the indentation of the first one.
    std::size_t last = l, indent = 2;
    bool first_item = true;
    for (std::size_t k = l + 1; k < lines.size(); ++k) {
      if (!lines[k].content) continue;
      const std::string_view line = content_of(text, lines[k]);
      if (lines[k].indent == 0 && line[0] != '-') break;
      if (first_item) indent = lines[k].indent;
      first_item = false;
      last = k;
    }
    return insert_line_after(text, lines[last], std::string(indent, ' ') + item);
  }
  std::string out(text);
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += "\ncontrols:\n  " + item + "\n";
  return out;
}

}  // namespace blackstart::gui
