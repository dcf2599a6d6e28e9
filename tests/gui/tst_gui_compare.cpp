// The side-by-side what-if: loss-of-control / loss-of-view hours and Δ vs baseline in the runs table
// (coloured, exported), and the compare window — two canvases at the window's time with the elements
// whose condition differs ringed on both — by menu action, and by `--screenshot --view compare`.
// The engine's answers are computed here without any GUI code.
#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <memory>

#include "app/compare_actions.hpp"
#include "app/compare_window.hpp"
#include "app/main_window.hpp"
#include "app/timeline_widget.hpp"
#include "blackstart/metrics/metric_table.hpp"
#include "blackstart/model/scenario.hpp"
#include "canvas/difference_overlay.hpp"
#include "canvas/legend_bar.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"
#include "canvas/palette.hpp"
#include "controllers/view_state.hpp"
#include "gui_test_support.hpp"
#include "models/runs_model.hpp"

using namespace blackstart;
using namespace blackstart::gui;

namespace {
// 22 h in: the re-flashed gateways of `recoverable-gateways` work again, the baseline's are still being
// replaced (tests/unit/metrics/supervision_hours_test.cpp has the engine's side).
constexpr double kAt = 22 * 60.0;
constexpr const char* kDiffers = "cyber/pry-gw-01";
constexpr const char* kSame = "transport/trolleybus-if-1";

//! Elements whose state (restored = in service) or control / view flag differ at t, from the raw
//! change lists.
std::vector<ElementIndex> reference_difference(const sim::RunResult& a, const sim::RunResult& b, double t) {
  auto normal = [](sim::State s) { return s == sim::State::Restored ? sim::State::InService : s; };
  std::vector<ElementIndex> out;
  for (ElementIndex e = 0; e < a.final_states.size(); ++e) {
    const bool differs = normal(test::reference_state(a, e, t)) != normal(test::reference_state(b, e, t)) ||
                         test::reference_flag(a, e, t, sim::ChangeKind::Control) !=
                             test::reference_flag(b, e, t, sim::ChangeKind::Control) ||
                         test::reference_flag(a, e, t, sim::ChangeKind::View) !=
                             test::reference_flag(b, e, t, sim::ChangeKind::View);
    if (differs) out.push_back(e);
  }
  return out;
}
}  // namespace

class CompareTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void runs_table_shows_hours_and_deltas();
  void another_baseline_turns_the_deltas_round();
  void compare_window_rings_the_differences_on_both_canvases();
  void both_canvases_follow_the_one_time_slider();
  void zoom_is_locked_between_the_canvases();
  void the_compare_window_has_its_own_legend();
  void screenshot_of_the_compare_view();
  void cleanupTestCase();

 private:
  [[nodiscard]] int row_of(const QString& label) const;
  [[nodiscard]] metrics::Summary reference_summary(const std::vector<std::string>& mitigations) const;
  [[nodiscard]] ElementIndex id(const char* text) const;

  std::unique_ptr<MainWindow> window_;
  std::shared_ptr<const model::Scenario> scenario_;
};

int CompareTest::row_of(const QString& label) const {
  auto* runs = window_->runs_model();
  for (int row = 0; row < runs->rowCount(); ++row)
    if (runs->run(row)->label == label) return row;
  return -1;
}

metrics::Summary CompareTest::reference_summary(const std::vector<std::string>& mitigations) const {
  model::Scenario scenario = *scenario_;
  if (model::apply_mitigations(scenario, mitigations).has_errors()) return {};
  return metrics::summarize(sim::simulate(scenario));
}

ElementIndex CompareTest::id(const char* text) const {
  return *scenario_->network.find(text);
}

void CompareTest::initTestCase() {
  test::isolate_settings();
  QSettings().clear();
  window_ = std::make_unique<MainWindow>();
  window_->resize(1280, 800);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  QVERIFY(window_->open_path(test::source_path("scenarios/ukraine-2015.yaml")));
  scenario_ = window_->document()->scenario();
  window_->run_what_if();
  QVERIFY(window_->wait_for_runs(120000));
  QCOMPARE(window_->runs_model()->rowCount(), 1 + static_cast<int>(scenario_->mitigations.size()));
}

