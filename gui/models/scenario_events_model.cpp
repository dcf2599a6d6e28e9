#include "models/scenario_events_model.hpp"

#include "blackstart/core/duration.hpp"

namespace blackstart::gui {

QString targets_text(const model::Event& event, const model::Network& network) {
  if (!event.target_pattern.empty() && event.target_pattern != "(list)")
    return QString::fromStdString(event.target_pattern);
  QStringList ids;
  for (auto t : event.targets) ids << QString::fromStdString(network.element(t).id);
  return ids.join(QStringLiteral(", "));
}

ScenarioEventsModel::ScenarioEventsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ScenarioEventsModel::set_scenario(std::shared_ptr<const model::Scenario> scenario) {
  beginResetModel();
  scenario_ = std::move(scenario);
  endResetModel();
}

int ScenarioEventsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !scenario_ ? 0 : static_cast<int>(scenario_->events.size());
}
int ScenarioEventsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScenarioEventsModel::data(const QModelIndex& index, int role) const {
  if (!scenario_ || !index.isValid() || index.row() >= rowCount()) return {};
  const auto& e = scenario_->events[static_cast<std::size_t>(index.row())];
  if (role == Qt::UserRole) return index.row();
  if (role == Qt::UserRole + 1) return e.at_min;
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  switch (index.column()) {
    case At:
      return QString::fromStdString(core::format_duration(core::Duration{e.at_min}));
    case Id:
      return QString::fromStdString(e.id);
    case Action:
      return QString::fromStdString(std::string(model::to_string(e.action)));
    case Targets:
      return targets_text(e, scenario_->network);
    case Technique:
      return QString::fromStdString(e.technique);
    case Description:
      return QString::fromStdString(e.description);
  }
  return {};
}

QVariant ScenarioEventsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case At:
      return tr("At");
    case Id:
      return tr("Id");
    case Action:
      return tr("Action");
    case Targets:
      return tr("Targets");
    case Technique:
      return tr("Technique");
    case Description:
      return tr("Description");
  }
  return {};
}

}  // namespace blackstart::gui
