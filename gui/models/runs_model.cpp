#include "models/runs_model.hpp"

#include <QFont>
#include <QLocale>

#include "blackstart/core/duration.hpp"

namespace blackstart::gui {

std::uint32_t peak_loss_of_control(const RunSnapshot& run) {
  std::uint32_t peak = 0;
  for (const auto& point : run.result.trace) peak = std::max(peak, total_of(point).loss_of_control);
  return peak;
}

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

int RunsModel::add_run(RunPtr run) {
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    if (runs_[i]->label != run->label) continue;
    runs_[i] = std::move(run);
    emit dataChanged(index(static_cast<int>(i), 0), index(static_cast<int>(i), ColumnCount - 1));
    emit overlayChanged();
    return static_cast<int>(i);
  }
  const int row = static_cast<int>(runs_.size());
  beginInsertRows({}, row, row);
  runs_.push_back(std::move(run));
  shown_.push_back(true);
  endInsertRows();
  emit overlayChanged();
  return row;
}

void RunsModel::remove_run(int row) {
  if (row < 0 || row >= rowCount()) return;
  beginRemoveRows({}, row, row);
  runs_.erase(runs_.begin() + row);
  shown_.erase(shown_.begin() + row);
  if (current_ == row)
    current_ = -1;
  else if (current_ > row)
    --current_;
  endRemoveRows();
  emit overlayChanged();
}

void RunsModel::clear() {
  beginResetModel();
  runs_.clear();
  shown_.clear();
  current_ = -1;
  endResetModel();
  emit overlayChanged();
}

void RunsModel::set_current(int row) {
  const int old = current_;
  current_ = row;
  if (old >= 0 && old < rowCount()) emit dataChanged(index(old, 0), index(old, ColumnCount - 1));
  if (row >= 0 && row < rowCount()) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

RunPtr RunsModel::run(int row) const {
  return row >= 0 && row < rowCount() ? runs_[static_cast<std::size_t>(row)] : nullptr;
}

std::vector<RunPtr> RunsModel::overlay() const {
  std::vector<RunPtr> out;
  for (std::size_t i = 0; i < runs_.size(); ++i)
    if (shown_[i]) out.push_back(runs_[i]);
  return out;
}

int RunsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}
int RunsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::value(const RunSnapshot& run, int column) const {
  const auto& s = run.summary;
  switch (column) {
    case Run:
      return run.label;
    case Seed:
      return QVariant::fromValue(static_cast<qulonglong>(s.seed));
    case Mitigations: {
      QStringList names;
      for (const auto& m : run.mitigations) names << QString::fromStdString(m);
      return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
    }
    case PeakCustomers:
      return s.peak_customers_without_power;
    case CustomerHours:
      return s.customer_minutes_interrupted / 60.0;
    case EnergyNotServed:
      return s.energy_not_served_mwh;
    case PeakShed:
      return s.peak_load_shed_mw;
    case PeakPassengers:
      return s.peak_passengers_affected;
    case PeakLossOfControl:
      return peak_loss_of_control(run);
    case Restoration:
      return s.time_to_full_restoration_min ? QVariant(*s.time_to_full_restoration_min) : QVariant();
    case Resilience:
      return s.resilience_index;
  }
  return {};
}

QVariant RunsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& run = *runs_[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  if (role == Qt::CheckStateRole && column == Run)
    return shown_[static_cast<std::size_t>(index.row())] ? Qt::Checked : Qt::Unchecked;
  if (role == Qt::FontRole && index.row() == current_) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  if (role == Qt::TextAlignmentRole && column >= PeakCustomers)
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::UserRole) return value(run, column);
  if (role == Qt::ToolTipRole && column == Run)
    return tr("Tick to overlay this run's curves; double-click to show it");
  if (role != Qt::DisplayRole) return {};
  const QVariant v = value(run, column);
  const QLocale locale;
  switch (column) {
    case PeakCustomers:
    case CustomerHours:
    case PeakPassengers:
      return locale.toString(v.toDouble(), 'f', 0);
    case EnergyNotServed:
    case PeakShed:
      return locale.toString(v.toDouble(), 'f', 1);
    case Restoration:
      return v.isValid() ? QString::fromStdString(core::format_duration(core::Duration{v.toDouble()}))
                         : tr("not by horizon");
    case Resilience:
      return locale.toString(v.toDouble(), 'f', 4);
    default:
      return v;
  }
}

