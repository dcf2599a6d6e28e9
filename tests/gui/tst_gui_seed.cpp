// Seeds in the window: the seed box holds every seed a scenario file accepts (up to 2^53 - 1), and a
// run with a large seed gives exactly what `blackstart run --seed` gives.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/export.hpp"
#include "app/main_window.hpp"
#include "app/seed_spin_box.hpp"
#include "gui_test_support.hpp"

using namespace blackstart;
using namespace blackstart::gui;

namespace {

constexpr std::uint64_t kLargeSeed = std::uint64_t{1} << 40;

QByteArray read(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! `blackstart run SCENARIO --seed SEED --out DIR`; empty string when it worked, else its stderr.
QString run_cli(const QString& scenario, std::uint64_t seed, const QString& out) {
  QProcess process;
  process.start(QStringLiteral(BLACKSTART_CLI),
                {QStringLiteral("run"), scenario, QStringLiteral("--seed"), QString::number(seed),
                 QStringLiteral("--out"), out, QStringLiteral("--quiet")});
  if (!process.waitForFinished(120000)) return QStringLiteral("timed out");
  if (process.exitCode() != 0) return QString::fromUtf8(process.readAllStandardError());
  return {};
}

}  // namespace

class SeedTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void seed_box_holds_every_seed_a_scenario_accepts() {
    SeedSpinBox box;
    QSignalSpy changed(&box, &SeedSpinBox::valueChanged);
    box.setValue(kLargeSeed);
    QCOMPARE(box.value(), kLargeSeed);
    QCOMPARE(box.text(), QStringLiteral("1099511627776"));
    QCOMPARE(changed.count(), 1);
    // Typed digits count as soon as they form a seed.
    box.selectAll();
    QTest::keyClicks(&box, QStringLiteral("9007199254740991"));
    QCOMPARE(box.value(), SeedSpinBox::kMaximum);
    // One more digit, or anything but digits, is refused.
    QTest::keyClicks(&box, QStringLiteral("7"));
    QCOMPARE(box.text(), QStringLiteral("9007199254740991"));
    QString text = QStringLiteral("9007199254740992");
    int pos = 0;
    QCOMPARE(box.validate(text, pos), QValidator::Invalid);
    text = QStringLiteral("12a");
    QCOMPARE(box.validate(text, pos), QValidator::Invalid);
    text = QString();
    QCOMPARE(box.validate(text, pos), QValidator::Intermediate);
    // Steps stop at the ends of the range.
    box.stepBy(5);
    QCOMPARE(box.value(), SeedSpinBox::kMaximum);
    box.setValue(2);
    box.stepBy(-5);
    QCOMPARE(box.value(), std::uint64_t{0});
    box.stepBy(3);
    QCOMPARE(box.value(), std::uint64_t{3});
    box.setValue(std::numeric_limits<std::uint64_t>::max());
    QCOMPARE(box.value(), SeedSpinBox::kMaximum);
  }

  void a_large_seed_gives_the_command_lines_result() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scenario = test::source_path("scenarios/ukraine-2015.yaml");
    MainWindow window(MainWindow::Options{false, false});
    QVERIFY(window.open_path(scenario));
    // As a user does: type the seed into the toolbar's box.
    window.seed_box()->selectAll();
    QTest::keyClicks(window.seed_box(), QString::number(kLargeSeed));
    QCOMPARE(window.seed_box()->value(), kLargeSeed);
    window.run_now();
    QVERIFY(window.wait_for_runs());
    const auto run = window.current_run();
    QVERIFY(run);
    QCOMPARE(run->label, QStringLiteral("baseline seed 1099511627776"));
    QCOMPARE(run->result.seed, kLargeSeed);
    const QString gui_out = dir.filePath(QStringLiteral("gui"));
    QString error;
    QVERIFY2(export_run_data(*run, gui_out, &error), qPrintable(error));

    const QString cli_out = dir.filePath(QStringLiteral("cli"));
    const QString failed = run_cli(scenario, kLargeSeed, cli_out);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    for (const char* name : {"summary.json", "events.csv", "timeline.csv"}) {
      const QByteArray gui = read(gui_out + QLatin1Char('/') + QLatin1String(name));
      QVERIFY2(!gui.isEmpty(), name);
      QVERIFY2(gui == read(cli_out + QLatin1Char('/') + QLatin1String(name)), name);
    }
    // The seed matters in this scenario: the largest int seed (where the old box stopped) differs.
    const QString clamped = dir.filePath(QStringLiteral("clamped"));
    QVERIFY(run_cli(scenario, 2147483647, clamped).isEmpty());
    QVERIFY(read(clamped + QStringLiteral("/events.csv")) != read(cli_out + QStringLiteral("/events.csv")));
  }
};

QTEST_MAIN(SeedTest)
#include "tst_gui_seed.moc"
