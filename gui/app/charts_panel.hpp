#pragma once
#include <QWidget>
#include <array>

#include "controllers/run_snapshot.hpp"

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QCategoryAxis;
class QValueAxis;

namespace blackstart::gui {

class ViewState;

//! Metrics over time (Qt Charts), one panel per metric, every kept run overlaid, the chosen time
//! marked. Values are the engine's trace, summed over layers; see docs/metrics.md.
class ChartsPanel : public QWidget {
  Q_OBJECT
 public:
  enum Metric { CustomersWithoutPower, ShedMw, PassengersAffected, LossOfControlView, MetricCount };

  explicit ChartsPanel(QWidget* parent = nullptr);
  //! Draws the state's shown and compared runs, marks its time and shows its time window from now
  //! on; zooming or panning any chart moves the state's window, so all four follow.
  void follow(ViewState* state);
  //! Runs to draw; `current` is drawn strongest.
  void set_runs(const std::vector<RunPtr>& runs, const RunPtr& current);
  void set_time(double t_min);
  //! The time shown on every chart's x axis, in minutes (from == to: the longest horizon).
  void set_window(double from_min, double to_min);
  [[nodiscard]] QChart* chart(Metric metric) const;
  [[nodiscard]] QChartView* view(Metric metric) const { return views_[metric]; }
  [[nodiscard]] static QString title(Metric metric);
  //! The runs named above the charts (shown when there are two or more).
  [[nodiscard]] QLabel* legend() const { return legend_; }

  //! The value a metric series shows at time t (step function), for a run's series named `name`.
  [[nodiscard]] static double series_value(const QLineSeries* series, double t_min);
  //! Series of a metric for a run label ("<label>", or "<label> · view" for loss of view).
  [[nodiscard]] QLineSeries* series(Metric metric, const QString& name) const;

 signals:
  //! The user zoomed or panned a chart to this time window (minutes).
  void windowChosen(double from_min, double to_min);

 private:
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void show_window();
  [[nodiscard]] double full_horizon_h() const;
  void rebuild();
  void fit_to_height();
  void place_marker(Metric metric);

  std::vector<RunPtr> runs_;
  RunPtr current_;
  double time_ = 0;
  QLabel* legend_ = nullptr;  // the runs, their colours, and which are identical
  double window_from_ = 0;
  double window_to_ = 0;
  bool showing_window_ = false;  // setting the axes: their rangeChanged is not the user's
  std::array<QChartView*, MetricCount> views_{};
  std::array<QLineSeries*, MetricCount> markers_{};
  std::array<QCategoryAxis*, MetricCount> x_axes_{};
  std::array<QValueAxis*, MetricCount> y_axes_{};
  std::array<int, MetricCount> nice_ticks_{5, 5, 5, 5};  // value labels on whole steps
};

}  // namespace blackstart::gui
