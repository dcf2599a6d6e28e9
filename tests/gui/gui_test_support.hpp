#pragma once
// Shared by the GUI tests: the engine's own answers, computed without any GUI code, to compare the
// widgets against.
#include <QCoreApplication>
#include <QStandardPaths>
#include <QString>
#include <string>

#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::test {

inline QString source_path(const char* relative) {
  return QStringLiteral(BLACKSTART_SOURCE_DIR "/") + QString::fromLatin1(relative);
}

//! Keeps tests away from the user's settings and recent files.
inline void isolate_settings() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName(QStringLiteral("BlackstartTest"));
  QCoreApplication::setApplicationName(QStringLiteral("blackstart-gui-test"));
}

//! State of an element at t from the raw change list (in_service when nothing happened).
inline sim::State reference_state(const sim::RunResult& result, model::ElementIndex element, double t) {
  sim::State state = sim::State::InService;
  for (const auto& c : result.changes) {
    if (c.time_min > t) break;
    if (c.element == element && c.change == sim::ChangeKind::State) state = c.to;
  }
  return state;
}

inline bool reference_flag(const sim::RunResult& result, model::ElementIndex element, double t,
                           sim::ChangeKind kind) {
  bool lost = false;
  for (const auto& c : result.changes) {
    if (c.time_min > t) break;
    if (c.element == element && c.change == kind) lost = c.lost;
  }
  return lost;
}

//! Sum over layers of the trace point in effect at t.
inline sim::LayerSample reference_totals(const sim::RunResult& result, double t) {
  const auto& point = metrics::point_at(result, t);
  sim::LayerSample sum;
  for (const auto& l : point.layers) {
    sum.customers_without_power += l.customers_without_power;
    sum.shed_mw += l.shed_mw;
    sum.passengers_affected += l.passengers_affected;
    sum.loss_of_control += l.loss_of_control;
    sum.loss_of_view += l.loss_of_view;
  }
  return sum;
}

}  // namespace blackstart::test