void CompareTest::runs_table_shows_hours_and_deltas() {
  auto* runs = window_->runs_model();
  QCOMPARE(runs->baseline(), 0);  // the first run, until the user marks another
  const int gateways = row_of(QStringLiteral("recoverable-gateways"));
  QVERIFY(gateways > 0);
  const auto base = reference_summary({});
  const auto gw = reference_summary({"recoverable-gateways"});
  // The hours columns are the engine's figures, shown with one decimal.
  QCOMPARE(runs->index(0, RunsModel::LossOfControlHours).data(Qt::UserRole).toDouble(),
           base.loss_of_control_hours);
  QCOMPARE(runs->index(gateways, RunsModel::LossOfViewHours).data(Qt::UserRole).toDouble(),
           gw.loss_of_view_hours);
  QCOMPARE(runs->index(0, RunsModel::LossOfControlHours).data().toString(),
           QLocale().toString(base.loss_of_control_hours, 'f', 1));
  // Recoverable gateways give operators control back sooner: fewer loss-of-control hours, in green.
  const auto loc = runs->index(gateways, RunsModel::DeltaLossOfControlHours);
  QCOMPARE(loc.data(Qt::UserRole).toDouble(), gw.loss_of_control_hours - base.loss_of_control_hours);
  QVERIFY(gw.loss_of_control_hours < base.loss_of_control_hours);
  QCOMPARE(runs->verdict(gateways, RunsModel::DeltaLossOfControlHours), +1);
  QCOMPARE(loc.data().toString(),
           QStringLiteral("−") +
               QLocale().toString(base.loss_of_control_hours - gw.loss_of_control_hours, 'f', 1));
  QCOMPARE(loc.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0x10, 0x6B, 0x2E));
  // The baseline's own Δ cells say so rather than showing zeros.
  QCOMPARE(runs->index(0, RunsModel::DeltaLossOfControlHours).data().toString(), QStringLiteral("—"));
  QVERIFY(runs->index(0, RunsModel::Run).data().toString().endsWith(QStringLiteral("(baseline)")));
  // Δ customer-hours of every run is its customer-hours minus the baseline's.
  for (int row = 0; row < runs->rowCount(); ++row) {
    const auto& s = runs->run(row)->summary;
    const double expected = (s.customer_minutes_interrupted - base.customer_minutes_interrupted) / 60.0;
    QVERIFY(std::abs(runs->delta(row, RunsModel::DeltaCustomerHours).value() - expected) < 1e-6);
  }
  // Pre-positioned crews restore faster: fewer customer-hours, green.
  QCOMPARE(runs->verdict(row_of(QStringLiteral("prepositioned-crews")), RunsModel::DeltaCustomerHours), +1);
  // The CSV export carries the hours, the deltas and the baseline they are measured against.
  const QStringList lines = runs->to_csv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  const QStringList header = lines.front().split(QLatin1Char(','));
  for (const char* name :
       {"loss_of_control_hours", "loss_of_view_hours", "delta_customer_hours", "delta_loss_of_control_hours",
        "delta_loss_of_view_hours", "delta_resilience_index", "delta_vs"})
    QVERIFY2(header.contains(QLatin1String(name)), name);
  const QStringList gw_cells = lines[gateways + 1].split(QLatin1Char(','));
  // The CSV rounds to its printed digits (-3.06667 h for -3.0666...).
  QVERIFY(std::abs(gw_cells[header.indexOf(QStringLiteral("delta_loss_of_control_hours"))].toDouble() -
                   (gw.loss_of_control_hours - base.loss_of_control_hours)) < 1e-4);
  QCOMPARE(gw_cells.back(), QStringLiteral("baseline"));
}

void CompareTest::another_baseline_turns_the_deltas_round() {
  auto* runs = window_->runs_model();
  const int gateways = row_of(QStringLiteral("recoverable-gateways"));
  QSignalSpy changed(runs, &RunsModel::baselineChanged);
  // As the runs table's context menu does.
  runs->set_baseline(gateways);
  QCOMPARE(changed.count(), 1);
  QCOMPARE(runs->baseline(), gateways);
  QCOMPARE(runs->verdict(0, RunsModel::DeltaLossOfControlHours), -1);  // the old baseline is worse: red
  QCOMPARE(
      runs->index(0, RunsModel::DeltaLossOfControlHours).data(Qt::ForegroundRole).value<QBrush>().color(),
      QColor(0xA3, 0x1B, 0x12));
  QVERIFY(runs->to_csv().split(QLatin1Char('\n'))[1].endsWith(QStringLiteral(",recoverable-gateways")));
  runs->set_baseline(0);
  QCOMPARE(runs->baseline(), 0);
}

