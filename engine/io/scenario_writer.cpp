// Writes scenario edits back into the user's YAML text. There is no general YAML emitter here on
// purpose: a scenario file is documentation as much as data (comments, sources, ordering), so the
// writer changes only the top-level `events:` block and copies every other byte. Events that did
// not change keep their original lines, comments included.
#include "blackstart/io/scenario_writer.hpp"

#include <charconv>
#include <cmath>
#include <optional>

namespace blackstart::io {

namespace {

std::string number_to_yaml(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return "0";
  return std::string(buffer, end);
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string distribution_to_yaml(const core::DurationDistribution& d) {
  using Kind = core::DurationDistribution::Kind;
  switch (d.kind) {
    case Kind::Fixed:
      return duration_to_yaml(d.a_min);
    case Kind::Uniform:
      return "{dist: uniform, min: " + duration_to_yaml(d.a_min) + ", max: " + duration_to_yaml(d.b_min) +
             "}";
    case Kind::Triangular:
      return "{dist: triangular, min: " + duration_to_yaml(d.a_min) + ", mode: " + duration_to_yaml(d.b_min) +
             ", max: " + duration_to_yaml(d.c_min) + "}";
    case Kind::Lognormal:
      return "{dist: lognormal, median: " + duration_to_yaml(d.a_min) +
             ", sigma: " + number_to_yaml(d.sigma) + "}";
  }
  return duration_to_yaml(d.a_min);
}

bool same_distribution(const core::DurationDistribution& a, const core::DurationDistribution& b) {
  return a.kind == b.kind && a.a_min == b.a_min && a.b_min == b.b_min && a.c_min == b.c_min &&
         a.sigma == b.sigma;
}

//! Every field the loader reads: an event equal in all of them may keep its original lines.
bool same_event(const model::Event& a, const model::Event& b) {
  if (a.duration.has_value() != b.duration.has_value()) return false;
  if (a.duration && !same_distribution(*a.duration, *b.duration)) return false;
  return a.id == b.id && a.at_min == b.at_min && a.action == b.action &&
         a.target_pattern == b.target_pattern && a.targets == b.targets && a.technique == b.technique &&
         a.description == b.description && same_distribution(a.probability, b.probability) &&
         a.choose == b.choose && a.selection == b.selection;
}

//! `0.7`, or `{dist: uniform, min: 0.2, max: 0.6}` with plain numbers (a probability is no duration).
std::string probability_to_yaml(const core::DurationDistribution& p) {
  using Kind = core::DurationDistribution::Kind;
  switch (p.kind) {
    case Kind::Uniform:
      return "{dist: uniform, min: " + number_to_yaml(p.a_min) + ", max: " + number_to_yaml(p.b_min) + "}";
    case Kind::Triangular:
      return "{dist: triangular, min: " + number_to_yaml(p.a_min) + ", mode: " + number_to_yaml(p.b_min) +
             ", max: " + number_to_yaml(p.c_min) + "}";
    case Kind::Fixed:
    case Kind::Lognormal:  // the loader accepts no lognormal probability
      break;
  }
  return number_to_yaml(p.a_min);
}

bool is_certain(const core::DurationDistribution& p) {
  return p.kind == core::DurationDistribution::Kind::Fixed && p.a_min == 1.0;
}

std::string_view selection_to_yaml(model::Event::Selection selection) {
  switch (selection) {
    case model::Event::Selection::HighestDegree:
      return "highest_degree";
    case model::Event::Selection::HighestBetweenness:
      return "highest_betweenness";
    case model::Event::Selection::Random:
      break;
  }
  return "random";
}

//! A line of the text with its end-of-line characters.
struct Line {
  std::string_view text;  //!< without the line break
  std::string_view full;  //!< with it
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view full = text.substr(pos, end - pos);
    std::string_view body = full;
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
    lines.push_back({body, full});
    pos = end;
  }
  return lines;
}

std::size_t indent_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool is_blank_or_comment(std::string_view line) {
  const auto i = indent_of(line);
  return i == line.size() || line[i] == '#';
}

//! A line that starts a new top-level key or document marker (column 0, not a comment or list item).
bool is_top_level(std::string_view line) {
  if (line.empty()) return false;
  const char c = line.front();
  if (c == ' ' || c == '\t' || c == '#') return false;
  if (c == '-') return line.substr(0, 3) == "---";
  return true;
}

//! `events:` at column 0; `rest` receives what follows the colon.
bool is_events_key(std::string_view line, std::string_view* rest) {
  constexpr std::string_view key = "events";
  if (line.substr(0, key.size()) != key) return false;
  std::size_t i = key.size();
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != ':') return false;
  ++i;
  if (i < line.size() && line[i] != ' ' && line[i] != '\t') return false;
  *rest = line.substr(i);
  return true;
}

bool is_list_item(std::string_view line, std::size_t indent) {
  return line.size() > indent && line[indent] == '-' &&
         (line.size() == indent + 1 || line[indent + 1] == ' ');
}

std::string with_eol(std::string_view full, std::string_view eol) {
  std::string out(full);
  if (out.empty() || out.back() != '\n') out += eol;
  return out;
}

}  // namespace

