#pragma once
#include <QObject>
#include <memory>
#include <vector>

#include "blackstart/metrics/time_course.hpp"
#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

using ScenarioPtr = std::shared_ptr<const model::Scenario>;

//! What the user is looking at: the open scenario, the run shown, the runs compared on the charts,
//! the selected element and the simulated time. Views subscribe to its signals (each view's
//! `follow`); the window and its controllers change it, never the views directly.
class ViewState : public QObject {
  Q_OBJECT
 public:
  explicit ViewState(QObject* parent = nullptr);

  [[nodiscard]] const ScenarioPtr& scenario() const { return scenario_; }
  [[nodiscard]] const RunPtr& run() const { return run_; }
  [[nodiscard]] const std::vector<RunPtr>& compared() const { return compared_; }
  [[nodiscard]] ElementIndex selected() const { return selected_; }
  [[nodiscard]] double time() const { return time_; }
  //! The shown run's horizon; 0 without a run (time then stays at 0).
  [[nodiscard]] double horizon() const;
  //! The longest horizon of the shown and compared runs: what "the whole horizon" shows.
  [[nodiscard]] double full_horizon() const;
  //! The stretch of time the slider and the charts show. A new run opens on the active period of
  //! it and the compared runs (metrics::active_window); it pans to keep the time in view.
  [[nodiscard]] metrics::TimeSpan time_window() const { return window_; }
  [[nodiscard]] bool whole_horizon_shown() const;

  //! A scenario with a new network: no run, no compared runs, nothing selected, time 0.
  void open_scenario(ScenarioPtr scenario);
  //! The same network with edited events; the shown run stays (it no longer matches the events).
  void edit_scenario(ScenarioPtr scenario);
  //! Shows a run at time `t_min` (clamped to its horizon).
  void show_run(RunPtr run, double t_min);
  //! Runs overlaid on the charts (the shown run is drawn with them in any case).
  void set_compared(std::vector<RunPtr> runs);
  //! Selects an element (kNoElement: none); false when the scenario has no such element.
  bool select(ElementIndex element);
  //! Moves the simulated time, clamped to [0, horizon()]; the time window pans to keep it in view.
  void set_time(double t_min);
  //! Zooms or pans the time axis (clamped to [0, full_horizon()], at least a minute wide).
  void set_time_window(double from_min, double to_min);
  void show_whole_horizon();
  //! Back to the active period of the shown and compared runs.
  void show_active_period();

 signals:
  //! A new scenario; run, compared runs, selection and time were reset with it (no separate signals).
  void scenarioOpened(const blackstart::gui::ScenarioPtr& scenario);
  void scenarioEdited(const blackstart::gui::ScenarioPtr& scenario);
  //! A new shown run; time() is already the time to show it at (timeChanged follows if it moved).
  void runChanged(const blackstart::gui::RunPtr& run);
  void comparedChanged();
  void selectionChanged(blackstart::model::ElementIndex element);
  void timeChanged(double t_min);
  //! The time window moved (also after runChanged, which sets it to the active period).
  void timeWindowChanged(double from_min, double to_min);

 private:
  //! Pans the window, keeping its width, so that t is in view; true if it moved.
  bool pan_to(double t_min);
  //! Union of the active windows of the shown and compared runs (a run is shown).
  [[nodiscard]] metrics::TimeSpan active_period_window() const;
  //! Within [0, full_horizon()] and at least a minute wide, keeping the width where it can.
  [[nodiscard]] metrics::TimeSpan fitted(metrics::TimeSpan window) const;

  ScenarioPtr scenario_;
  RunPtr run_;
  std::vector<RunPtr> compared_;
  ElementIndex selected_ = model::kNoElement;
  double time_ = 0.0;
  metrics::TimeSpan window_;
};

}  // namespace blackstart::gui
