// The attack view against the engine's attack log, on the control-room campaign of the unit tests
// (phished workstation → VPN → HMI → breaker): node statuses at chosen times, blocking and
// detecting controls named on the nodes, and a click on a step selecting its target.
#include <QDockWidget>
#include <QGraphicsView>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <memory>

#include "app/attack_panel.hpp"
#include "app/main_window.hpp"
#include "canvas/attack_graph_layout.hpp"
#include "canvas/attack_graph_scene.hpp"
#include "gui_test_support.hpp"
#include "support/control_room.hpp"

using namespace blackstart;
using namespace blackstart::gui;

namespace {

RunPtr run_of(const model::Scenario& scenario) {
  auto shared = std::make_shared<const model::Scenario>(scenario);
  return make_snapshot(QStringLiteral("test"), {}, shared, sim::simulate(*shared), 0.0);
}

}  // namespace

class AttackViewTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }
  void lays_out_steps_by_prerequisite_depth();
  void layers_by_longest_path_with_any_of_edges_dashed();
  void colours_steps_by_status_over_the_timeline();
  void names_the_control_that_blocked();
  void marks_detection_with_its_time_and_control();
  void clicking_a_step_selects_its_target();
  void a_scenario_without_campaign_says_so();
};

void AttackViewTest::lays_out_steps_by_prerequisite_depth() {
  test::ControlRoom room;
  ViewState state;
  AttackPanel panel;
  panel.follow(&state);
  state.open_scenario(std::make_shared<const model::Scenario>(room.scenario()));
  auto* scene = panel.scene();
  QVERIFY(panel.showing_graph());
  QVERIFY(scene->entry_node());
  // vpn-in, hijack-hmi, open: one column each, left to right, then the objective.
  const qreal x0 = scene->step_node(0)->pos().x();
  QVERIFY(scene->entry_node()->pos().x() < x0);
  QVERIFY(x0 < scene->step_node(1)->pos().x());
  QVERIFY(scene->step_node(1)->pos().x() < scene->step_node(2)->pos().x());
  QVERIFY(scene->step_node(2)->pos().x() < scene->objective_node(0)->pos().x());
  // entry→vpn-in, vpn-in→hijack, hijack→open (all solid), open→objective (dotted).
  QCOMPARE(scene->edges().size(), std::size_t{4});
  QCOMPARE(scene->edges().back()->style(), AttackEdgeItem::Style::Objective);
  QVERIFY(panel.summary().contains(QStringLiteral("Run the scenario")));
  for (std::uint32_t s = 0; s < 3; ++s) QCOMPARE(scene->progress().steps[s].status, StepStatus::NotStarted);
}

void AttackViewTest::layers_by_longest_path_with_any_of_edges_dashed() {
  // vpn-in(0) → hijack(1) → open(2); historian(3) from the entry; pivot(4) needs any of vpn-in and
  // historian; wipe(5) needs open and pivot: its column is after the longest chain (open).
  test::ControlRoom room;
  auto& w = room.f.world;
  w.step("historian", "T1021", model::StepEffect::Foothold, {room.ws}, 10);
  w.step("pivot", "T1021", model::StepEffect::Foothold, {room.vpn}, 10).requires_any = {0, 3};
  w.step("wipe", "T1485", model::StepEffect::Wipe, {room.ws}, 10).requires_all = {2, 4};
  const auto& campaign = room.scenario().campaign;
  const auto layout = layout_attack_graph(campaign);
  QCOMPARE(layout.column, (std::vector<int>{0, 1, 2, 0, 1, 3}));
  QCOMPARE(layout.columns, 4);
  QCOMPARE(layout.tallest, 2);
  const auto again = layout_attack_graph(campaign);
  QCOMPARE(again.row, layout.row);

  AttackGraphScene scene;
  scene.show(std::make_shared<const model::Scenario>(room.scenario()), nullptr, 0);
  int any = 0, all = 0, objective = 0;
  for (const auto* edge : scene.edges()) {
    any += edge->style() == AttackEdgeItem::Style::Any;
    all += edge->style() == AttackEdgeItem::Style::All;
    objective += edge->style() == AttackEdgeItem::Style::Objective;
  }
  QCOMPARE(any, 2);          // vpn-in and historian into pivot
  QCOMPARE(all, 2 + 2 + 2);  // the chain, wipe's two, and the entry into vpn-in and historian
  QCOMPARE(objective, 1);
  QVERIFY(scene.step_node(5)->pos().x() > scene.step_node(2)->pos().x());
}

