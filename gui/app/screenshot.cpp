#include "app/screenshot.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QImage>
#include <algorithm>
#include <iostream>

#include "app/attack_panel.hpp"
#include "app/charts_panel.hpp"
#include "app/compare_actions.hpp"
#include "app/compare_window.hpp"
#include "app/export.hpp"
#include "app/image_palette.hpp"
#include "app/inspector_panel.hpp"
#include "app/main_window.hpp"
#include "app/picture.hpp"
#include "app/trace_actions.hpp"
#include "blackstart/core/duration.hpp"
#include "canvas/map_view.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"
#include "models/runs_model.hpp"

namespace blackstart::gui {

namespace {

//! --downstream: selects the asset and shows what it took down, highlighted and listed.
bool show_downstream(MainWindow& window, const QString& id) {
  const auto found = window.document()->scenario()->network.find(id.toStdString());
  if (!found) {
    std::cerr << "blackstart-gui: --downstream: no asset '" << id.toStdString() << "'\n";
    return false;
  }
  window.trace()->trace(*found);
  window.inspector()->wait_for_explanation();
  const auto& trace = *window.trace()->controller();
  std::cout << id.toStdString() << " took down " << trace.downstream().size() << " elements at "
            << core::format_duration(core::Duration{trace.time()}) << "\n";
  return true;
}

}  // namespace

int take_screenshot(const CommandLine& command) {
  MainWindow window(MainWindow::Options{false, false});
  window.resize(command.width, command.height);
  window.show();
  QApplication::processEvents();
  if (!window.open_path(command.scenario)) return 1;  // diagnostics already on stderr
  if (!command.compare_with.isEmpty()) {
    const auto& mitigations = window.document()->scenario()->mitigations;
    const auto name = command.compare_with.toStdString();
    if (std::none_of(mitigations.begin(), mitigations.end(), [&](const auto& m) { return m.name == name; })) {
      std::cerr << "blackstart-gui: --compare: no what-if run '" << name
                << "' (give a mitigation of the scenario)\n";
      return 1;
    }
  }
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
  if (!command.downstream.isEmpty() && !show_downstream(window, command.downstream)) return 1;
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
  if (command.view == QStringLiteral("compare")) {
    int row = -1;  // the first run that is not the baseline
    if (!command.compare_with.isEmpty()) {
      for (int r = 0; r < window.runs_model()->rowCount(); ++r)
        if (window.runs_model()->run(r)->label == command.compare_with) row = r;
      if (row < 0 || row == window.runs_model()->baseline()) {
        std::cerr << "blackstart-gui: --compare: no what-if run '" << command.compare_with.toStdString()
                  << "' (give a mitigation of the scenario)\n";
        return 1;
      }
    }
    auto* compare = window.compare()->open(row);
    compare->resize(command.width, command.height);
    QApplication::processEvents();
    compare->fit_all();
    QApplication::processEvents();
    target = compare;
  }
  if (command.view == QStringLiteral("canvas")) target = window.view();
  if (command.view == QStringLiteral("charts")) target = window.charts();
  if (command.view == QStringLiteral("attack")) target = window.attack_panel();
  if (command.view == QStringLiteral("map")) {
    window.show_map(true);
    QApplication::processEvents();
  }
  // The map alone at exactly the asked size, fitted to the network.
  QImage image = command.view == QStringLiteral("map")
                     ? window.map_view()->picture(QSize(command.width, command.height))
                     : target->grab().toImage();
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
