// The panels around the canvas and where they dock: layers and legend on the left, inspector,
// scenario events and security controls on the right, charts (with the attack graph as a tab), event log,
// story, runs and messages below.
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStyle>
#include <QTableView>
#include <algorithm>

#include "app/attack_panel.hpp"
#include "app/charts_panel.hpp"
#include "app/controls_panel.hpp"
#include "app/event_log_panel.hpp"
#include "app/inspector_panel.hpp"
#include "app/layers_panel.hpp"
#include "app/main_window.hpp"
#include "app/narration_panel.hpp"
#include "app/run_actions.hpp"
#include "app/scenario_events_panel.hpp"
#include "app/timeline_widget.hpp"
#include "app/user_messages.hpp"
#include "models/runs_model.hpp"

namespace blackstart::gui {

void MainWindow::build_docks() {
  auto dock = [this](const QString& name, const QString& title, QWidget* widget, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(name);
    d->setWidget(widget);
    addDockWidget(area, d);
    return d;
  };

  // Left: layers and legend.
  layers_ = new LayersPanel(scene_, this);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(layers_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  // Never narrower than the legend: it scrolls up and down, not sideways.
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(layers_->minimumSizeHint().width() +
                          style()->pixelMetric(QStyle::PM_ScrollBarExtent));
  dock(QStringLiteral("layersDock"), tr("Layers and legend"), scroll, Qt::LeftDockWidgetArea);

  // Right: inspector, and the scenario's events (editable) and mitigations.
  inspector_ = new InspectorPanel(this);
  auto* inspector_dock =
      dock(QStringLiteral("inspectorDock"), tr("Inspector"), inspector_, Qt::RightDockWidgetArea);
  scenario_events_ = new ScenarioEventsPanel(this);
  scenario_events_->add_buttons({action(QStringLiteral("actionAddEvent")),
                                 action(QStringLiteral("actionEditEvent")),
                                 action(QStringLiteral("actionRemoveEvent"))});
  auto* scenario_dock =
      dock(QStringLiteral("scenarioDock"), tr("Scenario events"), scenario_events_, Qt::RightDockWidgetArea);
  tabifyDockWidget(inspector_dock, scenario_dock);
  controls_ = new ControlsPanel(this);
  controls_->add_button(action(QStringLiteral("actionRankControls")));
  auto* controls_dock =
      dock(QStringLiteral("controlsDock"), tr("Controls"), controls_, Qt::RightDockWidgetArea);
  tabifyDockWidget(scenario_dock, controls_dock);
  inspector_dock->raise();

  // Bottom: charts | event log, runs, messages.
  charts_ = new ChartsPanel(this);
  auto* charts_dock = dock(QStringLiteral("chartsDock"), tr("Charts"), charts_, Qt::BottomDockWidgetArea);
  event_log_ = new EventLogPanel(this);
  auto* log_dock =
      dock(QStringLiteral("eventLogDock"), tr("Event log"), event_log_, Qt::BottomDockWidgetArea);
  splitDockWidget(charts_dock, log_dock, Qt::Horizontal);
  // The story of the run, in front of the event log it summarises; its moments mark the timeline.
  narration_ = new NarrationPanel(this);
  auto* story_dock = dock(QStringLiteral("storyDock"), tr("Story"), narration_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(log_dock, story_dock);
  narration_->follow(&state_);
  connect(narration_, &NarrationPanel::storyChanged, this, [this] {
    std::vector<TimelineMarkers::Marker> marks;
    for (const auto& m : narration_->markers()) marks.push_back({m.time_min, m.text});
    timeline_->markers()->set_markers(std::move(marks));
  });
  attack_ = new AttackPanel(this);
  auto* attack_dock = dock(QStringLiteral("attackDock"), tr("Attack"), attack_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(charts_dock, attack_dock);
  charts_dock->raise();

  runs_ = new RunsModel(this);
  runs_view_ = new QTableView(this);
  runs_view_->setObjectName(QStringLiteral("runsTable"));
  runs_view_->setModel(runs_);
  runs_view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  runs_view_->verticalHeader()->hide();
  runs_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  runs_view_->setToolTip(
      tr("Runs kept for comparison. Tick to overlay curves; double-click to show a run; Delete "
         "removes it."));
  connect(runs_view_, &QTableView::doubleClicked, this,
          [this](const QModelIndex& index) { runs_actions_->show_run(runs_->run(index.row())); });
  auto* remove_run = new QAction(tr("Remove run"), runs_view_);
  remove_run->setShortcut(QKeySequence::Delete);
  remove_run->setShortcutContext(Qt::WidgetShortcut);
  connect(remove_run, &QAction::triggered, this, [this] {
    const auto index = runs_view_->currentIndex();
    if (index.isValid()) runs_->remove_run(index.row());
  });
  runs_view_->addAction(remove_run);
  runs_view_->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto* runs_dock =
      dock(QStringLiteral("runsDock"), tr("Runs (what-if)"), runs_view_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(log_dock, runs_dock);

  auto* messages_dock =
      dock(QStringLiteral("messagesDock"), tr("Messages"), messages_->log_widget(), Qt::BottomDockWidgetArea);
  tabifyDockWidget(runs_dock, messages_dock);
  story_dock->raise();

  size_docks_to_window();
}

void MainWindow::raise_attack_docks(bool campaign) {
  const auto* name = campaign ? "attackDock" : "chartsDock";
  if (auto* dock = findChild<QDockWidget*>(QString::fromLatin1(name))) dock->raise();
}

void MainWindow::size_docks_to_window() {
  // Shares of the window, so that the canvas keeps room on a small screen; within the panels'
  // comfortable sizes on a large one.
  auto* layers = findChild<QDockWidget*>(QStringLiteral("layersDock"));
  auto* inspector = findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
  auto* charts = findChild<QDockWidget*>(QStringLiteral("chartsDock"));
  auto* log = findChild<QDockWidget*>(QStringLiteral("eventLogDock"));
  const int w = width();
  const int h = height();
  resizeDocks({layers}, {std::clamp(w * 14 / 100, 170, 260)}, Qt::Horizontal);
  resizeDocks({inspector}, {std::clamp(w * 24 / 100, 300, 420)}, Qt::Horizontal);
  resizeDocks({charts}, {std::clamp(h * 34 / 100, 240, 340)}, Qt::Vertical);
  resizeDocks({charts, log}, {w * 56 / 100, w * 44 / 100}, Qt::Horizontal);
}

}  // namespace blackstart::gui
