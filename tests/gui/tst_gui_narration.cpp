// The Story panel: the run told by the engine's narrative, clicks that move the time, ticks on the
// timeline, and the story in the exported report.
#include <QDockWidget>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include "app/export.hpp"
#include "app/main_window.hpp"
#include "app/narration_panel.hpp"
#include "app/timeline_markers.hpp"
#include "app/timeline_widget.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/report/narrative.hpp"
#include "controllers/run_controller.hpp"
#include "gui_test_support.hpp"

using namespace blackstart;
using namespace blackstart::gui;

class NarrationTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void tells_the_tutorial_at_its_times();
  void a_click_moves_the_time_and_the_line_follows_it();
  void the_timeline_has_a_tick_per_line();
  void the_report_carries_the_story();
  void a_new_scenario_clears_the_story();

 private:
  std::unique_ptr<MainWindow> window_;
  model::Scenario reference_scenario_;
  std::vector<report::NarrativeGroup> reference_;
};

void NarrationTest::initTestCase() {
  test::isolate_settings();
  window_ = std::make_unique<MainWindow>();
  window_->resize(1400, 900);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  auto loaded = io::load_scenario_file(test::source_path("scenarios/tutorial.yaml").toStdString());
  QVERIFY(loaded.ok());
  reference_scenario_ = std::move(*loaded.scenario);
  reference_ = report::build_narrative(reference_scenario_, sim::simulate(reference_scenario_));

  QVERIFY(window_->open_path(test::source_path("scenarios/tutorial.yaml")));
  QSignalSpy finished(window_->run_controller(), &RunController::runFinished);
  QTest::keyClick(window_.get(), Qt::Key_R, Qt::ControlModifier);
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
  QVERIFY(window_->current_run());
}

void NarrationTest::tells_the_tutorial_at_its_times() {
  auto* panel = window_->narration();
  QVERIFY(panel);
  auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("storyDock"));
  QVERIFY(dock);
  QCOMPARE(dock->windowTitle(), QStringLiteral("Story"));
  QCOMPARE(panel->groups().size(), reference_.size());
  QCOMPARE(panel->list()->count(), static_cast<int>(reference_.size()));
  // The tutorial: HMI hijacked at 08:10, the south substation opened at 08:15.
  int south = -1;
  for (int row = 0; row < panel->list()->count(); ++row) {
    const QString text = panel->list()->item(row)->text();
    QCOMPARE(text,
             QString::fromStdString(report::narrative_line(reference_scenario_, reference_[row]).text()));
    if (text.startsWith(QStringLiteral("08:15 ")) && text.contains(QStringLiteral("open-south"))) south = row;
  }
  QVERIFY(south >= 0);
  QVERIFY(panel->list()->item(south)->text().contains(QStringLiteral("lose")));
  QVERIFY(panel->list()->item(0)->text().startsWith(QStringLiteral("08:10 ")));
}

void NarrationTest::a_click_moves_the_time_and_the_line_follows_it() {
  auto* panel = window_->narration();
  auto* list = panel->list();
  const int row = 1;
  QVERIFY(list->count() > row);
  auto* item = list->item(row);
  list->scrollToItem(item);
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
  QCOMPARE(window_->time(), reference_[row].time_min);
  QCOMPARE(list->currentRow(), row);
  // Moving the time elsewhere highlights the line in effect then.
  window_->timeline()->set_time(reference_.back().time_min + 1);
  QCOMPARE(list->currentRow(), list->count() - 1);
  window_->timeline()->set_time(0);
  QCOMPARE(list->currentRow(), -1);
}

void NarrationTest::the_timeline_has_a_tick_per_line() {
  auto* markers = window_->timeline()->markers();
  QCOMPARE(markers->markers().size(), reference_.size());
  for (std::size_t i = 0; i < reference_.size(); ++i) {
    QCOMPARE(markers->markers()[i].time_min, reference_[i].time_min);
    QVERIFY(markers->x_of(reference_[i].time_min) >= 0);
  }
  // Later moments sit further right on the slider.
  QVERIFY(markers->x_of(reference_.back().time_min) > markers->x_of(reference_.front().time_min));
}

void NarrationTest::the_report_carries_the_story() {
  const auto run = window_->current_run();
  ReportContent content{run, QStringLiteral("tutorial.yaml"), QImage(), QImage(), 60.0};
  const QString html = report_html(content, true);
  QVERIFY(html.contains(QStringLiteral("Story of the run")));
  const auto first = report::narrative_line(reference_scenario_, reference_.front());
  QVERIFY(html.contains(QString::fromStdString(first.what).toHtmlEscaped()));
}

void NarrationTest::a_new_scenario_clears_the_story() {
  QVERIFY(window_->open_path(test::source_path("scenarios/ukraine-2015.yaml")));
  QCOMPARE(window_->narration()->list()->count(), 0);
  QVERIFY(window_->timeline()->markers()->markers().empty());
}

QTEST_MAIN(NarrationTest)
#include "tst_gui_narration.moc"
