#pragma once
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "blackstart/report/crew_positions.hpp"
#include "blackstart/report/road_conditions.hpp"
#include "canvas/label_placement.hpp"
#include "canvas/map_projection.hpp"
#include "canvas/palette.hpp"
#include "controllers/run_snapshot.hpp"

class QPainter;

namespace blackstart::gui {

//! What the map view draws of a scenario, in Web Mercator: assets at their lat/lon, links along
//! their `path` (or straight between two placed assets), coloured by the state frame of the chosen
//! time (roads by their condition for crews), and the routed crews where they are at that time.
//! Holds no Qt widget; the MapView paints it through a MapViewport.
class MapScene {
 public:
  MapScene();
  void set_scenario(std::shared_ptr<const model::Scenario> scenario);
  //! States and crews at `t_min` of `run` (nullptr: before any run, everything neutral).
  void set_time(const RunSnapshot* run, double t_min);
  void set_selected(ElementIndex element) { selected_ = element; }

  [[nodiscard]] bool empty() const { return placed_ == 0; }
  //! Projected extent of the placed assets and the links' courses.
  [[nodiscard]] QRectF bounds() const { return bounds_; }
  //! Assets with coordinates, and without (not on the map).
  [[nodiscard]] std::size_t placed_assets() const { return placed_; }
  [[nodiscard]] std::size_t unplaced_assets() const { return unplaced_; }
  //! Projected place of an asset, or nothing when it has no lat/lon.
  [[nodiscard]] std::optional<QPointF> position(ElementIndex element) const;
  //! Projected course of a link (empty when it is not on the map).
  [[nodiscard]] const QPolygonF& course(ElementIndex link) const { return course_[link]; }
  [[nodiscard]] report::RoadCondition road_condition(ElementIndex link) const;
  //! Colour a link is drawn in now (roads by condition, other links by state).
  [[nodiscard]] QColor link_colour(ElementIndex link) const;
  [[nodiscard]] QColor asset_colour(ElementIndex asset) const;
  //! Whether states come from a run, and an element's state in it.
  [[nodiscard]] bool has_run() const { return frame_ && frame_->has_run; }
  [[nodiscard]] sim::State state(ElementIndex element) const { return frame_->state(element); }

  struct Crew {
    QString name;
    QPointF at;  //!< projected
    bool driving = false;
  };
  [[nodiscard]] const std::vector<Crew>& crews() const { return crews_; }
  [[nodiscard]] const model::Scenario* scenario() const { return scenario_.get(); }

  //! Draws links, assets, crews and the labels that fit (none under `reserved`, screen rectangles
  //! such as the scale bar) into a widget of the viewport's size. Returns the labels drawn.
  int paint(QPainter* painter, const MapViewport& viewport, const std::vector<QRectF>& reserved);
  //! The asset nearest to a screen point within `radius_px`, else kNoElement.
  [[nodiscard]] ElementIndex asset_at(const MapViewport& viewport, QPointF screen, double radius_px) const;

  static constexpr double kSymbolPx = 10.0;  //!< asset symbol diameter on screen

 private:
  std::shared_ptr<const model::Scenario> scenario_;
  std::vector<QPointF> position_;  //!< per element; valid when has_position_
  std::vector<char> has_position_;
  std::vector<QPolygonF> course_;  //!< per element (links)
  std::vector<Symbol> symbol_;
  std::vector<char> junction_;  //!< road junctions: drawn as small dots
  std::vector<ElementIndex> links_;
  std::vector<ElementIndex> roads_;
  std::vector<ElementIndex> assets_;
  QRectF bounds_;
  std::size_t placed_ = 0, unplaced_ = 0;
  FramePtr frame_;
  std::vector<report::RoadCondition> roads_now_;
  std::vector<Crew> crews_;
  ElementIndex selected_ = model::kNoElement;
  LabelPlacement labels_;
  std::vector<ElementIndex> label_order_;  //!< assets, most important label first
};

}  // namespace blackstart::gui
