#include "canvas/symbol_sprites.hpp"

#include <QPaintEngine>
#include <QPainter>
#include <cmath>
#include <cstring>

namespace blackstart::gui {

namespace {

constexpr int kPhases = 4;  // sub-pixel positions per axis

//! The tiles' pens (AssetTileItem::paint draws the same, in place, where sprites are not usable).
QPen ring_pen(SymbolSprites::Ring ring) {
  QPen pen(QColor(20, 20, 20));
  pen.setCosmetic(true);
  pen.setWidthF(1.3);
  pen.setDashPattern(ring == SymbolSprites::Ring::Control ? QVector<qreal>{3, 2} : QVector<qreal>{1, 2});
  return pen;
}

qreal ring_radius(SymbolSprites::Ring ring, qreal radius) {
  return radius * (ring == SymbolSprites::Ring::Control ? 1.55 : 1.95);
}

}  // namespace

bool SymbolSprites::usable(const QPainter* painter) {
  if (!painter || !painter->isActive() || !painter->paintEngine() ||
      painter->paintEngine()->type() != QPaintEngine::Raster || !painter->device() ||
      painter->device()->devicePixelRatio() != 1.0)
    return false;
  const QTransform& t = painter->worldTransform();
  const QTransform& d = painter->deviceTransform();  // the world and, beyond it, only a shift
  return t.type() <= QTransform::TxScale && t.m11() == t.m22() && t.m11() > 0 && d.m11() == t.m11() &&
         d.m22() == t.m22() && d.type() <= QTransform::TxScale;
}

SymbolSprites::Sprite SymbolSprites::render(qreal radius, Symbol symbol, QColor fill, qreal outline_width,
                                            Ring ring, QPointF phase) {
  const qreal reach =
      (ring == Ring::None ? radius * 1.5 + outline_width : ring_radius(ring, radius) + 1.3) + 2.0;
  Sprite sprite;
  sprite.half = static_cast<int>(std::ceil(reach));
  const int side = 2 * sprite.half + 1;
  sprite.image = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
  sprite.image.fill(Qt::transparent);
  QPainter p(&sprite.image);
  p.setRenderHint(QPainter::Antialiasing, true);
  const QPointF centre(sprite.half + phase.x(), sprite.half + phase.y());
  if (ring == Ring::None) {
    QPen outline(QColor(35, 35, 35));
    outline.setCosmetic(true);
    outline.setWidthF(outline_width);
    p.setPen(outline);
    p.setBrush(fill);
    draw_symbol(&p, symbol, centre, radius);
  } else {
    p.setPen(ring_pen(ring));
    p.setBrush(Qt::NoBrush);
    const qreal r = ring_radius(ring, radius);
    p.drawEllipse(centre, r, r);
  }
  return sprite;
}

std::size_t SymbolSprites::KeyHash::operator()(const Key& k) const noexcept {
  const auto bits = [](double v) {
    std::uint64_t b = 0;
    std::memcpy(&b, &v, sizeof b);
    return b;
  };
  std::uint64_t h = bits(k.radius);
  h = h * 0x100000001B3ull ^ k.fill;
  h = h * 0x100000001B3ull ^ bits(k.width);
  h = h * 0x100000001B3ull ^
      (static_cast<std::uint64_t>(k.symbol) << 24 | static_cast<std::uint64_t>(k.ring) << 16 |
       static_cast<std::uint64_t>(k.phase_x) << 8 | k.phase_y);
  return static_cast<std::size_t>(h ^ (h >> 29));
}

void SymbolSprites::stamp(QPainter* painter, QPointF centre, qreal radius, Symbol symbol, QColor fill,
                          qreal outline_width, Ring ring) {
  // The centre's pixel and its position within it, rounded to a quarter pixel (a position that
  // rounds up to the next pixel is that pixel's first phase).
  auto split = [](qreal v, int* pixel, int* phase) {
    const qreal base = std::floor(v);
    int q = static_cast<int>(std::lround((v - base) * kPhases));
    *pixel = static_cast<int>(base);
    if (q >= kPhases) {
      q = 0;
      ++*pixel;
    }
    *phase = q;
  };
  int x = 0, y = 0, qx = 0, qy = 0;
  split(centre.x(), &x, &qx);
  split(centre.y(), &y, &qy);
  Key key;
  key.radius = radius;
  key.fill = ring == Ring::None ? fill.rgba() : 0u;
  key.width = ring == Ring::None ? outline_width : 0.0;
  key.symbol = ring == Ring::None ? static_cast<std::uint8_t>(symbol) : 0;
  key.ring = static_cast<std::uint8_t>(ring);
  key.phase_x = static_cast<std::uint8_t>(qx);
  key.phase_y = static_cast<std::uint8_t>(qy);
  auto it = sprites_.find(key);
  if (it == sprites_.end()) {
    if (sprites_.size() >= kCapacity) sprites_.clear();
    it =
        sprites_
            .emplace(key, render(radius, symbol, fill, outline_width, ring,
                                 QPointF(static_cast<qreal>(qx) / kPhases, static_cast<qreal>(qy) / kPhases)))
            .first;
  }
  painter->drawImage(QPoint(x - it->second.half, y - it->second.half), it->second.image);
}

}  // namespace blackstart::gui
