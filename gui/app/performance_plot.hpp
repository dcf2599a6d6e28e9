#pragma once
#include <QWidget>
#include <vector>

#include "blackstart/metrics/time_course.hpp"
#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

//! The overall performance Q(t) of the shown run over the time window, painted as a step curve
//! with the chosen time and the worst impact (the minimum of Q) marked. Click or drag to choose a
//! time. Painted directly, so scrubbing costs a few line segments, not a chart layout.
class PerformancePlot : public QWidget {
  Q_OBJECT
 public:
  explicit PerformancePlot(QWidget* parent = nullptr);

  void set_run(const RunPtr& run);
  void set_window(double from_min, double to_min);
  void set_time(double t_min);

  [[nodiscard]] const std::vector<metrics::PerformanceStep>& curve() const { return curve_; }
  //! The marked worst impact: summary.time_of_worst_impact_min and Q there.
  [[nodiscard]] double worst_time() const { return worst_time_; }
  [[nodiscard]] double worst_performance() const { return worst_q_; }
  //! Horizontal position of time t in the plot (widget pixels).
  [[nodiscard]] double x_of(double t_min) const;
  [[nodiscard]] QSize sizeHint() const override;
  [[nodiscard]] QSize minimumSizeHint() const override;

 signals:
  void timeChosen(double t_min);

 private:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;
  [[nodiscard]] QRectF plot_rect() const;
  [[nodiscard]] double y_of(double q) const;
  [[nodiscard]] double time_at(double x) const;

  RunPtr run_;
  std::vector<metrics::PerformanceStep> curve_;
  double from_ = 0;
  double to_ = 0;
  double time_ = 0;
  double worst_time_ = 0;
  double worst_q_ = 1;
};

}  // namespace blackstart::gui
