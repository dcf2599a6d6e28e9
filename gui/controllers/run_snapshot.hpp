#pragma once
#include <QMetaType>
#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

#include "blackstart/metrics/metrics.hpp"
#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::gui {

using model::ElementIndex;

//! Every element's state at one time, packed for painting.
struct StateFrame {
  static constexpr std::uint8_t kStateMask = 0x07;
  static constexpr std::uint8_t kLostControl = 0x08;
  static constexpr std::uint8_t kLostView = 0x10;

  double time_min = 0.0;
  bool has_run = false;             //!< false: no run yet, everything is drawn neutral
  std::vector<std::uint8_t> codes;  //!< per element: sim::State | kLostControl | kLostView

  [[nodiscard]] sim::State state(ElementIndex e) const {
    return e < codes.size() ? static_cast<sim::State>(codes[e] & kStateMask) : sim::State::InService;
  }
  [[nodiscard]] bool lost_control(ElementIndex e) const {
    return e < codes.size() && (codes[e] & kLostControl);
  }
  [[nodiscard]] bool lost_view(ElementIndex e) const { return e < codes.size() && (codes[e] & kLostView); }
};
using FramePtr = std::shared_ptr<const StateFrame>;

//! One finished run and the indexes the views read it through. Built once on the worker thread,
//! then shared read-only (std::shared_ptr<const RunSnapshot>) by every view.
struct RunSnapshot {
  QString label;                                    //!< "baseline", "prepositioned-crews"...
  std::vector<std::string> mitigations;             //!< as applied, in order
  std::shared_ptr<const model::Scenario> scenario;  //!< exactly what was simulated
  sim::RunResult result;
  metrics::Summary summary;
  double wall_ms = 0.0;  //!< simulation time on the worker

  //! Per element: indices into result.changes, in time order.
  std::vector<std::vector<std::uint32_t>> changes_of;
  //! Times at which something changed, sorted and distinct (for stepping).
  std::vector<double> change_times;

  [[nodiscard]] sim::State state_at(ElementIndex e, double t) const;
  [[nodiscard]] bool lost_control_at(ElementIndex e, double t) const;
  [[nodiscard]] bool lost_view_at(ElementIndex e, double t) const;
  //! Number of changes at or before t (the event log shows these).
  [[nodiscard]] std::size_t changes_until(double t) const;
  [[nodiscard]] FramePtr frame_at(double t) const;
  //! Aggregates of the whole network (all layers summed) in effect at t.
  [[nodiscard]] sim::LayerSample totals_at(double t) const;

  struct Timed {
    double time_min;
    std::uint8_t value;
  };
  std::vector<std::vector<Timed>> state_history;    //!< per element: (time, sim::State)
  std::vector<std::vector<Timed>> control_history;  //!< per element: (time, 1 = lost)
  std::vector<std::vector<Timed>> view_history;     //!< per element: (time, 1 = lost)
};
using RunPtr = std::shared_ptr<const RunSnapshot>;

//! Indexes a finished run for the views.
RunPtr make_snapshot(QString label, std::vector<std::string> mitigations,
                     std::shared_ptr<const model::Scenario> scenario, sim::RunResult result, double wall_ms);

//! The frame before any run: everything in service, drawn neutral.
FramePtr idle_frame(std::size_t elements);

//! Sum of the layers of one trace point.
sim::LayerSample total_of(const sim::TracePoint& point);

}  // namespace blackstart::gui

Q_DECLARE_METATYPE(blackstart::gui::RunPtr)
