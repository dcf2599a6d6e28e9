#pragma once

namespace blackstart::gui {

//! A value axis from 0 whose labels, printed without decimals, are all different and all true:
//! the top is a whole multiple of a whole "nice" step (1, 2, 5 × 10^k).
struct ValueTicks {
  double top = 1;
  int count = 2;  //!< labels, 0 and top included
};
ValueTicks whole_number_ticks(double max_value, int max_labels);
//! The most labels, at most `max_labels`, that split [0, top] into whole steps (2 always does).
int whole_step_label_count(double top, int max_labels);

}  // namespace blackstart::gui
