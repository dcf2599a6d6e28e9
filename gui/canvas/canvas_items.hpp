#pragma once
#include <QGraphicsItem>
#include <memory>
#include <vector>

#include "canvas/label_placement.hpp"
#include "canvas/palette.hpp"
#include "canvas/symbol_sprites.hpp"
#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

//! What every canvas item reads when it paints: the network, where each element sits in scene
//! coordinates, and the state frame of the chosen time. Owned by the scene; items hold a pointer.
struct CanvasModel {
  std::shared_ptr<const model::Scenario> scenario;
  std::vector<QPointF> position;  //!< per element, scene coordinates (links: midpoint)
  std::vector<Symbol> symbol;     //!< per element (assets)
  FramePtr frame;
  std::vector<bool> layer_visible;
  bool show_dependencies = true;
  bool show_labels = true;
  qreal symbol_size = 12.0;  //!< diameter at zoom 1, scene units
  ElementIndex selected = model::kNoElement;
  //! "What did this take down?": the traced asset and what it holds down (TraceHighlightItem).
  ElementIndex trace_root = model::kNoElement;
  std::vector<ElementIndex> highlighted;
  LabelPlacement* labels = nullptr;  //!< which labels fit at each zoom; owned by the scene
  QRectF bounds;                     //!< the scene's rectangle: labels stay inside it
  SymbolSprites* sprites = nullptr;  //!< symbols and rings as stamped images; owned by the scene

  [[nodiscard]] const model::Network& network() const { return scenario->network; }
  [[nodiscard]] bool visible(ElementIndex e) const { return layer_visible[network().element(e).layer]; }
  //! Symbol radius in scene units for a view at level of detail `lod`: constant on screen within
  //! limits, so symbols stay legible when zoomed out and do not grow without bound when zoomed in.
  [[nodiscard]] qreal radius_at(qreal lod) const;
  //! Symbol diameter in pixels at `lod`.
  [[nodiscard]] qreal pixels_at(qreal lod) const;
};

//! A spatial tile of one layer: paints many assets and the links that start in it, in batches by
//! colour, with level-of-detail (dots when far, symbols, then labels). Tiles do not move, so the
//! scene's BSP index culls them cheaply; each asset is addressed by its element index.
class AssetTileItem final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 1 };
  AssetTileItem(const CanvasModel* model, std::uint32_t layer, std::vector<ElementIndex> assets,
                std::vector<ElementIndex> links);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  //! The asset nearest to `point` within `radius` (scene units), else the nearest link, else none.
  [[nodiscard]] ElementIndex element_at(QPointF point, qreal radius, qreal* distance) const;
  [[nodiscard]] std::uint32_t layer() const { return layer_; }
  [[nodiscard]] const std::vector<ElementIndex>& assets() const { return assets_; }

 private:
  const CanvasModel* model_;
  std::uint32_t layer_;
  std::vector<ElementIndex> assets_;
  std::vector<ElementIndex> links_;
  QRectF bounds_;
};

//! Every dependency as an arrow from supplier to dependent, styled by kind; dependencies whose
//! supplier is down at the chosen time are drawn strong, the others faint.
class DependencyItem final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 2 };
  explicit DependencyItem(const CanvasModel* model);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  const CanvasModel* model_;
  QRectF bounds_;
};

//! The selected element: a halo, and its direct suppliers and dependents highlighted.
class SelectionItem final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 3 };
  explicit SelectionItem(const CanvasModel* model, QRectF bounds);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  const CanvasModel* model_;
  QRectF bounds_;
};

//! The background plane of one layer with its name (a parallelogram in the stacked view).
class LayerPlaneItem final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 4 };
  LayerPlaneItem(QPolygonF plane, QString name, QColor color);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QPolygonF plane_;
  QString name_;
  QColor color_;
  QRectF bounds_;
};

//! Draws an arrow head at `tip` pointing along `from`→`tip`, `size` in scene units.
void draw_arrow_head(QPainter* painter, QPointF from, QPointF tip, qreal size);

}  // namespace blackstart::gui
