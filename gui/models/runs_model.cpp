#include "models/runs_model.hpp"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <algorithm>
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
  bool delta = false;             //!< this run's `metric` minus the baseline's
  bool higher_is_better = false;  //!< for Δ colours: a larger value is better (resilience)
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
    case RunsModel::LossOfControlHours:
      return {.title = QT_TR_NOOP("Loss of control\n(asset-h)"),
              .metric = RunMetric::LossOfControlHours,
              .decimals = 1};
    case RunsModel::LossOfViewHours:
      return {.title = QT_TR_NOOP("Loss of view\n(asset-h)"),
              .metric = RunMetric::LossOfViewHours,
              .decimals = 1};
    case RunsModel::Restoration:
      return {.title = QT_TR_NOOP("Time to full\nrestoration"), .metric = RunMetric::TimeToFullRestoration};
    case RunsModel::Resilience:
      return {.title = QT_TR_NOOP("Resilience\nindex"), .metric = RunMetric::ResilienceIndex, .decimals = 4};
    case RunsModel::DeltaCustomerHours:
      return {.title = QT_TR_NOOP("Δ customer-h\nvs baseline"),
              .csv_name = "delta_customer_hours",
              .tip = QT_TR_NOOP("Customer-hours interrupted minus the baseline's: green fewer, red more"),
              .metric = RunMetric::CustomerHours,
              .delta = true};
    case RunsModel::DeltaLossOfControlHours:
      return {.title = QT_TR_NOOP("Δ loss of\ncontrol (asset-h)"),
              .csv_name = "delta_loss_of_control_hours",
              .tip = QT_TR_NOOP("Loss-of-control hours minus the baseline's: green fewer, red more"),
              .metric = RunMetric::LossOfControlHours,
              .decimals = 1,
              .delta = true};
    case RunsModel::DeltaLossOfViewHours:
      return {.title = QT_TR_NOOP("Δ loss of\nview (asset-h)"),
              .csv_name = "delta_loss_of_view_hours",
              .tip = QT_TR_NOOP("Loss-of-view hours minus the baseline's: green fewer, red more"),
              .metric = RunMetric::LossOfViewHours,
              .decimals = 1,
              .delta = true};
    case RunsModel::DeltaResilience:
      return {.title = QT_TR_NOOP("Δ resilience\nindex"),
              .csv_name = "delta_resilience_index",
              .tip = QT_TR_NOOP("Resilience index minus the baseline's: green higher, red lower"),
              .metric = RunMetric::ResilienceIndex,
              .decimals = 4,
              .delta = true,
              .higher_is_better = true};
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
  const bool baseline_moved = baseline_ >= row;
  if (baseline_ == row)
    baseline_ = 0;  // back to the first run
  else if (baseline_ > row)
    --baseline_;
  endRemoveRows();
  if (baseline_moved && rowCount() > 0) {
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit baselineChanged(baseline_);
  }
  emit overlayChanged();
}

void RunsModel::clear() {
  beginResetModel();
  runs_.clear();
  shown_.clear();
  current_ = -1;
  baseline_ = 0;
  endResetModel();
  emit overlayChanged();
}

void RunsModel::set_current(int row) {
  const int old = current_;
  current_ = row;
  if (old >= 0 && old < rowCount()) emit dataChanged(index(old, 0), index(old, ColumnCount - 1));
  if (row >= 0 && row < rowCount()) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int RunsModel::baseline() const {
  return runs_.empty() ? -1 : std::clamp(baseline_, 0, rowCount() - 1);
}

void RunsModel::set_baseline(int row) {
  if (row < 0 || row >= rowCount() || row == baseline()) return;
  baseline_ = row;
  emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
  emit baselineChanged(row);
}

std::optional<double> RunsModel::delta(int row, int column) const {
  const auto spec = column_spec(column);
  const int base = baseline();
  if (!spec.delta || row < 0 || row >= rowCount() || base < 0) return std::nullopt;
  const auto& metric = metrics::info(*spec.metric);
  const double mine = metric.of(runs_[static_cast<std::size_t>(row)]->summary);
  const double theirs = metric.of(runs_[static_cast<std::size_t>(base)]->summary);
  if (std::isnan(mine) || std::isnan(theirs)) return std::nullopt;
  return mine - theirs;
}

int RunsModel::verdict(int row, int column) const {
  const auto d = delta(row, column);
  const auto spec = column_spec(column);
  // Differences below what the column shows are no difference.
  const double shown = 0.5 * std::pow(10.0, -spec.decimals);
  if (!d || std::abs(*d) < shown) return 0;
  return (*d < 0) != spec.higher_is_better ? +1 : -1;
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
  if (column_spec(column).delta) {
    const auto row =
        std::find_if(runs_.begin(), runs_.end(), [&run](const RunPtr& r) { return r.get() == &run; });
    const auto d = delta(static_cast<int>(row - runs_.begin()), column);
    return d ? QVariant(*d) : QVariant();
  }
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
  const bool is_baseline = index.row() == baseline();
  if (role == Qt::ToolTipRole && column == Run)
    return is_baseline ? tr("The baseline of the Δ columns. Tick to overlay this run's curves; double-click "
                            "to show it")
                       : tr("Tick to overlay this run's curves; double-click to show it; right-click to "
                            "make it the baseline");
  const auto spec = column_spec(column);
  if (spec.delta && (role == Qt::ForegroundRole || role == Qt::BackgroundRole)) {
    const int v = verdict(index.row(), column);
    if (v == 0) return {};
    if (role == Qt::ForegroundRole)
      return QBrush(v > 0 ? QColor(0x10, 0x6B, 0x2E) : QColor(0xA3, 0x1B, 0x12));
    return QBrush(v > 0 ? QColor(0xDD, 0xF2, 0xE3) : QColor(0xFA, 0xE0, 0xDD));
  }
  if (role == Qt::ToolTipRole && spec.delta)
    return is_baseline ? tr("This run is the baseline")
                       : tr("%1 minus %2").arg(run.label, runs_[static_cast<std::size_t>(baseline())]->label);
  if (role != Qt::DisplayRole) return {};
  if (column == Run && is_baseline && runs_.size() > 1) return tr("%1 (baseline)").arg(run.label);
  const QVariant v = value(run, column);
  if (spec.delta) {
    if (is_baseline) return QStringLiteral("—");
    if (!v.isValid()) return QString();
    const double d = v.toDouble();
    const QString text = QLocale().toString(std::abs(d), 'f', spec.decimals);
    if (verdict(index.row(), column) == 0) return QLocale().toString(0.0, 'f', spec.decimals);
    return (d > 0 ? QStringLiteral("+") : QStringLiteral("−")) + text;
  }
  if (column == Restoration)
    return v.isValid() ? QString::fromStdString(core::format_duration(core::Duration{v.toDouble()}))
                       : tr("not by horizon");
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
  header << QStringLiteral("delta_vs");  // the baseline the delta_ columns compare with
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
    cells << quote(runs_[static_cast<std::size_t>(baseline())]->label);
    out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
  }
  return out;
}

}  // namespace blackstart::gui
