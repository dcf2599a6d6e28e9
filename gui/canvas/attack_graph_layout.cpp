#include "canvas/attack_graph_layout.hpp"

#include <algorithm>
#include <numeric>

namespace blackstart::gui {

namespace {

std::vector<std::uint32_t> prerequisites(const model::AttackStep& step) {
  std::vector<std::uint32_t> out = step.requires_all;
  out.insert(out.end(), step.requires_any.begin(), step.requires_any.end());
  return out;
}

//! Mean row of `of` among placed nodes, or `fallback` when none is placed.
double barycentre(const std::vector<std::uint32_t>& of, const std::vector<double>& row,
                  const std::vector<int>& column, int before, double fallback) {
  double sum = 0;
  int n = 0;
  for (std::uint32_t p : of)
    if (p < row.size() && column[p] < before) {
      sum += row[p];
      ++n;
    }
  return n ? sum / n : fallback;
}

//! Rows centred on 0 for `order` (step indexes of one column, top to bottom).
void assign_rows(const std::vector<std::uint32_t>& order, std::vector<double>& row) {
  const double middle = (static_cast<double>(order.size()) - 1.0) / 2.0;
  for (std::size_t i = 0; i < order.size(); ++i) row[order[i]] = static_cast<double>(i) - middle;
}

}  // namespace

AttackGraphLayout layout_attack_graph(const model::Campaign& campaign) {
  const std::size_t n = campaign.steps.size();
  AttackGraphLayout out;
  out.column.assign(n, 0);
  out.row.assign(n, 0.0);
  for (std::size_t round = 0; round < n; ++round) {
    bool changed = false;
    for (std::size_t s = 0; s < n; ++s)
      for (std::uint32_t p : prerequisites(campaign.steps[s]))
        if (p < n && p != s && out.column[s] < out.column[p] + 1) {
          out.column[s] = out.column[p] + 1;
          changed = true;
        }
    if (!changed) break;
  }
  out.columns = n ? *std::max_element(out.column.begin(), out.column.end()) + 1 : 0;

  std::vector<std::vector<std::uint32_t>> columns(static_cast<std::size_t>(out.columns));
  for (std::uint32_t s = 0; s < n; ++s) columns[static_cast<std::size_t>(out.column[s])].push_back(s);
  for (const auto& c : columns) assign_rows(c, out.row);
  // Two sweeps left to right: each column sorted by where its prerequisites sit (ties: file order).
  for (int sweep = 0; sweep < 2; ++sweep)
    for (int c = 1; c < out.columns; ++c) {
      auto& order = columns[static_cast<std::size_t>(c)];
      std::vector<double> key(n, 0.0);
      for (std::uint32_t s : order)
        key[s] = barycentre(prerequisites(campaign.steps[s]), out.row, out.column, c, out.row[s]);
      std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return key[a] != key[b] ? key[a] < key[b] : a < b;
      });
      assign_rows(order, out.row);
    }

  // Objectives: one column after the steps, in the order of the steps they name.
  std::vector<std::uint32_t> objectives(campaign.objectives.size());
  std::iota(objectives.begin(), objectives.end(), 0u);
  std::vector<double> key(objectives.size());
  for (std::uint32_t o : objectives)
    key[o] = barycentre(campaign.objectives[o].steps, out.row, out.column, out.columns, 0.0);
  std::stable_sort(objectives.begin(), objectives.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
  out.objective_row.assign(objectives.size(), 0.0);
  assign_rows(objectives, out.objective_row);

  out.tallest = static_cast<int>(objectives.size());
  for (const auto& c : columns) out.tallest = std::max(out.tallest, static_cast<int>(c.size()));
  return out;
}

}  // namespace blackstart::gui
