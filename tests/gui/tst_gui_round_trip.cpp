// Event edits in the window survive saving: every kind of event, with every key the loader reads
// (probability, choose, select, technique, duration distributions...), goes through the event dialog
// and the document, is saved, reloaded by the engine's loader and compared field by field.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>
#include <set>

#include "app/distribution_text.hpp"
#include "app/event_dialog.hpp"
#include "app/main_window.hpp"
#include "gui_test_support.hpp"

using namespace blackstart;
using namespace blackstart::gui;

namespace {

//! One event of each action, and every key the loader reads from an event.
QString scenario_path() {
  return QStringLiteral(BLACKSTART_SOURCE_DIR "/tests/gui/round-trip.yaml");
}

bool same_distribution(const core::DurationDistribution& a, const core::DurationDistribution& b) {
  return a.kind == b.kind && a.a_min == b.a_min && a.b_min == b.b_min && a.c_min == b.c_min &&
         a.sigma == b.sigma;
}

//! Every field the loader reads, compared; empty when equal, else what differs.
QString difference(const model::Event& got, const model::Event& want) {
  QStringList diff;
  auto check = [&](bool same, const char* field) {
    if (!same) diff << QString::fromLatin1(field);
  };
  check(got.id == want.id, "id");
  check(got.at_min == want.at_min, "at");
  check(got.action == want.action, "action");
  check(got.target_pattern == want.target_pattern, "target pattern");
  check(got.targets == want.targets, "targets");
  check(got.technique == want.technique, "technique");
  check(got.description == want.description, "description");
  check(got.duration.has_value() == want.duration.has_value() &&
            (!got.duration || same_distribution(*got.duration, *want.duration)),
        "duration");
  check(same_distribution(got.probability, want.probability), "probability");
  check(got.choose == want.choose, "choose");
  check(got.selection == want.selection, "select");
  check(got.enabled == want.enabled, "enabled");
  return diff.isEmpty() ? QString()
                        : QStringLiteral("event %1: %2 differ")
                              .arg(QString::fromStdString(want.id), diff.join(QStringLiteral(", ")));
}

void compare_events(const std::vector<model::Event>& got, const std::vector<model::Event>& want) {
  QCOMPARE(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const QString diff = difference(got[i], want[i]);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
  }
}

bool ok_enabled(EventDialog* dialog) {
  return dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
}

QString problem(EventDialog* dialog) {
  return dialog->findChild<QLabel*>(QStringLiteral("eventProblem"))->text();
}

}  // namespace

class RoundTripTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void init();
  void dialog_shows_every_field_of_the_event();
  void unchanged_dialogs_keep_the_file_byte_for_byte();
  void edits_of_each_kind_survive_save_and_reload();
  void new_events_of_each_action_survive_save_and_reload();
  void distribution_text_reads_back_what_it_writes();
  void cleanup();

 private:
  //! The document's scenario as saved to `name` and loaded again by the engine alone.
  std::vector<model::Event> saved_and_reloaded(const QString& name);
  //! Opens the dialog on `row`, lets `change` edit it, accepts; checks it was accepted as valid.
  void edit_row(int row, const std::function<void(EventDialog*)>& change);

  QTemporaryDir dir_;
  QString path_;
  QByteArray text_;
  std::unique_ptr<MainWindow> window_;
  std::vector<model::Event> original_;
};

void RoundTripTest::initTestCase() {
  test::isolate_settings();
  QVERIFY(dir_.isValid());
  // A copy: the window saves into its folder.
  path_ = dir_.filePath(QStringLiteral("round-trip.yaml"));
  QVERIFY(QFile::copy(scenario_path(), path_));
  QFile file(path_);
  QVERIFY(file.open(QIODevice::ReadOnly));
  text_ = file.readAll();
  const auto loaded = io::load_scenario_file(path_.toStdString());
  QVERIFY2(loaded.ok(), loaded.diagnostics.to_string().c_str());
  original_ = loaded.scenario->events;
  // Every action is here.
  std::set<model::Action> actions;
  for (const auto& e : original_) actions.insert(e.action);
  std::set<model::Action> all;
  for (const auto& name : model::action_names()) all.insert(*model::parse_action(name));  // with aliases
  QCOMPARE(actions, all);
}

void RoundTripTest::init() {
  window_ = std::make_unique<MainWindow>(MainWindow::Options{false, false});
  QVERIFY(window_->open_path(path_));
}

void RoundTripTest::cleanup() {
  window_->document()->undo_stack()->setClean();
  window_.reset();
}

std::vector<model::Event> RoundTripTest::saved_and_reloaded(const QString& name) {
  const QString path = dir_.filePath(name);
  if (!window_->save_as(path)) return {};
  const auto loaded = io::load_scenario_file(path.toStdString());
  if (!loaded.ok()) qWarning("%s", loaded.diagnostics.to_string().c_str());
  return loaded.ok() ? loaded.scenario->events : std::vector<model::Event>{};
}

