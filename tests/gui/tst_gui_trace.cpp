// "What did this take down?": the highlight on the canvas and the list in the inspector, "needed by"
// with power carried through lines, Back/Forward through selected assets, the cause chain's link
// to its scenario event or campaign step (selected in the Attack view), the events table sorted by
// time, and --downstream in screenshots.
#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsView>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>

#include "app/attack_panel.hpp"
#include "app/inspector_panel.hpp"
#include "app/main_window.hpp"
#include "app/scenario_events_panel.hpp"
#include "app/trace_actions.hpp"
#include "app/trace_panel.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/supply_reach.hpp"
#include "canvas/attack_graph_scene.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/palette.hpp"
#include "canvas/trace_highlight_item.hpp"
#include "controllers/run_controller.hpp"
#include "gui_test_support.hpp"
#include "models/scenario_events_model.hpp"

using namespace blackstart;
using namespace blackstart::gui;

namespace {

QStringList ids_of(const model::Network& net, const std::vector<ElementIndex>& elements) {
  QStringList out;
  for (auto e : elements) out << QString::fromStdString(net.element(e).id);
  return out;
}

//! Rows under a top-level item of a tree: "kind element" per row.
QStringList rows_under(QTreeWidget* tree, const QString& top) {
  QStringList out;
  for (int i = 0; i < tree->topLevelItemCount(); ++i) {
    auto* item = tree->topLevelItem(i);
    if (item->text(0) != top) continue;
    for (int c = 0; c < item->childCount(); ++c)
      out << item->child(c)->text(0) + ' ' + item->child(c)->text(1);
  }
  return out;
}

}  // namespace

class TraceTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void highlights_and_lists_what_sub_north_took_down();
  void the_trace_follows_the_time();
  void needed_by_includes_power_through_lines();
  void back_and_forward_walk_the_cause_chain();
  void the_chain_links_its_event_in_the_time_sorted_table();
  void the_events_table_is_sorted_by_time();
  void the_chain_links_its_attack_step_in_the_attack_view();
  void screenshot_with_downstream();

 private:
  ElementIndex find(const char* id) const { return *window_->document()->scenario()->network.find(id); }
  std::unique_ptr<MainWindow> window_;
};

void TraceTest::initTestCase() {
  test::isolate_settings();
  window_ = std::make_unique<MainWindow>();
  window_->resize(1400, 900);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  QVERIFY(window_->open_path(test::source_path("scenarios/tutorial.yaml")));
  QSignalSpy finished(window_->run_controller(), &RunController::runFinished);
  QTest::keyClick(window_.get(), Qt::Key_R, Qt::ControlModifier);
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
  QVERIFY(window_->current_run());
}

