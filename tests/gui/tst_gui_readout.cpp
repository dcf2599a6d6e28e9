// The live readout next to the time slider and the time axis that follows the action: figures equal
// to the engine's trace at the chosen time, Q(t) with the worst impact marked where summarize puts
// it, the slider and the four charts opening on the active period and zooming together, and the full
// horizon one click away. The engine's answers are computed here without any GUI code.
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QTest>
#include <QValueAxis>
#include <QWheelEvent>
#include <memory>

#include "app/charts_panel.hpp"
#include "app/live_readout.hpp"
#include "app/main_window.hpp"
#include "app/performance_plot.hpp"
#include "app/timeline_widget.hpp"
#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/metrics/time_course.hpp"
#include "controllers/view_state.hpp"
#include "gui_test_support.hpp"

using namespace blackstart;
using namespace blackstart::gui;

class ReadoutTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void readout_equals_the_trace_at_the_chosen_time();
  void performance_plot_marks_the_worst_impact();
  void slider_and_charts_open_on_the_active_period();
  void zooming_one_chart_zooms_the_others_and_the_slider();
  void full_horizon_is_one_click_away();
  void playing_past_the_window_pans_it();
  void cleanupTestCase();

 private:
  [[nodiscard]] QValueAxis* x_axis(ChartsPanel::Metric metric) const;
  void check_window(double from_min, double to_min) const;

  std::unique_ptr<MainWindow> window_;
  sim::RunResult reference_;
};

QValueAxis* ReadoutTest::x_axis(ChartsPanel::Metric metric) const {
  const auto axes = window_->charts()->chart(metric)->axes(Qt::Horizontal);
  return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis*>(axes.front());
}

void ReadoutTest::check_window(double from_min, double to_min) const {
  for (int m = 0; m < ChartsPanel::MetricCount; ++m) {
    auto* x = x_axis(static_cast<ChartsPanel::Metric>(m));
    QVERIFY(x);
    QCOMPARE(qRound(x->min() * 600), qRound(from_min * 10));
    QCOMPARE(qRound(x->max() * 600), qRound(to_min * 10));
  }
  auto* slider = window_->timeline()->slider();
  QCOMPARE(slider->minimum(), qRound(from_min * 10));
  QCOMPARE(slider->maximum(), qRound(std::min(to_min, reference_.horizon_min) * 10));
}

void ReadoutTest::initTestCase() {
  test::isolate_settings();
  QSettings().clear();
  window_ = std::make_unique<MainWindow>();
  window_->resize(1024, 700);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));

  const auto loaded = io::load_builtin_scenario("tutorial");
  QVERIFY(loaded.ok());
  reference_ = sim::simulate(*loaded.scenario);

  QVERIFY(window_->open_path(test::source_path("scenarios/tutorial.yaml")));
  window_->run_now();
  QVERIFY(window_->wait_for_runs());
  QVERIFY(window_->current_run());
  QCOMPARE(window_->current_run()->result.changes.size(), reference_.changes.size());
}

void ReadoutTest::readout_equals_the_trace_at_the_chosen_time() {
  auto* readout = window_->live_readout();
  for (double t : {0.0, 12.0, 16.0, 21.0, 30.0, 45.0, 90.0, 150.0, 240.0, reference_.horizon_min}) {
    window_->set_time(t);
    QCoreApplication::processEvents();
    const auto& point = metrics::point_at(reference_, t);
    const auto totals = test::reference_totals(reference_, t);
    QCOMPARE(readout->customers(), totals.customers_without_power);
    QCOMPARE(readout->shed_mw(), totals.shed_mw);
    QCOMPARE(readout->passengers(), totals.passengers_affected);
    QCOMPARE(readout->performance(), metrics::overall_performance(reference_, point));
  }
  // The labels show the same figures.
  window_->set_time(30);
  QCoreApplication::processEvents();
  const auto totals = test::reference_totals(reference_, 30);
  auto* customers = readout->findChild<QLabel*>(QStringLiteral("readoutCustomers"));
  QVERIFY(customers);
  QVERIFY2(customers->text().startsWith(QLocale().toString(totals.customers_without_power, 'f', 0)),
           qPrintable(customers->text()));
}

void ReadoutTest::performance_plot_marks_the_worst_impact() {
  const auto summary = metrics::summarize(reference_);
  auto* plot = window_->live_readout()->plot();
  QCOMPARE(plot->worst_time(), summary.time_of_worst_impact_min);
  QCOMPARE(plot->worst_performance(),
           metrics::overall_performance(reference_,
                                        metrics::point_at(reference_, summary.time_of_worst_impact_min)));
  // The mark is the lowest point of the curve drawn.
  const auto& curve = plot->curve();
  QVERIFY(!curve.empty());
  for (const auto& step : curve) QVERIFY(step.performance >= plot->worst_performance());
  // And it says what it is: the minimum of Q, not the customer peak.
  auto* worst = window_->live_readout()->findChild<QLabel*>(QStringLiteral("readoutWorst"));
  QVERIFY(worst);
  QVERIFY2(worst->text().contains(QStringLiteral("of Q")), qPrintable(worst->text()));
  QVERIFY(worst->toolTip().contains(QStringLiteral("minimum of Q")));
  QVERIFY(worst->toolTip().contains(QStringLiteral("not the customer peak")));
  QVERIFY(worst->toolTip().contains(QLocale().toString(summary.peak_customers_without_power, 'f', 0)));
}

