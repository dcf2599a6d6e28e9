// The defender's side of the window: switching controls in the scenario text, and the Rank controls
// dialog against study::rank_controls called directly on the same scenario.
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <filesystem>
#include <memory>

#include "app/attack_panel.hpp"
#include "app/controls_panel.hpp"
#include "app/defence_actions.hpp"
#include "app/greedy_chart.hpp"
#include "app/main_window.hpp"
#include "app/ranking_dialog.hpp"
#include "blackstart/io/control_library.hpp"
#include "blackstart/study/controls_ranking.hpp"
#include "canvas/attack_graph_scene.hpp"
#include "controllers/defence_text.hpp"
#include "gui_test_support.hpp"
#include "models/controls_ranking_model.hpp"
#include "support/control_room.hpp"

#include <QLineSeries>

using namespace blackstart;
using namespace blackstart::gui;

namespace {

//! The control room with a control that often blocks the VPN, a detecting one with a response, and
//! one against a technique the campaign does not use.
std::shared_ptr<const model::Scenario> defended_room() {
  test::ControlRoom room;
  auto& w = room.f.world;
  w.scenario.campaign.steps[0].time_to_compromise = {core::DurationDistribution::Kind::Uniform, 30, 90, 0, 0};
  w.scenario.campaign.steps[1].success_probability = 0.7;
  w.scenario.campaign.steps[1].retries = 2;
  w.control("vpn-mfa", {"T1133"}, 0.6).mitigation_id = "M0932";
  w.control("ot-ids", {"T0823"}, 0.0, 0.8, 5).mitigation_id = "M0807";
  w.control("allowlisting", {"T1204*"}, 0.9).mitigation_id = "M0938";
  w.response("isolate-ot", model::ResponseAction::Isolate, {room.ot}, 2);
  return std::make_shared<const model::Scenario>(room.scenario());
}

}  // namespace

class ControlsTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }
  void switches_a_block_mapping();
  void switches_a_flow_mapping();
  void refuses_a_location_that_does_not_name_the_control();
  void adds_a_library_control();
  void switches_every_control_and_playbook_of_the_shipped_scenarios();
  void toggling_a_control_reruns_and_changes_the_outcome();
  void adding_a_library_control_and_switching_a_response();
  void rank_controls_action_ranks_the_open_scenario();
  void ranking_dialog_gives_the_engines_rows();
  void ranking_can_be_cancelled();
};

void ControlsTest::switches_a_block_mapping() {
  const std::string text =
      "controls:\n"
      "  - name: mfa  # remote access\n"
      "    mitigation: M0932\n"
      "    counters:\n"
      "    - techniques: [T1133]\n"
      "      block: 0.9\n"
      "  - name: ids\n"
      "    enabled: true   # for now\n"
      "    counters: [{techniques: [T0823], detect: 1}]\n"
      "responses: []\n";
  const auto off = set_enabled_in_text(text, 2, 5, "mfa", false);
  QVERIFY(off);
  QCOMPARE(QString::fromStdString(*off),
           QString::fromStdString("controls:\n"
                                  "  - name: mfa  # remote access\n"
                                  "    mitigation: M0932\n"
                                  "    counters:\n"
                                  "    - techniques: [T1133]\n"
                                  "      block: 0.9\n"
                                  "    enabled: false\n"
                                  "  - name: ids\n"
                                  "    enabled: true   # for now\n"
                                  "    counters: [{techniques: [T0823], detect: 1}]\n"
                                  "responses: []\n"));
  const auto ids_off = set_enabled_in_text(text, 7, 5, "ids", false);
  QVERIFY(ids_off);
  QVERIFY(ids_off->find("    enabled: false   # for now\n") != std::string::npos);
  QCOMPARE(ids_off->size(), text.size() + 1);
}

void ControlsTest::switches_a_flow_mapping() {
  const std::string text =
      "controls:\n  - {use: mfa-remote-access}\n  - {use: backups, enabled: false, block: 0.5}\n";
  QCOMPARE(set_enabled_in_text(text, 2, 5, "mfa-remote-access", false).value_or(""),
           std::string("controls:\n  - {use: mfa-remote-access, enabled: false}\n"
                       "  - {use: backups, enabled: false, block: 0.5}\n"));
  QCOMPARE(set_enabled_in_text(text, 3, 5, "backups", true).value_or(""),
           std::string(
               "controls:\n  - {use: mfa-remote-access}\n  - {use: backups, enabled: true, block: 0.5}\n"));
}

