#include "canvas/map_projection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace blackstart::gui {

namespace mercator {

QPointF project(const model::GeoPoint& point) {
  const double lat = std::clamp(point.lat, -kMaxLatitude, kMaxLatitude) * std::numbers::pi / 180.0;
  const double lon = point.lon * std::numbers::pi / 180.0;
  return {kRadiusM * lon, -kRadiusM * std::log(std::tan(std::numbers::pi / 4 + lat / 2))};
}

model::GeoPoint unproject(const QPointF& projected) {
  const double lon = projected.x() / kRadiusM * 180.0 / std::numbers::pi;
  const double lat =
      (2 * std::atan(std::exp(-projected.y() / kRadiusM)) - std::numbers::pi / 2) * 180.0 / std::numbers::pi;
  return {lat, lon};
}

double ground_per_projected(double lat) {
  return std::cos(std::clamp(lat, -kMaxLatitude, kMaxLatitude) * std::numbers::pi / 180.0);
}

}  // namespace mercator

QPointF MapViewport::to_screen(const QPointF& projected) const {
  return (projected - centre_) * scale_ + QPointF(size_.width() / 2, size_.height() / 2);
}

QPointF MapViewport::to_projected(const QPointF& screen) const {
  return (screen - QPointF(size_.width() / 2, size_.height() / 2)) / scale_ + centre_;
}

void MapViewport::fit(const QRectF& bounds, const QSizeF& size, double margin_px) {
  size_ = size;
  centre_ = bounds.center();
  const double w = std::max(1.0, size.width() - 2 * margin_px),
               h = std::max(1.0, size.height() - 2 * margin_px);
  // A single point (or nothing) shows about 2 km around it.
  const double bw = std::max(bounds.width(), 2000.0), bh = std::max(bounds.height(), 2000.0);
  scale_ = std::clamp(std::min(w / bw, h / bh), kMinScale, kMaxScale);
}

void MapViewport::zoom_at(double factor, const QPointF& screen) {
  const QPointF anchor = to_projected(screen);
  scale_ = std::clamp(scale_ * factor, kMinScale, kMaxScale);
  centre_ += anchor - to_projected(screen);
}

void MapViewport::pan(const QPointF& delta) {
  centre_ -= delta / scale_;
}

QRectF MapViewport::visible() const {
  return QRectF(to_projected(QPointF(0, 0)), to_projected(QPointF(size_.width(), size_.height())));
}

}  // namespace blackstart::gui
