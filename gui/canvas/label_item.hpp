#pragma once
#include <QGraphicsItem>
#include <vector>

#include "canvas/canvas_items.hpp"

namespace blackstart::gui {

//! The asset labels, over every layer's symbols and under the selection: those LabelPlacement lets
//! in at the view's zoom, in device pixels so they stay readable. One item for the whole scene, so
//! a label is never cut at a tile's edge; a frame walks only the placed labels.
class LabelItem final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 5 };
  LabelItem(const CanvasModel* model, QRectF bounds);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  //! A label on the canvas: its asset and its rectangle in device pixels.
  struct Label {
    ElementIndex element;
    QRectF rect;
  };
  //! The labels drawn for a painter with world transform `world` that meet `device_area` (device
  //! pixels). The selected asset's label is SelectionItem's; labels in its way give way.
  void collect(const QTransform& world, const QRectF& device_area, std::vector<Label>* out) const;

 private:
  const CanvasModel* model_;
  QRectF bounds_;
};

}  // namespace blackstart::gui
