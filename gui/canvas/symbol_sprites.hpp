#pragma once
#include <QColor>
#include <QImage>
#include <QPointF>
#include <cstdint>
#include <unordered_map>

#include "canvas/palette.hpp"

class QPainter;

namespace blackstart::gui {

//! Asset symbols and the loss-of-control/view rings rendered once into small images and stamped
//! with drawImage, instead of rasterising an antialiased outline for every asset in every frame: a
//! frame in which much of the network changes state then repaints by copying pixels.
//!
//! A sprite is the same drawing the tiles did directly (draw_symbol with the same pen and brush, the
//! same dashed ellipse), rendered at the symbol's size in device pixels with the centre's position
//! within its pixel rounded to a quarter pixel (16 variants), so that the stamped result differs
//! from drawing in place by at most an eighth of a pixel of antialiasing (and rounding in the last
//! bit of a channel). Usable only when painting on a raster device at a device pixel ratio of 1
//! through a transform that only scales (equally in x and y) and translates; otherwise the tiles
//! draw as before (vector exports such as SVG and PDF stay vector).
class SymbolSprites {
 public:
  enum class Ring : std::uint8_t { None, Control, View };

  //! Sprites can stand in for drawing on `painter` as it is set up now.
  [[nodiscard]] static bool usable(const QPainter* painter);

  //! Stamps a symbol (Ring::None: `symbol` filled with `fill`, outlined with `outline_width` px of
  //! the tiles' outline colour) or a ring around it (`radius` is the symbol's; the ring's own size
  //! follows it as in the tiles) centred at `centre`, device pixels. The painter's transform must be
  //! the identity.
  void stamp(QPainter* painter, QPointF centre, qreal radius, Symbol symbol, QColor fill, qreal outline_width,
             Ring ring = Ring::None);

  [[nodiscard]] std::size_t size() const { return sprites_.size(); }
  void clear() { sprites_.clear(); }

  //! At most this many sprites are kept; beyond, the cache starts afresh (a zoom makes new sizes).
  static constexpr std::size_t kCapacity = 4096;

 private:
  struct Sprite {
    QImage image;
    int half = 0;  //!< the centre's pixel, from the image's top-left corner
  };
  struct Key {
    double radius = 0;       //!< device pixels, exactly as asked (one zoom: one value)
    double width = 0;        //!< outline, device pixels (0 for rings)
    std::uint32_t fill = 0;  //!< QRgb (0 for rings)
    std::uint8_t symbol = 0, ring = 0, phase_x = 0, phase_y = 0;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };
  [[nodiscard]] static Sprite render(qreal radius, Symbol symbol, QColor fill, qreal outline_width, Ring ring,
                                     QPointF phase);
  std::unordered_map<Key, Sprite, KeyHash> sprites_;
};

}  // namespace blackstart::gui
