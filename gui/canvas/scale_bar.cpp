#include "canvas/scale_bar.hpp"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainterPath>
#include <cmath>

#include "canvas/map_projection.hpp"

namespace blackstart::gui {

ScaleBar scale_bar_for(double pixels_per_metre, double lat, double max_pixels) {
  ScaleBar bar;
  const double ground = mercator::ground_per_projected(lat);
  if (pixels_per_metre <= 0 || ground <= 0 || max_pixels <= 0) return bar;
  const double pixels_per_km = 1000.0 / ground * pixels_per_metre;
  const double longest_km = max_pixels / pixels_per_km;
  const double decade = std::pow(10.0, std::floor(std::log10(longest_km)));
  for (const double step : {5.0, 2.0, 1.0})
    if (step * decade <= longest_km * (1 + 1e-12)) {
      bar.km = step * decade;
      break;
    }
  if (bar.km <= 0) bar.km = decade;
  bar.pixels = bar.km * pixels_per_km;
  if (bar.km >= 1)
    bar.label = QStringLiteral("%1 km").arg(bar.km, 0, 'g', 6);
  else
    bar.label = QStringLiteral("%1 m").arg(bar.km * 1000, 0, 'g', 6);
  return bar;
}

void paint_scale_bar(QPainter* p, const QPointF& bottom_left, const ScaleBar& bar) {
  if (bar.pixels <= 0) return;
  p->save();
  QFont font = QGuiApplication::font();
  font.setPixelSize(11);
  p->setFont(font);
  const QFontMetricsF metrics(font);
  const double h = 5;
  const QRectF box(bottom_left.x() - 6, bottom_left.y() - h - metrics.height() - 8,
                   bar.pixels + 12 + metrics.horizontalAdvance(bar.label) / 2, h + metrics.height() + 12);
  p->setPen(Qt::NoPen);
  p->setBrush(QColor(255, 255, 255, 210));
  p->drawRoundedRect(box, 3, 3);
  // Two halves, black and white, as on printed maps.
  const QRectF whole(bottom_left.x(), bottom_left.y() - h - 2, bar.pixels, h);
  p->setPen(QPen(Qt::black, 1));
  p->setBrush(Qt::white);
  p->drawRect(whole);
  p->setBrush(Qt::black);
  p->drawRect(QRectF(whole.left(), whole.top(), whole.width() / 2, h));
  p->setPen(Qt::black);
  p->drawText(QPointF(whole.left() - 3, whole.top() - 4), QStringLiteral("0"));
  p->drawText(QPointF(whole.right() - metrics.horizontalAdvance(bar.label) / 2, whole.top() - 4), bar.label);
  p->restore();
}

void paint_north_arrow(QPainter* p, const QPointF& c, double size) {
  p->save();
  p->setRenderHint(QPainter::Antialiasing);
  const double w = size * 0.32;
  const QPointF tip(c.x(), c.y() - size * 0.15), base(c.x(), c.y() + size * 0.5);
  p->setPen(Qt::NoPen);
  p->setBrush(QColor(255, 255, 255, 210));
  p->drawEllipse(QPointF(c.x(), c.y() + size * 0.05), size * 0.55, size * 0.62);
  QPainterPath left, right;
  left.moveTo(tip);
  left.lineTo(c.x() - w, base.y());
  left.lineTo(c.x(), base.y() - size * 0.15);
  left.closeSubpath();
  right.moveTo(tip);
  right.lineTo(c.x() + w, base.y());
  right.lineTo(c.x(), base.y() - size * 0.15);
  right.closeSubpath();
  p->setPen(QPen(Qt::black, 1));
  p->setBrush(Qt::black);
  p->drawPath(left);
  p->setBrush(Qt::white);
  p->drawPath(right);
  QFont font = QGuiApplication::font();
  font.setPixelSize(static_cast<int>(size * 0.36));
  font.setBold(true);
  p->setFont(font);
  p->setPen(Qt::black);
  p->drawText(QRectF(c.x() - size / 2, c.y() - size * 0.6, size, size * 0.45), Qt::AlignCenter,
              QStringLiteral("N"));
  p->restore();
}

}  // namespace blackstart::gui
