#include "app/compare_actions.hpp"

#include <QAction>
#include <QHeaderView>
#include <QTableView>
#include <QWidget>

#include "app/compare_window.hpp"
#include "controllers/view_state.hpp"
#include "models/runs_model.hpp"

namespace blackstart::gui {

CompareActions::CompareActions(ViewState* state, RunsModel* runs, QWidget* window)
    : QObject(window), state_(state), runs_(runs), parent_(window) {
  compare_ = new QAction(tr("&Compare runs side by side…"), this);
  compare_->setObjectName(QStringLiteral("actionCompare"));
  const QKeySequence key(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
  compare_->setShortcut(key);
  compare_->setToolTip(tr("Baseline and what-if on two canvases at the same time, differences ringed (%1)")
                           .arg(key.toString(QKeySequence::NativeText)));
  compare_->setStatusTip(tr("Baseline and what-if on two canvases at the same time, differences ringed"));
  connect(compare_, &QAction::triggered, this, [this] { open(); });
  window->addAction(compare_);  // the shortcut works with the menus hidden
}

void CompareActions::attach_runs_view(QTableView* view) {
  // Each Δ next to its figure, and the hours right after the customer-hours, so that they are in view
  // on a narrow panel (the model's column order, and the CSV's, stay as they are).
  auto* header = view->horizontalHeader();
  int to = header->visualIndex(RunsModel::CustomerHours) + 1;
  for (const int column :
       {RunsModel::DeltaCustomerHours, RunsModel::LossOfControlHours, RunsModel::DeltaLossOfControlHours,
        RunsModel::LossOfViewHours, RunsModel::DeltaLossOfViewHours}) {
    header->moveSection(header->visualIndex(column), to);
    ++to;
  }
  header->moveSection(header->visualIndex(RunsModel::DeltaResilience),
                      header->visualIndex(RunsModel::Resilience) + 1);
  auto* baseline = new QAction(tr("Use as baseline"), view);
  baseline->setObjectName(QStringLiteral("actionUseAsBaseline"));
  baseline->setToolTip(tr("Compare the other runs with this one in the Δ columns and side by side"));
  connect(baseline, &QAction::triggered, this, [this, view] {
    if (view->currentIndex().isValid()) runs_->set_baseline(view->currentIndex().row());
  });
  auto* compare = new QAction(tr("Compare with baseline side by side"), view);
  compare->setObjectName(QStringLiteral("actionCompareWithBaseline"));
  connect(compare, &QAction::triggered, this, [this, view] {
    if (view->currentIndex().isValid()) open(view->currentIndex().row());
  });
  view->addAction(baseline);
  view->addAction(compare);
}

CompareWindow* CompareActions::open(int what_if_row) {
  if (!window_) {
    window_ = new CompareWindow(state_, runs_, parent_);
    connect(window_, &CompareWindow::elementSelected, state_, [this](model::ElementIndex e) {
      if (e != model::kNoElement) state_->select(e);
    });
  }
  if (what_if_row >= 0) window_->set_runs(-1, what_if_row);
  window_->show();
  window_->raise();
  window_->activateWindow();
  return window_;
}

}  // namespace blackstart::gui