void TraceTest::highlights_and_lists_what_sub_north_took_down() {
  const auto& net = window_->document()->scenario()->network;
  window_->set_time(30);
  auto* taken_down = window_->action(QStringLiteral("actionTakenDown"));
  QVERIFY(taken_down);
  window_->select_element(model::kNoElement);
  window_->select_element(find("power/sub-north"));
  QVERIFY(taken_down->isEnabled());
  // The inspector's button is the action.
  auto* button = window_->inspector()->findChild<QToolButton*>(QStringLiteral("takenDownButton"));
  QVERIFY(button);
  QCOMPARE(button->defaultAction(), taken_down);
  button->click();

  // At 30 min the north substation (opened at 20 min) holds down the whole town: the line in, its
  // lines on and what they feed, the south substation (opened itself at 15 min), the tram and the
  // centre's signals, and the road slowed by them. The SCADA's UPS still has battery.
  const QStringList expected{
      QStringLiteral("power/sub-south"),          QStringLiteral("power/load-centre"),
      QStringLiteral("power/load-hospital"),      QStringLiteral("power/load-depot"),
      QStringLiteral("power/l-infeed-north"),     QStringLiteral("power/l-north-south"),
      QStringLiteral("power/l-north-centre"),     QStringLiteral("power/l-south-hospital"),
      QStringLiteral("power/l-south-depot"),      QStringLiteral("transport/tram-1"),
      QStringLiteral("transport/signals-centre"), QStringLiteral("transport/road-centre")};
  QCOMPARE(ids_of(net, window_->scene()->highlighted()), expected);
  QCOMPARE(window_->scene()->canvas_model().trace_root, find("power/sub-north"));
  auto* panel = window_->trace()->panel();
  QStringList listed = panel->listed_ids();
  listed.sort();
  QStringList sorted = expected;
  sorted.sort();
  QCOMPARE(listed, sorted);
  QVERIFY2(panel->summary().contains(
               QStringLiteral("power/sub-north takes down %1 elements at 30min").arg(expected.size())),
           qPrintable(panel->summary()));
  // The list is the inspector's front tab, grouped by layer.
  QVERIFY(panel->isVisibleTo(window_->inspector()));
  QCOMPARE(panel->list()->topLevelItem(0)->text(0), QStringLiteral("power (9)"));
  QCOMPARE(panel->list()->topLevelItem(1)->text(0), QStringLiteral("transport (3)"));
  // The south substation was opened by its own event too (a crew is at it); the road is only slowed.
  const auto* south = panel->list()->topLevelItem(0)->child(0);
  QCOMPARE(south->text(0), QStringLiteral("sub-south"));
  QCOMPARE(south->text(1), QStringLiteral("power via l-north-south; also hit itself"));
  QCOMPARE(south->data(0, TracePanel::StateRole).toInt(), static_cast<int>(sim::State::UnderRepair));
  const auto* road = panel->list()->topLevelItem(1)->child(2);
  QCOMPARE(road->text(0), QStringLiteral("road-centre"));
  QCOMPARE(road->data(0, TracePanel::StateRole).toInt(), static_cast<int>(sim::State::Degraded));
  QCOMPARE(road->text(1), QStringLiteral("needs signals-centre (control)"));

  // The engine's answer, computed without the GUI, is the same.
  const auto run = window_->current_run();
  const auto reference = sim::downstream_of(run->scenario->network, run->result, find("power/sub-north"), 30);
  std::vector<ElementIndex> reference_ids;
  for (const auto& d : reference) reference_ids.push_back(d.element);
  QCOMPARE(window_->scene()->highlighted(), reference_ids);

  // Clicking a row inspects that element; the highlight stays.
  auto* layer = panel->list()->topLevelItem(0);
  auto* row = layer->child(0);
  emit panel->list()->itemClicked(row, 0);
  QCOMPARE(window_->view_state()->selected(),
           static_cast<ElementIndex>(row->data(0, TracePanel::ElementRole).toUInt()));
  QCOMPARE(QString::fromStdString(net.element(window_->view_state()->selected()).local_id), row->text(0));
  QCOMPARE(window_->scene()->highlighted().size(), static_cast<std::size_t>(expected.size()));
}

void TraceTest::the_trace_follows_the_time() {
  // Before the attack nothing is down; at 30 min the list is back.
  window_->trace()->trace(find("power/sub-north"));
  window_->set_time(5);
  QVERIFY(window_->scene()->highlighted().empty());
  QVERIFY(window_->trace()->panel()->summary().contains(QStringLiteral("takes nothing down at 5min")));
  window_->set_time(30);
  QVERIFY(!window_->scene()->highlighted().empty());
  window_->action(QStringLiteral("actionClearTrace"))->trigger();
  QVERIFY(window_->scene()->highlighted().empty());
  QCOMPARE(window_->scene()->canvas_model().trace_root, model::kNoElement);
  QVERIFY(!window_->trace()->controller()->active());
}

void TraceTest::needed_by_includes_power_through_lines() {
  window_->select_element(find("power/sub-north"));
  auto* deps = window_->inspector()->dependencies();
  // Fed through the line from the infeed; carries power on to its two lines.
  QCOMPARE(
      rows_under(deps, QStringLiteral("needs")),
      (QStringList{QStringLiteral("control cyber/rtu-north"), QStringLiteral("monitoring cyber/rtu-north"),
                   QStringLiteral("power power/l-infeed-north")}));
  QCOMPARE(rows_under(deps, QStringLiteral("needed by")),
           (QStringList{QStringLiteral("power power/l-north-south"),
                        QStringLiteral("power power/l-north-centre")}));
  // A load: fed through its line; needed by what depends on it.
  window_->select_element(find("power/load-centre"));
  QCOMPARE(rows_under(deps, QStringLiteral("needs")),
           (QStringList{QStringLiteral("power power/l-north-centre")}));
  QCOMPARE(
      rows_under(deps, QStringLiteral("needed by")),
      (QStringList{QStringLiteral("power cyber/ups"), QStringLiteral("power transport/signals-centre")}));
}

