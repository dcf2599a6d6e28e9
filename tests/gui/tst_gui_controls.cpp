// The defender's side of the window: switching controls in the scenario text, and the Rank controls
// dialog against study::rank_controls called directly on the same scenario.
#include <QApplication>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <memory>

#include "app/greedy_chart.hpp"
#include "app/ranking_dialog.hpp"
#include "blackstart/study/controls_ranking.hpp"
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

void ControlsTest::ranking_dialog_gives_the_engines_rows() {
  const auto scenario = defended_room();
  const auto candidates = study::control_candidates(*scenario, {});
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
  const auto candidates = study::control_candidates(*scenario, {});
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
