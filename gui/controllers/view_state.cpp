#include "controllers/view_state.hpp"

#include <algorithm>

namespace blackstart::gui {

ViewState::ViewState(QObject* parent) : QObject(parent) {}

namespace {
constexpr double kMinWindowMin = 1.0;
}  // namespace

double ViewState::horizon() const {
  return run_ ? run_->result.horizon_min : 0.0;
}

double ViewState::full_horizon() const {
  double horizon = this->horizon();
  for (const auto& run : compared_) horizon = std::max(horizon, run->result.horizon_min);
  return horizon;
}

bool ViewState::whole_horizon_shown() const {
  return window_.from_min <= 0 && window_.to_min >= full_horizon();
}

void ViewState::open_scenario(ScenarioPtr scenario) {
  scenario_ = std::move(scenario);
  run_.reset();
  compared_.clear();
  selected_ = model::kNoElement;
  time_ = 0.0;
  window_ = {};
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
  // Set quietly: the views read the window with the new run.
  window_ = run_ ? fitted(active_period_window()) : metrics::TimeSpan{};
  if (time_ < window_.from_min || time_ > window_.to_min) window_ = fitted({0, full_horizon()});
  emit runChanged(run_);
  emit timeWindowChanged(window_.from_min, window_.to_min);
  if (time_ != before) emit timeChanged(time_);
}

metrics::TimeSpan ViewState::active_period_window() const {
  auto window = metrics::active_window(run_->result);
  for (const auto& run : compared_) {
    const auto other = metrics::active_window(run->result);
    window = {std::min(window.from_min, other.from_min), std::max(window.to_min, other.to_min)};
  }
  return window;
}

void ViewState::show_active_period() {
  if (!run_) return;
  const auto window = active_period_window();
  set_time_window(window.from_min, window.to_min);
}

metrics::TimeSpan ViewState::fitted(metrics::TimeSpan window) const {
  const double full = full_horizon();
  const double width = std::min(full, std::max(kMinWindowMin, window.to_min - window.from_min));
  const double from = std::clamp(window.from_min, 0.0, full - width);
  return {from, from + width};
}

void ViewState::show_whole_horizon() {
  set_time_window(0, full_horizon());
}

void ViewState::set_time_window(double from_min, double to_min) {
  const auto window = fitted({from_min, to_min});
  if (window.from_min == window_.from_min && window.to_min == window_.to_min) return;
  window_ = window;
  emit timeWindowChanged(window_.from_min, window_.to_min);
}

bool ViewState::pan_to(double t_min) {
  // Playback runs on past the right edge: the next page starts just before the time; a jump back
  // puts the time near the right edge.
  const double width = window_.to_min - window_.from_min;
  if (t_min >= window_.from_min && t_min <= window_.to_min) return false;
  const double from = t_min > window_.to_min ? t_min - 0.1 * width : t_min - 0.9 * width;
  const auto before = window_;
  set_time_window(from, from + width);
  return before.from_min != window_.from_min || before.to_min != window_.to_min;
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
  pan_to(time_);
  emit timeChanged(time_);
}

}  // namespace blackstart::gui
