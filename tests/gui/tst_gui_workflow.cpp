// Drives the real main window through a student's session with the Ukraine 2015 scenario and checks
// every view against the engine's own results, computed here without any GUI code.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPageLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>
#include <algorithm>
#include <memory>
#include <set>

#include "app/charts_panel.hpp"
#include "app/event_dialog.hpp"
#include "app/export.hpp"
#include "app/inspector_panel.hpp"
#include "app/main_window.hpp"
#include "app/seed_spin_box.hpp"
#include "app/timeline_widget.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/metrics/metric_table.hpp"
#include "blackstart/report/report.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"
#include "canvas/palette.hpp"
#include "gui_test_support.hpp"
#include "models/event_log_model.hpp"
#include "models/runs_model.hpp"

using namespace blackstart;
using namespace blackstart::gui;

class WorkflowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void opens_the_ukraine_scenario();
  void runs_it_off_the_gui_thread();
  void scrubbing_colours_every_asset_by_the_engines_state();
  void canvas_pixels_show_the_state_colours();
  void charts_show_the_engines_metrics();
  void event_log_lists_changes_up_to_the_time_and_selects();
  void inspector_reads_the_cause_chain_and_follows_it();
  void adding_an_event_and_rerunning_changes_the_result();
  void exports_pictures_data_and_a_report();
  void save_and_reload_round_trips();
  void unsaved_changes_are_asked_about();
  void malformed_file_shows_an_error_dialog_and_keeps_the_model();
  void what_if_runs_are_compared_side_by_side();
  void undo_restores_the_events();
  void editing_an_event_in_place();
  void drag_and_drop_and_recent_files();
  void window_layout_is_remembered();
  void cleanupTestCase();

 private:
  [[nodiscard]] model::ElementIndex id(const char* full_id) const;
  void scrub(double t_min);

  std::unique_ptr<MainWindow> window_;
  std::shared_ptr<const model::Scenario> reference_scenario_;
  sim::RunResult reference_;
  QTemporaryDir dir_;
};

model::ElementIndex WorkflowTest::id(const char* full_id) const {
  const auto found = window_->document()->scenario()->network.find(full_id);
  if (!found) qFatal("no element %s", full_id);
  return *found;
}

void WorkflowTest::scrub(double t_min) {
  // As a user does: move the slider (ticks of 0.1 min), after showing the full horizon when the time
  // lies outside the active period the slider opens on.
  auto* full_horizon = window_->action(QStringLiteral("actionFullHorizon"));
  if (t_min * 10 > window_->timeline()->slider()->maximum() && !full_horizon->isChecked())
    full_horizon->trigger();
  window_->timeline()->slider()->setValue(static_cast<int>(std::lround(t_min * 10)));
  QCoreApplication::processEvents();
}

void WorkflowTest::initTestCase() {
  test::isolate_settings();
  QSettings().clear();  // start from a fresh layout and no recent files
  QVERIFY(dir_.isValid());
  window_ = std::make_unique<MainWindow>();
  window_->resize(1400, 900);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  window_->activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(window_.get()));

  auto loaded = io::load_scenario_file(test::source_path("scenarios/ukraine-2015.yaml").toStdString());
  QVERIFY(loaded.ok());
  reference_scenario_ = std::make_shared<const model::Scenario>(std::move(*loaded.scenario));
  reference_ = sim::simulate(*reference_scenario_);
}