void TraceTest::back_and_forward_walk_the_cause_chain() {
  auto* inspector = window_->inspector();
  auto* back = window_->action(QStringLiteral("actionBack"));
  auto* forward = window_->action(QStringLiteral("actionForward"));
  window_->set_time(30);
  window_->select_element(find("transport/tram-1"));
  QVERIFY(inspector->wait_for_explanation());
  const auto chain = inspector->chain_elements();
  QVERIFY(chain.size() >= 4);
  // Follow the chain two steps, as clicking its links does.
  inspector->activate_step(1);
  QVERIFY(inspector->wait_for_explanation());
  inspector->activate_step(1);
  QVERIFY(inspector->wait_for_explanation());
  const auto& net = window_->document()->scenario()->network;
  const auto selected = [&] {
    return QString::fromStdString(net.element(window_->view_state()->selected()).id);
  };
  const QString first = QString::fromStdString(net.element(chain[1]).id);
  const QString second = selected();
  // tram-1 <- load-depot <- l-south-depot <- sub-south (event open-south)
  QCOMPARE(ids_of(net, chain),
           (QStringList{QStringLiteral("transport/tram-1"), QStringLiteral("power/load-depot"),
                        QStringLiteral("power/l-south-depot"), QStringLiteral("power/sub-south")}));
  QCOMPARE(first, QStringLiteral("power/load-depot"));
  QCOMPARE(second, QStringLiteral("power/l-south-depot"));
  QVERIFY(forward->isEnabled() == false);
  QVERIFY(back->isEnabled());
  back->trigger();
  QCOMPARE(selected(), first);
  back->trigger();
  QCOMPARE(selected(), QStringLiteral("transport/tram-1"));
  QVERIFY(forward->isEnabled());
  QTest::keyClick(window_.get(), Qt::Key_Right, Qt::AltModifier);
  QCOMPARE(selected(), first);
  forward->trigger();
  QCOMPARE(selected(), second);
  QVERIFY(!forward->isEnabled());
  // A new selection after going back drops what was ahead.
  back->trigger();
  window_->select_element(find("power/grid-infeed"));
  QVERIFY(!forward->isEnabled());
  back->trigger();
  QCOMPARE(selected(), first);
  const auto& entries = window_->trace()->history().entries();
  QCOMPARE(ids_of(net, std::vector<ElementIndex>(entries.end() - 3, entries.end())),
           (QStringList{QStringLiteral("transport/tram-1"), first, QStringLiteral("power/grid-infeed")}));
}

void TraceTest::the_chain_links_its_event_in_the_time_sorted_table() {
  auto* inspector = window_->inspector();
  window_->set_time(30);
  window_->select_element(find("power/load-hospital"));
  QVERIFY(inspector->wait_for_explanation());
  // The chain ends at the event that opened the south substation, as a link.
  const QString html = inspector->cause_chain()->toHtml();
  QVERIFY2(html.contains(QStringLiteral("event:open-south")), qPrintable(inspector->chain_text()));
  QSignalSpy activated(inspector, &InspectorPanel::eventActivated);
  inspector->activate_link(QUrl(QStringLiteral("event:open-south")));
  QCOMPARE(activated.count(), 1);
  auto* table = window_->scenario_events_view();
  const auto current = table->currentIndex();
  QVERIFY(current.isValid());
  QCOMPARE(table->model()->index(current.row(), ScenarioEventsModel::Id).data().toString(),
           QStringLiteral("open-south"));
  QVERIFY(table->selectionModel()->isRowSelected(current.row(), {}));
  QVERIFY(window_->findChild<QDockWidget*>(QStringLiteral("scenarioDock"))->isVisible());
  auto* panel = window_->findChild<ScenarioEventsPanel*>();
  QCOMPARE(panel->current_row(), 1);  // second in the file
}

