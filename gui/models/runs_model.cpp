#include "models/runs_model.hpp"

#include <QFont>
#include <QLocale>
#include <cmath>
#include <optional>

#include "blackstart/core/duration.hpp"
#include "blackstart/metrics/metric_table.hpp"

namespace blackstart::gui {

namespace {
using metrics::RunMetric;

//! What a column shows. Metric columns read name, value and meaning from the engine's metric table.
struct ColumnSpec {
  const char* title = "";          //!< header, with line breaks
  const char* csv_name = nullptr;  //!< nullptr: the metric's name
  const char* tip = nullptr;       //!< nullptr: the metric's description and unit
  //! The engine figure shown; nullopt for a field of the run itself.
  std::optional<RunMetric> metric = std::nullopt;
  int decimals = 0;
};

ColumnSpec column_spec(int column) {
  switch (column) {
    case RunsModel::Run:
      return {.title = QT_TR_NOOP("Run"), .csv_name = "run", .tip = QT_TR_NOOP("Label of the run")};
    case RunsModel::Seed:
      return {.title = QT_TR_NOOP("Seed"), .csv_name = "seed", .tip = QT_TR_NOOP("Random seed")};
    case RunsModel::Mitigations:
      return {.title = QT_TR_NOOP("Mitigations"),
              .csv_name = "mitigations",
              .tip = QT_TR_NOOP("Mitigations switched on")};
    case RunsModel::PeakCustomers:
      return {.title = QT_TR_NOOP("Peak customers\nwithout power"),
              .metric = RunMetric::PeakCustomersWithoutPower};
    case RunsModel::CustomerHours:
      // Exports have called this column customer_hours_interrupted; the name stays for their readers.
      return {.title = QT_TR_NOOP("Customer-hours\ninterrupted"),
              .csv_name = "customer_hours_interrupted",
              .metric = RunMetric::CustomerHours};
    case RunsModel::EnergyNotServed:
      return {.title = QT_TR_NOOP("Energy not\nserved (MWh)"),
              .metric = RunMetric::EnergyNotServed,
              .decimals = 1};
    case RunsModel::PeakShed:
      return {.title = QT_TR_NOOP("Peak shed\n(MW)"), .metric = RunMetric::PeakLoadShed, .decimals = 1};
    case RunsModel::PeakPassengers:
      return {.title = QT_TR_NOOP("Peak passengers\naffected (/h)"),
              .metric = RunMetric::PeakPassengersAffected};
    case RunsModel::PeakLossOfControl:
      return {.title = QT_TR_NOOP("Peak loss of\ncontrol (assets)"),
              .csv_name = "peak_loss_of_control",
              .tip = QT_TR_NOOP("Maximum over time of assets that cannot be operated remotely")};
    case RunsModel::Restoration:
      return {.title = QT_TR_NOOP("Time to full\nrestoration"), .metric = RunMetric::TimeToFullRestoration};
    case RunsModel::Resilience:
      return {.title = QT_TR_NOOP("Resilience\nindex"), .metric = RunMetric::ResilienceIndex, .decimals = 4};
  }
  return {.title = ""};
}

QString from_view(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString csv_name(int column) {
  const auto spec = column_spec(column);
  return spec.csv_name ? QString::fromLatin1(spec.csv_name) : from_view(metrics::info(*spec.metric).name);
}
}  // namespace

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
  if (const auto metric = column_spec(column).metric) {
    const double v = metrics::info(*metric).of(run.summary);
    return std::isnan(v) ? QVariant() : QVariant(v);  // NaN: not restored by the horizon
  }
  switch (column) {
    case Run:
      return run.label;
    case Seed:
      return QVariant::fromValue(static_cast<qulonglong>(run.summary.seed));
    case Mitigations: {
      QStringList names;
      for (const auto& m : run.mitigations) names << QString::fromStdString(m);
      return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
    }
    case PeakLossOfControl:
      return peak_loss_of_control(run);
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
  if (column == Restoration)
    return v.isValid() ? QString::fromStdString(core::format_duration(core::Duration{v.toDouble()}))
                       : tr("not by horizon");
  const auto spec = column_spec(column);
  return spec.metric ? QLocale().toString(v.toDouble(), 'f', spec.decimals) : v;
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
  if (section < 0 || section >= ColumnCount) return {};
  const auto spec = column_spec(section);
  if (role == Qt::DisplayRole) return tr(spec.title);
  if (role == Qt::ToolTipRole) {
    if (spec.tip) return tr(spec.tip);
    const auto& metric = metrics::info(*spec.metric);
    return QStringLiteral("%1 (%2)").arg(from_view(metric.description), from_view(metric.unit));
  }
  return {};
}

QString RunsModel::to_csv() const {
  QStringList header;
  for (int c = 0; c < ColumnCount; ++c) header << csv_name(c);
  QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
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