void CompareTest::compare_window_rings_the_differences_on_both_canvases() {
  auto* action = window_->action(QStringLiteral("actionCompare"));
  QVERIFY(action);
  QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
  action->trigger();
  auto* compare = window_->compare()->window();
  QVERIFY(compare);
  QVERIFY(QTest::qWaitForWindowExposed(compare));
  const int gateways = row_of(QStringLiteral("recoverable-gateways"));
  QVERIFY(compare->set_runs(0, gateways));
  QCOMPARE(compare->baseline_run(), window_->runs_model()->run(0));
  QCOMPARE(compare->what_if_run()->label, QStringLiteral("recoverable-gateways"));

  const double t = kAt;
  window_->set_time(t);
  const auto expected =
      reference_difference(compare->baseline_run()->result, compare->what_if_run()->result, t);
  QVERIFY(!expected.empty());
  QCOMPARE(compare->highlighted_baseline(), expected);
  QCOMPARE(compare->highlighted_what_if(), expected);
  QVERIFY(std::find(expected.begin(), expected.end(), id(kDiffers)) != expected.end());
  QVERIFY(std::find(expected.begin(), expected.end(), id(kSame)) == expected.end());
  QVERIFY(compare->summary_text().contains(QStringLiteral("%1 elements").arg(expected.size())));
  // The captions give each side's figures at that time.
  const auto totals = test::reference_totals(compare->what_if_run()->result, t);
  QVERIFY(compare->caption_text(1).contains(
      QStringLiteral("%1 assets without control").arg(totals.loss_of_control)));
  // At the start nothing has happened in either run.
  window_->set_time(0);
  QVERIFY(compare->highlighted_baseline().empty());
  QVERIFY(compare->summary_text().contains(QStringLiteral("both runs are the same")));
}

void CompareTest::both_canvases_follow_the_one_time_slider() {
  auto* compare = window_->compare()->open();
  // Moving the compare window's slider moves the main window's time, and the reverse.
  auto* slider = compare->timeline()->slider();
  slider->setValue(slider->minimum() + (slider->maximum() - slider->minimum()) / 2);
  const double t = slider->value() / 10.0;
  QCOMPARE(window_->time(), t);
  QCOMPARE(compare->difference().time_min, t);
  window_->set_time(kAt);
  QCOMPARE(compare->timeline()->time(), kAt);
  QCOMPARE(compare->difference().time_min, kAt);
  // Clicking an asset on the what-if canvas selects it in the window, and on both canvases.
  window_->view_state()->select(model::kNoElement);
  auto* view = compare->what_if_view();
  const QPoint at = view->mapFromScene(view->network_scene()->position_of(id(kDiffers)));
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
  QCOMPARE(window_->view_state()->selected(), id(kDiffers));
  QCOMPARE(compare->baseline_view()->network_scene()->selected(), id(kDiffers));
}

void CompareTest::zoom_is_locked_between_the_canvases() {
  auto* compare = window_->compare()->window();
  compare->baseline_view()->zoom_by(2.0);
  QCOMPARE(compare->what_if_view()->transform(), compare->baseline_view()->transform());
  compare->what_if_view()->zoom_by(0.8);
  QCOMPARE(compare->baseline_view()->transform(), compare->what_if_view()->transform());
  compare->fit_all();
}

