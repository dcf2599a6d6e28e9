#include "controllers/trace_history.hpp"

namespace blackstart::gui {

void SelectionHistory::visit(model::ElementIndex element) {
  if (element == model::kNoElement) return;
  if (!entries_.empty() && entries_[position_] == element) return;
  if (!entries_.empty()) entries_.resize(position_ + 1);  // what was ahead is dropped
  entries_.push_back(element);
  position_ = entries_.size() - 1;
}

std::optional<model::ElementIndex> SelectionHistory::back() {
  if (!can_go_back()) return std::nullopt;
  return entries_[--position_];
}

std::optional<model::ElementIndex> SelectionHistory::forward() {
  if (!can_go_forward()) return std::nullopt;
  return entries_[++position_];
}

void SelectionHistory::clear() {
  entries_.clear();
  position_ = 0;
}

}  // namespace blackstart::gui
