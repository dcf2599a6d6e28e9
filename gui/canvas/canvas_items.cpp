#include "canvas/canvas_items.hpp"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QVector>
#include <QtMath>
#include <algorithm>
#include <array>

namespace blackstart::gui {

namespace {

constexpr int kNormal = 7;  // colour bucket of elements in their normal state

//! Colour bucket of an element: its state, or kNormal before any run / when in service.
int bucket_of(const StateFrame& frame, ElementIndex e) {
  if (!frame.has_run) return kNormal;
  const auto s = frame.state(e);
  return s == sim::State::InService ? kNormal : static_cast<int>(s);
}

QColor asset_color(int bucket, bool has_run) {
  if (bucket == kNormal) return has_run ? state_color(sim::State::InService) : idle_color();
  return state_color(static_cast<sim::State>(bucket));
}

//! Clips a line to a rectangle (Liang–Barsky); false when nothing of it is inside. Drawing only the
//! visible part matters for dashed pens, whose dashes are otherwise computed along the whole line.
bool clip(QLineF* line, const QRectF& r) {
  const qreal x0 = line->x1(), y0 = line->y1(), dx = line->dx(), dy = line->dy();
  qreal t0 = 0, t1 = 1;
  const qreal p[4] = {-dx, dx, -dy, dy};
  const qreal q[4] = {x0 - r.left(), r.right() - x0, y0 - r.top(), r.bottom() - y0};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const qreal t = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  *line = QLineF(x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy);
  return true;
}

//! Shift of a dependency line of this kind sideways, in pixels, so parallel kinds do not overlap.
qreal kind_offset_px(model::DependencyKind kind) {
  static constexpr std::array<qreal, 6> offsets{0.0, 2.5, -2.5, 5.0, -5.0, 7.5};
  return offsets[static_cast<std::size_t>(kind)];
}

//! The line of a dependency, offset by kind and shortened to stop at the symbols' edges.
bool dependency_line(const CanvasModel& m, const model::Dependency& d, qreal lod, qreal radius, QLineF* out) {
  const QPointF a = m.position[d.supplier], b = m.position[d.dependent];
  QLineF line(a, b);
  const qreal length = line.length();
  if (length < radius * 2.6) return false;
  const QPointF unit = (b - a) / length;
  const QPointF normal(-unit.y(), unit.x());
  const QPointF shift = normal * (kind_offset_px(d.kind) / lod);
  *out = QLineF(a + unit * radius * 1.3 + shift, b - unit * radius * 1.3 + shift);
  return true;
}

}  // namespace

qreal CanvasModel::pixels_at(qreal lod) const {
  return std::clamp(symbol_size * lod, 5.0, 22.0);
}

qreal CanvasModel::radius_at(qreal lod) const {
  return std::min(pixels_at(lod) / lod / 2.0, symbol_size * 2.0);
}

void draw_arrow_head(QPainter* painter, QPointF from, QPointF tip, qreal size) {
  const QLineF line(from, tip);
  const qreal length = line.length();
  if (length <= 0) return;
  const QPointF unit = (tip - from) / length;
  const QPointF normal(-unit.y(), unit.x());
  const QPointF base = tip - unit * size;
  const QPointF points[3] = {tip, base + normal * size * 0.45, base - normal * size * 0.45};
  painter->drawPolygon(points, 3);
}

// ---------------------------------------------------------------------------------------- tiles

AssetTileItem::AssetTileItem(const CanvasModel* model, std::uint32_t layer, std::vector<ElementIndex> assets,
                             std::vector<ElementIndex> links)
    : model_(model), layer_(layer), assets_(std::move(assets)), links_(std::move(links)) {
  setFlag(ItemUsesExtendedStyleOption, true);
  qreal x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  auto extend = [&](QPointF p) {
    x0 = std::min(x0, p.x());
    y0 = std::min(y0, p.y());
    x1 = std::max(x1, p.x());
    y1 = std::max(y1, p.y());
  };
  const auto& net = model_->network();
  for (auto a : assets_) extend(model_->position[a]);
  for (auto l : links_) {
    extend(model_->position[net.element(l).from]);
    extend(model_->position[net.element(l).to]);
  }
  const QRectF box = x0 <= x1 ? QRectF(QPointF(x0, y0), QPointF(x1, y1)) : QRectF();
  // Room for symbols at their largest, the state rings and labels below.
  const qreal pad = model_->symbol_size * 5.0;
  bounds_ = box.adjusted(-pad, -pad, pad, pad);
}

void AssetTileItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/) {
  const auto& m = *model_;
  const auto& net = m.network();
  const auto& frame = *m.frame;
  const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
  const qreal radius = m.radius_at(lod);
  const qreal px = m.pixels_at(lod);
  const QRectF exposed = option->exposedRect.isEmpty() ? bounds_ : option->exposedRect;
  const QRectF area = exposed.adjusted(-radius * 2, -radius * 2, radius * 2, radius * 2);
  const bool many = assets_.size() + links_.size() > 400;

  // Links, one drawLines call per colour. Normal links are one pixel wide (the raster engine's fast
  // cosmetic path); links out of service are wider unless there are very many of them on screen.
  std::array<QVector<QLineF>, 8> lines;
  qreal state_ink = 0;
  for (auto l : links_) {
    const auto& e = net.element(l);
    QLineF line(m.position[e.from], m.position[e.to]);
    if (!clip(&line, area)) continue;
    const int b = bucket_of(frame, l);
    lines[b].append(line);
    if (b != kNormal) state_ink += line.length() * lod;
  }
  QPen pen;
  pen.setCosmetic(true);
  painter->setRenderHint(QPainter::Antialiasing, !many || lod > 0.5);
  for (int b = 0; b < 8; ++b) {
    if (lines[b].isEmpty()) continue;
    pen.setColor(b == kNormal ? link_color() : state_color(static_cast<sim::State>(b)));
    pen.setWidthF(b == kNormal || state_ink > 40000 ? 1.0 : 2.2);
    painter->setPen(pen);
    painter->drawLines(lines[b]);
  }

  // Assets: batched squares when far away, symbols when near.
  if (px < 6.0 && many) {
    std::array<QVector<QRectF>, 8> dots;
    const qreal half = radius;
    for (auto a : assets_) {
      const QPointF p = m.position[a];
      if (!area.contains(p)) continue;
      dots[bucket_of(frame, a)].append(QRectF(p.x() - half, p.y() - half, 2 * half, 2 * half));
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    for (int b = 0; b < 8; ++b) {
      if (dots[b].isEmpty()) continue;
      painter->setBrush(asset_color(b, frame.has_run));
      painter->drawRects(dots[b]);
    }
    return;
  }
  painter->setRenderHint(QPainter::Antialiasing, true);
  QPen outline(QColor(35, 35, 35));
  outline.setCosmetic(true);
  outline.setWidthF(px >= 10 ? 1.0 : 0.7);
  painter->setPen(outline);
  std::vector<ElementIndex> shown;
  shown.reserve(assets_.size());
  if (m.sprites && SymbolSprites::usable(painter)) {
    // The same symbols and rings, stamped from images rendered once per size and colour.
    const QTransform world = painter->worldTransform();
    const qreal device_radius = radius * world.m11();
    const bool rings = frame.has_run && px >= 7.0;
    painter->save();
    painter->resetTransform();
    for (auto a : assets_) {
      const QPointF p = m.position[a];
      if (!area.contains(p)) continue;
      shown.push_back(a);
      m.sprites->stamp(painter, world.map(p), device_radius, m.symbol[a],
                       asset_color(bucket_of(frame, a), frame.has_run), outline.widthF());
    }
    if (rings)
      for (auto a : shown) {
        if (frame.lost_control(a))
          m.sprites->stamp(painter, world.map(m.position[a]), device_radius, Symbol::Bus, {}, 0,
                           SymbolSprites::Ring::Control);
        if (frame.lost_view(a))
          m.sprites->stamp(painter, world.map(m.position[a]), device_radius, Symbol::Bus, {}, 0,
                           SymbolSprites::Ring::View);
      }
    painter->restore();
    return;
  }
  for (auto a : assets_) {
    const QPointF p = m.position[a];
    if (!area.contains(p)) continue;
    shown.push_back(a);
    painter->setBrush(asset_color(bucket_of(frame, a), frame.has_run));
    draw_symbol(painter, m.symbol[a], p, radius);
  }
  // Loss of control (dashed ring) and of view (dotted ring); SymbolSprites draws the same.
  if (frame.has_run && px >= 7.0) {
    QPen control(QColor(20, 20, 20));
    control.setCosmetic(true);
    control.setWidthF(1.3);
    control.setDashPattern({3, 2});
    QPen view = control;
    view.setDashPattern({1, 2});
    painter->setBrush(Qt::NoBrush);
    for (auto a : shown) {
      if (frame.lost_control(a)) {
        painter->setPen(control);
        painter->drawEllipse(m.position[a], radius * 1.55, radius * 1.55);
      }
      if (frame.lost_view(a)) {
        painter->setPen(view);
        painter->drawEllipse(m.position[a], radius * 1.95, radius * 1.95);
      }
    }
  }
}

ElementIndex AssetTileItem::element_at(QPointF point, qreal radius, qreal* distance) const {
  const auto& m = *model_;
  ElementIndex best = model::kNoElement;
  qreal best_d = radius;
  for (auto a : assets_) {
    const QPointF d = m.position[a] - point;
    const qreal dist = std::hypot(d.x(), d.y());
    if (dist <= best_d) {
      best_d = dist;
      best = a;
    }
  }
  if (best == model::kNoElement) {
    const auto& net = m.network();
    best_d = radius * 0.6;
    for (auto l : links_) {
      const auto& e = net.element(l);
      const QPointF a = m.position[e.from], b = m.position[e.to];
      const QPointF ab = b - a;
      const qreal len2 = QPointF::dotProduct(ab, ab);
      const qreal t = len2 > 0 ? std::clamp(QPointF::dotProduct(point - a, ab) / len2, 0.0, 1.0) : 0.0;
      const QPointF d = a + ab * t - point;
      const qreal dist = std::hypot(d.x(), d.y());
      if (dist <= best_d) {
        best_d = dist;
        best = l;
      }
    }
    if (best != model::kNoElement) best_d += radius;  // an asset under the cursor wins over a link
  }
  if (distance) *distance = best_d;
  return best;
}

// --------------------------------------------------------------------------------- dependencies

DependencyItem::DependencyItem(const CanvasModel* model) : model_(model) {
  setFlag(ItemUsesExtendedStyleOption, true);
  QRectF box;
  for (const auto& d : model_->network().dependencies())
    box = box.united(QRectF(model_->position[d.supplier], model_->position[d.dependent]).normalized());
  const qreal pad = model_->symbol_size * 3;
  bounds_ = box.adjusted(-pad, -pad, pad, pad);
}

void DependencyItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) {
  const auto& m = *model_;
  if (!m.show_dependencies) return;
  const auto& net = m.network();
  const auto& frame = *m.frame;
  const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
  const qreal radius = m.radius_at(lod);
  const QRectF exposed = option->exposedRect.isEmpty() ? bounds_ : option->exposedRect;
  const qreal head = 8.0 / lod;
  const QRectF area = exposed.adjusted(-head, -head, head, head);
  // The level of detail below is decided on all the view shows, not on the exposed part alone: a
  // repaint of a few changed places (scrubbing) or of a strip (panning) draws arrows as the rest.
  QRectF seen = area;
  if (widget && painter->worldTransform().isInvertible())
    seen = painter->worldTransform()
               .inverted()
               .mapRect(QRectF(widget->rect()))
               .adjusted(-head, -head, head, head);
  // Three strengths per kind: quiet (supplier working), lost (supplier down, the dependent only
  // loses control or view — its rings show that), and failing (supplier down, the dependent fails
  // or degrades: the cascade's path).
  constexpr std::size_t kKinds = 6, kStrengths = 3;
  std::array<QVector<QLineF>, kKinds * kStrengths> lines;  // clipped to the exposed area
  std::array<QVector<QLineF>, kKinds * kStrengths> tips;   // whole lines whose head is in view
  std::array<qreal, kStrengths> pixels{};                  // drawn length on screen, per strength
  for (const auto& d : net.dependencies()) {
    if (!m.visible(d.supplier) || !m.visible(d.dependent)) continue;
    QLineF line;
    if (!dependency_line(m, d, lod, radius, &line)) continue;
    QLineF visible = line;
    if (!clip(&visible, seen)) continue;
    std::size_t strength = 0;
    if (frame.has_run && !sim::is_operational(frame.state(d.supplier)))
      strength =
          d.effect == model::DependencyEffect::Fail || d.effect == model::DependencyEffect::Degrade ? 2 : 1;
    pixels[strength] += visible.length() * lod;
    QLineF shown = line;
    if (!clip(&shown, area)) continue;
    const auto bucket = static_cast<std::size_t>(d.kind) * kStrengths + strength;
    lines[bucket].append(shown);
    if (area.contains(line.p2())) tips[bucket].append(line);
  }
  // Level of detail by ink: when the arrows would cover more than a few hundred thousand pixels
  // (thousands of long arrows), they are drawn solid, one pixel wide, opaque (colour pre-mixed
  // with the background instead of alpha blending) and without heads; beyond a larger budget only
  // the arrows along which something fails remain (loss of control and view still shows as rings
  // on the assets). Zooming in brings the rest back.
  constexpr qreal kDenseInk = 150000, kQuietBudget = 600000;
  const qreal total = pixels[0] + pixels[1] + pixels[2];
  const bool dense = total > kDenseInk;
  const bool skip_quiet = dense && total > kQuietBudget && frame.has_run;
  const bool heads = m.pixels_at(lod) >= 8.0 && !dense;
  const QColor background(0xFB, 0xFB, 0xF8);
  auto mixed = [&](QColor c, int alpha) {
    const qreal a = alpha / 255.0;
    return QColor::fromRgbF(c.redF() * a + background.redF() * (1 - a),
                            c.greenF() * a + background.greenF() * (1 - a),
                            c.blueF() * a + background.blueF() * (1 - a));
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].isEmpty()) continue;
    const auto kind = static_cast<model::DependencyKind>(i / kStrengths);
    const std::size_t strength = i % kStrengths;
    if (strength < 2 && skip_quiet) continue;
    QPen pen = dependency_pen(kind, strength == 2 ? 2.2 : (dense ? 1.0 : 1.1));
    const int alpha = strength == 2 ? 240 : strength == 1 ? 90 : (frame.has_run ? 40 : 140);
    // Faintness by pre-mixing with the background rather than alpha: blending costs several times
    // more per pixel in the raster engine.
    const QColor c = mixed(pen.color(), alpha);
    if (dense && strength < 2) pen.setStyle(Qt::SolidLine);
    pen.setColor(c);
    painter->setRenderHint(QPainter::Antialiasing, !dense);
    painter->setPen(pen);
    painter->drawLines(lines[i]);
    if (!heads) continue;
    QPen solid(c);
    solid.setCosmetic(true);
    solid.setWidthF(0.8);
    painter->setPen(solid);
    painter->setBrush(c);
    for (const auto& line : tips[i]) draw_arrow_head(painter, line.p1(), line.p2(), head);
  }
}

