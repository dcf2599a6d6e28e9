#include "models/event_log_model.hpp"

#include <QBrush>

#include "blackstart/core/duration.hpp"
#include "canvas/palette.hpp"

namespace blackstart::gui {

QString format_time(double minutes) {
  return QString::fromStdString(core::format_duration(core::Duration{minutes}));
}

QString describe_change(const sim::StateChange& change) {
  return QStringLiteral("%1 → %2").arg(QString::fromStdString(std::string(sim::from_name(change))),
                                       QString::fromStdString(std::string(sim::to_name(change))));
}

QString describe_cause(const sim::CauseContext& context, const sim::StateChange& change) {
  const auto text = sim::describe(change.cause, context);
  const QString who = QString::fromStdString(text.text);
  switch (change.cause.kind) {
    case sim::CauseKind::Event:
      return QObject::tr("event %1").arg(who);
    case sim::CauseKind::Dependency: {
      const QString via = change.cause.via
                              ? QString::fromStdString(std::string(model::to_string(*change.cause.via)))
                              : QStringLiteral("?");
      return QObject::tr("%1 dependency on %2").arg(via, who);
    }
    case sim::CauseKind::Physics:
      return QObject::tr("power through %1").arg(who);
    case sim::CauseKind::Restoration:
      return QObject::tr("restored by %1").arg(who);
    case sim::CauseKind::Attack:
      return QObject::tr("attack step %1").arg(who);
    case sim::CauseKind::Response:
      return QObject::tr("response %1").arg(who);
  }
  return who;
}

QString describe_detail(const sim::CauseContext& context, const sim::StateChange& change) {
  return QString::fromStdString(sim::describe(change.cause, context).detail);
}

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventLogModel::set_run(RunPtr run) {
  beginResetModel();
  run_ = std::move(run);
  context_ = run_ ? std::make_unique<sim::CauseContext>(*run_->scenario) : nullptr;
  rows_ = run_ ? static_cast<int>(run_->changes_until(time_)) : 0;
  endResetModel();
}

void EventLogModel::set_time(double t_min) {
  time_ = t_min;
  const int rows = run_ ? static_cast<int>(run_->changes_until(t_min)) : 0;
  if (rows > rows_) {
    beginInsertRows({}, rows_, rows - 1);
    rows_ = rows;
    endInsertRows();
  } else if (rows < rows_) {
    beginRemoveRows({}, rows, rows_ - 1);
    rows_ = rows;
    endRemoveRows();
  }
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : rows_;
}
int EventLogModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
  if (!run_ || !index.isValid() || index.row() >= rows_) return {};
  const auto& change = run_->result.changes[static_cast<std::size_t>(index.row())];
  const auto& net = run_->scenario->network;
  const sim::CauseContext& context = *context_;
  if (role == ElementRole) return QVariant::fromValue(static_cast<uint>(change.element));
  if (role == ChangeRole) return index.row();
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    switch (index.column()) {
      case Time:
        return format_time(change.time_min);
      case Element:
        return change.element < net.size() ? QString::fromStdString(net.element(change.element).id)
                                           : QString();
      case Change:
        return describe_change(change);
      case Cause:
        return describe_cause(context, change);
      case Detail:
        return describe_detail(context, change);
    }
  }
  if (role == Qt::DecorationRole && index.column() == Change && change.change == sim::ChangeKind::State) {
    return state_color(change.to);
  }
  if (role == Qt::TextAlignmentRole && index.column() == Time)
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Time:
      return tr("Time");
    case Element:
      return tr("Asset");
    case Change:
      return tr("Change");
    case Cause:
      return tr("Cause");
    case Detail:
      return tr("Detail");
  }
  return {};
}

}  // namespace blackstart::gui