void AttackViewTest::colours_steps_by_status_over_the_timeline() {
  test::ControlRoom room;
  ViewState state;
  AttackPanel panel;
  panel.follow(&state);
  state.open_scenario(std::make_shared<const model::Scenario>(room.scenario()));
  const auto run = run_of(room.scenario());
  state.show_run(run, 0);
  auto* scene = panel.scene();
  const auto status = [&](std::uint32_t s) { return scene->progress().steps[s].status; };

  // VPN at 60 min, HMI at 90, breaker opened at 95 (campaign_test.cpp has the same figures).
  state.set_time(30);
  QCOMPARE(status(0), StepStatus::InProgress);
  QCOMPARE(status(1), StepStatus::NotStarted);
  QCOMPARE(scene->step_node(1)->face().fill, step_status_color(StepStatus::NotStarted));
  state.set_time(60);
  QCOMPARE(status(0), StepStatus::Succeeded);
  QCOMPARE(scene->step_node(0)->face().fill, step_status_color(StepStatus::Succeeded));
  QVERIFY(scene->step_node(0)->face().status.contains(QStringLiteral("1/1 targets")));
  QCOMPARE(status(1), StepStatus::InProgress);
  state.set_time(94);
  QCOMPARE(status(1), StepStatus::Succeeded);
  QCOMPARE(status(2), StepStatus::InProgress);
  QCOMPARE(scene->objective_node(0)->face().status, QStringLiteral("not reached"));
  state.set_time(95);
  QCOMPARE(status(2), StepStatus::Succeeded);
  QVERIFY(scene->objective_node(0)->face().status.startsWith(QStringLiteral("reached at")));
  QVERIFY(panel.summary().contains(QStringLiteral("3 of 3 steps succeeded")));
  QVERIFY(panel.summary().contains(QStringLiteral("not detected")));
  // Back in time, the same nodes go back.
  state.set_time(59);
  QCOMPARE(status(0), StepStatus::InProgress);
  QCOMPARE(status(2), StepStatus::NotStarted);
  QVERIFY(!scene->step_node(0)->face().blocked);
}

void AttackViewTest::names_the_control_that_blocked() {
  test::ControlRoom room;
  room.f.world.control("vpn-mfa", {"T1133"}, 1.0).mitigation_id = "M0932";
  ViewState state;
  AttackPanel panel;
  panel.follow(&state);
  state.open_scenario(std::make_shared<const model::Scenario>(room.scenario()));
  state.show_run(run_of(room.scenario()), 0);
  state.set_time(state.horizon());
  auto* scene = panel.scene();
  QCOMPARE(scene->progress().steps[0].status, StepStatus::Blocked);
  QCOMPARE(scene->progress().steps[1].status, StepStatus::NotStarted);
  const auto& face = scene->step_node(0)->face();
  QVERIFY(face.blocked);
  QCOMPARE(face.fill, step_status_color(StepStatus::Blocked));
  QVERIFY2(face.defence.contains(QStringLiteral("vpn-mfa")), qPrintable(face.defence));
  QVERIFY(scene->step_tooltip(0).contains(QStringLiteral("Blocked by control <b>vpn-mfa</b> M0932")));
  QVERIFY(!scene->step_node(1)->face().blocked);
  QCOMPARE(scene->objective_node(0)->face().status, QStringLiteral("not reached"));
  // Before the attempt ended (60 min), it was only in progress and not yet blocked.
  state.set_time(59);
  QCOMPARE(scene->progress().steps[0].status, StepStatus::InProgress);
  QVERIFY(!scene->step_node(0)->face().blocked);
}

void AttackViewTest::marks_detection_with_its_time_and_control() {
  test::ControlRoom room;
  room.f.world.control("ids", {"T1133"}, 0.0, 1.0, 10);
  ViewState state;
  AttackPanel panel;
  panel.follow(&state);
  state.open_scenario(std::make_shared<const model::Scenario>(room.scenario()));
  state.show_run(run_of(room.scenario()), 65);
  auto* scene = panel.scene();
  QVERIFY(!scene->step_node(0)->face().detected);
  state.set_time(70);
  const auto& face = scene->step_node(0)->face();
  QVERIFY(face.detected);
  QCOMPARE(scene->progress().steps[0].status, StepStatus::Succeeded);  // detection without response
  QVERIFY2(face.defence.contains(QStringLiteral("seen 1h10min by ids")), qPrintable(face.defence));
  QVERIFY(scene->step_tooltip(0).contains(QStringLiteral("Detected at 1h10min by <b>ids</b>")));
  QVERIFY(panel.summary().contains(QStringLiteral("first detection 1h10min")));
}

void AttackViewTest::clicking_a_step_selects_its_target() {
  test::ControlRoom room;
  MainWindow window(MainWindow::Options{false, false});
  window.resize(1600, 1000);
  window.show();
  auto* state = window.view_state();
  state->open_scenario(std::make_shared<const model::Scenario>(room.scenario()));
  state->show_run(run_of(room.scenario()), 120);
  auto* scene = window.attack_panel()->scene();
  scene->click(scene->step_node(1)->scenePos());
  QCOMPARE(state->selected(), room.hmi);
  QVERIFY(scene->step_node(1)->face().selected);
  QVERIFY(!scene->step_node(0)->face().selected);
  scene->click(scene->entry_node()->scenePos());
  QCOMPARE(state->selected(), room.ws);
  // Through the view, as a user would.
  auto* view = window.attack_panel()->view();
  window.findChild<QDockWidget*>(QStringLiteral("attackDock"))->raise();
  QApplication::processEvents();
  const QPoint at = view->mapFromScene(scene->step_node(2)->scenePos());
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
  QCOMPARE(state->selected(), room.f.sub);
  if (qEnvironmentVariableIsSet("BLACKSTART_TEST_PICTURES"))
    window.grab().toImage().save(QStringLiteral("/tmp/attack-view-test.png"));
}

void AttackViewTest::a_scenario_without_campaign_says_so() {
  test::Feeder feeder;
  ViewState state;
  AttackPanel panel;
  panel.follow(&state);
  state.open_scenario(std::make_shared<const model::Scenario>(feeder.world.scenario));
  QVERIFY(!panel.showing_graph());
  QVERIFY(panel.summary().contains(QStringLiteral("no attack campaign")));
  QVERIFY(panel.scene()->items().isEmpty());
}

QTEST_MAIN(AttackViewTest)
#include "tst_gui_attack.moc"
