#include "app/charts_panel.hpp"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "app/chart_ticks.hpp"
#include "controllers/view_state.hpp"

namespace blackstart::gui {

namespace {

//! Colours of successive runs (Okabe–Ito, black first).
QColor run_color(std::size_t i) {
  static const QColor colors[] = {
      QColor(0x00, 0x00, 0x00), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
      QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2), QColor(0xCC, 0x79, 0xA7), QColor(0x99, 0x99, 0x99)};
  return colors[i % (sizeof colors / sizeof colors[0])];
}

double value_of(const sim::LayerSample& s, ChartsPanel::Metric metric, bool second) {
  switch (metric) {
    case ChartsPanel::CustomersWithoutPower:
      return s.customers_without_power;
    case ChartsPanel::ShedMw:
      return s.shed_mw;
    case ChartsPanel::PassengersAffected:
      return s.passengers_affected;
    case ChartsPanel::LossOfControlView:
      return second ? s.loss_of_view : s.loss_of_control;
    case ChartsPanel::MetricCount:
      break;
  }
  return 0;
}

//! A run's curve for a metric as its changes: (hours, value) where the value changes, from t = 0.
QList<QPointF> changes_of(const RunSnapshot& run, ChartsPanel::Metric metric, bool second) {
  QList<QPointF> changes;
  for (const auto& point : run.result.trace) {
    const double v = value_of(total_of(point), metric, second);
    if (changes.isEmpty() || changes.back().y() != v) changes.append(QPointF(point.time_min / 60.0, v));
  }
  return changes;
}

//! Every curve of a run, in chart order (loss of view last), to tell identical runs apart.
std::vector<QList<QPointF>> curves_of(const RunSnapshot& run) {
  std::vector<QList<QPointF>> curves;
  for (int m = 0; m < ChartsPanel::MetricCount; ++m)
    curves.push_back(changes_of(run, static_cast<ChartsPanel::Metric>(m), false));
  curves.push_back(changes_of(run, ChartsPanel::LossOfControlView, true));
  return curves;
}

}  // namespace

QString ChartsPanel::title(Metric metric) {
  switch (metric) {
    case CustomersWithoutPower:
      return tr("Customers without power");
    case ShedMw:
      return tr("Load shed (MW)");
    case PassengersAffected:
      return tr("Passengers affected (per hour)");
    case LossOfControlView:
      return tr("Assets under loss of control (solid) / view (dashed)");
    case MetricCount:
      break;
  }
  return {};
}

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("charts"));
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->setSpacing(2);
  // One legend for the four charts, wrapped over as many lines as the runs need: a legend inside each
  // chart shrinks to "b… pr…" once there are a few runs.
  legend_ = new QLabel(this);
  legend_->setObjectName(QStringLiteral("chartsLegend"));
  legend_->setWordWrap(true);
  legend_->setTextFormat(Qt::RichText);
  legend_->hide();
  outer->addWidget(legend_);
  auto* grid = new QGridLayout;
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(2);
  outer->addLayout(grid, 1);
  for (int m = 0; m < MetricCount; ++m) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(title(static_cast<Metric>(m)));
    QFont font = chart->titleFont();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.95);
    chart->setTitleFont(font);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    auto* x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%.0f h"));
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(1);
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    x_axes_[m] = x;
    y_axes_[m] = y;
    // Zooming picks a step that labels the visible period, with the decimals it needs.
    connect(x, &QValueAxis::rangeChanged, this, [this, m] { fit_time_axis(m); });
    auto* view = new QChartView(chart, this);
    view->setObjectName(QStringLiteral("chart%1").arg(m));
    view->setRenderHint(QPainter::Antialiasing);
    view->setRubberBand(QChartView::HorizontalRubberBand);
    view->setMinimumSize(200, 110);  // a 1024x700 window keeps room for the canvas
    view->setToolTip(
        tr("%1 over time, summed over layers. The dashed vertical line is the chosen time. Drag to zoom "
           "into a period, right-click to zoom out.")
            .arg(title(static_cast<Metric>(m))));
    grid->addWidget(view, m / 2, m % 2);
    views_[m] = view;
  }
  rebuild();
}

QChart* ChartsPanel::chart(Metric metric) const {
  return views_[metric]->chart();
}

void ChartsPanel::follow(const ViewState* state) {
  auto redraw = [this, state] {
    set_runs(state->compared(), state->run());
    set_time(state->time());
  };
  connect(state, &ViewState::scenarioOpened, this, redraw);
  connect(state, &ViewState::runChanged, this, redraw);
  connect(state, &ViewState::comparedChanged, this, redraw);
  connect(state, &ViewState::timeChanged, this, &ChartsPanel::set_time);
}

void ChartsPanel::set_runs(const std::vector<RunPtr>& runs, const RunPtr& current) {
  runs_ = runs;
  current_ = current;
  if (current_ && std::find(runs_.begin(), runs_.end(), current_) == runs_.end())
    runs_.insert(runs_.begin(), current_);
  rebuild();
}

