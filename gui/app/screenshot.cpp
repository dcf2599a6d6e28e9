#include "app/screenshot.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QImage>
#include <iostream>

#include "app/attack_panel.hpp"
#include "app/charts_panel.hpp"
#include "app/export.hpp"
#include "app/image_palette.hpp"
#include "app/inspector_panel.hpp"
#include "app/main_window.hpp"
#include "app/picture.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"

namespace blackstart::gui {

int take_screenshot(const CommandLine& command) {
  MainWindow window(MainWindow::Options{false, false});
  window.resize(command.width, command.height);
  window.show();
  QApplication::processEvents();
  if (!window.open_path(command.scenario)) return 1;  // diagnostics already on stderr
  if (command.stacked) {
    window.action(QStringLiteral("actionStacked"))->setChecked(true);
    window.scene()->set_mode(NetworkScene::Mode::Stacked);
  }
  if (command.run) {
    command.what_if ? window.run_what_if() : window.run_now();
    if (!window.wait_for_runs() || !window.current_run()) {
      std::cerr << "blackstart-gui: the run did not finish\n";
      return 1;
    }
    window.set_time(command.at.value_or(window.current_run()->summary.time_of_worst_impact_min));
  }
  if (!command.select.isEmpty()) {
    const auto found = window.document()->scenario()->network.find(command.select.toStdString());
    if (!found) {
      std::cerr << "blackstart-gui: --select: no asset '" << command.select.toStdString() << "'\n";
      return 1;
    }
    window.select_element(*found, false);
    if (!window.inspector()->wait_for_explanation()) {
      std::cerr << "blackstart-gui: the inspector did not answer\n";
      return 1;
    }
  }
  // A what-if comparison is read on the curves and the runs table, even when a campaign would put
  // the attack graph in front.
  if (command.what_if)
    for (const char* name : {"runsDock", "chartsDock"})
      if (auto* dock = window.findChild<QDockWidget*>(QString::fromLatin1(name))) dock->raise();
  if (command.attack)
    for (const char* name : {"attackDock", "controlsDock"})
      if (auto* dock = window.findChild<QDockWidget*>(QString::fromLatin1(name))) dock->raise();
  QApplication::processEvents();
  window.view()->fit_all();
  QApplication::processEvents();

  QWidget* target = &window;
  if (command.view == QStringLiteral("canvas")) target = window.view();
  if (command.view == QStringLiteral("charts")) target = window.charts();
  if (command.view == QStringLiteral("attack")) target = window.attack_panel();
  QImage image = target->grab().toImage();
  // A picture of the canvas alone says what it shows: title and time above, the legend below.
  if (target == window.view()) image = add_picture_bands(image, picture_caption(*window.view_state()));
  if (command.colors > 0) image = reduce_colors(image, command.colors);
  if (image.isNull() || !image.save(command.screenshot, qPrintable(screenshot_format(command.screenshot)))) {
    std::cerr << "blackstart-gui: cannot write " << command.screenshot.toStdString() << "\n";
    return 1;
  }
  std::cout << "wrote " << command.screenshot.toStdString() << " (" << image.width() << "x" << image.height()
            << ")\n";
  return 0;
}

}  // namespace blackstart::gui