std::string duration_to_yaml(double minutes) {
  if (minutes == 0.0 || !std::isfinite(minutes)) return "0min";
  if (std::floor(minutes) == minutes && std::fabs(minutes) < 1e15) {
    const auto whole = static_cast<long long>(minutes);
    if (whole % 1440 == 0) return std::to_string(whole / 1440) + "d";
    if (whole % 60 == 0) return std::to_string(whole / 60) + "h";
    return std::to_string(whole) + "min";
  }
  return number_to_yaml(minutes) + "min";
}

std::string scalar_to_yaml(std::string_view text) {
  static const char* const kReserved[] = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"};
  bool plain = !text.empty() && (is_alnum(text.front()) || text.front() == '/') && text.back() != ' ';
  for (const char c : text) {
    if (!plain) break;
    const auto u = static_cast<unsigned char>(c);
    plain = is_alnum(c) || u >= 0x80 || c == ' ' || c == '-' || c == '_' || c == '.' || c == '/' ||
            c == ';' || c == '(' || c == ')' || c == '+' || c == '=' || c == '\'';
  }
  if (plain)
    for (const char* word : kReserved)
      if (lower(text) == word) plain = false;
  if (plain) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\x";
          out += hex[(static_cast<unsigned char>(c) >> 4) & 0xf];
          out += hex[static_cast<unsigned char>(c) & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

//! The flow mapping of one event; continuation lines start at `first_column` (under the brace).
std::string event_flow(const model::Event& event, const model::Network& network, std::size_t first_column) {
  std::vector<std::string> parts;
  parts.push_back("id: " + scalar_to_yaml(event.id));
  parts.push_back("at: " + duration_to_yaml(event.at_min));
  parts.push_back("action: " + std::string(model::to_string(event.action)));
  if (!event.target_pattern.empty() && event.target_pattern != "(list)") {
    parts.push_back("targets: " + scalar_to_yaml(event.target_pattern));
  } else if (event.targets.size() == 1) {
    parts.push_back("targets: " + scalar_to_yaml(network.element(event.targets.front()).id));
  } else {
    std::string list = "targets: [";
    for (std::size_t i = 0; i < event.targets.size(); ++i) {
      if (i) list += ", ";
      list += scalar_to_yaml(network.element(event.targets[i]).id);
    }
    parts.push_back(list + "]");
  }
  if (!event.technique.empty()) parts.push_back("technique: " + scalar_to_yaml(event.technique));
  if (!event.description.empty()) parts.push_back("description: " + scalar_to_yaml(event.description));
  if (event.duration) parts.push_back("duration: " + distribution_to_yaml(*event.duration));
  if (!is_certain(event.probability))
    parts.push_back("probability: " + probability_to_yaml(event.probability));
  if (event.choose > 0) {
    parts.push_back("choose: " + std::to_string(event.choose));
    // `select` needs `choose`; random is the loader's default.
    if (event.selection != model::Event::Selection::Random)
      parts.push_back("select: " + std::string(selection_to_yaml(event.selection)));
  }

  constexpr std::size_t kWidth = 110;
  std::string out = "{";
  std::size_t column = first_column;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::size_t need = parts[i].size() + 1;  // the part and its ',' or '}'
    if (i > 0) {
      if (column + 1 + need > kWidth) {
        out += '\n';
        out.append(first_column, ' ');
        column = first_column;
      } else {
        out += ' ';
        ++column;
      }
    }
    out += parts[i];
    out += i + 1 == parts.size() ? "}" : ",";
    column += need;
  }
  return out;
}

}  // namespace

std::string event_to_yaml(const model::Event& event, const model::Network& network) {
  return event_flow(event, network, 5);
}