// ------------------------------------------------------------------------------------ selection

SelectionItem::SelectionItem(const CanvasModel* model, QRectF bounds) : model_(model), bounds_(bounds) {}

void SelectionItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/) {
  const auto& m = *model_;
  if (m.selected == model::kNoElement || m.selected >= m.position.size()) return;
  const auto& net = m.network();
  const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
  const qreal radius = m.radius_at(lod);
  painter->setRenderHint(QPainter::Antialiasing, true);
  // Direct suppliers and dependents, always with arrow heads.
  for (const auto& d : net.dependencies()) {
    if (d.supplier != m.selected && d.dependent != m.selected) continue;
    QLineF line;
    if (!dependency_line(m, d, lod, radius, &line)) continue;
    QPen pen = dependency_pen(d.kind, 2.6);
    QColor c = pen.color();
    c.setAlpha(255);
    pen.setColor(c);
    painter->setPen(pen);
    painter->drawLine(line);
    QPen solid(c);
    solid.setCosmetic(true);
    painter->setPen(solid);
    painter->setBrush(c);
    draw_arrow_head(painter, line.p1(), line.p2(), 10.0 / lod);
  }
  const auto& e = net.element(m.selected);
  QPen halo(QColor(255, 200, 0, 220));
  halo.setCosmetic(true);
  halo.setWidthF(5);
  QPen ring(QColor(0, 0, 0));
  ring.setCosmetic(true);
  ring.setWidthF(2);
  painter->setBrush(Qt::NoBrush);
  if (e.is_link) {
    const QLineF line(m.position[e.from], m.position[e.to]);
    painter->setPen(halo);
    painter->drawLine(line);
    painter->setPen(ring);
    painter->drawLine(line);
    return;
  }
  const QPointF p = m.position[m.selected];
  painter->setPen(halo);
  painter->drawEllipse(p, radius * 2.3, radius * 2.3);
  painter->setPen(ring);
  painter->drawEllipse(p, radius * 2.3, radius * 2.3);
  // Its label below the ring, never under it; labels of other assets in the way give way (tiles).
  if (!m.show_labels || !m.labels) return;
  const auto placed = m.labels->selected(m, painter->worldTransform());
  if (placed.label.isNull()) return;
  painter->save();
  painter->resetTransform();
  painter->setPen(QPen(QColor(35, 35, 35), 1.0));
  painter->setBrush(QColor(255, 246, 204, 235));
  painter->drawRoundedRect(placed.label, 2, 2);
  painter->setFont(m.labels->selected_font());
  painter->setPen(QColor(0, 0, 0));
  painter->drawText(m.labels->text_origin(placed.label), placed.text);
  painter->restore();
}

