// The bugs a first-time user hit (issue 10, "Bugs found"): each test failed before its fix.
#include <QAction>
#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

#include "app/attack_actions.hpp"
#include "app/charts_panel.hpp"
#include "app/command_line.hpp"
#include "app/event_dialog.hpp"
#include "app/export.hpp"
#include "app/main_window.hpp"
#include "app/screenshot.hpp"
#include "canvas/network_view.hpp"
#include "gui_test_support.hpp"
#include "models/event_log_model.hpp"

using namespace blackstart;
using namespace blackstart::gui;

class Bugs10Test : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  // Bug 1: the report's "worst impact" row gives the customers at the time it names.
  void the_worst_impact_row_gives_the_customers_at_its_time() {
    MainWindow window(MainWindow::Options{false, false});
    QVERIFY(window.open_path(QStringLiteral("ukraine-2015")));
    window.run_now();
    QVERIFY(window.wait_for_runs());
    // The case the user met: the worst point of Q(t) at one time, the customer peak later (the minimum
    // of Q weighs every layer). Here a later trace point gets more customers than the worst time has.
    auto shaped = std::make_shared<RunSnapshot>(*window.current_run());
    const double t = shaped->summary.time_of_worst_impact_min;
    const double at_t = test::reference_totals(shaped->result, t).customers_without_power;
    auto later = std::find_if(shaped->result.trace.begin(), shaped->result.trace.end(),
                              [t](const sim::TracePoint& p) { return p.time_min > t; });
    QVERIFY(later != shaped->result.trace.end());
    const double peak = at_t + 12058;
    later->layers[0].customers_without_power += peak - total_of(*later).customers_without_power;
    shaped->summary.peak_customers_without_power = peak;
    const RunPtr run = shaped;
    const QString html = report_html(ReportContent{run, QStringLiteral("ukraine-2015"), {}, {}, t}, false);
    const QString row =
        QStringLiteral("<td class=\"num\">%1</td><td>worst impact</td><td>").arg(format_time(t));
    const auto start = html.indexOf(row);
    QVERIFY2(start >= 0, qPrintable(html));
    const QString detail = html.mid(
        start + row.size(), html.indexOf(QStringLiteral("</td>"), start + row.size()) - start - row.size());
    QVERIFY2(detail.contains(QLocale().toString(at_t, 'f', 0) + QStringLiteral(" customers")),
             qPrintable(detail));
    // The peak has its own row at its own time.
    QVERIFY2(html.contains(
                 QStringLiteral("<td class=\"num\">%1</td><td>peak outage</td><td>%2 customers without power")
                     .arg(format_time(later->time_min), QLocale().toString(peak, 'f', 0))),
             qPrintable(html));
  }

  // Bug 2: QKeySequence::SaveAs is empty without a platform key scheme (as offscreen has).
  void save_as_has_an_explicit_shortcut() {
    MainWindow window(MainWindow::Options{false, false});
    QCOMPARE(window.action(QStringLiteral("actionSaveAs"))->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  }

  // Bug 3: the log's filter belongs to the scenario it was typed for.
  void a_new_scenario_starts_with_an_empty_log_filter() {
    MainWindow window(MainWindow::Options{false, false});
    QVERIFY(window.open_path(QStringLiteral("ukraine-2015")));
    auto* filter = window.findChild<QLineEdit*>(QStringLiteral("logFilter"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("kyivoblenergo"));
    QVERIFY(window.open_path(QStringLiteral("tutorial")));
    QVERIFY(filter->text().isEmpty());
    window.run_now();
    QVERIFY(window.wait_for_runs());
    window.set_time(window.current_run()->result.horizon_min);
    QVERIFY(window.event_log_view()->model()->rowCount() > 0);
  }

  // Bug 6: the attacks offered for an asset are those that make sense for its type, and the default
  // one is restored in the run (no crew serves the trolleybus lines of ukraine-2015).
  void attacks_offered_follow_the_asset_type() {
    MainWindow window(MainWindow::Options{false, false});
    QVERIFY(window.open_path(QStringLiteral("ukraine-2015")));
    const auto scenario = window.document()->scenario();
    const auto& net = scenario->network;
    const auto trolleybus = *net.find("transport/trolleybus-if-1");
    const auto offered = attack_actions_for(*scenario, trolleybus);
    QVERIFY(std::find(offered.begin(), offered.end(), model::Action::OpenBreaker) == offered.end());
    QVERIFY(std::find(offered.begin(), offered.end(), model::Action::Wipe) == offered.end());
    QVERIFY(std::find(offered.begin(), offered.end(), model::Action::Damage) != offered.end());
    QCOMPARE(default_attack_for(*scenario, trolleybus), model::Action::DenyService);
    // Power equipment still has its breakers opened, hosts are compromised.
    QCOMPARE(default_attack_for(*scenario, *net.find("power/pry-110-01")), model::Action::OpenBreaker);
    const auto hmi = attack_actions_for(*scenario, *net.find("cyber/pry-hmi"));
    QCOMPARE(hmi.front(), model::Action::Compromise);
    QVERIFY(std::find(hmi.begin(), hmi.end(), model::Action::OpenBreaker) == hmi.end());
    // Add event with the trolleybus line selected proposes the default; the line is back by the end.
    window.select_element(trolleybus);
    window.action(QStringLiteral("actionAddEvent"))->trigger();
    auto* dialog = window.findChild<EventDialog*>(QStringLiteral("eventDialog"));
    QVERIFY(dialog);
    QCOMPARE(static_cast<model::Action>(dialog->action_box()->currentData().toInt()),
             model::Action::DenyService);
    dialog->accept();
    QTRY_COMPARE(window.document()->scenario()->events.size(), scenario->events.size() + 1);
    window.run_now();
    QVERIFY(window.wait_for_runs());
    const auto run = window.current_run();
    bool hit = false;
    for (const auto& c : run->result.changes)
      hit = hit || (c.element == trolleybus && c.to == sim::State::Failed);
    QVERIFY(hit);
    const auto end = run->state_at(trolleybus, run->result.horizon_min);
    QVERIFY2(end == sim::State::InService || end == sim::State::Restored,
             qPrintable(QString::fromStdString(std::string(sim::to_string(end)))));
  }

  // Bug 7: the id the dialog made up follows the action; one the user typed stays.
  void the_automatic_event_id_follows_the_action() {
    MainWindow window(MainWindow::Options{false, false});
    QVERIFY(window.open_path(QStringLiteral("tutorial")));
    const auto target = *window.document()->scenario()->network.find("power/sub-north");
    EventDialog* dialog = window.request_attack(target, model::Action::Damage);
    QCOMPARE(dialog->id_edit()->text(), QStringLiteral("gui-damage-1"));
    auto* box = dialog->action_box();
    box->setCurrentIndex(box->findData(static_cast<int>(model::Action::Trip)));
    QCOMPARE(dialog->id_edit()->text(), QStringLiteral("gui-trip-1"));
    dialog->id_edit()->setText(QStringLiteral("my-own-id"));
    box->setCurrentIndex(box->findData(static_cast<int>(model::Action::Wipe)));
    QCOMPARE(dialog->id_edit()->text(), QStringLiteral("my-own-id"));
    dialog->reject();
  }

  // Bug 8: --screenshot writes the format its extension names, or refuses the extension.
  void screenshot_honours_the_extension() {
    int exit_code = -1;
    QVERIFY(!parse_command_line({QStringLiteral("blackstart-gui"), QStringLiteral("--screenshot"),
                                 QStringLiteral("out.gif"), QStringLiteral("tutorial")},
                                &exit_code));
    QCOMPARE(exit_code, 2);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.jpg"));
    const auto command =
        parse_command_line({QStringLiteral("blackstart-gui"), QStringLiteral("--screenshot"), out,
                            QStringLiteral("--size"), QStringLiteral("1024x700"), QStringLiteral("tutorial")},
                           &exit_code);
    QVERIFY(command);
    QCOMPARE(take_screenshot(*command), 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray head = file.read(3);
    QCOMPARE(head, QByteArray("\xFF\xD8\xFF"));  // JPEG's start-of-image marker, not PNG's signature
  }

  // Bug 4: with many runs the legend names each in full, and identical runs say so and stay visible.
  void the_legend_names_every_run_and_marks_identical_ones() {
    MainWindow window(MainWindow::Options{false, false});
    QVERIFY(window.open_path(QStringLiteral("ukraine-2015")));
    window.run_now();
    QVERIFY(window.wait_for_runs());
    const auto base = window.current_run();
    auto copy = [&base](const char* label) {
      return make_snapshot(QString::fromLatin1(label), {}, base->scenario, base->result, 0);
    };
    sim::RunResult better = base->result;
    for (auto& point : better.trace)
      for (auto& layer : point.layers) layer.customers_without_power /= 2;
    const std::vector<RunPtr> runs{
        base, copy("prepositioned-crews"), copy("manual-operations-drill"),
        make_snapshot(QStringLiteral("network-segmentation"), {}, base->scenario, better, 0),
        copy("backup-power")};
    ChartsPanel panel;
    panel.resize(700, 500);
    panel.set_runs(runs, base);
    QVERIFY(!panel.legend()->isHidden());
    const QString legend = panel.legend()->text();
    for (const auto& run : runs) QVERIFY2(legend.contains(run->label), qPrintable(legend));
    QCOMPARE(legend.count(QStringLiteral("identical to %1").arg(base->label)), 3);
    QVERIFY(!legend.contains(QStringLiteral("network-segmentation (identical")));
    for (int m = 0; m < ChartsPanel::MetricCount; ++m)
      QVERIFY(!panel.chart(static_cast<ChartsPanel::Metric>(m))->legend()->isVisible());
    // Drawn so that the curve underneath shows through.
    const auto* identical = panel.series(ChartsPanel::CustomersWithoutPower, QStringLiteral("backup-power"));
    QVERIFY(identical);
    QVERIFY(identical->pen().style() != Qt::SolidLine);
    QCOMPARE(panel.series(ChartsPanel::CustomersWithoutPower, QStringLiteral("network-segmentation"))
                 ->pen()
                 .style(),
             Qt::SolidLine);
  }

  // Bug 5: empty and zoomed charts label their axes with distinct, true values.
  void chart_ticks_are_distinct_when_empty_or_zoomed() {
    ChartsPanel panel;
    panel.resize(800, 600);
    panel.set_runs({}, nullptr);
    for (int m = 0; m < ChartsPanel::MetricCount; ++m) {
      auto* y = qobject_cast<QValueAxis*>(
          panel.chart(static_cast<ChartsPanel::Metric>(m))->axes(Qt::Vertical).front());
      QVERIFY(y->tickCount() >= 2);
      std::set<QString> labels;
      for (int i = 0; i < y->tickCount(); ++i) {
        const double v = y->min() + i * (y->max() - y->min()) / (y->tickCount() - 1);
        QVERIFY2(std::abs(v - std::round(v)) < 1e-9, qPrintable(QString::number(v)));  // printed as %.0f
        labels.insert(QString::asprintf("%.0f", v));
      }
      QCOMPARE(static_cast<int>(labels.size()), y->tickCount());
    }
    // Zoomed to half an hour: several time labels, all different.
    panel.set_window(12, 42);
    auto* x = qobject_cast<QCategoryAxis*>(panel.chart(ChartsPanel::ShedMw)->axes(Qt::Horizontal).front());
    QVERIFY(x);
    std::set<QString> labels;
    int shown = 0;
    for (const auto& label : x->categoriesLabels())
      if (x->endValue(label) >= x->min() - 1e-9 && x->endValue(label) <= x->max() + 1e-9) {
        ++shown;
        labels.insert(label);
      }
    QVERIFY(shown >= 2);
    QCOMPARE(static_cast<int>(labels.size()), shown);
  }

  // Bug 9: with typing to undo in a focused box, the Edit menu's Undo says so and undoes that.
  void undo_says_what_it_will_undo() {
    MainWindow window(MainWindow::Options{false, false});
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.open_path(QStringLiteral("tutorial")));
    auto events = window.document()->scenario()->events;
    const auto count = events.size();
    QVERIFY(window.remove_event(0));
    QAction* undo = window.action(QStringLiteral("actionUndo"));
    QVERIFY2(undo->text().contains(QStringLiteral("remove")), qPrintable(undo->text()));
    auto* filter = window.findChild<QLineEdit*>(QStringLiteral("logFilter"));
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("sub"));
    QVERIFY2(undo->text().contains(QStringLiteral("typing")), qPrintable(undo->text()));
    QVERIFY(undo->text().contains(QStringLiteral("Filter the log")));
    undo->trigger();
    QVERIFY(filter->text() != QStringLiteral("sub"));
    QCOMPARE(window.document()->scenario()->events.size(), count - 1);  // the edit is still there
    // Away from the box, Undo is the scenario's again.
    window.view()->setFocus();
    QTRY_VERIFY(window.view()->hasFocus());
    QVERIFY2(undo->text().contains(QStringLiteral("remove")), qPrintable(undo->text()));
    undo->trigger();
    QCOMPARE(window.document()->scenario()->events.size(), count);
  }

  // Bug 10: the window's error dialog shows the offending line and a caret, where the fault is.
  void a_yaml_syntax_error_shows_the_line_and_a_caret() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "blackstart: 1\nname: x\nhorizon: 2h\nlayers:\n  - name: power\n    assets:\n"
        "      - [feed, infeed\n\n      - {id: town, type: load, load_mw: 5}\n");
    file.close();
    MainWindow window(MainWindow::Options{false, true});
    QVERIFY(!window.open_path(path));
    QMessageBox* box = window.error_dialog();
    QVERIFY(box);
    const QString text = box->text();
    QVERIFY2(text.contains(QStringLiteral("broken.yaml:7:9:")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("<pre>    7 |       - [feed, infeed\n      |         ^</pre>")),
             qPrintable(text));
    box->accept();
  }
};

QTEST_MAIN(Bugs10Test)
#include "tst_gui_bugs10.moc"