std::string replace_events(std::string_view original_text, const model::Scenario& original,
                           const std::vector<model::Event>& events) {
  const std::string_view eol = original_text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  const auto lines = split_lines(original_text);

  std::optional<std::size_t> key_line;
  std::string_view key_rest;
  for (std::size_t i = 0; i < lines.size() && !key_line; ++i)
    if (is_events_key(lines[i].text, &key_rest)) key_line = i;

  // The block's own items: where each starts (with the comments above it) and which original event
  // it holds.
  std::size_t block_end = lines.size();
  std::size_t item_indent = 2;
  std::vector<std::size_t> starts;  // line of each item's "-"
  std::vector<std::size_t> leads;   // first line of each item's segment (its comments included)
  std::string preamble;             // block lines before the first item that are not comments
  bool inline_value = false;        // `events: []` or another value on the key's line
  if (key_line) {
    for (std::size_t i = *key_line + 1; i < lines.size(); ++i)
      if (is_top_level(lines[i].text)) {
        block_end = i;
        break;
      }
    while (block_end > *key_line + 1) {
      const auto& text = lines[block_end - 1].text;
      if (!(text.empty() || text.front() == '#' || indent_of(text) == text.size())) break;
      --block_end;
    }
    std::string_view rest = key_rest;
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    inline_value = !rest.empty() && rest.front() != '#';
    if (!inline_value) {
      bool indent_known = false;
      for (std::size_t i = *key_line + 1; i < block_end; ++i) {
        const auto& text = lines[i].text;
        if (is_blank_or_comment(text)) continue;
        const auto indent = indent_of(text);
        if (!indent_known && is_list_item(text, indent)) {
          item_indent = indent;
          indent_known = true;
        }
        if (indent_known && indent == item_indent && is_list_item(text, indent)) starts.push_back(i);
      }
      for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t floor = k == 0 ? *key_line + 1 : starts[k - 1] + 1;
        std::size_t lead = starts[k];
        while (lead > floor && is_blank_or_comment(lines[lead - 1].text)) --lead;
        leads.push_back(lead);
      }
      const std::size_t first = leads.empty() ? block_end : leads.front();
      for (std::size_t i = *key_line + 1; i < first; ++i) preamble += with_eol(lines[i].full, eol);
    }
  }

  auto segment_text = [&](std::size_t k) {
    const std::size_t end = k + 1 < leads.size() ? leads[k + 1] : block_end;
    std::string out;
    for (std::size_t i = leads[k]; i < end; ++i) out += with_eol(lines[i].full, eol);
    return out;
  };
  // Original event -> its item, by the line the loader recorded for it.
  std::vector<std::optional<std::size_t>> item_of(original.events.size());
  for (std::size_t j = 0; j < original.events.size(); ++j) {
    const int line = original.events[j].location.line - 1;  // 0-based
    if (line < 0 || static_cast<std::size_t>(line) >= block_end) continue;
    for (std::size_t k = 0; k < starts.size(); ++k)
      if (starts[k] <= static_cast<std::size_t>(line)) item_of[j] = k;
  }

  std::string block;
  if (events.empty()) {
    block = "events: []" + std::string(eol);
  } else {
    // Keep the key line (and a comment on it) unless it held an inline value such as `[]`.
    block = key_line && !inline_value ? with_eol(lines[*key_line].full, eol) : "events:" + std::string(eol);
    block += preamble;
    std::vector<bool> used(starts.size(), false);
    const std::string indent(item_indent, ' ');
    for (const auto& event : events) {
      std::optional<std::size_t> reuse;
      for (std::size_t j = 0; j < original.events.size() && !reuse; ++j)
        if (item_of[j] && !used[*item_of[j]] && same_event(original.events[j], event)) reuse = item_of[j];
      if (reuse) {
        used[*reuse] = true;
        block += segment_text(*reuse);
        continue;
      }
      const std::string item = indent + "- " + event_flow(event, original.network, item_indent + 3);
      for (const char c : item) {
        if (c == '\n')
          block += eol;
        else
          block += c;
      }
      block += eol;
    }
  }

  std::string out;
  if (!key_line) {
    out = std::string(original_text);
    if (!out.empty() && out.back() != '\n') out += eol;
    if (!out.empty()) out += eol;
    return out + block;
  }
  for (std::size_t i = 0; i < *key_line; ++i) out += lines[i].full;
  out += block;
  for (std::size_t i = block_end; i < lines.size(); ++i) out += lines[i].full;
  return out;
}

}  // namespace blackstart::io
