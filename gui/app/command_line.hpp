#pragma once
#include <QString>
#include <QStringList>
#include <optional>

namespace blackstart::gui {

//! What `blackstart-gui` was asked to do.
struct CommandLine {
  QString scenario;                         //!< file or built-in name; empty: none
  QString screenshot;                       //!< --screenshot OUT.png|.jpg|.bmp: render and exit
  std::optional<double> at;                 //!< --at TIME (minutes)
  bool run = false;                         //!< --run
  bool what_if = false;                     //!< --what-if: the baseline and each mitigation
  QString view = QStringLiteral("window");  //!< --view window|canvas|charts|attack|compare|map
  QString compare_with;                     //!< --compare NAME: the what-if run of --view compare
  QString select;                           //!< --select ID: inspect this asset in the screenshot
  QString downstream;                       //!< --downstream ID: what it took down (implies --run)
  bool stacked = false;                     //!< --stacked
  bool attack = false;                      //!< --attack: the Attack and Controls panels in front
  int colors = 0;                           //!< --colors N: indexed PNG of at most N colours
  int width = 1600;                         //!< --size WxH
  int height = 1000;
};

//! True when the arguments ask for a screenshot, checked before QApplication exists so that the
//! offscreen platform can be chosen.
bool wants_screenshot(int argc, char** argv);

//! The image format a screenshot path asks for by its extension ("PNG", "JPG", "BMP"), or empty when
//! the extension is not one the window writes.
QString screenshot_format(const QString& path);

//! Parses the arguments (QCoreApplication must exist); prints help or an error and returns nullopt
//! with `exit_code` set when the program should stop.
std::optional<CommandLine> parse_command_line(const QStringList& arguments, int* exit_code);

}  // namespace blackstart::gui
