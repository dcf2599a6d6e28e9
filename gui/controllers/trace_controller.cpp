#include "controllers/trace_controller.hpp"

namespace blackstart::gui {

TraceController::TraceController(QObject* parent) : QObject(parent) {}

void TraceController::follow(const ViewState* state) {
  state_ = state;
  connect(state, &ViewState::scenarioOpened, this, [this](const ScenarioPtr& scenario) {
    reach_ = scenario ? std::make_shared<const sim::SupplyReach>(scenario->network) : nullptr;
    reach_of_ = scenario;
    clear();
  });
  // Edits change events, never the network: the reach stays.
  connect(state, &ViewState::runChanged, this, [this] {
    if (active()) recompute();
  });
  connect(state, &ViewState::timeChanged, this, [this] {
    if (active()) recompute();
  });
}

void TraceController::trace(ElementIndex asset) {
  if (!state_ || !state_->scenario() || asset >= state_->scenario()->network.size()) return;
  root_ = asset;
  recompute();
}

void TraceController::clear() {
  const bool was = active() || !downstream_.empty();
  root_ = model::kNoElement;
  downstream_.clear();
  has_run_ = false;
  if (was) emit traceChanged();
}

std::vector<ElementIndex> TraceController::elements() const {
  std::vector<ElementIndex> out;
  out.reserve(downstream_.size());
  for (const auto& d : downstream_) out.push_back(d.element);
  return out;
}

void TraceController::recompute() {
  downstream_.clear();
  time_ = state_->time();
  const auto& run = state_->run();
  const auto& scenario = state_->scenario();
  has_run_ = run && scenario && run->scenario->network.size() == scenario->network.size();
  if (has_run_) {
    // The run's own network (mitigations may have changed attributes, never the topology).
    if (!reach_ || reach_of_ != run->scenario) {
      reach_ = std::make_shared<const sim::SupplyReach>(run->scenario->network);
      reach_of_ = run->scenario;
    }
    downstream_ = reach_->downstream(run->result, root_, time_);
  }
  emit traceChanged();
}

}  // namespace blackstart::gui