void RoundTripTest::edit_row(int row, const std::function<void(EventDialog*)>& change) {
  EventDialog* dialog = window_->edit_event(row);
  QVERIFY(dialog);
  change(dialog);
  QVERIFY2(ok_enabled(dialog), qPrintable(problem(dialog)));
  const auto before = window_->document()->edit_count();
  dialog->accept();
  QCoreApplication::processEvents();
  QCOMPARE(window_->document()->edit_count(), before + 1);  // the edit was not rejected
}

void RoundTripTest::dialog_shows_every_field_of_the_event() {
  auto* firmware = window_->edit_event(4);
  QVERIFY(firmware);
  QCOMPARE(firmware->probability_edit()->text(), QStringLiteral("uniform(0.2, 0.6)"));
  QCOMPARE(firmware->targets_edit()->text(), QStringLiteral("power/ld1, power/ld3"));
  QCOMPARE(firmware->choose_box()->value(), 0);
  QVERIFY(!firmware->select_box()->isEnabled());  // no choose: select means nothing
  firmware->reject();
  auto* wipe = window_->edit_event(5);
  QCOMPARE(wipe->choose_box()->value(), 3);
  QCOMPARE(wipe->select_box()->currentData().toInt(),
           static_cast<int>(model::Event::Selection::HighestBetweenness));
  QVERIFY(wipe->select_box()->isEnabled());
  QCOMPARE(wipe->probability_edit()->text(), QStringLiteral("triangular(0.1, 0.25, 0.9)"));
  wipe->reject();
  auto* dos = window_->edit_event(6);
  QCOMPARE(dos->duration_edit()->text(), QStringLiteral("lognormal(90min, 0.5)"));
  QCOMPARE(dos->probability_edit()->text(), QStringLiteral("0.8"));
  dos->reject();
  auto* open = window_->edit_event(0);
  QCOMPARE(open->technique_edit()->text(), QStringLiteral("T0831"));
  QCOMPARE(open->description_edit()->text(), QStringLiteral("breaker: opened"));
  QCOMPARE(open->probability_edit()->text(), QStringLiteral("1"));
  open->reject();
}

void RoundTripTest::unchanged_dialogs_keep_the_file_byte_for_byte() {
  for (int row = 0; row < static_cast<int>(original_.size()); ++row) edit_row(row, [](EventDialog*) {});
  compare_events(window_->document()->scenario()->events, original_);
  const QString path = dir_.filePath(QStringLiteral("unchanged.yaml"));
  QVERIFY(window_->save_as(path));
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  QCOMPARE(file.readAll(), text_);
}

void RoundTripTest::edits_of_each_kind_survive_save_and_reload() {
  auto expected = original_;
  const auto& net = window_->document()->scenario()->network;
  using Dist = core::DurationDistribution;
  using Selection = model::Event::Selection;
  // open: time and description.
  edit_row(0, [](EventDialog* d) {
    d->at_edit()->setText(QStringLiteral("16min"));
    d->description_edit()->setText(QStringLiteral("opened, then \"locked\""));
  });
  expected[0].at_min = 16;
  expected[0].description = "opened, then \"locked\"";
  // trip: another probability.
  edit_row(1, [](EventDialog* d) { d->probability_edit()->setText(QStringLiteral("0.5")); });
  expected[1].probability = Dist::fixed(0.5);
  // damage: one more target chosen, by degree.
  edit_row(2, [](EventDialog* d) {
    d->choose_box()->setValue(3);
    d->select_box()->setCurrentIndex(d->select_box()->findData(static_cast<int>(Selection::HighestDegree)));
  });
  expected[2].choose = 3;
  expected[2].selection = Selection::HighestDegree;
  // compromise: by betweenness instead of degree.
  edit_row(3, [](EventDialog* d) {
    d->select_box()->setCurrentIndex(
        d->select_box()->findData(static_cast<int>(Selection::HighestBetweenness)));
  });
  expected[3].selection = Selection::HighestBetweenness;
  // firmware: a triangular chance, another technique.
  edit_row(4, [](EventDialog* d) {
    d->probability_edit()->setText(QStringLiteral("triangular(0.1, 0.2, 0.3)"));
    d->technique_edit()->setText(QStringLiteral("T0857"));
  });
  expected[4].probability = Dist{Dist::Kind::Triangular, 0.1, 0.2, 0.3, 0};
  expected[4].technique = "T0857";
  // wipe: every target again (select goes with choose).
  edit_row(5, [](EventDialog* d) { d->choose_box()->setValue(0); });
  expected[5].choose = 0;
  expected[5].selection = Selection::Random;
  // dos: a uniform duration.
  edit_row(6, [](EventDialog* d) { d->duration_edit()->setText(QStringLiteral("uniform(1h, 2h)")); });
  expected[6].duration = Dist{Dist::Kind::Uniform, 60, 120, 0, 0};
  // dos2: becomes a trip, which has no duration.
  edit_row(7, [](EventDialog* d) {
    d->action_box()->setCurrentIndex(d->action_box()->findData(static_cast<int>(model::Action::Trip)));
  });
  expected[7].action = model::Action::Trip;
  expected[7].duration.reset();
  // backup: a chance; restore: other targets.
  edit_row(8, [](EventDialog* d) { d->probability_edit()->setText(QStringLiteral("uniform(0, 1)")); });
  expected[8].probability = Dist{Dist::Kind::Uniform, 0, 1, 0, 0};
  edit_row(9, [](EventDialog* d) { d->targets_edit()->setText(QStringLiteral("power/ld1, power/src")); });
  expected[9].target_pattern = "(list)";
  expected[9].targets = {*net.find("power/src"), *net.find("power/ld1")};  // the loader's index order

  compare_events(window_->document()->scenario()->events, expected);
  compare_events(saved_and_reloaded(QStringLiteral("edited.yaml")), expected);
  // And the window reads back the same.
  QVERIFY(window_->open_path(dir_.filePath(QStringLiteral("edited.yaml"))));
  compare_events(window_->document()->scenario()->events, expected);
}

