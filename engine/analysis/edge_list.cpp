// Edge lists and dependency pairs of the classic models, read as CSV through the one CSV reader
// (core/csv.hpp): every problem is reported with file, line and column.
#include <iterator>
#include <string>
#include <unordered_map>

#include "blackstart/analysis/compact_graph.hpp"
#include "blackstart/core/csv.hpp"

namespace blackstart::analysis {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Field {
  std::string text;  // trimmed
  int column = 1;    // 1-based column of the field's first character after trimming
  bool quoted = false;
};

//! A record's fields, trimmed, with the column where each one's text starts.
std::vector<Field> fields_of(const core::CsvRecord& record) {
  std::vector<Field> fields;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string_view raw = record.fields[i];
    const std::string_view text = record.quoted[i] ? raw : trim(raw);
    const std::size_t first_char = raw.find_first_not_of(" \t");
    const std::size_t lead =
        record.quoted[i] ? 0 : (first_char == std::string_view::npos ? raw.size() : first_char);
    fields.push_back({std::string(text), record.columns[i] + static_cast<int>(lead), record.quoted[i]});
  }
  return fields;
}

//! The column just after a record's last field.
int end_column(const core::CsvRecord& record) {
  const std::size_t last = record.fields.size() - 1;
  return record.columns[last] + static_cast<int>(record.fields[last].size()) + (record.quoted[last] ? 2 : 0);
}

//! Lines as std::getline counts them.
int line_count(std::string_view text) {
  int lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  return lines + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

//! Reads a two-column CSV with the given header names and calls `row(line, a, b)` for every data
//! record whose two fields are well formed. Returns false if the header was wrong or missing, or
//! a quoted field was never closed.
template <typename RowFn>
bool read_pairs(std::istream& in, const std::string& file, std::string_view first, std::string_view second,
                core::Diagnostics& diagnostics, RowFn row) {
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::string header = std::string(first) + "," + std::string(second);
  bool header_seen = false, header_ok = true;
  const bool complete = core::for_each_csv_record(text, file, diagnostics, [&](core::CsvRecord&& record) {
    const auto fields = fields_of(record);
    if (fields.size() == 1 && fields[0].text.empty() && !fields[0].quoted) return true;  // only blanks
    if (!header_seen) {
      header_seen = true;
      if (fields.size() != 2 || fields[0].text != first || fields[1].text != second) {
        std::string found;
        for (std::size_t i = 0; i < record.fields.size(); ++i) found += (i ? "," : "") + record.fields[i];
        diagnostics.error(file, record.line, 1,
                          "expected the header '" + header + "', found '" + found + "'");
        header_ok = false;
        return false;
      }
      return true;
    }
    if (fields.size() != 2) {
      const int column = fields.size() > 2 ? fields[2].column : end_column(record);
      diagnostics.error(file, record.line, column,
                        "expected 2 fields (" + header + "), found " + std::to_string(fields.size()));
      return true;
    }
    bool ok = true;
    for (std::size_t i = 0; i < 2; ++i) {
      const auto& f = fields[i];
      if (f.quoted || (!f.text.empty() && f.text.front() == '"')) {
        diagnostics.error(file, record.line, f.column,
                          "quoted labels are not supported here; write the label without quotes");
        ok = false;
      } else if (f.text.empty()) {
        diagnostics.error(file, record.line, f.column,
                          "empty node label in column '" + std::string(i == 0 ? first : second) + "'");
        ok = false;
      }
    }
    if (ok) row(record.line, fields[0], fields[1]);
    return true;
  });
  if (!complete || !header_ok) return false;
  if (!header_seen) {
    const int lines = line_count(text);
    diagnostics.error(file, lines > 0 ? lines : 1, 1, "empty file: expected the header '" + header + "'");
    return false;
  }
  return true;
}

}  // namespace

std::optional<LabelledGraph> read_edge_list(std::istream& in, std::string_view file,
                                            core::Diagnostics& diagnostics) {
  const std::string name(file);
  const std::size_t errors_before = diagnostics.error_count();
  LabelledGraph result;
  std::unordered_map<std::string, NodeId> ids;
  std::vector<Edge> edges;
  auto id_of = [&](std::string_view label) {
    auto [it, inserted] = ids.try_emplace(std::string(label), static_cast<NodeId>(result.labels.size()));
    if (inserted) result.labels.emplace_back(label);
    return it->second;
  };
  const bool header_ok =
      read_pairs(in, name, "u", "v", diagnostics, [&](int, const Field& a, const Field& b) {
        const NodeId u = id_of(a.text);
        const NodeId v = id_of(b.text);
        edges.push_back({u, v});
      });
  if (!header_ok || diagnostics.error_count() > errors_before) return std::nullopt;
  result.graph = CompactGraph::from_edges(static_cast<std::uint32_t>(result.labels.size()), edges);
  return result;
}

std::optional<std::vector<std::pair<NodeId, NodeId>>> read_dependency_pairs(
    std::istream& in, std::string_view file, std::span<const std::string> from_labels,
    std::span<const std::string> to_labels, core::Diagnostics& diagnostics) {
  const std::string name(file);
  const std::size_t errors_before = diagnostics.error_count();
  auto index = [](std::span<const std::string> labels) {
    std::unordered_map<std::string_view, NodeId> map;
    for (std::size_t i = 0; i < labels.size(); ++i) map.emplace(labels[i], static_cast<NodeId>(i));
    return map;
  };
  const auto from_ids = index(from_labels);
  const auto to_ids = index(to_labels);
  std::vector<std::pair<NodeId, NodeId>> pairs;
  const bool header_ok =
      read_pairs(in, name, "from", "to", diagnostics, [&](int line, const Field& a, const Field& b) {
        const auto fa = from_ids.find(a.text);
        const auto fb = to_ids.find(b.text);
        if (fa == from_ids.end())
          diagnostics.error(name, line, a.column,
                            "node '" + std::string(a.text) + "' is not in the 'from' network");
        if (fb == to_ids.end())
          diagnostics.error(name, line, b.column,
                            "node '" + std::string(b.text) + "' is not in the 'to' network");
        if (fa != from_ids.end() && fb != to_ids.end()) pairs.emplace_back(fa->second, fb->second);
      });
  if (!header_ok || diagnostics.error_count() > errors_before) return std::nullopt;
  return pairs;
}

}  // namespace blackstart::analysis
