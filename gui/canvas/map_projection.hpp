#pragma once
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include "blackstart/model/network.hpp"

namespace blackstart::gui {

//! Web Mercator (EPSG:3857), the projection of web maps: x = R·λ, y = R·ln tan(π/4 + φ/2) on a
//! sphere of R = 6378137 m (the WGS84 semi-major axis). Projected points here are in metres with y
//! growing southwards (screen-like), so north is up. Latitudes are clamped to ±85.0511°, the limit
//! that makes the world square.
namespace mercator {
inline constexpr double kRadiusM = 6378137.0;
inline constexpr double kMaxLatitude = 85.051128779806604;
[[nodiscard]] QPointF project(const model::GeoPoint& point);
[[nodiscard]] model::GeoPoint unproject(const QPointF& projected);
//! Ground metres per projected metre at `lat` (the scale factor's inverse, cos φ).
[[nodiscard]] double ground_per_projected(double lat);
}  // namespace mercator

//! What part of the projected plane a map widget shows: the projected point at the widget's centre
//! and the zoom in pixels per projected metre. North is always up.
class MapViewport {
 public:
  [[nodiscard]] QPointF to_screen(const QPointF& projected) const;
  [[nodiscard]] QPointF to_projected(const QPointF& screen) const;
  [[nodiscard]] QPointF to_screen(const model::GeoPoint& point) const {
    return to_screen(mercator::project(point));
  }
  //! Shows `bounds` (projected) whole in a widget of `size`, with `margin_px` free on every side.
  void fit(const QRectF& bounds, const QSizeF& size, double margin_px);
  //! Zooms by `factor` keeping the projected point under `screen` where it is.
  void zoom_at(double factor, const QPointF& screen);
  //! Moves the map by `delta` pixels (a drag).
  void pan(const QPointF& delta);
  void set_size(const QSizeF& size) { size_ = size; }
  [[nodiscard]] QSizeF size() const { return size_; }
  [[nodiscard]] double pixels_per_metre() const { return scale_; }
  [[nodiscard]] QPointF centre() const { return centre_; }
  //! Latitude at the middle of the view (where the scale bar is measured).
  [[nodiscard]] double centre_latitude() const { return mercator::unproject(centre_).lat; }
  //! The projected rectangle the widget shows.
  [[nodiscard]] QRectF visible() const;

  //! Zoom limits: from a continent (1 px = 20 km) to a street (1 px = 0.05 m).
  static constexpr double kMinScale = 1.0 / 20000.0;
  static constexpr double kMaxScale = 20.0;

 private:
  QPointF centre_;
  double scale_ = 0.01;
  QSizeF size_{800, 600};
};

}  // namespace blackstart::gui