void ControlsTest::refuses_a_location_that_does_not_name_the_control() {
  const std::string text = "controls:\n  - {use: mfa}\n";
  QVERIFY(!set_enabled_in_text(text, 2, 5, "other", false));
  QVERIFY(!set_enabled_in_text(text, 9, 5, "mfa", false));
  QVERIFY(!set_enabled_in_text(text, 2, 40, "mfa", false));
}

void ControlsTest::adds_a_library_control() {
  QCOMPARE(add_library_control_to_text("controls:\n  - {use: a}\n  # more later\n\nevents: []\n", "b")
               .value_or(""),
           std::string("controls:\n  - {use: a}\n  - {use: b}\n  # more later\n\nevents: []\n"));
  QCOMPARE(add_library_control_to_text("name: x\nevents: []", "b").value_or(""),
           std::string("name: x\nevents: []\n\ncontrols:\n  - {use: b}\n"));
  QCOMPARE(add_library_control_to_text("controls: []\nevents: []\n", "b").value_or(""),
           std::string("controls:\n  - {use: b}\nevents: []\n"));
  QVERIFY(!add_library_control_to_text("controls: [{use: a}]\n", "b"));
}

namespace {

//! The window with the control-room scenario open and run.
std::unique_ptr<MainWindow> open_control_room() {
  auto window = std::make_unique<MainWindow>(MainWindow::Options{false, false});
  window->resize(1600, 1000);
  window->show();
  if (!window->open_path(test::source_path("tests/gui/control-room.yaml"))) return nullptr;
  window->run_now();
  if (!window->wait_for_runs()) return nullptr;
  return window;
}

//! Lets a ticked box reach the document (queued) and the run it starts finish.
bool settle(MainWindow& window) {
  QApplication::processEvents();
  return window.wait_for_runs();
}

std::uint32_t step_index(const model::Scenario& s, const std::string& id) {
  for (std::uint32_t i = 0; i < s.campaign.steps.size(); ++i)
    if (s.campaign.steps[i].id == id) return i;
  return 0xffffffffu;
}

}  // namespace

void ControlsTest::toggling_a_control_reruns_and_changes_the_outcome() {
  auto window = open_control_room();
  QVERIFY(window);
  auto* scene = window->attack_panel()->scene();
  const auto baseline = window->current_run();
  QVERIFY(baseline);
  QCOMPARE(baseline->result.attack.objectives_reached, 1u);
  auto* panel = window->controls_panel();
  auto* mfa = panel->item(ControlsPanel::Group::Scenario, QStringLiteral("mfa-remote-access"));
  QVERIFY(mfa);
  QCOMPARE(mfa->checkState(0), Qt::Unchecked);

  // Ticking the box edits the file (undoably) and runs the scenario again.
  mfa->setCheckState(0, Qt::Checked);
  QVERIFY(settle(*window));
  const std::string& text = window->document()->text();
  QVERIFY(text.find("{use: mfa-remote-access, enabled: true, block: 1}") != std::string::npos);
  QVERIFY(window->document()->dirty());
  const auto run = window->current_run();
  QVERIFY(run != baseline);
  QCOMPARE(run->result.attack.objectives_reached, 0u);
  QVERIFY(run->result.attack.steps_blocked >= 1);
  window->set_time(run->result.horizon_min);
  const auto vpn = step_index(*run->scenario, "vpn-in");
  QCOMPARE(scene->progress().steps[vpn].status, StepStatus::Blocked);
  QVERIFY(scene->step_node(vpn)->face().defence.contains(QStringLiteral("mfa-remote-access")));
  QCOMPARE(scene->progress().steps[step_index(*run->scenario, "open-breakers")].status,
           StepStatus::NotStarted);
  QVERIFY(window->attack_panel()->summary().contains(QStringLiteral("objective blackout not reached")));
  QCOMPARE(panel->item(ControlsPanel::Group::Scenario, QStringLiteral("mfa-remote-access"))->checkState(0),
           Qt::Checked);

  // Undo puts the file and the box back.
  window->action(QStringLiteral("actionUndo"))->trigger();
  QCOMPARE(window->document()->scenario()->controls[0].enabled, false);
  QCOMPARE(panel->item(ControlsPanel::Group::Scenario, QStringLiteral("mfa-remote-access"))->checkState(0),
           Qt::Unchecked);
  QVERIFY(!window->document()->dirty());
}