// ---------------------------------------------------------------------------------------- plane

LayerPlaneItem::LayerPlaneItem(QPolygonF plane, QString name, QColor color)
    : plane_(std::move(plane)), name_(std::move(name)), color_(color) {
  bounds_ = plane_.boundingRect().adjusted(-2, -60, 2, 2);
}

void LayerPlaneItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/) {
  const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
  painter->setRenderHint(QPainter::Antialiasing, true);
  QPen border(color_.darker(135));
  border.setCosmetic(true);
  border.setWidthF(1.2);
  painter->setPen(border);
  QColor fill = color_;
  fill.setAlpha(215);
  painter->setBrush(fill);
  painter->drawPolygon(plane_);
  // The name above the plane's top-left corner, a constant 15 px high.
  const QPointF corner = plane_.isEmpty() ? QPointF() : plane_.front();
  const QTransform world = painter->worldTransform();
  const QPointF d = world.map(corner);
  painter->save();
  painter->resetTransform();
  QFont font = painter->font();
  font.setPixelSize(15);
  font.setBold(true);
  painter->setFont(font);
  painter->setPen(color_.darker(260));
  painter->drawText(QPointF(d.x() + 4, d.y() - 6), name_);
  painter->restore();
  Q_UNUSED(lod);
}

}  // namespace blackstart::gui
