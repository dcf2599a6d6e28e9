#pragma once
// Closed sets spelled in files: one table of (value, name) per enum, and lookups both ways.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blackstart::model::detail {

template <typename Table, typename Value>
std::string_view name_in(const Table& table, Value value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <typename Table>
auto value_in(const Table& table, std::string_view text)
    -> std::optional<typename Table::value_type::first_type> {
  for (const auto& [v, name] : table)
    if (name == text) return v;
  return std::nullopt;
}

template <typename Table>
std::vector<std::string> names_in(const Table& table) {
  std::vector<std::string> names;
  for (const auto& [v, name] : table) names.emplace_back(name);
  return names;
}

}  // namespace blackstart::model::detail
