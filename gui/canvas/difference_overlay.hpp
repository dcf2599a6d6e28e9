#pragma once
#include <QGraphicsItem>
#include <vector>

#include "canvas/canvas_items.hpp"

namespace blackstart::gui {

//! Rings around the elements whose condition differs between two runs (the side-by-side what-if):
//! one item per canvas, above the assets and below the selection. Links get a ring at their midpoint.
class DifferenceOverlay final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 20 };
  DifferenceOverlay(const CanvasModel* model, QRectF bounds);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  //! The elements to ring (indices of the model's network); repaints.
  void set_elements(std::vector<ElementIndex> elements);
  [[nodiscard]] const std::vector<ElementIndex>& elements() const { return elements_; }

  //! The ring colour, also used by legends.
  static QColor color();

 private:
  const CanvasModel* model_;
  QRectF bounds_;
  std::vector<ElementIndex> elements_;
};

}  // namespace blackstart::gui
