#pragma once
#include <QWidget>
#include <array>

#include "controllers/run_snapshot.hpp"

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
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
  //! Draws the state's shown and compared runs and marks its time from now on.
  void follow(const ViewState* state);
  //! Runs to draw; `current` is drawn strongest.
  void set_runs(const std::vector<RunPtr>& runs, const RunPtr& current);
  void set_time(double t_min);
  [[nodiscard]] QChart* chart(Metric metric) const;
  [[nodiscard]] QChartView* view(Metric metric) const { return views_[metric]; }
  [[nodiscard]] static QString title(Metric metric);
  //! The runs named above the charts (shown when there are two or more).
  [[nodiscard]] QLabel* legend() const { return legend_; }

  //! The value a metric series shows at time t (step function), for a run's series named `name`.
  [[nodiscard]] static double series_value(const QLineSeries* series, double t_min);
  //! Series of a metric for a run label ("<label>", or "<label> · view" for loss of view).
  [[nodiscard]] QLineSeries* series(Metric metric, const QString& name) const;

 private:
  void resizeEvent(QResizeEvent* event) override;
  void rebuild();
  void fit_to_height();
  void place_marker(Metric metric);
  //! Tick step and label decimals of a chart's time axis for its visible range and width.
  void fit_time_axis(int metric);

  std::vector<RunPtr> runs_;
  RunPtr current_;
  double time_ = 0;
  QLabel* legend_ = nullptr;  // the runs, their colours, and which are identical
  std::array<QChartView*, MetricCount> views_{};
  std::array<QLineSeries*, MetricCount> markers_{};
  std::array<QValueAxis*, MetricCount> x_axes_{};
  std::array<QValueAxis*, MetricCount> y_axes_{};
  std::array<int, MetricCount> nice_ticks_{5, 5, 5, 5};  // value labels on whole steps
};

}  // namespace blackstart::gui
