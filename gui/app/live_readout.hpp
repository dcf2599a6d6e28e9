#pragma once
#include <QWidget>

#include "controllers/run_snapshot.hpp"

class QAction;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace blackstart::gui {

class PerformancePlot;
class ViewState;

//! Next to the time slider: what the network delivers at the chosen time (customers without power,
//! MW shed, passengers affected, performance Q) and Q(t) over the time window with the worst impact
//! marked. The numbers are the engine's trace at that time (metrics::point_at), summed over layers.
class LiveReadout : public QWidget {
  Q_OBJECT
 public:
  explicit LiveReadout(QWidget* parent = nullptr);
  //! Reads the state's run, time and time window from now on; a click on the plot sets the time.
  void follow(ViewState* state);
  //! A button for an action (the window's "full horizon" toggle) at the end of the strip.
  void add_button(QAction* action);

  void set_run(const RunPtr& run);
  void set_time(double t_min);
  [[nodiscard]] PerformancePlot* plot() const { return plot_; }
  //! The shown figures, for tests: customers, MW, passengers per hour, Q.
  [[nodiscard]] double customers() const { return customers_; }
  [[nodiscard]] double shed_mw() const { return shed_mw_; }
  [[nodiscard]] double passengers() const { return passengers_; }
  [[nodiscard]] double performance() const { return performance_; }

 private:
  void resizeEvent(QResizeEvent* event) override;
  void show_values();
  //! The worst-impact caption, in the longest wording that fits.
  void fit_caption();

  RunPtr run_;
  double time_ = 0;
  double customers_ = 0;
  double shed_mw_ = 0;
  double passengers_ = 0;
  double performance_ = 1;
  QLabel* q_ = nullptr;
  QLabel* customers_label_ = nullptr;
  QLabel* mw_label_ = nullptr;
  QLabel* passengers_label_ = nullptr;
  QLabel* worst_ = nullptr;
  PerformancePlot* plot_ = nullptr;
  QHBoxLayout* buttons_ = nullptr;
};

}  // namespace blackstart::gui
