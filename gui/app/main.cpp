// blackstart-gui: the desktop front end. Everything is in blackstart_gui_lib; this only starts it.
#include <QApplication>

#include "app/command_line.hpp"
#include "app/main_window.hpp"
#include "app/screenshot.hpp"

int main(int argc, char** argv) {
  using namespace blackstart::gui;
  // Screenshots need no display: choose the offscreen platform unless the user picked one.
  if (wants_screenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Blackstart"));
  QApplication::setApplicationName(QStringLiteral("blackstart-gui"));
  QApplication::setApplicationVersion(QStringLiteral(BLACKSTART_VERSION));
  int exit_code = 0;
  const auto command = parse_command_line(QApplication::arguments(), &exit_code);
  if (!command) return exit_code;
  if (!command->screenshot.isEmpty()) return take_screenshot(*command);
  MainWindow window;
  window.show();
  if (!command->scenario.isEmpty()) window.open_path(command->scenario);
  return QApplication::exec();
}
