#pragma once
#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

//! State frames of a run for a moving time, each computed from the one before: only the elements
//! that change between the two times are looked up again (the run's changes between them, found
//! by binary search), the rest is copied. Scrubbing and playback move the time a little at a time,
//! so a frame costs the changes it crosses rather than a look-up of every element.
class FrameStepper {
 public:
  //! Above this share of the elements changed, a frame is built from scratch (RunSnapshot::frame_at).
  static constexpr double kRebuildShare = 0.25;

  //! The frame of `run` at `t_min` (null run: null).
  [[nodiscard]] FramePtr frame(const RunPtr& run, double t_min);

 private:
  RunPtr run_;
  FramePtr last_;
};

//! The frame of `run` at `t_min` from `from`, a frame of the same run at another time.
[[nodiscard]] FramePtr step_frame(const RunSnapshot& run, const StateFrame& from, double t_min);

}  // namespace blackstart::gui
