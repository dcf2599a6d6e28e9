#pragma once
#include <QGraphicsItem>

#include "canvas/canvas_items.hpp"

namespace blackstart::gui {

//! "What did this take down?" on the canvas: a purple glow under every element the traced asset
//! holds down (CanvasModel::highlighted) and a double ring round the traced asset itself. Drawn
//! under the assets, so states and labels stay readable.
class TraceHighlightItem final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 5 };
  TraceHighlightItem(const CanvasModel* model, QRectF bounds);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  const CanvasModel* model_;
  QRectF bounds_;
};

//! The colour of the trace, for the canvas and the list.
QColor trace_color(int alpha = 255);

}  // namespace blackstart::gui
