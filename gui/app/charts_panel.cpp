#include "app/charts_panel.hpp"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>
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

//! Minutes between time ticks: the smallest round step that leaves `max_ticks` ticks or fewer.
double tick_interval_min(double span_min, int max_ticks) {
  for (double step :
       {5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 180.0, 240.0, 360.0, 720.0, 1440.0, 2880.0, 10080.0})
    if (span_min / step <= max_ticks) return step;
  return std::ceil(span_min / max_ticks / 10080.0) * 10080.0;
}

//! A tick's time as people say it: "0h", "45min", "1h30", "1d", "1d12h".
QString tick_label(double minutes) {
  const long total = std::lround(minutes);
  const long days = total / 1440;
  const long hours = total % 1440 / 60;
  const long mins = total % 60;
  QString text;
  if (days) text += QStringLiteral("%1d").arg(days);
  if (hours || total == 0) text += QStringLiteral("%1h").arg(hours);
  if (mins)
    text += days || hours ? QStringLiteral("%1").arg(mins, 2, 10, QLatin1Char('0'))
                          : QStringLiteral("%1min").arg(mins);
  return text;
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
    // Hours on the axis, labelled in hours and minutes at round times (a category per tick).
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
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
           "into a period, right-click to zoom out, wheel to zoom, Shift+wheel to pan; the four charts "
           "and the time slider move together.")
            .arg(title(static_cast<Metric>(m))));
    grid->addWidget(view, m / 2, m % 2);
    views_[m] = view;
    view->viewport()->installEventFilter(this);
    // A rubber-band zoom sets the axis: the other charts and the slider follow.
    connect(x, &QValueAxis::rangeChanged, this, [this](qreal min, qreal max) {
      if (!showing_window_) emit windowChosen(min * 60.0, max * 60.0);
    });
  }
  rebuild();
}

QChart* ChartsPanel::chart(Metric metric) const {
  return views_[metric]->chart();
}

void ChartsPanel::follow(ViewState* state) {
  auto redraw = [this, state] {
    window_from_ = state->time_window().from_min;
    window_to_ = state->time_window().to_min;
    set_runs(state->compared(), state->run());
    set_time(state->time());
  };
  connect(state, &ViewState::scenarioOpened, this, redraw);
  connect(state, &ViewState::runChanged, this, redraw);
  connect(state, &ViewState::comparedChanged, this, redraw);
  connect(state, &ViewState::timeChanged, this, &ChartsPanel::set_time);
  connect(state, &ViewState::timeWindowChanged, this, &ChartsPanel::set_window);
  connect(this, &ChartsPanel::windowChosen, state, &ViewState::set_time_window);
}

double ChartsPanel::full_horizon_h() const {
  double horizon_h = 1;
  for (const auto& run : runs_) horizon_h = std::max(horizon_h, run->result.horizon_min / 60.0);
  return horizon_h;
}

void ChartsPanel::set_window(double from_min, double to_min) {
  window_from_ = from_min;
  window_to_ = to_min;
  show_window();
}

void ChartsPanel::show_window() {
  double from_h = window_from_ / 60.0;
  double to_h = window_to_ / 60.0;
  if (to_h <= from_h) {
    from_h = 0;
    to_h = full_horizon_h();
  }
  // About one label per 50 pixels, so that labels never elide into "0...".
  // The plot is the view less the value labels (the chart lays itself out later than a resize).
  const int plot_width = views_[0]->width() - 60;
  const int max_ticks = std::clamp(plot_width / 50, 2, 8);
  const double interval = tick_interval_min((to_h - from_h) * 60, max_ticks);
  const double first = std::ceil(from_h * 60 / interval - 1e-9) * interval;
  showing_window_ = true;
  for (auto* x : x_axes_) {
    for (const auto& label : x->categoriesLabels()) x->remove(label);
    x->setStartValue(from_h);
    for (double t = first; t <= to_h * 60 + 1e-9; t += interval) x->append(tick_label(t), t / 60);
    x->setRange(from_h, to_h);
  }
  showing_window_ = false;
}

bool ChartsPanel::eventFilter(QObject* watched, QEvent* event) {
  // Zoom and pan act on the time window of all charts, never on the value axis alone.
  const auto view = std::find_if(views_.begin(), views_.end(),
                                 [watched](const QChartView* v) { return v->viewport() == watched; });
  if (view == views_.end() || runs_.empty()) return QWidget::eventFilter(watched, event);
  const double from = x_axes_[0]->min() * 60.0;
  const double to = x_axes_[0]->max() * 60.0;
  const double span = to - from;
  if (event->type() == QEvent::MouseButtonRelease &&
      static_cast<QMouseEvent*>(event)->button() == Qt::RightButton) {
    const double centre = (from + to) / 2;
    emit windowChosen(centre - span, centre + span);
    return true;
  }
  if (event->type() == QEvent::MouseButtonPress &&
      static_cast<QMouseEvent*>(event)->button() == Qt::RightButton)
    return true;
  if (event->type() == QEvent::Wheel) {
    auto* wheel = static_cast<QWheelEvent*>(event);
    const QPoint delta = wheel->angleDelta();
    const bool pan = (wheel->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y());
    const double steps = (pan && delta.x() != 0 ? delta.x() : delta.y()) / 120.0;
    if (pan) {
      emit windowChosen(from - steps * span / 10, to - steps * span / 10);
    } else {
      const QRectF plot = (*view)->chart()->plotArea();
      const QPointF at = (*view)->mapToScene(wheel->position().toPoint());
      const double share =
          plot.width() > 0 ? std::clamp((at.x() - plot.left()) / plot.width(), 0.0, 1.0) : 0.5;
      const double pivot = from + share * span;
      const double factor = std::pow(0.8, steps);
      emit windowChosen(pivot - share * span * factor, pivot + (1 - share) * span * factor);
    }
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

void ChartsPanel::set_runs(const std::vector<RunPtr>& runs, const RunPtr& current) {
  runs_ = runs;
  current_ = current;
  if (current_ && std::find(runs_.begin(), runs_.end(), current_) == runs_.end())
    runs_.insert(runs_.begin(), current_);
  rebuild();
}

void ChartsPanel::rebuild() {
  showing_window_ = true;  // until show_window: adding series is not a zoom
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
  show_window();  // tick labels by the width
  // The runs are named in the one legend above the charts. Short charts (a small window) keep their
  // plots readable with at most three value labels, still on whole steps; more would be "...".
  for (int m = 0; m < MetricCount; ++m) {
    views_[m]->chart()->legend()->setVisible(false);
    const bool short_chart = views_[m]->height() < 150;
    y_axes_[m]->setTickCount(short_chart
                                 ? whole_step_label_count(y_axes_[m]->max(), std::min(3, nice_ticks_[m]))
                                 : nice_ticks_[m]);
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
