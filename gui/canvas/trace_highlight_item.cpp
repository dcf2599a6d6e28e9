#include "canvas/trace_highlight_item.hpp"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace blackstart::gui {

QColor trace_color(int alpha) {
  return QColor(0x7B, 0x1F, 0xA2, alpha);  // purple: none of the state colours
}

TraceHighlightItem::TraceHighlightItem(const CanvasModel* model, QRectF bounds)
    : model_(model), bounds_(bounds) {}

void TraceHighlightItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                               QWidget* /*widget*/) {
  const auto& m = *model_;
  if (m.trace_root == model::kNoElement || !m.scenario || m.trace_root >= m.position.size()) return;
  const auto& net = m.network();
  const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
  const qreal radius = m.radius_at(lod);
  const QRectF exposed = option->exposedRect.isEmpty() ? bounds_ : option->exposedRect;
  const QRectF area = exposed.adjusted(-radius * 3, -radius * 3, radius * 3, radius * 3);
  painter->setRenderHint(QPainter::Antialiasing, true);

  // Links first (a broad band along the line), then assets (a disc behind the symbol).
  QPen band(trace_color(140));
  band.setCosmetic(true);
  band.setWidthF(std::clamp(radius * lod * 1.4, 6.0, 16.0));
  band.setCapStyle(Qt::RoundCap);
  painter->setPen(band);
  for (auto x : m.highlighted) {
    if (x >= m.position.size() || !m.visible(x)) continue;
    const auto& e = net.element(x);
    if (!e.is_link) continue;
    const QLineF line(m.position[e.from], m.position[e.to]);
    if (!area.intersects(QRectF(line.p1(), line.p2()).normalized().adjusted(-1, -1, 1, 1))) continue;
    painter->drawLine(line);
  }
  painter->setPen(Qt::NoPen);
  painter->setBrush(trace_color(150));
  for (auto x : m.highlighted) {
    if (x >= m.position.size() || !m.visible(x) || net.element(x).is_link) continue;
    if (!area.contains(m.position[x])) continue;
    painter->drawEllipse(m.position[x], radius * 2.2, radius * 2.2);
  }
  // The traced asset: two rings, so it reads as the origin even without colour.
  QPen ring(trace_color());
  ring.setCosmetic(true);
  ring.setWidthF(2.5);
  painter->setPen(ring);
  painter->setBrush(Qt::NoBrush);
  const auto& root = net.element(m.trace_root);
  if (root.is_link) {
    QPen wide = ring;
    wide.setWidthF(6);
    painter->setPen(wide);
    painter->drawLine(QLineF(m.position[root.from], m.position[root.to]));
    return;
  }
  const QPointF p = m.position[m.trace_root];
  painter->drawEllipse(p, radius * 2.0, radius * 2.0);
  painter->drawEllipse(p, radius * 2.7, radius * 2.7);
}

}  // namespace blackstart::gui
