#pragma once
#include <QGraphicsScene>
#include <vector>

#include "canvas/attack_graph_items.hpp"
#include "canvas/attack_graph_layout.hpp"
#include "controllers/view_state.hpp"

namespace blackstart::gui {

//! The campaign as a graph: the entry point on the left, steps in columns by prerequisite depth,
//! objectives on the right; each step coloured by its status at the chosen time of the shown run.
//! It draws the campaign of the shown run's scenario (exactly what was simulated), or the open
//! scenario's before any run. A click on a step leaves as stepActivated.
class AttackGraphScene : public QGraphicsScene {
  Q_OBJECT
 public:
  explicit AttackGraphScene(QObject* parent = nullptr);
  //! Draws the state's campaign, coloured by its run at its time, from now on.
  void follow(const ViewState* state);

  //! A scenario's campaign, coloured by `run` at `t_min` (no run: nothing started yet).
  void show(ScenarioPtr scenario, RunPtr run, double t_min);
  void set_time(double t_min);
  //! Outlines the steps that act on `element`.
  void set_selected_element(ElementIndex element);
  //! Marks campaign step `step` (a yellow halo): the step a cause chain led to. kNoStep, or a step
  //! the campaign does not have, clears; so does another scenario. False when nothing is marked.
  bool choose_step(std::uint32_t step);
  [[nodiscard]] std::uint32_t chosen_step() const { return chosen_; }
  static constexpr std::uint32_t kNoStep = 0xffffffffu;

  [[nodiscard]] bool has_campaign() const { return scenario_ && !scenario_->campaign.empty(); }
  [[nodiscard]] const model::Scenario* scenario() const { return scenario_.get(); }
  [[nodiscard]] const RunPtr& run() const { return run_; }
  [[nodiscard]] const AttackProgress& progress() const { return progress_; }
  [[nodiscard]] AttackNodeItem* step_node(std::uint32_t step) const;
  [[nodiscard]] AttackNodeItem* objective_node(std::uint32_t objective) const;
  [[nodiscard]] AttackNodeItem* entry_node() const { return entry_; }
  [[nodiscard]] const std::vector<AttackEdgeItem*>& edges() const { return edges_; }
  //! The centre of the furthest step the attacker has started by the time (the entry before any):
  //! what a dock too narrow for the whole graph keeps in sight.
  [[nodiscard]] QPointF frontier() const;
  //! Rich-text tooltip of a step: what it is, what it needs, and where it stands.
  [[nodiscard]] QString step_tooltip(std::uint32_t step) const;
  //! Names of controls (scenario.controls indexes) of the drawn scenario, joined.
  [[nodiscard]] QString control_names(const std::vector<std::uint32_t>& controls) const;

  //! A click at a scene point (from the view or a test): emits stepActivated for a step there.
  void click(QPointF scene_point);

 signals:
  //! A step was clicked; `first_target` is the target it acted on first (or its first target).
  void stepActivated(std::uint32_t step, blackstart::model::ElementIndex first_target);

 protected:
  void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
  void helpEvent(QGraphicsSceneHelpEvent* event) override;

 private:
  void rebuild();
  void refresh();
  [[nodiscard]] AttackNodeFace step_face(std::uint32_t step) const;
  [[nodiscard]] AttackNodeFace objective_face(std::uint32_t objective) const;
  [[nodiscard]] AttackNodeFace entry_face() const;

  ScenarioPtr scenario_;
  RunPtr run_;
  double time_ = 0.0;
  ElementIndex selected_ = model::kNoElement;
  std::uint32_t chosen_ = kNoStep;
  AttackProgress progress_;
  AttackGraphLayout layout_;
  AttackNodeItem* entry_ = nullptr;
  std::vector<AttackNodeItem*> steps_;
  std::vector<AttackNodeItem*> objectives_;
  std::vector<AttackEdgeItem*> edges_;
  std::vector<std::int64_t> edge_source_;  // step index of each edge's source; -1: the entry
};

}  // namespace blackstart::gui
