#pragma once
#include <QWidget>

#include "blackstart/metrics/run_difference.hpp"
#include "controllers/run_snapshot.hpp"

class QComboBox;
class QLabel;
class QStackedWidget;

namespace blackstart::gui {

class DifferenceOverlay;
class LegendBar;
class NetworkScene;
class NetworkView;
class RunsModel;
class TimelineWidget;
class ViewState;

//! The side-by-side what-if: two canvases (baseline | what-if) at the same simulated time, the
//! elements whose condition differs between the runs (metrics::run_difference) ringed on both. The
//! time slider is the window's time (ViewState), so both canvases and the main window move together;
//! zoom and pan are locked between the two canvases. The baseline is the runs table's baseline.
class CompareWindow : public QWidget {
  Q_OBJECT
 public:
  CompareWindow(ViewState* state, RunsModel* runs, QWidget* parent = nullptr);

  //! Compares run `what_if_row` of the runs table with the baseline (which `baseline_row` becomes
  //! when it is given); false when a row does not exist or both are the same run.
  bool set_runs(int baseline_row, int what_if_row);
  [[nodiscard]] RunPtr baseline_run() const { return baseline_; }
  [[nodiscard]] RunPtr what_if_run() const { return what_if_; }
  [[nodiscard]] int what_if_row() const;
  //! The difference at the shown time (empty without two runs).
  [[nodiscard]] const metrics::RunDifference& difference() const { return difference_; }
  //! Elements ringed on the baseline's and on the what-if's canvas.
  [[nodiscard]] const std::vector<ElementIndex>& highlighted_baseline() const;
  [[nodiscard]] const std::vector<ElementIndex>& highlighted_what_if() const;
  [[nodiscard]] NetworkView* baseline_view() const { return views_[0]; }
  [[nodiscard]] NetworkView* what_if_view() const { return views_[1]; }
  [[nodiscard]] TimelineWidget* timeline() const { return timeline_; }
  //! The key under the canvases: state colours, loss-of-control/view rings, the difference ring.
  [[nodiscard]] LegendBar* legend() const { return legend_; }
  //! "At 1h: 12 assets differ …"
  [[nodiscard]] QString summary_text() const;
  //! The caption above one canvas (0 baseline, 1 what-if): run, customers off, LoC at the time.
  [[nodiscard]] QString caption_text(int side) const;
  void fit_all();

 signals:
  void elementSelected(blackstart::model::ElementIndex element);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void refresh_choices();
  void show_pair();
  void refresh();
  void lock_views();

  ViewState* state_;
  RunsModel* runs_;
  RunPtr baseline_;
  RunPtr what_if_;
  metrics::RunDifference difference_;
  QComboBox* baseline_box_ = nullptr;
  QComboBox* what_if_box_ = nullptr;
  QLabel* summary_ = nullptr;
  QStackedWidget* pages_ = nullptr;
  QLabel* hint_ = nullptr;
  NetworkScene* scenes_[2] = {nullptr, nullptr};
  NetworkView* views_[2] = {nullptr, nullptr};
  QLabel* captions_[2] = {nullptr, nullptr};
  DifferenceOverlay* overlays_[2] = {nullptr, nullptr};
  LegendBar* legend_ = nullptr;
  TimelineWidget* timeline_ = nullptr;
  bool syncing_ = false;
  bool filling_ = false;
};

}  // namespace blackstart::gui
