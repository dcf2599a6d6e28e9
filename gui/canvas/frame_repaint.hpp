#pragma once
#include <QRectF>
#include <cstdint>
#include <memory>
#include <vector>

#include "canvas/canvas_items.hpp"

namespace blackstart::gui {

//! What of the canvas to repaint when its state frame changes (a new time on the slider): only
//! where elements changed state, loss of control or loss of view between the two frames, and along
//! the dependency arrows whose supplier went in or out of operation (their strength changes).
//! Scrubbing usually changes a few dozen of 20,000 elements; repainting only around them keeps the
//! frame far cheaper than repainting the whole network.
//!
//! The dirty places are marked on a coarse grid over the scene and handed back as few rectangles
//! (runs of marked cells), so that the view's update region stays simple however many elements
//! changed; when most of the grid is marked, the whole scene is repainted instead.
class FrameRepaint {
 public:
  static constexpr int kGrid = 64;                 //!< cells along the longer side of the scene
  static constexpr double kEverythingShare = 0.5;  //!< marked share above which all is repainted

  struct Plan {
    bool everything = false;    //!< repaint the whole scene
    std::vector<QRectF> rects;  //!< else these scene rectangles (none: nothing changed)
    std::size_t changed = 0;    //!< elements whose code differs
  };

  //! What to repaint from `before` to `after` in a scene of extent `scene` that `model` describes.
  //! Everything when the frames differ in kind (no run / a run) or size.
  [[nodiscard]] Plan plan(const CanvasModel& model, QRectF scene, const StateFrame& before,
                          const StateFrame& after);

 private:
  //! Per supplier: the dependencies (indices into the network's list) it supplies.
  void index(const CanvasModel& model);

  std::shared_ptr<const model::Scenario> indexed_;
  std::vector<std::uint32_t> first_;  //!< offsets per element into dependencies_ (elements + 1)
  std::vector<std::uint32_t> dependencies_;
  std::vector<std::uint8_t> marked_;  //!< the grid, row by row (kept to avoid reallocation)
};

}  // namespace blackstart::gui
