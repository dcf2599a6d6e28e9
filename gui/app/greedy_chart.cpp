#include "app/greedy_chart.hpp"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "models/controls_ranking_model.hpp"

namespace blackstart::gui {

namespace {

//! The greedy rows in order of k (k = 1..K).
std::vector<const study::ControlsRow*> greedy_rows(const study::ControlsRanking& ranking) {
  std::vector<const study::ControlsRow*> rows;
  for (const auto& row : ranking.rows)
    if (row.kind == study::ControlsRow::Kind::Greedy) rows.push_back(&row);
  return rows;
}

}  // namespace

GreedyChart::GreedyChart(QWidget* parent) : QChartView(new QChart, parent) {
  setObjectName(QStringLiteral("greedyChart"));
  setRenderHint(QPainter::Antialiasing);
  auto* c = chart();
  c->setAnimationOptions(QChart::NoAnimation);
  c->setTitle(tr("Best set of k controls (greedy): customer-hours avoided per run"));
  c->legend()->setAlignment(Qt::AlignBottom);
  c->setBackgroundRoundness(0);
  mean_ = new QLineSeries(c);
  mean_->setName(tr("mean avoided"));
  mean_->setPointsVisible(true);
  mean_->setPen(QPen(QColor(0x00, 0x72, 0xB2), 2.2));
  low_ = new QLineSeries(c);
  high_ = new QLineSeries(c);
  band_ = new QAreaSeries(high_, low_);
  band_->setName(tr("95% interval"));
  band_->setBrush(QColor(0x56, 0xB4, 0xE9, 80));
  band_->setPen(Qt::NoPen);
  c->addSeries(band_);
  c->addSeries(mean_);
  x_ = new QValueAxis(c);
  x_->setTitleText(tr("controls switched on (k)"));
  x_->setLabelFormat(QStringLiteral("%d"));
  y_ = new QValueAxis(c);
  y_->setLabelFormat(QStringLiteral("%.0f"));
  c->addAxis(x_, Qt::AlignBottom);
  c->addAxis(y_, Qt::AlignLeft);
  for (auto* s : {static_cast<QAbstractSeries*>(band_), static_cast<QAbstractSeries*>(mean_)}) {
    s->attachAxis(x_);
    s->attachAxis(y_);
  }
  connect(mean_, &QLineSeries::hovered, this, [this](const QPointF& point, bool state) {
    if (state)
      QToolTip::showText(QCursor::pos(), point_text(static_cast<int>(std::lround(point.x()))), this);
    else
      QToolTip::hideText();
  });
  set_ranking(nullptr);
}

QString GreedyChart::point_text(int k) const {
  if (!ranking_) return {};
  if (k == 0) return tr("k = 0: no controls (the baseline)");
  const auto rows = greedy_rows(*ranking_);
  if (k < 1 || k > static_cast<int>(rows.size())) return {};
  const auto& row = *rows[static_cast<std::size_t>(k - 1)];
  const QString added = QString::fromStdString(ranking_->candidates[row.controls.back()].name);
  return tr("k = %1: + %2 — %3 customer-hours avoided (95%: %4 – %5); set: %6")
      .arg(k)
      .arg(added)
      .arg(row.avoided_mean, 0, 'f', 0)
      .arg(row.avoided_ci95_low, 0, 'f', 0)
      .arg(row.avoided_ci95_high, 0, 'f', 0)
      .arg(ControlsRankingModel::controls_text(*ranking_, row));
}

void GreedyChart::set_ranking(const RankingPtr& ranking) {
  ranking_ = ranking;
  mean_->clear();
  low_->clear();
  high_->clear();
  const auto rows = ranking_ ? greedy_rows(*ranking_) : std::vector<const study::ControlsRow*>{};
  double top = 1.0, bottom = 0.0;
  if (!rows.empty()) {
    // k = 0 is the baseline: nothing avoided, by definition exactly.
    mean_->append(0, 0);
    low_->append(0, 0);
    high_->append(0, 0);
    for (std::size_t k = 1; k <= rows.size(); ++k) {
      const auto& row = *rows[k - 1];
      mean_->append(static_cast<double>(k), row.avoided_mean);
      low_->append(static_cast<double>(k), row.avoided_ci95_low);
      high_->append(static_cast<double>(k), row.avoided_ci95_high);
      top = std::max(top, row.avoided_ci95_high);
      bottom = std::min(bottom, row.avoided_ci95_low);
    }
  }
  const int k_max = std::max(1, static_cast<int>(rows.size()));
  x_->setRange(0, k_max);
  x_->setTickType(QValueAxis::TicksDynamic);
  x_->setTickAnchor(0);
  x_->setTickInterval(k_max <= 12 ? 1 : std::ceil(k_max / 10.0));
  // Ticks at 1, 2 or 5 times a power of ten, about four of them.
  const double raw = (top - bottom) / 4.0;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double step = raw / power <= 1   ? power
                      : raw / power <= 2 ? 2 * power
                      : raw / power <= 5 ? 5 * power
                                         : 10 * power;
  y_->setTickType(QValueAxis::TicksDynamic);
  y_->setTickAnchor(0);
  y_->setTickInterval(step);
  y_->setRange(std::floor(bottom / step) * step, std::ceil(top * 1.02 / step) * step);
  chart()->setToolTip(rows.empty() ? tr("Rank with greedy K ≥ 1 to draw the curve.") : QString());
}

}  // namespace blackstart::gui