void ReadoutTest::slider_and_charts_open_on_the_active_period() {
  // Shown again: a new run opens on its active period, with margin.
  window_->view_state()->show_run(window_->current_run(), 30);
  QCoreApplication::processEvents();
  const auto expected = metrics::active_window(reference_);
  const auto period = metrics::active_period(reference_);
  QVERIFY(expected.from_min < period.from_min || expected.from_min == 0);
  QVERIFY(expected.to_min > period.to_min);
  QVERIFY(expected.to_min < reference_.horizon_min);
  check_window(expected.from_min, expected.to_min);
  QVERIFY(!window_->action(QStringLiteral("actionFullHorizon"))->isChecked());
}

void ReadoutTest::zooming_one_chart_zooms_the_others_and_the_slider() {
  // A rubber band on the shed chart: what QChartView does on a horizontal drag.
  auto* chart = window_->charts()->chart(ChartsPanel::ShedMw);
  const QRectF plot = chart->plotArea();
  chart->zoomIn(QRectF(plot.left() + plot.width() * 0.25, plot.top(), plot.width() * 0.5, plot.height()));
  QCoreApplication::processEvents();
  const auto window = window_->view_state()->time_window();
  const auto before = metrics::active_window(reference_);
  QVERIFY(window.to_min - window.from_min < (before.to_min - before.from_min) * 0.6);
  check_window(window.from_min, window.to_min);

  // The wheel over another chart zooms out all of them.
  auto* view = window_->charts()->view(ChartsPanel::CustomersWithoutPower);
  const QPoint centre = view->viewport()->rect().center();
  QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(view->viewport(), &wheel);
  QCoreApplication::processEvents();
  const auto wider = window_->view_state()->time_window();
  QVERIFY(wider.to_min - wider.from_min > window.to_min - window.from_min);
  check_window(wider.from_min, wider.to_min);

  // Shift+wheel pans, keeping the width.
  QWheelEvent pan(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                  Qt::ShiftModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(view->viewport(), &pan);
  QCoreApplication::processEvents();
  const auto panned = window_->view_state()->time_window();
  QVERIFY(panned.from_min > wider.from_min);
  QCOMPARE(qRound((panned.to_min - panned.from_min) * 10), qRound((wider.to_min - wider.from_min) * 10));
  check_window(panned.from_min, panned.to_min);

  // Right-click zooms out in time only: the value axis keeps its range.
  auto* passengers = window_->charts()->view(ChartsPanel::PassengersAffected);
  const auto y_axes = window_->charts()->chart(ChartsPanel::PassengersAffected)->axes(Qt::Vertical);
  QVERIFY(!y_axes.isEmpty());
  auto* y = qobject_cast<QValueAxis*>(y_axes.front());
  const double y_min = y->min(), y_max = y->max();
  const QPoint middle = passengers->viewport()->rect().center();
  QTest::mouseClick(passengers->viewport(), Qt::RightButton, Qt::NoModifier, middle);
  QCoreApplication::processEvents();
  const auto out = window_->view_state()->time_window();
  QVERIFY(out.to_min - out.from_min > panned.to_min - panned.from_min);
  check_window(out.from_min, out.to_min);
  QCOMPARE(y->min(), y_min);
  QCOMPARE(y->max(), y_max);
}

void ReadoutTest::full_horizon_is_one_click_away() {
  auto* full = window_->action(QStringLiteral("actionFullHorizon"));
  QVERIFY(full->isEnabled());
  QVERIFY(!full->isChecked());
  full->trigger();
  QCoreApplication::processEvents();
  QVERIFY(full->isChecked());
  check_window(0, reference_.horizon_min);
  // Again: back to the active period.
  full->trigger();
  QCoreApplication::processEvents();
  QVERIFY(!full->isChecked());
  const auto active = metrics::active_window(reference_);
  check_window(active.from_min, active.to_min);
}

void ReadoutTest::playing_past_the_window_pans_it() {
  const auto active = metrics::active_window(reference_);
  window_->set_time(reference_.horizon_min);
  QCoreApplication::processEvents();
  const auto window = window_->view_state()->time_window();
  QCOMPARE(window.to_min, reference_.horizon_min);
  QCOMPARE(qRound((window.to_min - window.from_min) * 10), qRound((active.to_min - active.from_min) * 10));
  QCOMPARE(window_->timeline()->slider()->value(), qRound(reference_.horizon_min * 10));
  check_window(window.from_min, window.to_min);
}

void ReadoutTest::cleanupTestCase() {
  window_.reset();
}

QTEST_MAIN(ReadoutTest)
#include "tst_gui_readout.moc"
