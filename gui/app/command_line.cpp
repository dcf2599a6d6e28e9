#include "app/command_line.hpp"

#include <QCommandLineParser>
#include <QFileInfo>
#include <cmath>
#include <cstring>
#include <iostream>

#include "blackstart/core/duration.hpp"

namespace blackstart::gui {

bool wants_screenshot(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0)
      return true;
  return false;
}

QString screenshot_format(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QStringLiteral("png")) return QStringLiteral("PNG");
  if (suffix == QStringLiteral("jpg") || suffix == QStringLiteral("jpeg")) return QStringLiteral("JPG");
  if (suffix == QStringLiteral("bmp")) return QStringLiteral("BMP");
  return {};
}

std::optional<CommandLine> parse_command_line(const QStringList& arguments, int* exit_code) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Blackstart desktop application: see how attacks cascade through power, transport and "
      "cyber networks.\n\n"
      "Examples:\n"
      "  blackstart-gui scenarios/ukraine-2015.yaml\n"
      "  blackstart-gui ukraine-2015                      (built-in scenario)\n"
      "  blackstart-gui --screenshot out.png --run --at 1h ukraine-2015\n"
      "  blackstart-gui --screenshot canvas.png --view canvas --stacked --run tutorial\n"
      "  blackstart-gui --screenshot compare.png --what-if --view charts ukraine-2015\n"
      "  blackstart-gui --screenshot side.png --view compare --compare recoverable-gateways --at 2h "
      "ukraine-2015\n"
      "  blackstart-gui --screenshot attack.png --attack --at 2h scenario-with-campaign.yaml\n"
      "  blackstart-gui --screenshot trace.png --downstream power/sub-north --time 30 tutorial\n"
      "  blackstart-gui --screenshot map.png --view map --time 30 --size 1024x700 "
      "tests/data/map/map-town.yaml"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("Scenario file or built-in name"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QStringLiteral("Render to a PNG (or .jpg, .bmp, by the extension) without a display, "
                     "then exit."),
      QStringLiteral("OUT.png"));
  const QCommandLineOption at(
      QStringLiteral("at"),
      QStringLiteral("Simulated time to show (15min, 2h); implies --run. Default with --run: "
                     "the time of worst impact."),
      QStringLiteral("TIME"));
  const QCommandLineOption run(QStringLiteral("run"), QStringLiteral("Run the scenario before rendering."));
  const QCommandLineOption what_if(
      QStringLiteral("what-if"),
      QStringLiteral("Run the baseline and each mitigation (implies --run) and show "
                     "the comparison."));
  const QCommandLineOption view(
      QStringLiteral("view"),
      QStringLiteral("What to render: window, canvas, charts, attack, compare (baseline | "
                     "what-if side by side; implies --what-if) or map (the geographic view alone, "
                     "exactly --size; with --run or --time, states and crews at that time)."),
      QStringLiteral("VIEW"), QStringLiteral("window"));
  const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Inspect this asset (full id)."),
                                  QStringLiteral("ID"));
  const QCommandLineOption stacked(QStringLiteral("stacked"), QStringLiteral("Draw the layers stacked."));
  const QCommandLineOption attack(QStringLiteral("attack"),
                                  QStringLiteral("Bring the Attack and Controls panels to the front."));
  const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for --screenshot, WxH."),
                                QStringLiteral("WxH"), QStringLiteral("1600x1000"));
  const QCommandLineOption downstream(
      QStringLiteral("downstream"),
      QStringLiteral("Highlight and list what this asset (full id) took down; implies --run."),
      QStringLiteral("ID"));
  const QCommandLineOption time(QStringLiteral("time"),
                                QStringLiteral("Simulated time in minutes (90) or as a duration (1h30min); "
                                               "the same as --at."),
                                QStringLiteral("MIN"));
  const QCommandLineOption compare(
      QStringLiteral("compare"),
      QStringLiteral("With --view compare: the mitigation whose run is shown next to the baseline "
                     "(default: the first)."),
      QStringLiteral("NAME"));
  const QCommandLineOption colors(
      QStringLiteral("colors"),
      QStringLiteral("Write the PNG with at most N colours (2-256): a smaller file for documentation."),
      QStringLiteral("N"));
  parser.addOptions(
      {screenshot, at, run, what_if, view, select, stacked, attack, size, downstream, time, compare, colors});
  if (!parser.parse(arguments)) {
    std::cerr << "blackstart-gui: " << parser.errorText().toStdString() << "\n";
    *exit_code = 2;
    return std::nullopt;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    std::cout << parser.helpText().toStdString();
    *exit_code = 0;
    return std::nullopt;
  }
  if (parser.isSet(QStringLiteral("version"))) {
    std::cout << "blackstart-gui " BLACKSTART_VERSION "\n";
    *exit_code = 0;
    return std::nullopt;
  }
  CommandLine out;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() > 1) {
    std::cerr << "blackstart-gui: give one scenario\n";
    *exit_code = 2;
    return std::nullopt;
  }
  if (!positional.isEmpty()) out.scenario = positional.front();
  out.screenshot = parser.value(screenshot);
  out.what_if = parser.isSet(what_if);
  out.run = parser.isSet(run) || out.what_if;
  if (parser.isSet(at)) {
    std::string why;
    const auto d = core::parse_duration(parser.value(at).toStdString(), &why);
    if (!d || d->minutes < 0) {
      std::cerr << "blackstart-gui: --at: " << (d ? std::string("must not be negative") : why) << "\n";
      *exit_code = 2;
      return std::nullopt;
    }
    out.at = d->minutes;
    out.run = true;
  }
  if (parser.isSet(time)) {
    // Minutes as a bare number, or a duration as --at takes it.
    bool number = false;
    double minutes = parser.value(time).toDouble(&number);
    std::string why;
    if (!number) {
      const auto d = core::parse_duration(parser.value(time).toStdString(), &why);
      if (d) minutes = d->minutes;
      number = d.has_value();
    }
    if (!number || minutes < 0 || !std::isfinite(minutes)) {
      std::cerr << "blackstart-gui: --time: "
                << (number ? std::string("must be a non-negative number of minutes") : why) << "\n";
      *exit_code = 2;
      return std::nullopt;
    }
    if (out.at && *out.at != minutes) {
      std::cerr << "blackstart-gui: --time and --at name different times\n";
      *exit_code = 2;
      return std::nullopt;
    }
    out.at = minutes;
    out.run = true;
  }
  out.downstream = parser.value(downstream);
  if (!out.downstream.isEmpty()) out.run = true;
  out.view = parser.value(view);
  if (out.view != QStringLiteral("window") && out.view != QStringLiteral("canvas") &&
      out.view != QStringLiteral("charts") && out.view != QStringLiteral("attack") &&
      out.view != QStringLiteral("compare") && out.view != QStringLiteral("map")) {
    std::cerr << "blackstart-gui: --view must be window, canvas, charts, attack, compare or map\n";
    *exit_code = 2;
    return std::nullopt;
  }
  if (out.view == QStringLiteral("compare")) out.what_if = out.run = true;  // two runs to compare
  out.compare_with = parser.value(compare);
  if (!out.compare_with.isEmpty() && out.view != QStringLiteral("compare")) {
    std::cerr << "blackstart-gui: --compare needs --view compare\n";
    *exit_code = 2;
    return std::nullopt;
  }
  out.select = parser.value(select);
  out.stacked = parser.isSet(stacked);
  out.attack = parser.isSet(attack) || out.view == QStringLiteral("attack");
  const QStringList wh = parser.value(size).split(QLatin1Char('x'));
  bool ok_w = false, ok_h = false;
  if (wh.size() == 2) {
    out.width = wh[0].toInt(&ok_w);
    out.height = wh[1].toInt(&ok_h);
  }
  if (!ok_w || !ok_h || out.width < 200 || out.height < 150 || out.width > 8000 || out.height > 8000) {
    std::cerr << "blackstart-gui: --size must be WxH, e.g. 1600x1000\n";
    *exit_code = 2;
    return std::nullopt;
  }
  if (!out.screenshot.isEmpty() && screenshot_format(out.screenshot).isEmpty()) {
    // Writing PNG data under another extension would mislead every program that opens the file.
    std::cerr << "blackstart-gui: --screenshot: the file must end in .png, .jpg, .jpeg or .bmp\n";
    *exit_code = 2;
    return std::nullopt;
  }
  if (parser.isSet(colors)) {
    bool ok = false;
    out.colors = parser.value(colors).toInt(&ok);
    if (!ok || out.colors < 2 || out.colors > 256 ||
        screenshot_format(out.screenshot) != QStringLiteral("PNG")) {
      std::cerr << "blackstart-gui: --colors must be 2 to 256, with a --screenshot .png\n";
      *exit_code = 2;
      return std::nullopt;
    }
  }
  if (!out.screenshot.isEmpty() && out.scenario.isEmpty()) {
    std::cerr << "blackstart-gui: --screenshot needs a scenario\n";
    *exit_code = 2;
    return std::nullopt;
  }
  return out;
}

}  // namespace blackstart::gui
