#include "controllers/view_state.hpp"

#include <algorithm>

namespace blackstart::gui {

ViewState::ViewState(QObject* parent) : QObject(parent) {}

double ViewState::horizon() const {
  return run_ ? run_->result.horizon_min : 0.0;
}

void ViewState::open_scenario(ScenarioPtr scenario) {
  scenario_ = std::move(scenario);
  run_.reset();
  compared_.clear();
  selected_ = model::kNoElement;
  time_ = 0.0;
  emit scenarioOpened(scenario_);
}

void ViewState::edit_scenario(ScenarioPtr scenario) {
  scenario_ = std::move(scenario);
  emit scenarioEdited(scenario_);
}

void ViewState::show_run(RunPtr run, double t_min) {
  run_ = std::move(run);
  const double before = time_;
  time_ = std::clamp(t_min, 0.0, horizon());
  emit runChanged(run_);
  if (time_ != before) emit timeChanged(time_);
}

void ViewState::set_compared(std::vector<RunPtr> runs) {
  compared_ = std::move(runs);
  emit comparedChanged();
}

bool ViewState::select(ElementIndex element) {
  if (!scenario_ || (element != model::kNoElement && element >= scenario_->network.size())) return false;
  if (element == selected_) return true;
  selected_ = element;
  emit selectionChanged(selected_);
  return true;
}

void ViewState::set_time(double t_min) {
  t_min = std::clamp(t_min, 0.0, horizon());
  if (t_min == time_) return;
  time_ = t_min;
  emit timeChanged(time_);
}

}  // namespace blackstart::gui
