#pragma once
#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <vector>

#include "blackstart/io/backdrop.hpp"
#include "canvas/map_projection.hpp"

namespace blackstart::gui {

//! The vector backdrop under the map (the scenario's `backdrop:` GeoJSON), projected once: areas
//! filled pale, lines thin, points as small dots with their names. Reading is the engine's
//! (io/backdrop.hpp); a bad file leaves the backdrop empty and says why.
class MapBackdrop {
 public:
  //! Reads and projects `path`; false with `error` set (file and place) when it cannot be read.
  bool load(const QString& path, QString* error);
  //! Reads and projects a scenario's `backdrop:` (its file, or the text built in with it).
  bool load(const io::ScenarioBackdrop& backdrop, QString* error);
  void clear();
  [[nodiscard]] bool empty() const { return areas_.isEmpty() && lines_.isEmpty() && points_.empty(); }
  //! Projected extent of everything in it.
  [[nodiscard]] QRectF bounds() const { return bounds_; }
  [[nodiscard]] std::size_t shapes() const { return shapes_; }
  void paint(QPainter* painter, const MapViewport& viewport) const;

 private:
  struct Point {
    QPointF at;
    QString name;
  };
  QPainterPath areas_;  //!< odd-even fill: holes stay open
  QPainterPath lines_;
  std::vector<Point> points_;
  QRectF bounds_;
  std::size_t shapes_ = 0;
};

}  // namespace blackstart::gui
