#pragma once
#include <QFont>
#include <QRectF>
#include <QStaticText>
#include <QString>
#include <QTransform>
#include <cstdint>
#include <map>
#include <vector>

#include "blackstart/model/network.hpp"

namespace blackstart::gui {

struct CanvasModel;
using ElementIndex = model::ElementIndex;

//! Which asset labels the canvas shows, so that none overlaps another: a greedy placement by
//! priority — control centres first, then named substations, infeeds, load points and services,
//! then the rest, each group by importance (restoration priority, customers and passengers served,
//! then how many assets depend on it) — where a label that would overlap one already placed is left out.
//! Labels keep their size on screen, so zooming in spreads the assets apart and lets more labels in.
//!
//! The placement depends on the zoom only, never on the time shown: it is computed once per zoom
//! step (a quarter octave, at the step's smallest zoom, so it stays overlap-free over the whole
//! step) and cached; scrubbing and panning reuse it. Layer visibility and layout changes clear it.
class LabelPlacement {
 public:
  LabelPlacement();

  //! A new network (or new names): priorities and texts are recomputed on next use.
  void reset();
  //! Positions or visible layers changed: placements are recomputed on next use.
  void invalidate() { cache_.clear(); }

  //! The assets whose labels are shown at level of detail `lod` (pixels per scene unit), most
  //! important first.
  [[nodiscard]] const std::vector<ElementIndex>& placed_at(const CanvasModel& model, qreal lod);
  //! How many placements were computed since the last reset (each zoom step once).
  [[nodiscard]] std::size_t computations() const { return computations_; }

  //! The label's text: the asset's name when no other asset has it, else its id in its layer.
  [[nodiscard]] const QString& text(ElementIndex element) const { return text_[element]; }
  //! The same, laid out once in font() (drawing it again costs no text layout: scrubbing redraws
  //! the labels every frame).
  [[nodiscard]] const QStaticText& static_text(ElementIndex element);
  //! Rectangle of an element's label in device pixels, for its symbol drawn `symbol_px` across at
  //! `anchor` (device pixels): centred below it, shifted to stay within `bounds` (the scene's
  //! rectangle in device pixels) when the asset is near its edge.
  [[nodiscard]] QRectF rect(ElementIndex element, QPointF anchor, qreal symbol_px,
                            const QRectF& bounds) const;
  //! The baseline origin of the text inside `rect`.
  [[nodiscard]] QPointF text_origin(const QRectF& rect) const;
  //! The top-left corner of static_text() inside `rect`.
  [[nodiscard]] QPointF static_origin(const QRectF& rect) const;
  [[nodiscard]] const QFont& font() const { return font_; }
  [[nodiscard]] const QFont& selected_font() const { return bold_; }

  //! Where the selected asset's ring and label go, in device pixels, for a painter whose world
  //! transform is `world`: the label sits below the ring, never under it. Empty without a selected
  //! asset (links have no label).
  struct Selected {
    QRectF ring;
    QRectF label;
    QString text;
  };
  [[nodiscard]] Selected selected(const CanvasModel& model, const QTransform& world);

 private:
  void prepare(const model::Network& network);
  void place(const CanvasModel& model, qreal lod, std::vector<ElementIndex>* placed) const;

  QFont font_, bold_;
  qreal ascent_ = 0, height_ = 0;
  bool prepared_ = false;
  std::vector<ElementIndex> order_;                 // assets, most important first
  std::vector<QString> text_;                       // per element
  std::vector<qreal> width_;                        // per element: text width, pixels
  std::vector<QStaticText> static_;                 // per element, laid out on first use
  std::map<int, std::vector<ElementIndex>> cache_;  // by zoom step
  std::size_t computations_ = 0;
};

//! Importance group of an asset for labelling (lower first): 0 control centres, 1 named
//! substations, sources, loads and services, 2 unnamed substations and sources, 3 unnamed loads and
//! services, 4 other named assets, 5 the rest. `named`: has a name no other asset has.
int label_group(const model::Element& element, bool named);

}  // namespace blackstart::gui
