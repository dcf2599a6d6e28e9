#include "controllers/frame_stepper.hpp"

#include <algorithm>

namespace blackstart::gui {

namespace {
//! Changes between the two times above which a frame is built from scratch.
double rebuild_above(std::size_t elements) {
  return FrameStepper::kRebuildShare * static_cast<double>(elements);
}
}  // namespace

FramePtr step_frame(const RunSnapshot& run, const StateFrame& from, double t_min) {
  const auto n = run.state_history.size();
  if (!from.has_run || from.codes.size() != n) return run.frame_at(t_min);
  // The changes in (earlier, later]: those that make the two frames differ.
  const auto first = run.changes_until(std::min(from.time_min, t_min));
  const auto last = run.changes_until(std::max(from.time_min, t_min));
  if (static_cast<double>(last - first) > rebuild_above(n)) return run.frame_at(t_min);
  auto frame = std::make_shared<StateFrame>(from);
  frame->time_min = t_min;
  const auto& changes = run.result.changes;
  for (auto i = first; i < last; ++i) {
    const auto e = changes[i].element;
    if (e >= n) continue;
    auto code = static_cast<std::uint8_t>(run.state_at(e, t_min));
    if (run.lost_control_at(e, t_min)) code |= StateFrame::kLostControl;
    if (run.lost_view_at(e, t_min)) code |= StateFrame::kLostView;
    frame->codes[e] = code;
  }
  return frame;
}

FramePtr FrameStepper::frame(const RunPtr& run, double t_min) {
  if (!run) {
    run_.reset();
    last_.reset();
    return nullptr;
  }
  if (run == run_ && last_ && last_->time_min == t_min) return last_;
  last_ = run == run_ && last_ ? step_frame(*run, *last_, t_min) : run->frame_at(t_min);
  run_ = run;
  return last_;
}

}  // namespace blackstart::gui
