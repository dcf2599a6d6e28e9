#pragma once
#include <vector>

#include "blackstart/sim/state.hpp"

namespace blackstart::sim {

//! How a front end follows a run. Called on the simulating thread; implementations that update a
//! GUI must hand data over to their own thread.
class Observer {
 public:
  virtual ~Observer() = default;
  virtual void run_started(double /*horizon_min*/) {}
  virtual void state_changed(const StateChange& /*change*/) {}
  virtual void step_done(double /*time_min*/) {}
  virtual void progress(double /*fraction*/) {}
  //! Polled between steps; returning true stops the run early (result marked cancelled).
  virtual bool cancel_requested() { return false; }
};

class NullObserver final : public Observer {};

//! Keeps everything it is told; for tests and for front ends that replay a run.
class RecordingObserver final : public Observer {
 public:
  void state_changed(const StateChange& change) override { changes.push_back(change); }
  void step_done(double time_min) override { steps.push_back(time_min); }
  std::vector<StateChange> changes;
  std::vector<double> steps;
};

}  // namespace blackstart::sim
