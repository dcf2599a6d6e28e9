#include "app/timeline_markers.hpp"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolTip>
#include <cmath>
#include <cstdlib>

namespace blackstart::gui {

namespace {
constexpr int kTickHeight = 5;
constexpr int kHoverPx = 4;  // how near the pointer must be to a tick for its tooltip
}  // namespace

TimelineMarkers::TimelineMarkers(QSlider* slider, double ticks_per_minute)
    : QWidget(slider), slider_(slider), ticks_per_minute_(ticks_per_minute) {
  setObjectName(QStringLiteral("timelineMarkers"));
  setAttribute(Qt::WA_TransparentForMouseEvents);
  setAttribute(Qt::WA_NoSystemBackground);
  slider_->installEventFilter(this);
  setGeometry(slider_->rect());
}

void TimelineMarkers::set_markers(std::vector<Marker> markers) {
  markers_ = std::move(markers);
  update();
}

int TimelineMarkers::x_of(double t_min) const {
  QStyleOptionSlider option;
  option.initFrom(slider_);
  option.orientation = slider_->orientation();
  option.minimum = slider_->minimum();
  option.maximum = slider_->maximum();
  option.sliderPosition = slider_->sliderPosition();
  option.sliderValue = slider_->value();
  option.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
  const QRect groove =
      slider_->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, slider_);
  const QRect handle =
      slider_->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider_);
  const int span = std::max(1, groove.width() - handle.width());
  const int value = static_cast<int>(std::lround(t_min * ticks_per_minute_));
  if (value < option.minimum || value > option.maximum) return -1;
  return groove.x() + handle.width() / 2 +
         QStyle::sliderPositionFromValue(option.minimum, option.maximum, value, span);
}

void TimelineMarkers::paintEvent(QPaintEvent*) {
  if (markers_.empty() || !slider_->isEnabled()) return;
  QPainter painter(this);
  painter.setPen(QPen(QColor(0xc2, 0x41, 0x0c), 2));
  const int bottom = height() - 1;
  for (const auto& m : markers_) {
    const int x = x_of(m.time_min);
    if (x >= 0) painter.drawLine(x, bottom - kTickHeight, x, bottom);
  }
}

bool TimelineMarkers::eventFilter(QObject* watched, QEvent* event) {
  if (watched == slider_) {
    if (event->type() == QEvent::Resize) setGeometry(slider_->rect());
    if (event->type() == QEvent::ToolTip && !markers_.empty()) {
      const auto* help = static_cast<QHelpEvent*>(event);
      QString text;
      for (const auto& m : markers_) {
        const int x = x_of(m.time_min);
        if (x >= 0 && std::abs(x - help->pos().x()) <= kHoverPx)
          text += (text.isEmpty() ? "" : "\n") + m.text;
      }
      if (!text.isEmpty()) {
        QToolTip::showText(help->globalPos(), text, slider_);
        return true;
      }
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace blackstart::gui