void WorkflowTest::opens_the_ukraine_scenario() {
  QSignalSpy opened(window_->document(), &ScenarioDocument::opened);
  QVERIFY(window_->open_path(test::source_path("scenarios/ukraine-2015.yaml")));
  QCOMPARE(opened.count(), 1);
  const auto scenario = window_->document()->scenario();
  QCOMPARE(scenario->name, reference_scenario_->name);
  QCOMPARE(scenario->network.size(), reference_scenario_->network.size());
  // Every layer is drawn: tiles exist for each layer, and the scene holds every asset.
  std::size_t drawn = 0;
  std::set<std::uint32_t> layers;
  for (auto* item : window_->scene()->items())
    if (item->type() == AssetTileItem::Type) {
      drawn += static_cast<AssetTileItem*>(item)->assets().size();
      layers.insert(static_cast<AssetTileItem*>(item)->layer());
    }
  std::size_t assets = 0;
  for (const auto& e : scenario->network.elements()) assets += e.is_link ? 0 : 1;
  QCOMPARE(drawn, assets);
  QCOMPARE(layers.size(), scenario->network.layers().size());
  QVERIFY(window_->windowTitle().contains(QStringLiteral("Ukraine 2015")));
  QCOMPARE(window_->seed_box()->value(), 2015);
  QCOMPARE(window_->horizon_edit()->text(), QStringLiteral("1d"));
  QCOMPARE(static_cast<std::size_t>(window_->mitigation_actions().size()),
           reference_scenario_->mitigations.size());
  // Search by id selects and centres.
  window_->find_edit()->setText(QStringLiteral("trolleybus-if-2"));
  QTest::keyClick(window_->find_edit(), Qt::Key_Return);
  QCOMPARE(window_->scene()->selected(), id("transport/trolleybus-if-2"));
}

void WorkflowTest::runs_it_off_the_gui_thread() {
  QSignalSpy finished(window_->run_controller(), &RunController::runFinished);
  QSignalSpy progress(window_->run_controller(), &RunController::progressChanged);
  QTest::keyClick(window_.get(), Qt::Key_R, Qt::ControlModifier);  // the Run shortcut
  QVERIFY(window_->run_controller()->busy() || finished.count() == 1);
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
  QVERIFY(progress.count() >= 2);  // 0 at start, then the engine's progress
  const auto run = window_->current_run();
  QVERIFY(run);
  QCOMPARE(run->label, QStringLiteral("baseline"));
  QCOMPARE(run->result.changes.size(), reference_.changes.size());
  QCOMPARE(run->summary.peak_customers_without_power,
           metrics::summarize(reference_).peak_customers_without_power);
  // The timeline opens at the worst impact.
  QCOMPARE(window_->time(), run->summary.time_of_worst_impact_min);
}

void WorkflowTest::scrubbing_colours_every_asset_by_the_engines_state() {
  const auto& net = window_->document()->scenario()->network;
  for (double t : {0.0, 2.0, 5.0, 27.0, 60.0, 90.0, 180.0, 600.0, 1440.0}) {
    scrub(t);
    QCOMPARE(window_->time(), t);
    const auto& frame = *window_->scene()->canvas_model().frame;
    QVERIFY(frame.has_run);
    QCOMPARE(frame.time_min, t);
    for (model::ElementIndex e = 0; e < net.size(); ++e) {
      if (frame.state(e) != test::reference_state(reference_, e, t))
        QFAIL(qPrintable(
            QStringLiteral("%1 at %2 min: canvas %3, engine %4")
                .arg(QString::fromStdString(net.element(e).id))
                .arg(t)
                .arg(state_label(frame.state(e)), state_label(test::reference_state(reference_, e, t)))));
      QCOMPARE(frame.lost_control(e), test::reference_flag(reference_, e, t, sim::ChangeKind::Control));
      QCOMPARE(frame.lost_view(e), test::reference_flag(reference_, e, t, sim::ChangeKind::View));
    }
  }
  // Spot checks that mean something to a reader: the first 110 kV substation opened at 2 min.
  scrub(1.0);
  QCOMPARE(window_->scene()->canvas_model().frame->state(id("power/pry-110-01")), sim::State::InService);
  scrub(2.0);
  QVERIFY(!sim::is_operational(window_->scene()->canvas_model().frame->state(id("power/pry-110-01"))));
  QCOMPARE(window_->scene()->canvas_model().frame->state(id("cyber/pry-hmi")), sim::State::Compromised);
  // Step forward lands on the next change time.
  const double before = window_->time();
  window_->timeline()->step_forward();
  QVERIFY(window_->time() > before);
  bool is_change_time = false;
  for (const auto& c : reference_.changes) is_change_time = is_change_time || c.time_min == window_->time();
  QVERIFY(is_change_time);
}

