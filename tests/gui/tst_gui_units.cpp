// The GUI's pieces on their own: layout, run snapshot, run controller, view state, explainer,
// document edits, dialogs, models and canvas picking.
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThreadPool>
#include <atomic>

#include "app/event_dialog.hpp"
#include "app/inspector_panel.hpp"
#include "app/main_window.hpp"
#include "app/timeline_widget.hpp"
#include "blackstart/io/builtin_scenarios.hpp"
#include "canvas/layout.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"
#include "controllers/explainer.hpp"
#include "controllers/run_controller.hpp"
#include "controllers/scenario_document.hpp"
#include "controllers/view_state.hpp"
#include "gui_test_support.hpp"
#include "models/event_log_model.hpp"
#include "models/runs_model.hpp"

using namespace blackstart;
using namespace blackstart::gui;

namespace {

std::shared_ptr<const model::Scenario> builtin(const char* name) {
  auto loaded = io::load_builtin_scenario(name);
  if (!loaded.ok()) qFatal("cannot load %s", name);
  return std::make_shared<const model::Scenario>(std::move(*loaded.scenario));
}

//! A scenario with one big layer (a chain with branches) and no positions.
std::shared_ptr<const model::Scenario> big_scenario(std::size_t assets) {
  std::string text = "blackstart: 1\nname: big\nlayers:\n  - name: power\n    assets:\n";
  text += "      - {id: a0, type: infeed, capacity_mw: 100000}\n";
  for (std::size_t i = 1; i < assets; ++i)
    text += "      - {id: a" + std::to_string(i) + ", type: substation}\n";
  text += "    links:\n";
  for (std::size_t i = 1; i < assets; ++i)
    text += "      - {id: l" + std::to_string(i) + ", from: a" + std::to_string((i - 1) / 3) + ", to: a" +
            std::to_string(i) + "}\n";
  auto loaded = io::load_scenario_text(text, "big.yaml", ".");
  if (!loaded.ok()) qFatal("%s", loaded.diagnostics.to_string().c_str());
  return std::make_shared<const model::Scenario>(std::move(*loaded.scenario));
}

}  // namespace

class UnitsTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { test::isolate_settings(); }

  void layout_is_deterministic_and_separates_assets() {
    const auto scenario = builtin("ukraine-2015");
    const auto a = compute_layout(scenario->network);
    const auto b = compute_layout(scenario->network);
    QCOMPARE(a.position, b.position);
    QVERIFY(!a.shared_frame);
    // No two assets of a layer on top of each other.
    const auto& net = scenario->network;
    for (const auto& layer : net.layers())
      for (std::size_t i = 0; i < layer.assets.size(); ++i)
        for (std::size_t j = i + 1; j < layer.assets.size(); ++j) {
          const QPointF d = a.position[layer.assets[i]] - a.position[layer.assets[j]];
          QVERIFY2(std::hypot(d.x(), d.y()) > 1.0,
                   qPrintable(QString::fromStdString(net.element(layer.assets[i]).id)));
        }
  }

  void layout_uses_scenario_positions() {
    const char* text =
        "blackstart: 1\nname: geo\nlayers:\n  - name: power\n    assets:\n"
        "      - {id: a, type: infeed, position: {lat: 48.9, lon: 24.7}}\n"
        "      - {id: b, type: substation, position: {lat: 48.5, lon: 25.0}}\n"
        "  - name: cyber\n    assets:\n      - {id: c, type: rtu, position: {lat: 48.7, lon: 24.9}}\n";
    auto loaded = io::load_scenario_text(text, "geo.yaml", ".");
    QVERIFY2(loaded.ok(), loaded.diagnostics.to_string().c_str());
    const auto layout = compute_layout(loaded.scenario->network);
    QVERIFY(layout.shared_frame);
    const auto& net = loaded.scenario->network;
    const QPointF a = layout.position[*net.find("power/a")], b = layout.position[*net.find("power/b")];
    const QPointF c = layout.position[*net.find("cyber/c")];
    QVERIFY(a.y() < b.y());  // north is up
    QVERIFY(a.x() < c.x() && c.x() < b.x());
  }

  void large_layers_lay_out_fast() {
    const auto scenario = big_scenario(kForceLayoutLimit + 500);
    QElapsedTimer timer;
    timer.start();
    const auto layout = compute_layout(scenario->network);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(layout.position.size(), scenario->network.size());
  }

  void snapshot_answers_state_at_any_time() {
    const auto scenario = builtin("tutorial");
    auto result = sim::simulate(*scenario);
    const auto reference = result;
    const auto run = make_snapshot(QStringLiteral("t"), {}, scenario, std::move(result), 0);
    for (double t = 0; t <= scenario->horizon_min; t += 7.5) {
      const auto frame = run->frame_at(t);
      for (model::ElementIndex e = 0; e < scenario->network.size(); ++e) {
        QCOMPARE(frame->state(e), test::reference_state(reference, e, t));
        QCOMPARE(run->state_at(e, t), test::reference_state(reference, e, t));
      }
      std::size_t n = 0;
      for (const auto& c : reference.changes) n += c.time_min <= t ? 1 : 0;
      QCOMPARE(run->changes_until(t), n);
    }
    QVERIFY(std::is_sorted(run->change_times.begin(), run->change_times.end()));
  }

  void run_controller_reports_progress_and_hands_over_the_result() {
    RunController controller;
    QSignalSpy finished(&controller, &RunController::runFinished);
    QSignalSpy idle(&controller, &RunController::idle);
    controller.start({QStringLiteral("one"), builtin("tutorial"), {"second-crew"}, {}});
    controller.start({QStringLiteral("two"), builtin("tutorial"), {}, {}});
    QVERIFY(controller.busy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QTRY_COMPARE(idle.count(), 1);
    const auto first = finished.at(0).at(0).value<RunPtr>();
    QCOMPARE(first->label, QStringLiteral("one"));
    QCOMPARE(first->mitigations, std::vector<std::string>{"second-crew"});
    QCOMPARE(first->scenario->crews.at("town-grid").count, 2);  // the mitigation was applied to a copy
  }

  void run_worker_stops_when_cancel_is_requested() {
    // The engine polls Observer::cancel_requested between steps; a set flag ends the run at once.
    RunWorker worker;
    QSignalSpy done(&worker, &RunWorker::done);
    auto flag = std::make_shared<std::atomic<bool>>(true);
    worker.run({QStringLiteral("doomed"), builtin("ukraine-2015"), {}, {}}, flag);
    QCOMPARE(done.count(), 1);
    QVERIFY(!done.at(0).at(0).value<RunPtr>());
    QCOMPARE(done.at(0).at(3).toBool(), true);
  }

  void run_controller_cancel_drops_the_queue() {
    RunController controller;
    QSignalSpy cancelled(&controller, &RunController::runCancelled);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QSignalSpy idle(&controller, &RunController::idle);
    controller.start({QStringLiteral("first"), builtin("ukraine-2015"), {}, {}});
    controller.start({QStringLiteral("queued"), builtin("tutorial"), {}, {}});
    QCOMPARE(controller.queued(), std::size_t{1});
    controller.cancel();
    QCOMPARE(controller.queued(), std::size_t{0});
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 30000);
    // The first run was either stopped or had already finished; the queued one never ran.
    QCOMPARE(cancelled.count() + finished.count(), 1);
    for (const auto& args : finished) QCOMPARE(args.at(0).value<RunPtr>()->label, QStringLiteral("first"));
    QVERIFY(!controller.busy());
  }

  void run_controller_reports_bad_mitigations() {
    RunController controller;
    QSignalSpy failed(&controller, &RunController::runFailed);
    controller.start({QStringLiteral("bad"), builtin("tutorial"), {"no-such-mitigation"}, {}});
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("no-such-mitigation")));
  }

  void document_rejects_invalid_edits_and_keeps_its_text() {
    ScenarioDocument document;
    core::Diagnostics diagnostics;
    QVERIFY(document.open_builtin(QStringLiteral("tutorial"), &diagnostics));
    const std::string before = document.text();
    auto events = document.scenario()->events;
    model::Event bad;
    bad.id = "bad";
    bad.at_min = 10;
    bad.action = model::Action::DenyService;  // needs a duration
    bad.target_pattern = "power/sub-north";
    bad.targets = {*document.scenario()->network.find("power/sub-north")};
    events.push_back(bad);
    QVERIFY(!document.set_events(events, QStringLiteral("bad"), &diagnostics));
    QVERIFY(diagnostics.to_string().find("needs a 'duration'") != std::string::npos);
    QCOMPARE(document.text(), before);
    QVERIFY(!document.dirty());
    QVERIFY(document.is_builtin());
    QString error;
    QVERIFY(!document.save(&error));  // a built-in scenario needs Save As
    QVERIFY(!error.isEmpty());
  }

  void document_saves_atomically_and_reloads() {
    QTemporaryDir dir;
    ScenarioDocument document;
    core::Diagnostics diagnostics;
    QVERIFY(document.open_builtin(QStringLiteral("tutorial"), &diagnostics));
    auto events = document.scenario()->events;
    events.erase(events.begin());
    QVERIFY(document.set_events(events, QStringLiteral("remove"), &diagnostics));
    QVERIFY(document.dirty());
    const QString path = dir.filePath(QStringLiteral("t.yaml"));
    QString error;
    QVERIFY2(document.save_as(path, &error), qPrintable(error));
    QVERIFY(!document.dirty());
    QCOMPARE(document.path(), QFileInfo(path).absoluteFilePath());
    ScenarioDocument again;
    QVERIFY(again.open_file(path, &diagnostics));
    QCOMPARE(again.scenario()->events.size(), events.size());
    QVERIFY(again.text().find("# Blackstart tutorial scenario") == 0);
    // No temporary files left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("t.yaml")});
    // Saving into a folder that does not exist fails cleanly.
    QVERIFY(!document.save_as(dir.filePath(QStringLiteral("missing/t.yaml")), &error));
  }

  void event_dialog_validates_like_the_loader() {
    const auto scenario = builtin("tutorial");
    model::Event event;
    event.id = EventDialog::unique_id(*scenario, "trip");
    QCOMPARE(event.id, std::string("gui-trip-1"));
    event.at_min = 30;
    event.action = model::Action::Trip;
    event.target_pattern = "power/sub-north";
    EventDialog dialog(scenario, event, true);
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("eventProblem"))->text().isEmpty());
    dialog.targets_edit()->setText(QStringLiteral("power/sub-nort"));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("eventProblem"))
                ->text()
                .contains(QStringLiteral("did you mean")));
    dialog.targets_edit()->setText(QStringLiteral("cyber/rtu-*, power/sub-south"));
    dialog.id_edit()->setText(QStringLiteral("hijack-hmi"));  // taken
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("eventProblem"))
                ->text()
                .contains(QStringLiteral("hijack-hmi")));
    dialog.id_edit()->setText(QStringLiteral("mine"));
    dialog.at_edit()->setText(QStringLiteral("1.5h"));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("eventProblem"))->text().isEmpty());
    const auto built = dialog.event();
    QCOMPARE(built.at_min, 90.0);
    QCOMPARE(built.targets.size(), std::size_t{3});
    QCOMPARE(built.target_pattern, std::string("(list)"));
  }

  void scene_picks_assets_and_emits_intent() {
    const auto scenario = builtin("tutorial");
    NetworkScene scene;
    scene.set_scenario(scenario);
    QSignalSpy selected(&scene, &NetworkScene::assetSelected);
    const auto hmi = *scenario->network.find("cyber/hmi");
    scene.click(scene.position_of(hmi) + QPointF(2, 1), 10);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).value<model::ElementIndex>(), hmi);
    scene.click(scene.sceneRect().topLeft(), 5);
    QCOMPARE(selected.at(1).at(0).value<model::ElementIndex>(), model::kNoElement);
    // Hidden layers cannot be picked; stacked mode moves assets but keeps them pickable.
    scene.set_layer_visible(scenario->network.element(hmi).layer, false);
    QCOMPARE(scene.element_at(scene.position_of(hmi), 10), model::kNoElement);
    scene.set_layer_visible(scenario->network.element(hmi).layer, true);
    scene.set_mode(NetworkScene::Mode::Stacked);
    QCOMPARE(scene.element_at(scene.position_of(hmi), 10), hmi);
    QVERIFY(scene.describe(hmi).contains(QStringLiteral("cyber/hmi")));
  }

  void view_state_resets_clamps_and_signals_changes() {
    const auto scenario = builtin("tutorial");
    const auto run = make_snapshot(QStringLiteral("t"), {}, scenario, sim::simulate(*scenario), 0);
    ViewState state;
    QSignalSpy opened(&state, &ViewState::scenarioOpened);
    QSignalSpy run_changed(&state, &ViewState::runChanged);
    QSignalSpy time_changed(&state, &ViewState::timeChanged);
    QSignalSpy selection(&state, &ViewState::selectionChanged);
    QVERIFY(!state.select(0));  // no scenario yet
    state.open_scenario(scenario);
    QCOMPARE(opened.count(), 1);
    state.set_time(30);
    QCOMPARE(state.time(), 0.0);  // no run: time stays at 0
    QCOMPARE(time_changed.count(), 0);
    state.show_run(run, 1e9);
    QCOMPARE(state.time(), run->result.horizon_min);  // clamped to the run's horizon
    QCOMPARE(run_changed.count(), 1);
    QCOMPARE(time_changed.count(), 1);
    state.set_time(30);
    state.set_time(30);
    QCOMPARE(time_changed.count(), 2);  // only changes are signalled
    QVERIFY(state.select(3));
    QVERIFY(state.select(3));
    QVERIFY(!state.select(static_cast<ElementIndex>(scenario->network.size())));
    QCOMPARE(selection.count(), 1);
    state.edit_scenario(scenario);
    QCOMPARE(state.run(), run);  // an edit keeps the run shown
    state.open_scenario(scenario);
    QVERIFY(!state.run());
    QCOMPARE(state.selected(), model::kNoElement);
    QCOMPARE(state.time(), 0.0);
    QVERIFY(state.compared().empty());
  }

  void explainer_answers_off_the_gui_thread_and_drops_stale_questions() {
    const auto scenario = builtin("tutorial");
    const auto result = sim::simulate(*scenario);
    const auto run = make_snapshot(QStringLiteral("t"), {}, scenario, sim::simulate(*scenario), 0);
    const auto tram = *scenario->network.find("transport/tram-1");
    QThreadPool::globalInstance()->setMaxThreadCount(
        std::max(2, QThreadPool::globalInstance()->maxThreadCount()));
    QSemaphore release_first;
    std::atomic<QThread*> first_thread{nullptr};
    std::atomic<QThread*> second_thread{nullptr};
    Explainer explainer(nullptr, [&](RunPtr r, ElementIndex e, double t) {
      if (e == 0) {
        first_thread = QThread::currentThread();
        release_first.acquire();  // a slow question: the user moves on meanwhile
      } else {
        second_thread = QThread::currentThread();
      }
      return Explainer::explain_now(std::move(r), e, t);
    });
    QSignalSpy answered(&explainer, &Explainer::answered);
    explainer.ask(run, 0, 30);
    explainer.ask(run, tram, 30);
    QVERIFY(explainer.busy());
    QVERIFY(explainer.wait());  // the latest answer comes while the first is still being worked out
    QCOMPARE(answered.count(), 1);
    const auto answer = answered.at(0).at(0).value<Explanation>();
    QCOMPARE(answer.element, tram);
    QCOMPARE(answer.time_min, 30.0);
    const auto reference = sim::explain(result, tram, 30);
    QVERIFY(!reference.empty());
    QCOMPARE(answer.chain.size(), reference.size());
    for (std::size_t i = 0; i < reference.size(); ++i)
      QCOMPARE(answer.chain[i].element, reference[i].element);
    QCOMPARE(answer.still_down.size(), sim::why_still_down(*scenario, result, tram, 30).size());
    QVERIFY(second_thread.load() && second_thread.load() != QThread::currentThread());
    // The first, stale answer is dropped when it finally comes.
    release_first.release();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(answered.count(), 1);
    QVERIFY(first_thread.load() && first_thread.load() != QThread::currentThread());
    // A forgotten question is not answered.
    explainer.ask(run, tram, 60);
    explainer.forget();
    QVERIFY(!explainer.busy());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(answered.count(), 1);
  }

  void inspector_shows_the_answer_for_the_latest_selection() {
    const auto scenario = builtin("tutorial");
    const auto result = sim::simulate(*scenario);
    const auto run = make_snapshot(QStringLiteral("t"), {}, scenario, sim::simulate(*scenario), 0);
    const auto tram = *scenario->network.find("transport/tram-1");
    const auto other = *scenario->network.find("power/sub-north");
    InspectorPanel inspector;
    inspector.set_scenario(scenario);
    inspector.set_run(run);
    inspector.set_time(30);
    inspector.set_element(other);
    inspector.set_element(tram);
    QVERIFY(inspector.explaining());  // asked, not worked out on this thread
    QVERIFY(inspector.wait_for_explanation());
    std::vector<ElementIndex> expected;
    for (const auto& step : sim::explain(result, tram, 30)) expected.push_back(step.element);
    QCOMPARE(inspector.chain_elements(), expected);
    QVERIFY(inspector.chain_text().contains(QStringLiteral("transport/tram-1")));
    // Nothing selected: nothing asked, nothing shown.
    inspector.set_element(model::kNoElement);
    QVERIFY(!inspector.explaining());
    QVERIFY(inspector.chain_elements().empty());
    QVERIFY(inspector.cause_chain()->toPlainText().isEmpty());
  }

  void window_fits_a_small_screen() {
    MainWindow window(MainWindow::Options{false, false});
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.open_path(QStringLiteral("ukraine-2015")));
    QCoreApplication::processEvents();
    QCOMPARE(window.size(), QSize(1024, 700));
    QVERIFY2(window.timeline()->slider()->width() >= 120,
             qPrintable(QString::number(window.timeline()->slider()->width())));
    QVERIFY(window.find_edit()->isVisible() && window.find_edit()->width() >= 140);
    QVERIFY(window.view()->width() >= 400 && window.view()->height() >= 250);
  }

  void event_log_model_follows_time() {
    const auto scenario = builtin("tutorial");
    auto run = make_snapshot(QStringLiteral("t"), {}, scenario, sim::simulate(*scenario), 0);
    EventLogModel model;
    model.set_run(run);
    QCOMPARE(model.rowCount(), static_cast<int>(run->changes_until(0)));
    model.set_time(60);
    QCOMPARE(model.rowCount(), static_cast<int>(run->changes_until(60)));
    const auto& first = run->result.changes.front();
    QCOMPARE(model.index(0, EventLogModel::Element).data().toString(),
             QString::fromStdString(scenario->network.element(first.element).id));
    QCOMPARE(model.index(0, 0).data(EventLogModel::ElementRole).toUInt(), first.element);
    model.set_time(0);
    QCOMPARE(model.rowCount(), static_cast<int>(run->changes_until(0)));
  }
};

QTEST_MAIN(UnitsTest)
#include "tst_gui_units.moc"
