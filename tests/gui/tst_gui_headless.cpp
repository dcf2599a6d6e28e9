// The headless screenshot mode, run as a user would: a separate process without a display.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "canvas/palette.hpp"
#include "gui_test_support.hpp"

using namespace blackstart;

class HeadlessTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { test::isolate_settings(); }

  void window_screenshot_of_a_run() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("window.png"));
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));  // the program must pick offscreen by itself
    env.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(BLACKSTART_GUI_EXE),
                  {QStringLiteral("--screenshot"), out, QStringLiteral("--at"), QStringLiteral("1h"),
                   QStringLiteral("--size"), QStringLiteral("1200x800"),
                   test::source_path("scenarios/ukraine-2015.yaml")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1200, 800));
    // The cascade is visible: some pixels have the "failed" colour.
    const QColor failed = gui::state_color(sim::State::Failed);
    int hits = 0;
    for (int y = 0; y < image.height(); y += 2)
      for (int x = 0; x < image.width(); x += 2)
        if (image.pixelColor(x, y) == failed) ++hits;
    QVERIFY2(hits > 20, qPrintable(QString::number(hits)));
  }

  void a_small_screen_gets_the_window_at_its_size() {
    // 1024x700: a small laptop screen. Every panel fits (none forces the window larger).
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("small.png"));
    QProcess process;
    process.start(QStringLiteral(BLACKSTART_GUI_EXE),
                  {QStringLiteral("--screenshot"), out, QStringLiteral("--at"), QStringLiteral("90min"),
                   QStringLiteral("--size"), QStringLiteral("1024x700"), QStringLiteral("--select"),
                   QStringLiteral("transport/trolleybus-if-1"), QStringLiteral("ukraine-2015")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QCOMPARE(QImage(out).size(), QSize(1024, 700));
  }

  void canvas_and_charts_views() {
    QTemporaryDir dir;
    for (const char* view : {"canvas", "charts"}) {
      const QString out = dir.filePath(QStringLiteral("%1.png").arg(QLatin1String(view)));
      QProcess process;
      process.start(QStringLiteral(BLACKSTART_GUI_EXE),
                    {QStringLiteral("--screenshot"), out, QStringLiteral("--run"), QStringLiteral("--view"),
                     QString::fromLatin1(view), QStringLiteral("tutorial")});
      QVERIFY(process.waitForFinished(60000));
      QCOMPARE(process.exitCode(), 0);
      QVERIFY(!QImage(out).isNull());
    }
  }

  void bad_input_fails_with_the_engines_diagnostic() {
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.yaml"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("blackstart: 1\nname: x\nhorizon: 5 parsecs\n");
    file.close();
    QProcess process;
    process.start(QStringLiteral(BLACKSTART_GUI_EXE),
                  {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")), bad});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("bad.yaml:3:")), qPrintable(err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.png"))));

    QProcess usage;
    usage.start(QStringLiteral(BLACKSTART_GUI_EXE),
                {QStringLiteral("--view"), QStringLiteral("nope"), QStringLiteral("--screenshot"),
                 QStringLiteral("x.png"), QStringLiteral("tutorial")});
    QVERIFY(usage.waitForFinished(60000));
    QCOMPARE(usage.exitCode(), 2);
  }
};

QTEST_MAIN(HeadlessTest)
#include "tst_gui_headless.moc"