void WorkflowTest::canvas_pixels_show_the_state_colours() {
  scrub(60.0);
  auto* view = window_->view();
  for (const char* asset :
       {"power/pry-110-x1", "cyber/pry-hmi", "power/kyiv-35-03", "transport/road-kyiv-ring"}) {
    const auto e = id(asset);
    view->focus_on(e);
    QCoreApplication::processEvents();
    const QImage image = view->viewport()->grab().toImage();
    const QPoint p = view->mapFromScene(window_->scene()->position_of(e));
    const QColor seen = image.pixelColor(p * image.devicePixelRatio());
    const QColor wanted = state_color(test::reference_state(reference_, e, 60.0));
    const int distance = std::abs(seen.red() - wanted.red()) + std::abs(seen.green() - wanted.green()) +
                         std::abs(seen.blue() - wanted.blue());
    if (distance > 30)
      QFAIL(
          qPrintable(QStringLiteral("%1: pixel %2, state colour %3").arg(asset, seen.name(), wanted.name())));
  }
  view->fit_all();
}

void WorkflowTest::charts_show_the_engines_metrics() {
  auto* charts = window_->charts();
  for (double t : {0.0, 5.0, 27.0, 45.0, 90.0, 150.0, 600.0}) {
    scrub(t);
    const auto want = test::reference_totals(reference_, t);
    auto value = [&](ChartsPanel::Metric m, const QString& name) {
      auto* series = charts->series(m, name);
      if (!series) qFatal("no series %s", qPrintable(name));
      return ChartsPanel::series_value(series, t);
    };
    QCOMPARE(value(ChartsPanel::CustomersWithoutPower, QStringLiteral("baseline")),
             want.customers_without_power);
    QCOMPARE(value(ChartsPanel::ShedMw, QStringLiteral("baseline")), want.shed_mw);
    QCOMPARE(value(ChartsPanel::PassengersAffected, QStringLiteral("baseline")), want.passengers_affected);
    QCOMPARE(value(ChartsPanel::LossOfControlView, QStringLiteral("baseline")), double(want.loss_of_control));
    QCOMPARE(value(ChartsPanel::LossOfControlView, QStringLiteral("baseline · view")),
             double(want.loss_of_view));
    // The time marker sits at t.
    auto* marker = charts->series(ChartsPanel::CustomersWithoutPower, QStringLiteral("now"));
    QVERIFY(marker);
    QCOMPARE(marker->at(0).x(), t / 60.0);
  }
}

void WorkflowTest::event_log_lists_changes_up_to_the_time_and_selects() {
  scrub(30.0);
  std::size_t expected = 0;
  for (const auto& c : reference_.changes) expected += c.time_min <= 30.0 ? 1 : 0;
  auto* table = window_->event_log_view();
  QCOMPARE(static_cast<std::size_t>(table->model()->rowCount()), expected);
  scrub(10.0);
  expected = 0;
  for (const auto& c : reference_.changes) expected += c.time_min <= 10.0 ? 1 : 0;
  QCOMPARE(static_cast<std::size_t>(table->model()->rowCount()), expected);
  // Clicking a row selects its asset.
  const int row = static_cast<int>(expected) - 1;
  const QModelIndex index = table->model()->index(row, EventLogModel::Element);
  table->scrollTo(index);
  QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
  const auto element = reference_.changes[static_cast<std::size_t>(row)].element;
  QCOMPARE(window_->scene()->selected(), element);
  QCOMPARE(window_->inspector()->element(), element);
  QCOMPARE(index.data().toString(),
           QString::fromStdString(window_->document()->scenario()->network.element(element).id));
}