void ControlsTest::adding_a_library_control_and_switching_a_response() {
  auto window = open_control_room();
  QVERIFY(window);
  auto* panel = window->controls_panel();
  auto* segmentation = panel->item(ControlsPanel::Group::Library, QStringLiteral("it-ot-segmentation"));
  QVERIFY(segmentation);
  segmentation->setCheckState(0, Qt::Checked);
  QVERIFY(settle(*window));
  QVERIFY(window->document()->text().find("  - {use: it-ot-segmentation}\n") != std::string::npos);
  const auto& controls = window->document()->scenario()->controls;
  QCOMPARE(controls.size(), std::size_t{4});
  QCOMPARE(controls.back().name, std::string("it-ot-segmentation"));
  QVERIFY(controls.back().enabled);
  // Now a control of the scenario: its box moved to the first group, ticked.
  QVERIFY(!panel->item(ControlsPanel::Group::Library, QStringLiteral("it-ot-segmentation")));
  QCOMPARE(panel->item(ControlsPanel::Group::Scenario, QStringLiteral("it-ot-segmentation"))->checkState(0),
           Qt::Checked);

  // The VPN log-in is detected at 70 min but nothing responds: the breakers open. With the response
  // the control network is isolated at 75 min, and the HMI is never reached.
  QVERIFY(window->defences()->set_control_enabled(QStringLiteral("it-ot-segmentation"), false));
  QVERIFY(window->wait_for_runs());
  const auto watched = window->current_run();
  QVERIFY(watched->result.attack.first_detection_min);
  QCOMPARE(*watched->result.attack.first_detection_min, 70.0);
  QCOMPARE(watched->result.attack.objectives_reached, 1u);
  auto* isolate = panel->item(ControlsPanel::Group::Responses, QStringLiteral("isolate-ot"));
  QVERIFY(isolate);
  QCOMPARE(isolate->checkState(0), Qt::Unchecked);
  isolate->setCheckState(0, Qt::Checked);
  QVERIFY(settle(*window));
  QVERIFY(window->document()->text().find("on: [T1133], enabled: true}") != std::string::npos);
  const auto stopped = window->current_run();
  QVERIFY(watched != stopped);
  QCOMPARE(*stopped->result.attack.first_detection_min, 70.0);
  QCOMPARE(stopped->result.attack.objectives_reached, 0u);
  QVERIFY(watched->summary.customer_minutes_interrupted > stopped->summary.customer_minutes_interrupted);
  QVERIFY(window->attack_panel()->summary().contains(QStringLiteral("responses: isolate-ot 1h15min")));
}

void ControlsTest::rank_controls_action_ranks_the_open_scenario() {
  auto window = open_control_room();
  QVERIFY(window);
  window->action(QStringLiteral("actionRankControls"))->trigger();
  auto* dialog = window->defences()->ranking_dialog();
  QVERIFY(dialog);
  dialog->runs_box()->setValue(20);
  dialog->greedy_box()->setValue(2);
  dialog->start();
  QVERIFY(dialog->wait());
  QVERIFY(dialog->ranking());
  const auto& scenario = *window->document()->scenario();
  std::vector<model::Control> candidates;  // as the `controls` command takes them
  for (auto& applicable : io::applicable_controls(scenario)) candidates.push_back(applicable.control);
  QCOMPARE(dialog->ranking()->candidates.size(), candidates.size());
  study::ControlsOptions options;
  options.runs = 20;
  options.greedy = 2;
  QCOMPARE(study::controls_csv(*dialog->ranking()),
           study::controls_csv(study::rank_controls(scenario, candidates, options)));
  if (qEnvironmentVariableIsSet("BLACKSTART_TEST_PICTURES"))
    dialog->grab().save(QStringLiteral("/tmp/ranking-dialog-window.png"));
}

void ControlsTest::switches_every_control_and_playbook_of_the_shipped_scenarios() {
  // Each switch, on the files as shipped, loads back with only that control or playbook changed.
  for (const char* file :
       {"scenarios/ukraine-2016.yaml", "scenarios/ukraine-2022.yaml", "tests/gui/control-room.yaml"}) {
    QFile in(test::source_path(file));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const std::string text = in.readAll().toStdString();
    const auto path = test::source_path(file).toStdString();
    const auto dir = std::filesystem::path(path).parent_path();
    const auto original = io::load_scenario_text(text, path, dir);
    QVERIFY(original.ok());
    const auto& s = *original.scenario;
    const auto check = [&](const std::optional<std::string>& edited, bool control, std::size_t index) {
      QVERIFY2(edited, file);
      const auto loaded = io::load_scenario_text(*edited, path, dir);
      QVERIFY2(loaded.ok(), loaded.diagnostics.to_string().c_str());
      for (std::size_t c = 0; c < s.controls.size(); ++c)
        QCOMPARE(loaded.scenario->controls[c].enabled, s.controls[c].enabled != (control && c == index));
      for (std::size_t r = 0; r < s.responses.size(); ++r)
        QCOMPARE(loaded.scenario->responses[r].enabled, s.responses[r].enabled != (!control && r == index));
    };
    for (std::size_t c = 0; c < s.controls.size(); ++c) {
      const auto& at = s.controls[c].location;
      check(set_enabled_in_text(text, at.line, at.column, s.controls[c].name, !s.controls[c].enabled), true,
            c);
    }
    for (std::size_t r = 0; r < s.responses.size(); ++r) {
      const auto& at = s.responses[r].location;
      check(set_enabled_in_text(text, at.line, at.column, s.responses[r].name, !s.responses[r].enabled),
            false, r);
    }
    // A library control added at the end of the list loads as one more control, switched on.
    const auto added = add_library_control_to_text(text, "offline-backups");
    QVERIFY(added);
    const auto loaded = io::load_scenario_text(*added, path, dir);
    QVERIFY2(loaded.ok(), loaded.diagnostics.to_string().c_str());
    QCOMPARE(loaded.scenario->controls.size(), s.controls.size() + 1);
    QCOMPARE(loaded.scenario->controls.back().name, std::string("offline-backups"));
  }
}

