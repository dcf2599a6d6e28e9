#include "app/scenario_events_panel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "controllers/view_state.hpp"
#include "models/scenario_events_model.hpp"

namespace blackstart::gui {

namespace {

//! The scenario's mitigations as an HTML list, or a note that it has none.
QString mitigations_html(const model::Scenario& scenario) {
  QString items;
  for (const auto& m : scenario.mitigations)
    items += QStringLiteral("<li><b>%1</b>: %2</li>")
                 .arg(QString::fromStdString(m.name).toHtmlEscaped(),
                      QString::fromStdString(m.description).toHtmlEscaped());
  return items.isEmpty()
             ? ScenarioEventsPanel::tr("<i>This scenario defines no mitigations.</i>")
             : ScenarioEventsPanel::tr("<b>Mitigations</b> (switch on in the toolbar):<ul>%1</ul>")
                   .arg(items);
}

}  // namespace

ScenarioEventsPanel::ScenarioEventsPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  model_ = new ScenarioEventsModel(this);
  view_ = new QTableView(this);
  view_->setObjectName(QStringLiteral("scenarioEvents"));
  // Sorted by time (stable: events at the same time keep the file's order); rows map back to the
  // file's order for editing.
  by_time_ = new QSortFilterProxyModel(this);
  by_time_->setSourceModel(model_);
  by_time_->setSortRole(Qt::UserRole + 1);
  by_time_->setDynamicSortFilter(true);
  by_time_->sort(ScenarioEventsModel::At, Qt::AscendingOrder);
  view_->setModel(by_time_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->verticalHeader()->hide();
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setToolTip(
      tr("The attack timeline of the scenario. Double-click to edit; right-click an asset on "
         "the canvas to add an attack on it."));
  connect(view_, &QTableView::doubleClicked, this, [this] { emit editRequested(current_row()); });
  layout->addWidget(view_, 1);
  buttons_ = new QHBoxLayout;
  buttons_->addStretch(1);
  layout->addLayout(buttons_);
  mitigations_ = new QLabel(this);
  mitigations_->setWordWrap(true);
  mitigations_->setTextFormat(Qt::RichText);
  layout->addWidget(mitigations_);
}

void ScenarioEventsPanel::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, [this](const ScenarioPtr& scenario) {
    model_->set_scenario(scenario);
    view_->resizeColumnsToContents();
    mitigations_->setText(mitigations_html(*scenario));
  });
  connect(state, &ViewState::scenarioEdited, model_, &ScenarioEventsModel::set_scenario);
}

void ScenarioEventsPanel::add_buttons(const QList<QAction*>& actions) {
  for (auto* action : actions) {
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    buttons_->insertWidget(buttons_->count() - 1, button);  // before the stretch
  }
}

int ScenarioEventsPanel::current_row() const {
  const auto index = by_time_->mapToSource(view_->currentIndex());
  return index.isValid() ? index.row() : -1;
}

bool ScenarioEventsPanel::select_event(const QString& id) {
  for (int row = 0; row < by_time_->rowCount(); ++row) {
    const auto index = by_time_->index(row, ScenarioEventsModel::Id);
    if (index.data().toString() != id) continue;
    view_->setCurrentIndex(index);
    view_->selectRow(row);
    view_->scrollTo(index);
    return true;
  }
  return false;
}

}  // namespace blackstart::gui
