#pragma once
#include <QGraphicsScene>
#include <memory>

#include "canvas/canvas_items.hpp"
#include "canvas/frame_repaint.hpp"
#include "canvas/label_item.hpp"
#include "canvas/layout.hpp"
#include "controllers/frame_stepper.hpp"

namespace blackstart::gui {

class ViewState;

//! The network drawn as a scene: layers as planes, assets and links in spatial tiles, dependencies as
//! arrows. It holds no simulation logic: colours come from the StateFrame it is given. User intent
//! leaves as signals (assetSelected, assetContextMenuRequested); what to do is the window's business.
class NetworkScene : public QGraphicsScene {
  Q_OBJECT
 public:
  enum class Mode { Flat, Stacked };

  explicit NetworkScene(QObject* parent = nullptr);
  //! Draws the state's scenario, coloured by its run at its time, with its selection, from now on.
  void follow(const ViewState* state);

  //! Shows a scenario's network; the layout is recomputed only when the network differs.
  void set_scenario(std::shared_ptr<const model::Scenario> scenario, bool same_network = false);
  void set_mode(Mode mode);
  [[nodiscard]] Mode mode() const { return mode_; }
  //! States to colour by (from a run at the chosen time, or the idle frame). Repaints only where
  //! the new frame differs from the shown one (FrameRepaint).
  void set_frame(FramePtr frame);
  void set_layer_visible(std::uint32_t layer, bool visible);
  [[nodiscard]] bool layer_visible(std::uint32_t layer) const;
  void set_dependencies_visible(bool visible);
  void set_labels_visible(bool visible);
  //! Asset symbols and rings stamped from cached images (SymbolSprites; the default) or drawn in
  //! place for every asset (to compare the two, and for benchmarks).
  void set_stamped_symbols(bool stamped);
  [[nodiscard]] const SymbolSprites& sprites() const { return *sprites_; }
  //! Highlights an element (no signal); kNoElement clears.
  void set_selected(ElementIndex element);
  [[nodiscard]] ElementIndex selected() const { return model_.selected; }
  //! Highlights what `root` took down (no signal); kNoElement clears.
  void set_highlighted(ElementIndex root, std::vector<ElementIndex> elements);
  [[nodiscard]] const std::vector<ElementIndex>& highlighted() const { return model_.highlighted; }

  //! The visible element under a scene point, within `radius` scene units.
  [[nodiscard]] ElementIndex element_at(QPointF scene_point, qreal radius) const;
  //! Where an element is drawn (asset centre, link midpoint).
  [[nodiscard]] QPointF position_of(ElementIndex element) const;
  [[nodiscard]] const CanvasModel& canvas_model() const { return model_; }
  [[nodiscard]] const NetworkLayout& layout() const { return layout_; }
  [[nodiscard]] std::size_t tile_count() const { return tiles_.size(); }
  //! The labels drawn for a view with transform `world` (scene to device pixels) over `scene_area`,
  //! as the tiles paint them (without the selected asset's, which selected_label gives).
  [[nodiscard]] std::vector<LabelItem::Label> shown_labels(const QTransform& world,
                                                           const QRectF& scene_area) const;
  //! The selection ring and the selected asset's label under `world`, device pixels.
  [[nodiscard]] LabelPlacement::Selected selected_label(const QTransform& world) const;
  [[nodiscard]] const LabelPlacement& label_placement() const { return *labels_; }
  //! Tooltip text of an element: id, name, type, state at the frame's time.
  [[nodiscard]] QString describe(ElementIndex element) const;

  //! A click at a scene point, from the view: emits assetSelected with what is there (or kNoElement).
  void click(QPointF scene_point, qreal radius);

 signals:
  void assetSelected(blackstart::model::ElementIndex element);
  void assetActivated(blackstart::model::ElementIndex element);
  void assetContextMenuRequested(blackstart::model::ElementIndex element, const QPoint& screen_pos);

 protected:
  void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;
  void helpEvent(QGraphicsSceneHelpEvent* event) override;
  void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

 private:
  void rebuild();
  void place();
  [[nodiscard]] qreal pick_radius(QWidget* viewport) const;

  std::shared_ptr<const model::Scenario> scenario_;
  NetworkLayout layout_;
  Mode mode_ = Mode::Flat;
  CanvasModel model_;
  std::unique_ptr<LabelPlacement> labels_;
  std::unique_ptr<SymbolSprites> sprites_;
  std::vector<AssetTileItem*> tiles_;  // owned by the scene
  std::vector<LayerPlaneItem*> planes_;
  DependencyItem* dependencies_ = nullptr;
  SelectionItem* selection_ = nullptr;
  LabelItem* labels_item_ = nullptr;
  FrameRepaint repaint_;
  FrameStepper frames_;  // the shown run's frames, each from the one before
};

}  // namespace blackstart::gui
