#include "canvas/difference_overlay.hpp"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace blackstart::gui {

DifferenceOverlay::DifferenceOverlay(const CanvasModel* model, QRectF bounds)
    : model_(model), bounds_(bounds) {
  setZValue(90);  // above tiles and arrows, below the selection (100)
  setAcceptedMouseButtons(Qt::NoButton);
}

QColor DifferenceOverlay::color() {
  return {0x9C, 0x00, 0x60};  // dark magenta: no state colour is near it
}

void DifferenceOverlay::set_elements(std::vector<ElementIndex> elements) {
  elements_ = std::move(elements);
  update();
}

void DifferenceOverlay::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                              QWidget* /*widget*/) {
  const auto& m = *model_;
  if (elements_.empty() || !m.scenario) return;
  const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
  const qreal radius = m.radius_at(lod) * 1.8;
  const QRectF exposed = option->exposedRect.isEmpty() ? bounds_ : option->exposedRect;
  const QRectF area = exposed.adjusted(-radius, -radius, radius, radius);
  QPen halo(QColor(255, 255, 255, 230));
  halo.setCosmetic(true);
  halo.setWidthF(5);
  QPen ring(color());
  ring.setCosmetic(true);
  ring.setWidthF(2.5);
  painter->setRenderHint(QPainter::Antialiasing, true);
  painter->setBrush(Qt::NoBrush);
  for (const QPen& pen : {halo, ring}) {
    painter->setPen(pen);
    for (const auto e : elements_) {
      if (e >= m.position.size() || !m.visible(e)) continue;
      const QPointF p = m.position[e];
      if (!area.contains(p)) continue;
      const qreal r = m.network().element(e).is_link ? radius * 0.7 : radius;
      painter->drawEllipse(p, r, r);
    }
  }
}

}  // namespace blackstart::gui