void WorkflowTest::inspector_reads_the_cause_chain_and_follows_it() {
  scrub(60.0);
  const auto trolleybus = id("transport/trolleybus-if-1");
  window_->select_element(trolleybus);
  auto* inspector = window_->inspector();
  QVERIFY(inspector->wait_for_explanation());  // worked out off the GUI thread
  const auto chain = sim::explain(reference_, trolleybus, 60.0);
  QVERIFY(chain.size() >= 3);
  std::vector<model::ElementIndex> expected;
  for (const auto& step : chain) expected.push_back(step.element);
  QCOMPARE(inspector->chain_elements(), expected);
  // It runs through the attack step that opened the breaker back to where the attacker came in.
  QVERIFY(chain.back().entry_point);
  const auto opened = std::find_if(chain.begin(), chain.end(), [](const sim::ExplainStep& step) {
    return !step.attack && step.change.cause.kind == sim::CauseKind::Attack;
  });
  QVERIFY(opened != chain.end());
  const QString text = inspector->cause_chain()->toPlainText();
  const auto step_text = sim::describe(opened->change.cause, sim::CauseContext(*reference_scenario_)).text;
  QVERIFY2(text.contains(QString::fromStdString(step_text)), qPrintable(text));
  QVERIFY(text.contains(QStringLiteral("transport/trolleybus-if-1")));
  QVERIFY(inspector->chain_text().startsWith(
      QStringLiteral("2min transport/trolleybus-if-1 in_service → failed")));
  // Each step is a link; following one selects that element everywhere.
  QVERIFY(inspector->cause_chain()->toHtml().contains(QStringLiteral("element:%1").arg(chain[1].element)));
  emit inspector->cause_chain()->anchorClicked(QUrl(QStringLiteral("element:%1").arg(chain[1].element)));
  QCOMPARE(window_->scene()->selected(), chain[1].element);
  QCOMPARE(inspector->element(), chain[1].element);
  // Now the inspector explains chain[1]; its last step is the same attacked element.
  QVERIFY(inspector->wait_for_explanation());
  QCOMPARE(inspector->chain_elements().back(), chain.back().element);
  inspector->activate_step(inspector->chain_elements().size() - 1);
  QCOMPARE(window_->scene()->selected(), chain.back().element);
  // The history lists every change of the element.
  QCOMPARE(inspector->history()->topLevelItemCount(),
           static_cast<int>(window_->current_run()->changes_of[chain.back().element].size()));
}

void WorkflowTest::adding_an_event_and_rerunning_changes_the_result() {
  const auto target = id("power/pry-110-x1");  // not attacked in 2015
  scrub(180.0);
  QCOMPARE(window_->scene()->canvas_model().frame->state(target), sim::State::InService);
  const auto events_before = window_->document()->scenario()->events.size();
  const double customers_before = window_->current_run()->totals_at(181.0).customers_without_power;

  // Right-click ▸ Attack ▸ damage at… : the dialog opens prefilled with the asset and the current time.
  EventDialog* dialog = window_->request_attack(target, model::Action::Damage);
  QVERIFY(dialog);
  QCOMPARE(dialog->targets_edit()->text(), QStringLiteral("power/pry-110-x1"));
  QCOMPARE(dialog->at_edit()->text(), QStringLiteral("3h"));
  dialog->at_edit()->setText(QStringLiteral("not a time"));
  QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("eventProblem"))->text().isEmpty());
  dialog->at_edit()->setText(QStringLiteral("3h"));
  dialog->accept();
  QCoreApplication::processEvents();
  const auto scenario = window_->document()->scenario();
  QCOMPARE(scenario->events.size(), events_before + 1);
  QCOMPARE(scenario->events.back().action, model::Action::Damage);
  QCOMPARE(scenario->events.back().at_min, 180.0);
  QCOMPARE(scenario->events.back().targets, std::vector<model::ElementIndex>{target});
  QVERIFY(window_->document()->dirty());
  QVERIFY(window_->windowTitle().contains(QStringLiteral("[*]")) || window_->isWindowModified());

  QSignalSpy finished(window_->run_controller(), &RunController::runFinished);
  window_->run_now();
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
  const auto run = window_->current_run();
  QVERIFY(run->label.contains(QStringLiteral("edit 1")));
  scrub(181.0);
  QVERIFY(!sim::is_operational(window_->scene()->canvas_model().frame->state(target)));
  QVERIFY(run->totals_at(181.0).customers_without_power > customers_before);
  // The engine agrees when it runs the edited scenario itself.
  const auto direct = sim::simulate(*scenario);
  QCOMPARE(run->result.changes.size(), direct.changes.size());
  QCOMPARE(window_->scene()->canvas_model().frame->state(target),
           test::reference_state(direct, target, 181.0));
}

