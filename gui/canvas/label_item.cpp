#include "canvas/label_item.hpp"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QVector>

#include "canvas/label_placement.hpp"

namespace blackstart::gui {

LabelItem::LabelItem(const CanvasModel* model, QRectF bounds) : model_(model), bounds_(bounds) {
  setFlag(ItemUsesExtendedStyleOption, true);
}

void LabelItem::collect(const QTransform& world, const QRectF& device_area, std::vector<Label>* out) const {
  const auto& m = *model_;
  if (!m.labels || !m.show_labels || !m.scenario) return;
  const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(world);
  const qreal px = m.pixels_at(lod);
  const auto& placed = m.labels->placed_at(m, lod);
  const auto selected = m.labels->selected(m, world);
  const QRectF device_bounds = world.mapRect(m.bounds);
  for (const auto a : placed) {
    if (a == m.selected) continue;
    const QRectF r = m.labels->rect(a, world.map(m.position[a]), px, device_bounds);
    if (!r.intersects(device_area)) continue;
    if (!selected.ring.isNull() && (r.intersects(selected.ring) || r.intersects(selected.label))) continue;
    out->push_back({a, r});
  }
}

void LabelItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/) {
  const auto& m = *model_;
  if (!m.labels || !m.show_labels) return;
  const QTransform world = painter->worldTransform();
  const QRectF exposed = option->exposedRect.isEmpty() ? bounds_ : option->exposedRect;
  std::vector<Label> labels;
  collect(world, world.mapRect(exposed), &labels);
  if (labels.empty()) return;
  painter->save();
  painter->resetTransform();
  painter->setRenderHint(QPainter::Antialiasing, false);
  painter->setPen(Qt::NoPen);
  painter->setBrush(QColor(255, 255, 255, 200));
  QVector<QRectF> boxes;
  boxes.reserve(static_cast<qsizetype>(labels.size()));
  for (const auto& l : labels) boxes.append(l.rect);
  painter->drawRects(boxes);
  painter->setFont(m.labels->font());
  painter->setPen(QColor(30, 30, 30));
  for (const auto& l : labels)
    painter->drawStaticText(m.labels->static_origin(l.rect), m.labels->static_text(l.element));
  painter->restore();
}

}  // namespace blackstart::gui
