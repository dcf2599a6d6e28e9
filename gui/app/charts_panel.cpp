#include "app/charts_panel.hpp"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

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
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(2);
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
  for (int m = 0; m < MetricCount; ++m) {
    const auto metric = static_cast<Metric>(m);
    QChart* chart = views_[m]->chart();
    chart->removeAllSeries();
    markers_[m] = nullptr;
    auto* x = x_axes_[m];
    auto* y = y_axes_[m];
    x->setRange(0, horizon_h);
    x->setTickInterval(horizon_h > 48 ? 24 : (horizon_h > 12 ? 4 : 1));
    double y_max = 1;
    const int passes = metric == LossOfControlView ? 2 : 1;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
      const auto& run = *runs_[r];
      for (int pass = 0; pass < passes; ++pass) {
        auto* series = new QLineSeries;
        series->setName(pass == 0 ? run.label : run.label + tr(" · view"));
        QList<QPointF> points;
        double last = 0;
        for (std::size_t i = 0; i < run.result.trace.size(); ++i) {
          const auto& point = run.result.trace[i];
          const double v = value_of(total_of(point), metric, pass == 1);
          const double t = point.time_min / 60.0;
          if (i > 0) points.append(QPointF(t, last));
          points.append(QPointF(t, v));
          last = v;
          y_max = std::max(y_max, v);
        }
        points.append(QPointF(run.result.horizon_min / 60.0, last));
        series->replace(points);
        QPen pen(run_color(r));
        pen.setWidthF(runs_[r] == current_ ? 2.4 : 1.5);
        if (pass == 1) pen.setStyle(Qt::DashLine);
        series->setPen(pen);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
      }
    }
    y->setRange(0, y_max * 1.08);
    y->applyNiceNumbers();
    nice_ticks_[m] = y->tickCount();
    auto* marker = new QLineSeries;
    marker->setName(QStringLiteral("now"));
    QPen pen(QColor(90, 90, 90));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.2);
    marker->setPen(pen);
    chart->addSeries(marker);
    marker->attachAxis(x);
    marker->attachAxis(y);
    for (auto* legend_marker : chart->legend()->markers(marker)) legend_marker->setVisible(false);
    markers_[m] = marker;
    place_marker(metric);
  }
  fit_to_height();
}

void ChartsPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fit_to_height();
}

void ChartsPanel::fit_to_height() {
  // Short charts (a small window) keep their plots readable: one legend, in the first chart (the
  // colours are the same in all), and three value labels, two under a legend; more would be "...".
  for (int m = 0; m < MetricCount; ++m) {
    const bool short_chart = views_[m]->height() < 150;
    const bool legend = short_chart ? m == 0 && runs_.size() > 1 : runs_.size() > 1 || m == LossOfControlView;
    views_[m]->chart()->legend()->setVisible(legend);
    const int room = legend ? 2 : 3;
    y_axes_[m]->setTickCount(short_chart ? std::min(room, nice_ticks_[m]) : nice_ticks_[m]);
  }
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