void ChartsPanel::rebuild() {
  double horizon_h = 1;
  for (const auto& run : runs_) horizon_h = std::max(horizon_h, run->result.horizon_min / 60.0);
  // A run whose curves all equal an earlier run's would hide behind it: it is drawn dashed on top and
  // named as identical in the legend.
  std::vector<std::vector<QList<QPointF>>> curves;
  for (const auto& run : runs_) curves.push_back(curves_of(*run));
  std::vector<int> same_as(runs_.size(), -1);
  for (std::size_t r = 1; r < runs_.size(); ++r)
    for (std::size_t q = 0; q < r && same_as[r] < 0; ++q)
      if (curves[r] == curves[q] && runs_[r]->result.horizon_min == runs_[q]->result.horizon_min)
        same_as[r] = same_as[q] >= 0 ? same_as[q] : static_cast<int>(q);
  for (int m = 0; m < MetricCount; ++m) {
    const auto metric = static_cast<Metric>(m);
    QChart* chart = views_[m]->chart();
    chart->removeAllSeries();
    markers_[m] = nullptr;
    auto* x = x_axes_[m];
    auto* y = y_axes_[m];
    x->setRange(0, horizon_h);
    fit_time_axis(m);
    double y_max = 1;
    const int passes = metric == LossOfControlView ? 2 : 1;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
      const auto& run = *runs_[r];
      for (int pass = 0; pass < passes; ++pass) {
        auto* series = new QLineSeries;
        series->setName(pass == 0 ? run.label : run.label + tr(" · view"));
        QList<QPointF> points;
        double last = 0;
        for (const QPointF& change : curves[r][pass == 1 ? MetricCount : m]) {
          if (!points.isEmpty()) points.append(QPointF(change.x(), last));
          points.append(change);
          last = change.y();
          y_max = std::max(y_max, last);
        }
        points.append(QPointF(run.result.horizon_min / 60.0, last));
        series->replace(points);
        QPen pen(run_color(r));
        pen.setWidthF(runs_[r] == current_ ? 2.4 : 1.5);
        if (pass == 1) pen.setStyle(Qt::DashLine);
        if (same_as[r] >= 0) pen.setStyle(pass == 1 ? Qt::DotLine : Qt::DashDotLine);
        series->setPen(pen);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
      }
    }
    // Whole steps: every label (printed without decimals) different and true, empty charts too.
    const auto ticks = whole_number_ticks(y_max * 1.08, 6);
    y->setRange(0, ticks.top);
    y->setTickCount(ticks.count);
    nice_ticks_[m] = ticks.count;
    auto* marker = new QLineSeries;
    marker->setName(QStringLiteral("now"));
    QPen pen(QColor(90, 90, 90));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.2);
    marker->setPen(pen);
    chart->addSeries(marker);
    marker->attachAxis(x);
    marker->attachAxis(y);
    markers_[m] = marker;
    place_marker(metric);
  }
  QString legend;
  for (std::size_t r = 0; r < runs_.size(); ++r) {
    QString entry = QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                        .arg(run_color(r).name(), runs_[r]->label.toHtmlEscaped());
    if (same_as[r] >= 0)
      entry += tr(" (identical to %1, dashed)")
                   .arg(runs_[static_cast<std::size_t>(same_as[r])]->label.toHtmlEscaped());
    if (runs_[r] == current_) entry = QStringLiteral("<b>%1</b>").arg(entry);
    legend += (legend.isEmpty() ? QString() : QStringLiteral(" &nbsp; ")) + entry;
  }
  legend_->setText(legend);
  legend_->setVisible(runs_.size() > 1);
  fit_to_height();
}

void ChartsPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fit_to_height();
}

void ChartsPanel::fit_to_height() {
  // The runs are named in the one legend above the charts. Short charts (a small window) keep their
  // plots readable with at most three value labels, still on whole steps; more would be "...".
  for (int m = 0; m < MetricCount; ++m) {
    views_[m]->chart()->legend()->setVisible(false);
    const bool short_chart = views_[m]->height() < 150;
    y_axes_[m]->setTickCount(short_chart
                                 ? whole_step_label_count(y_axes_[m]->max(), std::min(3, nice_ticks_[m]))
                                 : nice_ticks_[m]);
    fit_time_axis(m);
  }
}

void ChartsPanel::fit_time_axis(int metric) {
  auto* x = x_axes_[metric];
  // About one label per 70 pixels of chart.
  const auto ticks = time_ticks(x->max() - x->min(), std::max(3, views_[metric]->width() / 70));
  x->setTickInterval(ticks.step_h);
  x->setLabelFormat(QStringLiteral("%.") + QString::number(ticks.decimals) + QStringLiteral("f h"));
}

void ChartsPanel::place_marker(Metric metric) {
  auto* marker = markers_[metric];
  if (!marker) return;
  const double t = time_ / 60.0;
  marker->replace(QList<QPointF>{QPointF(t, 0), QPointF(t, y_axes_[metric]->max())});
  marker->setVisible(!runs_.empty());
}

void ChartsPanel::set_time(double t_min) {
  time_ = t_min;
  for (int m = 0; m < MetricCount; ++m) place_marker(static_cast<Metric>(m));
}

QLineSeries* ChartsPanel::series(Metric metric, const QString& name) const {
  for (auto* s : chart(metric)->series())
    if (s->name() == name) return qobject_cast<QLineSeries*>(s);
  return nullptr;
}

double ChartsPanel::series_value(const QLineSeries* series, double t_min) {
  if (!series || series->count() == 0) return 0;
  const double t = t_min / 60.0;
  double value = series->at(0).y();
  for (int i = 0; i < series->count(); ++i) {
    const QPointF p = series->at(i);
    if (p.x() > t + 1e-12) break;
    value = p.y();
  }
  return value;
}

}  // namespace blackstart::gui
