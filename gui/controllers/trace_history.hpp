#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "blackstart/model/types.hpp"

namespace blackstart::gui {

//! The assets selected one after another, like a browser's history: Back and Forward walk it
//! (through a cause chain clicked step by step, say); selecting something new after going back
//! drops the entries ahead. Going back or forward is not itself a visit.
class SelectionHistory {
 public:
  //! Records a selection; nothing for kNoElement or the current entry again.
  void visit(model::ElementIndex element);
  //! The entry before the current one (now current), or nothing at the start.
  std::optional<model::ElementIndex> back();
  //! The entry after the current one (now current), or nothing at the end.
  std::optional<model::ElementIndex> forward();
  [[nodiscard]] bool can_go_back() const { return position_ > 0; }
  [[nodiscard]] bool can_go_forward() const { return position_ + 1 < entries_.size(); }
  [[nodiscard]] const std::vector<model::ElementIndex>& entries() const { return entries_; }
  //! Index of the current entry in entries() (0 when empty).
  [[nodiscard]] std::size_t position() const { return position_; }
  void clear();

 private:
  std::vector<model::ElementIndex> entries_;
  std::size_t position_ = 0;
};

}  // namespace blackstart::gui
