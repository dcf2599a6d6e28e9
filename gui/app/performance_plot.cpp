#include "app/performance_plot.hpp"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>

#include "models/event_log_model.hpp"

namespace blackstart::gui {

namespace {
constexpr int kLeft = 26;  // room for "1.0"
constexpr int kRight = 4;
constexpr int kTop = 2;
constexpr int kBottom = 2;
const QColor kCurve(0x00, 0x72, 0xB2);
const QColor kWorst(0xD5, 0x5E, 0x00);
}  // namespace

PerformancePlot::PerformancePlot(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("performancePlot"));
  setMouseTracking(false);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  setToolTip(
      tr("Service performance Q(t): the mean share of service delivered by the power and "
         "transport layers (1 = normal). Click to choose a time."));
}

QSize PerformancePlot::sizeHint() const {
  return {300, 30};
}

QSize PerformancePlot::minimumSizeHint() const {
  return {120, 26};
}

void PerformancePlot::set_run(const RunPtr& run) {
  run_ = run;
  curve_ = run ? metrics::performance_curve(run->result) : std::vector<metrics::PerformanceStep>{};
  worst_time_ = run ? run->summary.time_of_worst_impact_min : 0.0;
  worst_q_ = run && !run->result.trace.empty()
                 ? metrics::overall_performance(run->result, metrics::point_at(run->result, worst_time_))
                 : 1.0;
  update();
}

void PerformancePlot::set_window(double from_min, double to_min) {
  from_ = from_min;
  to_ = to_min;
  update();
}

void PerformancePlot::set_time(double t_min) {
  if (t_min == time_) return;
  // Only the old and new cursor columns change.
  const int before = static_cast<int>(x_of(time_));
  time_ = t_min;
  const int after = static_cast<int>(x_of(time_));
  update(QRect(before - 2, 0, 5, height()));
  update(QRect(after - 2, 0, 5, height()));
}

QRectF PerformancePlot::plot_rect() const {
  return QRectF(kLeft, kTop, std::max(1, width() - kLeft - kRight), std::max(1, height() - kTop - kBottom));
}

double PerformancePlot::x_of(double t_min) const {
  const QRectF r = plot_rect();
  const double span = to_ - from_;
  return span > 0 ? r.left() + (t_min - from_) / span * r.width() : r.left();
}

double PerformancePlot::y_of(double q) const {
  const QRectF r = plot_rect();
  return r.bottom() - std::clamp(q, 0.0, 1.0) * r.height();
}

double PerformancePlot::time_at(double x) const {
  const QRectF r = plot_rect();
  return from_ + std::clamp((x - r.left()) / r.width(), 0.0, 1.0) * (to_ - from_);
}

void PerformancePlot::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  const QRectF r = plot_rect();
  p.setPen(palette().color(QPalette::Mid));
  p.drawRect(r);
  QFont small = font();
  small.setPointSizeF(small.pointSizeF() * 0.8);
  p.setFont(small);
  p.setPen(palette().color(QPalette::Text));
  p.drawText(QRectF(0, r.top() - 2, kLeft - 3, 12), Qt::AlignRight | Qt::AlignTop, QStringLiteral("Q 1"));
  p.drawText(QRectF(0, r.bottom() - 11, kLeft - 3, 12), Qt::AlignRight | Qt::AlignBottom,
             QStringLiteral("0"));
  if (curve_.empty() || to_ <= from_) return;

  p.setRenderHint(QPainter::Antialiasing);
  p.setClipRect(r.adjusted(-1, -1, 1, 1));
  QPainterPath path;
  const double end = run_->result.horizon_min;
  for (std::size_t i = 0; i < curve_.size(); ++i) {
    const double x0 = x_of(curve_[i].time_min);
    const double x1 = x_of(i + 1 < curve_.size() ? curve_[i + 1].time_min : end);
    const double y = y_of(curve_[i].performance);
    if (i == 0)
      path.moveTo(x0, y);
    else
      path.lineTo(x0, y);
    path.lineTo(x1, y);
  }
  p.setPen(QPen(kCurve, 1.6));
  p.drawPath(path);

  // The worst impact: a drop line and a dot at the minimum of Q.
  const QPointF worst(x_of(worst_time_), y_of(worst_q_));
  p.setPen(QPen(kWorst, 1.0, Qt::DotLine));
  p.drawLine(QPointF(worst.x(), r.top()), QPointF(worst.x(), r.bottom()));
  p.setPen(QPen(kWorst.darker(130), 1.0));
  p.setBrush(kWorst);
  p.drawEllipse(worst, 3.5, 3.5);

  p.setRenderHint(QPainter::Antialiasing, false);
  p.setPen(QPen(QColor(90, 90, 90), 1.0, Qt::DashLine));
  const double now = x_of(time_);
  p.drawLine(QPointF(now, r.top()), QPointF(now, r.bottom()));
}

void PerformancePlot::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && run_) emit timeChosen(time_at(event->position().x()));
}

void PerformancePlot::mouseMoveEvent(QMouseEvent* event) {
  if ((event->buttons() & Qt::LeftButton) && run_) emit timeChosen(time_at(event->position().x()));
}

bool PerformancePlot::event(QEvent* event) {
  // Near the worst-impact dot the tooltip says what it is and why it is not the customer peak.
  if (event->type() == QEvent::ToolTip && run_) {
    auto* help = static_cast<QHelpEvent*>(event);
    if (std::abs(help->pos().x() - x_of(worst_time_)) <= 6) {
      QToolTip::showText(help->globalPos(),
                         tr("Worst impact at %1: Q = %2, the minimum of Q(t). It is the moment service as "
                            "a whole is lowest, not necessarily the moment most customers are without "
                            "power (peak %3).")
                             .arg(format_time(worst_time_))
                             .arg(worst_q_, 0, 'f', 3)
                             .arg(QLocale().toString(run_->summary.peak_customers_without_power, 'f', 0)),
                         this);
      return true;
    }
  }
  return QWidget::event(event);
}

}  // namespace blackstart::gui
