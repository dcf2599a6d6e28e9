#pragma once
#include <QObject>
#include <memory>
#include <vector>

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
  //! Moves the simulated time, clamped to [0, horizon()].
  void set_time(double t_min);

 signals:
  //! A new scenario; run, compared runs, selection and time were reset with it (no separate signals).
  void scenarioOpened(const blackstart::gui::ScenarioPtr& scenario);
  void scenarioEdited(const blackstart::gui::ScenarioPtr& scenario);
  //! A new shown run; time() is already the time to show it at (timeChanged follows if it moved).
  void runChanged(const blackstart::gui::RunPtr& run);
  void comparedChanged();
  void selectionChanged(blackstart::model::ElementIndex element);
  void timeChanged(double t_min);

 private:
  ScenarioPtr scenario_;
  RunPtr run_;
  std::vector<RunPtr> compared_;
  ElementIndex selected_ = model::kNoElement;
  double time_ = 0.0;
};

}  // namespace blackstart::gui
