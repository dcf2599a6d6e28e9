#include "models/controls_ranking_model.hpp"

#include <QColor>

namespace blackstart::gui {

using Row = study::ControlsRow;

ControlsRankingModel::ControlsRankingModel(QObject* parent) : QAbstractTableModel(parent) {}

void ControlsRankingModel::set_ranking(RankingPtr ranking) {
  beginResetModel();
  ranking_ = std::move(ranking);
  single_rank_.clear();
  int rank = 0;
  if (ranking_)
    for (const auto& row : ranking_->rows) single_rank_.push_back(row.kind == Row::Kind::Single ? ++rank : 0);
  endResetModel();
}

QString ControlsRankingModel::controls_text(const study::ControlsRanking& ranking, const Row& row) {
  QStringList names;
  for (std::size_t c : row.controls) names << QString::fromStdString(ranking.candidates[c].name);
  return names.isEmpty() ? tr("none") : names.join(QLatin1Char('+'));
}

int ControlsRankingModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !ranking_ ? 0 : static_cast<int>(ranking_->rows.size());
}

int ControlsRankingModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant ControlsRankingModel::data(const QModelIndex& index, int role) const {
  if (!ranking_ || !index.isValid()) return {};
  const auto r = static_cast<std::size_t>(index.row());
  const Row& row = ranking_->rows[r];
  if (role == Qt::TextAlignmentRole)
    return index.column() >= CustomerHours ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
  if (role == Qt::ForegroundRole && row.kind == Row::Kind::Baseline) return QColor(0x55, 0x55, 0x55);
  if (role == Qt::ToolTipRole && index.column() == Controls) {
    QStringList lines;
    for (std::size_t c : row.controls) {
      const auto& control = ranking_->candidates[c];
      lines << QStringLiteral("%1 (%2): %3")
                   .arg(QString::fromStdString(control.name), QString::fromStdString(control.mitigation_id),
                        QString::fromStdString(control.description));
    }
    return lines.isEmpty() ? tr("No controls: the campaign as the scenario's responses leave it.")
                           : lines.join(QLatin1Char('\n'));
  }
  if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
  const bool raw = role == Qt::EditRole;  // numbers unrounded, for sorting and tests
  const auto number = [raw](double v, int decimals) -> QVariant {
    return raw ? QVariant(v) : QVariant(QString::number(v, 'f', decimals));
  };
  const auto fraction = [raw](double v) -> QVariant {
    return raw ? QVariant(v) : QVariant(QStringLiteral("%1%").arg(v * 100.0, 0, 'f', 0));
  };
  switch (index.column()) {
    case Rank:
      return single_rank_[r] ? QVariant(single_rank_[r]) : QVariant();
    case Kind:
      return row.kind == Row::Kind::Baseline ? tr("baseline")
             : row.kind == Row::Kind::Single ? tr("single")
                                             : tr("greedy");
    case K:
      return static_cast<int>(row.controls.size());
    case Controls:
      return controls_text(*ranking_, row);
    case CustomerHours:
      return number(row.customer_hours_mean, 0);
    case Avoided:
      return number(row.avoided_mean, 0);
    case Interval:
      return raw ? QVariant(row.avoided_ci95_low)
                 : QVariant(QStringLiteral("%1 – %2")
                                .arg(row.avoided_ci95_low, 0, 'f', 0)
                                .arg(row.avoided_ci95_high, 0, 'f', 0));
    case Reached:
      return fraction(row.objective_reached_fraction);
    case Prevented:
      return fraction(row.objective_prevented_fraction);
    default:
      return {};
  }
}

QVariant ControlsRankingModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case CustomerHours:
        return tr("Mean customer-hours without power per run with these controls on");
      case Avoided:
        return tr("Mean customer-hours avoided per run against the baseline (same random numbers)");
      case Interval:
        return tr("95% confidence interval of the mean avoided");
      case Reached:
        return tr("Runs in which the campaign reached an objective");
      case Prevented:
        return tr("Runs in which the baseline reached an objective and this set prevented it");
      default:
        return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Rank:
      return tr("Rank");
    case Kind:
      return tr("Kind");
    case K:
      return tr("k");
    case Controls:
      return tr("Controls");
    case CustomerHours:
      return tr("Customer-h");
    case Avoided:
      return tr("Avoided");
    case Interval:
      return tr("95% interval");
    case Reached:
      return tr("Objective reached");
    case Prevented:
      return tr("Prevented");
    default:
      return {};
  }
}

}  // namespace blackstart::gui