void TraceTest::the_events_table_is_sorted_by_time() {
  // The tutorial with its events written out of order.
  QFile file(test::source_path("scenarios/tutorial.yaml"));
  QVERIFY(file.open(QIODevice::ReadOnly));
  QString text = QString::fromUtf8(file.readAll());
  const QString north = QStringLiteral(
      "  - {id: open-north, at: 20min, action: open_breaker, targets: power/sub-north, technique: T0831}\n");
  QVERIFY(text.contains(north));
  text.remove(north);
  text.replace(QStringLiteral("events:\n"), QStringLiteral("events:\n") + north);
  text.replace(QStringLiteral("at: 25min, action: destroy_firmware"),
               QStringLiteral("at: 5min, action: destroy_firmware"));
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("shuffled.yaml"));
  QFile out(path);
  QVERIFY(out.open(QIODevice::WriteOnly));
  out.write(text.toUtf8());
  out.close();
  QVERIFY(window_->open_path(path));
  auto* table = window_->scenario_events_view();
  QStringList order;
  for (int row = 0; row < table->model()->rowCount(); ++row)
    order << table->model()->index(row, ScenarioEventsModel::Id).data().toString() + ' ' +
                 table->model()->index(row, ScenarioEventsModel::At).data().toString();
  QCOMPARE(order, (QStringList{QStringLiteral("brick-rtu 5min"), QStringLiteral("hijack-hmi 10min"),
                               QStringLiteral("open-south 15min"), QStringLiteral("open-north 20min")}));
  // Rows map back to the file's order (what Edit and Remove act on).
  table->setCurrentIndex(table->model()->index(3, 0));
  QCOMPARE(window_->findChild<ScenarioEventsPanel*>()->current_row(), 0);
  // A new scenario: no history, no trace.
  QVERIFY(!window_->action(QStringLiteral("actionBack"))->isEnabled());
  QVERIFY(!window_->trace()->controller()->active());
}

void TraceTest::the_chain_links_its_attack_step_in_the_attack_view() {
  // Ukraine 2015: the Prykarpattya 110 kV breakers are opened by campaign step pry-open-110 from
  // the hijacked HMI, which the attacker reached through the VPN from a phished workstation.
  QVERIFY(window_->open_path(test::source_path("scenarios/ukraine-2015.yaml")));
  QSignalSpy finished(window_->run_controller(), &RunController::runFinished);
  window_->run_now();
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
  const auto run = window_->current_run();
  QVERIFY(run);
  const auto breaker = find("power/pry-110-01");
  const double t = 60;
  window_->set_time(t);
  window_->select_element(breaker);
  auto* inspector = window_->inspector();
  QVERIFY(inspector->wait_for_explanation());

  // The engine's chain: opened by an attack step, then the attacker's way back to its entry point.
  const auto chain = sim::explain(run->result, breaker, t);
  QVERIFY(chain.size() >= 3);
  QCOMPARE(chain.front().change.cause.kind, sim::CauseKind::Attack);
  const auto& steps = run->scenario->campaign.steps;
  const std::uint32_t opened_by = chain.front().change.cause.event;
  QVERIFY(opened_by < steps.size());
  QCOMPARE(QString::fromStdString(steps[opened_by].id), QStringLiteral("pry-open-110"));
  QVERIFY(chain.back().entry_point);
  const QString html = inspector->cause_chain()->toHtml();
  const QString text = inspector->chain_text();
  QVERIFY2(html.contains(QStringLiteral("step:%1").arg(opened_by)), qPrintable(text));
  QVERIFY2(text.contains(QStringLiteral("because of attack step pry-open-110")), qPrintable(text));
  // Every step of the attacker's way in is said in words and links its campaign step.
  int attack_rows = 0;
  for (const auto& step : chain) {
    if (!step.attack) continue;
    ++attack_rows;
    const QString id = QString::fromStdString(steps[step.attack->step].id);
    QVERIFY2(html.contains(QStringLiteral("step:%1").arg(step.attack->step)), qPrintable(id));
    QVERIFY2(text.contains(QStringLiteral("through attack step %1").arg(id)), qPrintable(text));
  }
  QVERIFY(attack_rows >= 1);
  const QString entry = QString::fromStdString(run->scenario->network.element(chain.back().element).id);
  QVERIFY2(text.contains(entry + QStringLiteral(" held by the attacker from the start of the campaign")),
           qPrintable(text));

  // The link brings the Attack view to the front with that step marked, and only that one.
  auto* attack = window_->attack_panel();
  auto* charts_dock = window_->findChild<QDockWidget*>(QStringLiteral("chartsDock"));
  if (charts_dock) charts_dock->raise();
  QSignalSpy activated(inspector, &InspectorPanel::stepActivated);
  inspector->activate_link(QUrl(QStringLiteral("step:%1").arg(opened_by)));
  QCOMPARE(activated.count(), 1);
  QCOMPARE(activated.first().first().toUInt(), opened_by);
  QTRY_VERIFY(attack->isVisible());
  QCOMPARE(attack->scene()->chosen_step(), opened_by);
  for (std::uint32_t s = 0; s < steps.size(); ++s)
    QCOMPARE(attack->scene()->step_node(s)->face().chosen, s == opened_by);
  // In sight in the graph.
  auto* view = attack->view();
  const QRect node =
      view->mapFromScene(attack->scene()->step_node(opened_by)->sceneBoundingRect()).boundingRect();
  QVERIFY(view->viewport()->rect().intersects(node));
  // A step the campaign does not have: refused, and nothing stays marked.
  QVERIFY(!window_->trace()->show_step(static_cast<std::uint32_t>(steps.size())));
  QCOMPARE(attack->scene()->chosen_step(), AttackGraphScene::kNoStep);
  QVERIFY(window_->trace()->show_step(opened_by));
  // Another scenario clears the mark.
  QVERIFY(window_->open_path(test::source_path("scenarios/tutorial.yaml")));
  QCOMPARE(attack->scene()->chosen_step(), AttackGraphScene::kNoStep);
}