bool RunsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || index.column() != Run || role != Qt::CheckStateRole) return false;
  shown_[static_cast<std::size_t>(index.row())] = value.toInt() == Qt::Checked;
  emit dataChanged(index, index, {Qt::CheckStateRole});
  emit overlayChanged();
  return true;
}

Qt::ItemFlags RunsModel::flags(const QModelIndex& index) const {
  auto f = QAbstractTableModel::flags(index);
  if (index.column() == Run) f |= Qt::ItemIsUserCheckable;
  return f;
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return QAbstractTableModel::headerData(section, orientation, role);
  static const char* const names[] = {QT_TR_NOOP("Run"),
                                      QT_TR_NOOP("Seed"),
                                      QT_TR_NOOP("Mitigations"),
                                      QT_TR_NOOP("Peak customers\nwithout power"),
                                      QT_TR_NOOP("Customer-hours\ninterrupted"),
                                      QT_TR_NOOP("Energy not\nserved (MWh)"),
                                      QT_TR_NOOP("Peak shed\n(MW)"),
                                      QT_TR_NOOP("Peak passengers\naffected (/h)"),
                                      QT_TR_NOOP("Peak loss of\ncontrol (assets)"),
                                      QT_TR_NOOP("Time to full\nrestoration"),
                                      QT_TR_NOOP("Resilience\nindex")};
  static const char* const tips[] = {
      QT_TR_NOOP("Label of the run"),
      QT_TR_NOOP("Random seed"),
      QT_TR_NOOP("Mitigations switched on"),
      QT_TR_NOOP("Maximum over time of customers without power (customers)"),
      QT_TR_NOOP("Integral of customers without power over the horizon (customer·h)"),
      QT_TR_NOOP("Integral of MW shed (MWh)"),
      QT_TR_NOOP("Maximum over time of MW of demand not served"),
      QT_TR_NOOP("Maximum over time of passengers per hour whose service stopped or was reduced"),
      QT_TR_NOOP("Maximum over time of assets that cannot be operated remotely"),
      QT_TR_NOOP("First time after the worst impact from which service stays fully restored"),
      QT_TR_NOOP("Area under the normalised service curve, 0–1 (1 = no loss); see docs/metrics.md")};
  if (section < 0 || section >= ColumnCount) return {};
  if (role == Qt::DisplayRole) return tr(names[section]);
  if (role == Qt::ToolTipRole) return tr(tips[section]);
  return {};
}

QString RunsModel::to_csv() const {
  QString out = QStringLiteral(
      "run,seed,mitigations,peak_customers_without_power,customer_hours_interrupted,energy_not_served_mwh,"
      "peak_load_shed_mw,peak_passengers_affected_per_h,peak_loss_of_control,time_to_full_restoration_min,"
      "resilience_index\n");
  auto quote = [](QString s) {
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"'))) {
      s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
      s = QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
  };
  for (const auto& run : runs_) {
    QStringList cells;
    for (int c = 0; c < ColumnCount; ++c) {
      const QVariant v = value(*run, c);
      if (c == Mitigations)
        cells << quote(v.toString() == tr("none") ? QString() : v.toString());
      else if (c == Run)
        cells << quote(v.toString());
      else
        cells << (v.isValid() ? QString::number(v.toDouble(), 'g', 10) : QString());
    }
    out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
  }
  return out;
}

}  // namespace blackstart::gui