void ControlsTest::ranking_dialog_gives_the_engines_rows() {
  const auto scenario = defended_room();
  const auto candidates = scenario->controls;
  study::ControlsOptions defaults;
  defaults.greedy = 2;
  RankingDialog dialog(scenario, candidates, defaults);
  dialog.runs_box()->setValue(40);
  QCOMPARE(dialog.greedy_box()->value(), 2);
  QSignalSpy done(&dialog, &RankingDialog::rankingFinished);
  dialog.start();
  QVERIFY(dialog.controller()->busy());
  QVERIFY(dialog.wait());
  QCOMPARE(done.count(), 1);
  const auto ranking = dialog.ranking();
  QVERIFY(ranking);

  study::ControlsOptions options;
  options.runs = 40;
  options.greedy = 2;
  const auto direct = study::rank_controls(*scenario, candidates, options);
  QCOMPARE(study::controls_csv(*ranking), study::controls_csv(direct));
  QCOMPARE(ranking->rows.size(), direct.rows.size());
  QCOMPARE(ranking->rows.size(), std::size_t{1 + 3 + 2});
  for (std::size_t r = 0; r < direct.rows.size(); ++r) {
    QCOMPARE(ranking->rows[r].controls, direct.rows[r].controls);
    QCOMPARE(ranking->rows[r].avoided_mean, direct.rows[r].avoided_mean);
    QCOMPARE(ranking->rows[r].objective_reached_fraction, direct.rows[r].objective_reached_fraction);
  }
  // The table shows those rows; the chart draws k = 0..2 of the greedy ones with their band.
  auto* model = dialog.model();
  QCOMPARE(model->rowCount(), static_cast<int>(direct.rows.size()));
  for (int r = 0; r < model->rowCount(); ++r) {
    const auto& row = direct.rows[static_cast<std::size_t>(r)];
    QCOMPARE(model->data(model->index(r, ControlsRankingModel::Controls), Qt::DisplayRole).toString(),
             ControlsRankingModel::controls_text(direct, row));
    QCOMPARE(model->data(model->index(r, ControlsRankingModel::Avoided), Qt::EditRole).toDouble(),
             row.avoided_mean);
  }
  QCOMPARE(model->data(model->index(1, ControlsRankingModel::Rank), Qt::DisplayRole).toInt(), 1);
  auto* mean = dialog.chart()->mean_series();
  QCOMPARE(mean->count(), 3);
  QCOMPARE(mean->at(0), QPointF(0, 0));
  QCOMPARE(mean->at(2).y(), direct.rows.back().avoided_mean);
  QVERIFY(dialog.chart()->point_text(1).contains(
      QString::fromStdString(direct.candidates[direct.rows[4].controls[0]].name)));
  if (qEnvironmentVariableIsSet("BLACKSTART_TEST_PICTURES")) {
    dialog.show();
    QApplication::processEvents();
    dialog.grab().save(QStringLiteral("/tmp/ranking-dialog-test.png"));
  }
}

void ControlsTest::ranking_can_be_cancelled() {
  const auto scenario = defended_room();
  const auto candidates = scenario->controls;
  RankingDialog dialog(scenario, candidates, {});
  dialog.runs_box()->setValue(100000);
  dialog.greedy_box()->setValue(3);
  QSignalSpy cancelled(dialog.controller(), &RankingController::cancelled);
  QSignalSpy progress(dialog.controller(), &RankingController::progressChanged);
  dialog.start();
  QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 1, 20000);
  dialog.cancel();
  QVERIFY(dialog.wait(20000));
  QCOMPARE(cancelled.count(), 1);
  QVERIFY(!dialog.ranking());
}

QTEST_MAIN(ControlsTest)
#include "tst_gui_controls.moc"
