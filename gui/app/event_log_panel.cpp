#include "app/event_log_panel.hpp"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "controllers/view_state.hpp"
#include "models/event_log_model.hpp"

namespace blackstart::gui {

EventLogPanel::EventLogPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  filter_edit_ = new QLineEdit(this);
  filter_edit_->setObjectName(QStringLiteral("logFilter"));
  filter_edit_->setPlaceholderText(tr("Filter the log (asset, state, cause…)"));
  filter_edit_->setClearButtonEnabled(true);
  layout->addWidget(filter_edit_);
  model_ = new EventLogModel(this);
  filter_ = new QSortFilterProxyModel(this);
  filter_->setSourceModel(model_);
  filter_->setFilterKeyColumn(-1);
  filter_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  connect(filter_edit_, &QLineEdit::textChanged, filter_, &QSortFilterProxyModel::setFilterFixedString);
  view_ = new QTableView(this);
  view_->setObjectName(QStringLiteral("eventLog"));
  view_->setModel(filter_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->verticalHeader()->hide();
  view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 4);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setWordWrap(false);
  view_->setToolTip(tr("Every change up to the chosen time. Click a row to select that asset."));
  connect(view_, &QTableView::clicked, this, [this](const QModelIndex& index) {
    emit elementActivated(static_cast<ElementIndex>(index.data(EventLogModel::ElementRole).toUInt()));
  });
  layout->addWidget(view_, 1);
}

void EventLogPanel::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, [this] {
    // A filter typed for the last scenario would hide most of this one's log.
    filter_edit_->clear();
    model_->set_run(nullptr);
  });
  connect(state, &ViewState::runChanged, this, [this, state](const RunPtr& run) {
    model_->set_run(run);
    fit_columns();
    model_->set_time(state->time());
  });
  connect(state, &ViewState::timeChanged, this, [this](double t) {
    model_->set_time(t);
    view_->scrollToBottom();  // the latest changes up to the chosen time
  });
}

void EventLogPanel::fit_columns() {
  // Wide enough for typical values, so that columns do not jump while scrubbing.
  const auto& metrics = view_->fontMetrics();
  view_->setColumnWidth(EventLogModel::Time, metrics.horizontalAdvance(QStringLiteral("00h00min")) + 16);
  view_->setColumnWidth(EventLogModel::Element,
                        metrics.horizontalAdvance(QStringLiteral("power/kyiv-110-01-load")) + 16);
  view_->setColumnWidth(EventLogModel::Change,
                        metrics.horizontalAdvance(QStringLiteral("in_service → under_repair")) + 36);
  view_->setColumnWidth(
      EventLogModel::Cause,
      metrics.horizontalAdvance(QStringLiteral("monitoring dependency on cyber/pry-gw-01")) + 16);
}

}  // namespace blackstart::gui