void RoundTripTest::new_events_of_each_action_survive_save_and_reload() {
  auto expected = original_;
  const auto& net = window_->document()->scenario()->network;
  const auto target = *net.find("power/bus");
  window_->set_time(0);
  for (const auto action : menu_actions()) {
    EventDialog* dialog = window_->request_attack(target, action);
    QVERIFY(dialog);
    dialog->targets_edit()->setText(QStringLiteral("power/*"));
    dialog->at_edit()->setText(QStringLiteral("90s"));
    dialog->technique_edit()->setText(QStringLiteral("T0800"));
    dialog->probability_edit()->setText(QStringLiteral("0.25"));
    dialog->choose_box()->setValue(2);
    dialog->select_box()->setCurrentIndex(
        dialog->select_box()->findData(static_cast<int>(model::Event::Selection::HighestDegree)));
    if (action == model::Action::DenyService)
      dialog->duration_edit()->setText(QStringLiteral("triangular(30min, 1h, 4h)"));
    QVERIFY2(ok_enabled(dialog), qPrintable(problem(dialog)));
    model::Event e;
    e.id = dialog->id_edit()->text().toStdString();
    e.at_min = 1.5;
    e.action = action;
    e.target_pattern = "power/*";
    e.targets = net.match("power/*");
    e.technique = "T0800";
    e.probability = core::DurationDistribution::fixed(0.25);
    e.choose = 2;
    e.selection = model::Event::Selection::HighestDegree;
    if (action == model::Action::DenyService)
      e.duration = core::DurationDistribution{core::DurationDistribution::Kind::Triangular, 30, 60, 240, 0};
    expected.push_back(e);
    dialog->accept();
    QCoreApplication::processEvents();
  }
  compare_events(window_->document()->scenario()->events, expected);
  compare_events(saved_and_reloaded(QStringLiteral("added.yaml")), expected);
}

void RoundTripTest::distribution_text_reads_back_what_it_writes() {
  using Dist = core::DurationDistribution;
  QString why;
  for (const auto& d : {Dist::fixed(2.5), Dist::fixed(1440), Dist{Dist::Kind::Uniform, 10, 70.25, 0, 0},
                        Dist{Dist::Kind::Triangular, 1.0 / 3.0, 60, 2880, 0},
                        Dist{Dist::Kind::Lognormal, 90, 0, 0, 0.123456789}}) {
    const auto back = parse_duration_distribution(duration_distribution_text(d), &why);
    QVERIFY2(back, qPrintable(why));
    QVERIFY(same_distribution(*back, d));
  }
  for (const auto& p :
       {Dist::fixed(0), Dist::fixed(1), Dist::fixed(0.1 + 0.2), Dist{Dist::Kind::Uniform, 0.2, 0.6, 0, 0},
        Dist{Dist::Kind::Triangular, 0.1, 0.3, 0.5, 0}}) {
    const auto back = parse_probability(probability_text(p), &why);
    QVERIFY2(back, qPrintable(why));
    QVERIFY(same_distribution(*back, p));
  }
  for (const char* bad :
       {"", "1.5", "-0.1", "uniform(0.6, 0.2)", "triangular(0.1, 0.5)", "normal(0.1, 0.2)", "0.5)"}) {
    QVERIFY2(!parse_probability(QString::fromLatin1(bad), &why), bad);
    QVERIFY(!why.isEmpty());
  }
  for (const char* bad : {"", "0min", "2 parsecs", "uniform(2h, 1h)", "lognormal(1h)", "lognormal(1h, x)"})
    QVERIFY2(!parse_duration_distribution(QString::fromLatin1(bad), &why), bad);
}

QTEST_MAIN(RoundTripTest)
#include "tst_gui_round_trip.moc"