void TraceTest::screenshot_with_downstream() {
  QTemporaryDir dir;
  for (const QString& size : {QStringLiteral("1600x1000"), QStringLiteral("1024x700")}) {
    const QString png = dir.filePath(QStringLiteral("trace-%1.png").arg(size));
    QProcess process;
    process.start(QStringLiteral(BLACKSTART_GUI_EXE),
                  {QStringLiteral("--screenshot"), png, QStringLiteral("--downstream"),
                   QStringLiteral("power/sub-north"), QStringLiteral("--time"), QStringLiteral("30"),
                   QStringLiteral("--size"), size, test::source_path("scenarios/tutorial.yaml")});
    QVERIFY(process.waitForFinished(60000));
    const QString stdout_text = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY2(stdout_text.contains(QStringLiteral("power/sub-north took down 12 elements at 30min")),
             qPrintable(stdout_text));
    const QImage image(png);
    const QStringList wh = size.split('x');
    QCOMPARE(image.size(), QSize(wh[0].toInt(), wh[1].toInt()));
    // The highlight is drawn: pixels of the trace colour (blended) are on the canvas.
    int hits = 0;
    for (int y = 0; y < image.height(); y += 2)
      for (int x = 0; x < image.width(); x += 2) {
        const QColor c = image.pixelColor(x, y);
        if (c.red() > 100 && c.red() < 200 && c.blue() > 130 && c.green() < 120) ++hits;
      }
    QVERIFY2(hits > 50, qPrintable(QString::number(hits)));
  }
  // Ukraine 2015 has two-line titles and states in the inspector: the window must still fit 1024 x 700.
  {
    const QString png = dir.filePath(QStringLiteral("trace-ukraine-small.png"));
    QProcess process;
    process.start(QStringLiteral(BLACKSTART_GUI_EXE),
                  {QStringLiteral("--screenshot"), png, QStringLiteral("--downstream"),
                   QStringLiteral("power/pry-110-01"), QStringLiteral("--time"), QStringLiteral("60"),
                   QStringLiteral("--size"), QStringLiteral("1024x700"),
                   test::source_path("scenarios/ukraine-2015.yaml")});
    QVERIFY(process.waitForFinished(120000));
    const QString stdout_text = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(stdout_text.contains(QStringLiteral("power/pry-110-01 took down 18 elements at 1h")),
             qPrintable(stdout_text));
    QCOMPARE(QImage(png).size(), QSize(1024, 700));
  }
  // A wrong id: a clear error and exit 1; a bad time: exit 2.
  QProcess bad;
  bad.start(QStringLiteral(BLACKSTART_GUI_EXE),
            {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")),
             QStringLiteral("--downstream"), QStringLiteral("power/nowhere"), QStringLiteral("tutorial")});
  QVERIFY(bad.waitForFinished(60000));
  QCOMPARE(bad.exitCode(), 1);
  QVERIFY(bad.readAllStandardError().contains("--downstream: no asset 'power/nowhere'"));
  QProcess bad_time;
  bad_time.start(QStringLiteral(BLACKSTART_GUI_EXE),
                 {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("y.png")),
                  QStringLiteral("--downstream"), QStringLiteral("power/sub-north"), QStringLiteral("--time"),
                  QStringLiteral("soon"), QStringLiteral("tutorial")});
  QVERIFY(bad_time.waitForFinished(60000));
  QCOMPARE(bad_time.exitCode(), 2);
  QVERIFY(bad_time.readAllStandardError().contains("--time:"));
}

QTEST_MAIN(TraceTest)
#include "tst_gui_trace.moc"
