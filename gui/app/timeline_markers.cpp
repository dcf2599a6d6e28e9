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

TimelineMarkers::Track TimelineMarkers::track() const {
  QStyleOptionSlider option;
  option.initFrom(slider_);
  option.orientation = slider_->orientation();
  option.minimum = slider_->minimum();
  option.maximum = slider_->maximum();
  option.sliderPosition = slider_->sliderPosition();
  option.sliderValue = slider_->value();
  option.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
  const auto* style = slider_->style();
  const QRect groove = style->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, slider_);
  const QRect handle = style->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider_);
  return {groove.x() + handle.width() / 2, std::max(1, groove.width() - handle.width()), option.minimum,
          option.maximum};
}

int TimelineMarkers::x_on(const Track& track, double t_min) const {
  const int value = static_cast<int>(std::lround(t_min * ticks_per_minute_));
  if (value < track.minimum || value > track.maximum) return -1;
  return track.left + QStyle::sliderPositionFromValue(track.minimum, track.maximum, value, track.span);
}

int TimelineMarkers::x_of(double t_min) const {
  return x_on(track(), t_min);
}

void TimelineMarkers::paintEvent(QPaintEvent*) {
  if (markers_.empty() || !slider_->isEnabled()) return;
  // Painted with every frame of playback: the track is measured once, each pixel drawn once.
  const Track geometry = track();
  std::vector<bool> drawn(static_cast<std::size_t>(std::max(0, width())) + 1, false);
  QPainter painter(this);
  painter.setPen(QPen(QColor(0xc2, 0x41, 0x0c), 2));
  const int bottom = height() - 1;
  for (const auto& m : markers_) {
    const int x = x_on(geometry, m.time_min);
    if (x < 0 || x >= static_cast<int>(drawn.size()) || drawn[static_cast<std::size_t>(x)]) continue;
    drawn[static_cast<std::size_t>(x)] = true;
    painter.drawLine(x, bottom - kTickHeight, x, bottom);
  }
}

bool TimelineMarkers::eventFilter(QObject* watched, QEvent* event) {
  if (watched == slider_) {
    if (event->type() == QEvent::Resize) setGeometry(slider_->rect());
    if (event->type() == QEvent::ToolTip && !markers_.empty()) {
      const auto* help = static_cast<QHelpEvent*>(event);
      QString text;
      const Track geometry = track();
      for (const auto& m : markers_) {
        const int x = x_on(geometry, m.time_min);
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
