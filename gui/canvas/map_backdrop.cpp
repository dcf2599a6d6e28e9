#include "canvas/map_backdrop.hpp"

#include <QGuiApplication>
#include <QPainter>

#include "blackstart/io/backdrop.hpp"

namespace blackstart::gui {

namespace {

QPolygonF projected(const std::vector<model::GeoPoint>& points) {
  QPolygonF out;
  out.reserve(static_cast<qsizetype>(points.size()));
  for (const auto& p : points) out << mercator::project(p);
  return out;
}

}  // namespace

void MapBackdrop::clear() {
  areas_ = QPainterPath();
  lines_ = QPainterPath();
  points_.clear();
  bounds_ = QRectF();
  shapes_ = 0;
}

bool MapBackdrop::load(const QString& path, QString* error) {
  return load(io::ScenarioBackdrop{path.toStdString(), path.toStdString(), {}, {}}, error);
}

bool MapBackdrop::load(const io::ScenarioBackdrop& backdrop, QString* error) {
  clear();
  const auto read = io::read_scenario_backdrop(backdrop);
  if (!read.backdrop) {
    if (error) *error = QString::fromStdString(read.diagnostics.to_string()).trimmed();
    return false;
  }
  areas_.setFillRule(Qt::OddEvenFill);
  for (const auto& shape : read.backdrop->shapes) {
    using Kind = io::BackdropShape::Kind;
    switch (shape.kind) {
      case Kind::Area:
        for (const auto& ring : shape.rings) areas_.addPolygon(projected(ring));
        break;
      case Kind::Line: {
        const QPolygonF line = projected(shape.rings.front());
        lines_.moveTo(line.front());
        for (qsizetype i = 1; i < line.size(); ++i) lines_.lineTo(line[i]);
        break;
      }
      case Kind::Point:
        points_.push_back(
            {mercator::project(shape.rings.front().front()), QString::fromStdString(shape.name)});
        break;
    }
  }
  shapes_ = read.backdrop->shapes.size();
  bounds_ = areas_.boundingRect().united(lines_.boundingRect());
  for (const auto& p : points_) bounds_ = bounds_.united(QRectF(p.at, QSizeF(1, 1)));
  return true;
}

void MapBackdrop::paint(QPainter* p, const MapViewport& viewport) const {
  if (empty()) return;
  p->save();
  // Projected metres to pixels; pens stay cosmetic (their width in pixels).
  const double s = viewport.pixels_per_metre();
  const QPointF origin = viewport.to_screen(QPointF(0, 0));
  p->setTransform(QTransform(s, 0, 0, s, origin.x(), origin.y()));
  QPen outline(QColor(150, 150, 140), 1.2);
  outline.setCosmetic(true);
  p->setPen(outline);
  p->setBrush(QColor(236, 234, 222));
  p->drawPath(areas_);
  QPen line(QColor(120, 160, 200), 1.5);
  line.setCosmetic(true);
  p->setPen(line);
  p->setBrush(Qt::NoBrush);
  p->drawPath(lines_);
  p->resetTransform();
  QFont font = QGuiApplication::font();
  font.setPixelSize(10);
  font.setItalic(true);
  p->setFont(font);
  for (const auto& point : points_) {
    const QPointF at = viewport.to_screen(point.at);
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(110, 110, 100));
    p->drawEllipse(at, 2.0, 2.0);
    if (!point.name.isEmpty()) {
      p->setPen(QColor(90, 90, 80));
      p->drawText(at + QPointF(4, -3), point.name);
    }
  }
  p->restore();
}

}  // namespace blackstart::gui