void CompareTest::the_compare_window_has_its_own_legend() {
  auto* compare = window_->compare()->open();
  QVERIFY(compare->set_runs(0, row_of(QStringLiteral("recoverable-gateways"))));
  auto* legend = compare->legend();
  QVERIFY(legend);
  QCOMPARE(legend->window(), compare);  // its own, not the main window's
  QVERIFY(legend->isVisible());
  // Under both canvases, above the time slider, across the window.
  const QPoint legend_top = legend->mapTo(compare, QPoint(0, 0));
  QVERIFY(legend_top.y() >=
          compare->what_if_view()->mapTo(compare, QPoint(0, compare->what_if_view()->height())).y());
  QVERIFY(legend_top.y() + legend->height() <= compare->timeline()->mapTo(compare, QPoint(0, 0)).y());
  QVERIFY(legend->width() > compare->baseline_view()->width());

  // Every state, both rings and the difference ring, in that order; no shapes or arrows (the
  // main window's legend has those).
  QStringList expected{QStringLiteral("State:")};
  for (auto s : all_states()) expected << state_label(s);
  expected << QStringLiteral("Ring:") << QStringLiteral("loss of control") << QStringLiteral("loss of view")
           << QStringLiteral("differs between the runs");
  QCOMPARE(legend->texts(), expected);

  // Painted: each state's colour and the difference ring's colour appear in the bar's pixels.
  const QImage image = legend->grab().toImage().convertToFormat(QImage::Format_RGB32);
  auto count = [&image](QColor c) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) n += image.pixelColor(x, y) == c ? 1 : 0;
    return n;
  };
  for (auto s : all_states()) QVERIFY2(count(state_color(s)) >= 20, qPrintable(state_label(s)));
  QVERIFY(count(DifferenceOverlay::color()) >= 5);

  // On a narrow window the rows wrap and the bar grows: nothing is cut off.
  const int wide = legend->height();
  compare->resize(520, compare->height());
  QTRY_VERIFY(legend->height() > wide);
  QCOMPARE(legend->height(),
           static_cast<int>(std::ceil(legend_band_height(legend->width(), legend->font(), legend->parts()))));
  compare->resize(1200, 720);
  QTRY_COMPARE(legend->height(), wide);
}

void CompareTest::screenshot_of_the_compare_view() {
  QTemporaryDir dir;
  const QString out = dir.filePath(QStringLiteral("compare.png"));
  QProcess process;
  process.start(QStringLiteral(BLACKSTART_GUI_EXE),
                {QStringLiteral("--screenshot"), out, QStringLiteral("--view"), QStringLiteral("compare"),
                 QStringLiteral("--compare"), QStringLiteral("recoverable-gateways"), QStringLiteral("--at"),
                 QStringLiteral("22h"), QStringLiteral("--size"), QStringLiteral("1024x700"),
                 QStringLiteral("ukraine-2015")});
  QVERIFY(process.waitForFinished(120000));
  QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
  const QImage image(out);
  QCOMPARE(image.size(), QSize(1024, 700));
  // The legend band: its top line is a row of (190, 190, 185) across the window.
  int band = -1;
  for (int y = image.height() - 1; y >= 0 && band < 0; --y) {
    int grey = 0;
    for (int x = 0; x < image.width(); ++x) grey += image.pixelColor(x, y) == QColor(190, 190, 185) ? 1 : 0;
    if (grey > image.width() * 9 / 10) band = y;
  }
  QVERIFY2(band > image.height() / 2, qPrintable(QString::number(band)));
  // The rings are drawn on the canvases (above the band): pixels of the difference colour; and
  // the band has the same ring in its key.
  int hits = 0, key = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (image.pixelColor(x, y) == DifferenceOverlay::color()) ++(y < band ? hits : key);
  QVERIFY2(hits > 50, qPrintable(QString::number(hits)));
  QVERIFY2(key > 0, qPrintable(QString::number(key)));

  // A name that is not one of the runs is refused, naming it.
  QProcess bad;
  bad.start(QStringLiteral(BLACKSTART_GUI_EXE),
            {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("bad.png")),
             QStringLiteral("--view"), QStringLiteral("compare"), QStringLiteral("--compare"),
             QStringLiteral("no-such-mitigation"), QStringLiteral("ukraine-2015")});
  QVERIFY(bad.waitForFinished(120000));
  QCOMPARE(bad.exitCode(), 1);
  QVERIFY(bad.readAllStandardError().contains("no what-if run 'no-such-mitigation'"));
  QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("bad.png"))));
}

void CompareTest::cleanupTestCase() {
  window_.reset();
}

QTEST_MAIN(CompareTest)
#include "tst_gui_compare.moc"
