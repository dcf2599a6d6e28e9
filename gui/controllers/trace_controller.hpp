#pragma once
#include <QObject>
#include <memory>
#include <vector>

#include "blackstart/sim/supply_reach.hpp"
#include "controllers/view_state.hpp"

namespace blackstart::gui {

//! "What did this take down?": the elements downstream of one asset in the shown run at the chosen
//! time (the engine's sim::SupplyReach). Once asked, the answer follows the time and the run until
//! it is cleared or another scenario is opened. The network's SupplyReach is worked out once per
//! network and shared with the inspector's "needed by".
class TraceController : public QObject {
  Q_OBJECT
 public:
  explicit TraceController(QObject* parent = nullptr);
  void follow(const ViewState* state);

  //! Traces `asset` in the state's run at its time (nothing without a run).
  void trace(ElementIndex asset);
  void clear();
  [[nodiscard]] bool active() const { return root_ != model::kNoElement; }
  [[nodiscard]] ElementIndex root() const { return root_; }
  //! The time the answer is for.
  [[nodiscard]] double time() const { return time_; }
  //! A run was there to ask (false: the asset is traced but nothing can be said yet).
  [[nodiscard]] bool has_run() const { return has_run_; }
  [[nodiscard]] const std::vector<sim::DownstreamElement>& downstream() const { return downstream_; }
  //! The ids' elements, in index order.
  [[nodiscard]] std::vector<ElementIndex> elements() const;
  //! Who needs whom in the open scenario's network (nullptr without a scenario).
  [[nodiscard]] const sim::SupplyReach* reach() const { return reach_.get(); }
  //! The network reach() is about (nullptr without a scenario).
  [[nodiscard]] const model::Network* network() const { return reach_of_ ? &reach_of_->network : nullptr; }

 signals:
  void traceChanged();

 private:
  void recompute();

  const ViewState* state_ = nullptr;
  std::shared_ptr<const sim::SupplyReach> reach_;
  ScenarioPtr reach_of_;  // the scenario reach_ was built for (it points into its network)
  ElementIndex root_ = model::kNoElement;
  double time_ = 0.0;
  bool has_run_ = false;
  std::vector<sim::DownstreamElement> downstream_;
};

}  // namespace blackstart::gui