void WorkflowTest::exports_pictures_data_and_a_report() {
  scrub(60.0);
  const auto run = window_->current_run();
  QString error;
  const QString png = dir_.filePath(QStringLiteral("canvas.png"));
  QVERIFY2(export_scene_png(window_->scene(), png, 2000, &error), qPrintable(error));
  QCOMPARE(QImage(png).width(), 2000);
  const QString svg = dir_.filePath(QStringLiteral("canvas.svg"));
  QVERIFY(export_scene_svg(window_->scene(), svg, &error));
  QFile svg_file(svg);
  QVERIFY(svg_file.open(QIODevice::ReadOnly));
  QVERIFY(svg_file.readAll().contains("<svg"));
  const QString charts_png = dir_.filePath(QStringLiteral("charts.png"));
  QVERIFY(export_widget_png(window_->charts(), charts_png, 2.0, &error));
  QCOMPARE(QImage(charts_png).width(), window_->charts()->width() * 2);
  QVERIFY(export_widget_svg(window_->charts(), dir_.filePath(QStringLiteral("charts.svg")), &error));

  // The run's data, byte for byte what the engine's report writers produce (as `blackstart run --out`).
  const QString out = dir_.filePath(QStringLiteral("run"));
  QVERIFY2(export_run_data(*run, out, &error), qPrintable(error));
  QFile summary(out + QStringLiteral("/summary.json"));
  QVERIFY(summary.open(QIODevice::ReadOnly));
  const auto direct = sim::simulate(*run->scenario);  // the engine on its own, same scenario
  QCOMPARE(summary.readAll().toStdString(),
           report::summary_json(metrics::summarize(direct), run->mitigations));
  QFile events(out + QStringLiteral("/events.csv"));
  QVERIFY(events.open(QIODevice::ReadOnly));
  QCOMPARE(events.readAll().toStdString(), report::events_csv(*run->scenario, direct));
  QVERIFY(QFile::exists(out + QStringLiteral("/timeline.csv")));

  // The one-page report: headline metrics, curves, the timeline of events.
  ReportContent content{run, QStringLiteral("ukraine-2015.yaml"), render_widget(window_->charts(), 1.0),
                        render_scene(window_->scene(), 800), 60.0};
  const QString html = report_html(content, true);
  QVERIFY(html.contains(QStringLiteral("Peak customers without power")));
  QVERIFY(html.contains(QLocale().toString(run->summary.peak_customers_without_power, 'f', 0)));
  // Every headline row is named as in the engine's metric table.
  for (const auto id : {metrics::RunMetric::CustomerHours, metrics::RunMetric::EnergyNotServed,
                        metrics::RunMetric::TimeToFullRestoration, metrics::RunMetric::ResilienceIndex})
    QVERIFY(html.contains(QString::fromUtf8(metrics::info(id).title.data())));
  QVERIFY(html.contains(QLocale().toString(run->summary.resilience_index, 'f', 4)));
  QVERIFY(html.contains(QStringLiteral("pry-open-110")));
  QVERIFY(html.contains(QStringLiteral("data:image/png;base64,")));
  QVERIFY(export_report_html(content, dir_.filePath(QStringLiteral("report.html")), &error));
  const QString pdf = dir_.filePath(QStringLiteral("report.pdf"));
  QVERIFY2(export_report_pdf(content, pdf, &error), qPrintable(error));
  QFile pdf_file(pdf);
  QVERIFY(pdf_file.open(QIODevice::ReadOnly));
  const QByteArray bytes = pdf_file.readAll();
  QVERIFY(bytes.startsWith("%PDF"));
  QVERIFY(bytes.size() > 20000);
  QCOMPARE(bytes.count("/Type /Page") - bytes.count("/Type /Pages"), 1);  // one page
  // Still one page with the tall picture of the stacked view.
  window_->scene()->set_mode(NetworkScene::Mode::Stacked);
  content.canvas = render_scene(window_->scene(), 800);
  window_->scene()->set_mode(NetworkScene::Mode::Flat);
  QTextDocument doc;
  fill_report_document(&doc, content,
                       QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(12, 12, 12, 12),
                                   QPageLayout::Millimeter));
  QCOMPARE(doc.pageCount(), 1);
}

void WorkflowTest::save_and_reload_round_trips() {
  const QString path = dir_.filePath(QStringLiteral("edited.yaml"));
  const auto before = window_->document()->scenario();
  QVERIFY(window_->save_as(path));
  QVERIFY(!window_->document()->dirty());
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(file.readAll());
  // Comments and everything outside the events block are kept.
  QVERIFY(text.startsWith(QStringLiteral("# Ukraine, 23 December 2015")));
  QVERIFY(text.contains(QStringLiteral("    # Kyivoblenergo: the dwell")));
  QVERIFY(text.contains(QStringLiteral("mitigations:\n  - name: prepositioned-crews")));
  QVERIFY(text.contains(
      QStringLiteral("- {id: gui-damage-1, at: 3h, action: damage, targets: power/pry-110-x1}")));

  QVERIFY(window_->open_path(path));
  const auto after = window_->document()->scenario();
  QVERIFY(after != before);
  QCOMPARE(after->events.size(), before->events.size());
  for (std::size_t i = 0; i < after->events.size(); ++i) {
    QCOMPARE(after->events[i].id, before->events[i].id);
    QCOMPARE(after->events[i].at_min, before->events[i].at_min);
    QCOMPARE(after->events[i].action, before->events[i].action);
    QCOMPARE(after->events[i].targets, before->events[i].targets);
    QCOMPARE(after->events[i].description, before->events[i].description);
  }
  QVERIFY(!window_->document()->dirty());
  QCOMPARE(window_->runs_model()->rowCount(), 0);  // a newly opened scenario starts without runs
}

void WorkflowTest::unsaved_changes_are_asked_about() {
  QVERIFY(window_->remove_event(0));
  QVERIFY(window_->document()->dirty());
  const auto edited = window_->document()->scenario();
  QString asked;
  auto answer = [&](QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [&asked, button] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box) return;
      asked = box->text();
      box->button(button)->click();
    });
  };
  answer(QMessageBox::Cancel);
  QVERIFY(!window_->open_path(QStringLiteral("tutorial")));
  QVERIFY2(asked.contains(QStringLiteral("unsaved changes")), qPrintable(asked));
  QCOMPARE(window_->document()->scenario(), edited);  // cancelled: nothing changed
  asked.clear();
  answer(QMessageBox::Discard);
  QVERIFY(window_->open_path(test::source_path("scenarios/ukraine-2015.yaml")));
  QVERIFY(!asked.isEmpty());
  QVERIFY(!window_->document()->dirty());
}

void WorkflowTest::malformed_file_shows_an_error_dialog_and_keeps_the_model() {
  const auto before = window_->document()->scenario();
  const QString path = dir_.filePath(QStringLiteral("broken.yaml"));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(
      "blackstart: 1\nname: broken\nlayers:\n  - name: power\n    assets:\n      - {id: a, type: "
      "substaton}\n");
  file.close();
  QVERIFY(!window_->open_path(path));
  QMessageBox* box = window_->error_dialog();
  QVERIFY(box);
  QTRY_VERIFY(box->isVisible());
  QVERIFY2(box->text().contains(QStringLiteral("broken.yaml:6:")), qPrintable(box->text()));
  QVERIFY(box->text().contains(QStringLiteral("substaton")));
  QVERIFY(box->detailedText().contains(QStringLiteral("error:")));
  // Logged too, and nothing half-loaded: the previous scenario is still open.
  QVERIFY(window_->message_log()->toPlainText().contains(QStringLiteral("broken.yaml:6:")));
  QCOMPARE(window_->document()->scenario(), before);
  box->accept();

  // Invalid YAML syntax: line and column of the parser.
  QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write("blackstart: 1\nname: [unclosed\n");
  file.close();
  QVERIFY(!window_->open_path(path));
  QTRY_VERIFY(window_->error_dialog() && window_->error_dialog()->isVisible());
  QVERIFY(window_->error_dialog()->text().contains(QStringLiteral("broken.yaml:")));
  window_->error_dialog()->accept();
  QCOMPARE(window_->document()->scenario(), before);
}

void WorkflowTest::what_if_runs_are_compared_side_by_side() {
  QVERIFY(window_->open_path(test::source_path("scenarios/ukraine-2015.yaml")));
  QSignalSpy finished(window_->run_controller(), &RunController::runFinished);
  window_->action(QStringLiteral("actionWhatIf"))->trigger();
  // The baseline and one run per mitigation.
  const int expected = 1 + static_cast<int>(reference_scenario_->mitigations.size());
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), expected, 60000);
  auto* runs = window_->runs_model();
  QCOMPARE(runs->rowCount(), expected);
  QCOMPARE(window_->current_run()->label, QStringLiteral("baseline"));
  for (int row = 0; row < runs->rowCount(); ++row) {
    const auto run = runs->run(row);
    // Each row's figures are the engine's for that mitigation.
    model::Scenario scenario = *reference_scenario_;
    QVERIFY(!model::apply_mitigations(scenario, run->mitigations).has_errors());
    const auto summary = metrics::summarize(sim::simulate(scenario));
    QCOMPARE(runs->index(row, RunsModel::PeakCustomers).data(Qt::UserRole).toDouble(),
             summary.peak_customers_without_power);
    QCOMPARE(runs->index(row, RunsModel::Resilience).data(Qt::UserRole).toDouble(), summary.resilience_index);
    // Every run has its curve on the charts.
    QVERIFY(window_->charts()->series(ChartsPanel::CustomersWithoutPower, run->label));
  }
  // Pre-positioned crews restore faster than the baseline.
  QVERIFY(runs->run(1)->summary.customer_minutes_interrupted <
          runs->run(0)->summary.customer_minutes_interrupted);
  // Unticking a run takes its curve off the charts.
  QVERIFY(runs->setData(runs->index(1, RunsModel::Run), Qt::Unchecked, Qt::CheckStateRole));
  QVERIFY(!window_->charts()->series(ChartsPanel::CustomersWithoutPower, runs->run(1)->label));
  QVERIFY(runs->to_csv().startsWith(QStringLiteral("run,seed,mitigations,peak_customers_without_power")));
}

void WorkflowTest::undo_restores_the_events() {
  // Ukraine 2015 is a campaign without timed events: remove one of the tutorial's.
  QVERIFY(window_->open_path(test::source_path("scenarios/tutorial.yaml")));
  const auto count = window_->document()->scenario()->events.size();
  QVERIFY(window_->remove_event(0));
  QCOMPARE(window_->document()->scenario()->events.size(), count - 1);
  window_->action(QStringLiteral("actionUndo"))->trigger();
  QCOMPARE(window_->document()->scenario()->events.size(), count);
  QVERIFY(!window_->document()->dirty());
}

void WorkflowTest::editing_an_event_in_place() {
  // Ukraine 2015 is a campaign without timed events: edit the tutorial's.
  QVERIFY(window_->open_path(test::source_path("scenarios/tutorial.yaml")));
  const auto scenario = window_->document()->scenario();
  QVERIFY(scenario->events.size() >= 2);
  auto event = scenario->events[1];
  event.at_min += 5;
  event.description = "changed in the window";
  QVERIFY(window_->replace_event(1, event));
  QCOMPARE(window_->document()->scenario()->events[1].at_min, event.at_min);
  QCOMPARE(window_->document()->scenario()->events[1].description, std::string("changed in the window"));
  QCOMPARE(window_->document()->scenario()->events.size(), scenario->events.size());
  // A target that does not exist is refused with the loader's message; nothing changes.
  auto bad = event;
  bad.target_pattern = "power/no-such-substation";
  QVERIFY(!window_->replace_event(1, bad));
  QTRY_VERIFY(window_->error_dialog() && window_->error_dialog()->isVisible());
  QVERIFY(window_->error_dialog()->detailedText().contains(QStringLiteral("no-such-substation")));
  window_->error_dialog()->accept();
  QCOMPARE(window_->document()->scenario()->events[1].description, std::string("changed in the window"));
  window_->action(QStringLiteral("actionUndo"))->trigger();
  QVERIFY(!window_->document()->dirty());
}

void WorkflowTest::drag_and_drop_and_recent_files() {
  const QString path = test::source_path("scenarios/tutorial.yaml");
  auto* mime = new QMimeData;
  mime->setUrls({QUrl::fromLocalFile(path)});
  QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(window_.get(), &enter);
  QVERIFY(enter.isAccepted());
  QDropEvent drop(QPointF(100, 100), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(window_.get(), &drop);
  QTRY_COMPARE(window_->document()->path(), QFileInfo(path).absoluteFilePath());
  QCOMPARE(window_->document()->scenario()->name, std::string("Tutorial town"));
  delete mime;
  // Not a scenario: refused.
  QMimeData text;
  text.setUrls({QUrl::fromLocalFile(test::source_path("README.md"))});
  QDragEnterEvent other(QPoint(100, 100), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
  other.setAccepted(false);
  QApplication::sendEvent(window_.get(), &other);
  QVERIFY(!other.isAccepted());
  // Both opened files are in File ▸ Open recent, newest first.
  const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
  QVERIFY(recent.size() >= 2);
  QCOMPARE(recent.front(), QFileInfo(path).absoluteFilePath());
  QVERIFY(recent.contains(QFileInfo(test::source_path("scenarios/ukraine-2015.yaml")).absoluteFilePath()));
  auto* menu = window_->findChild<QMenu*>(QStringLiteral("recentMenu"));
  QVERIFY(menu && menu->actions().size() == recent.size());
}

void WorkflowTest::window_layout_is_remembered() {
  window_->resize(1234, 777);
  if (!window_->action(QStringLiteral("actionStacked"))->isChecked())
    window_->action(QStringLiteral("actionStacked"))->trigger();
  window_->document()->undo_stack()->setClean();
  QVERIFY(window_->close());
  MainWindow again;
  again.show();
  QVERIFY(QTest::qWaitForWindowExposed(&again));
  QCOMPARE(again.size(), QSize(1234, 777));
  QVERIFY(again.action(QStringLiteral("actionStacked"))->isChecked());
  QCOMPARE(again.scene()->mode(), NetworkScene::Mode::Stacked);
  again.close();
}

void WorkflowTest::cleanupTestCase() {
  window_->document()->undo_stack()->setClean();
  window_->close();
  window_.reset();
}

QTEST_MAIN(WorkflowTest)
#include "tst_gui_workflow.moc"
