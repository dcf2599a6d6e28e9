// What the attack model costs a run: each shipped scenario with a campaign, run as it is, against
// the same scenario with the campaign replaced by the timed events it produced (the same damage at
// the same times, so the cascade and restoration work are identical). The ratio of the two is the
// cost of attack steps, reach, controls and responses. Results: docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/sim/simulator.hpp"

using namespace blackstart;

namespace {

//! The scenario without its campaign, controls and responses, and with one timed event for every
//! damage an attack step or a response did in `run`.
model::Scenario replayed(const model::Scenario& scenario, const sim::RunResult& run) {
  model::Scenario out = scenario;
  out.campaign = {};
  out.controls.clear();
  out.responses.clear();
  for (const auto& change : run.changes) {
    if (change.change != sim::ChangeKind::State) continue;
    const auto kind = change.cause.kind;
    if (kind != sim::CauseKind::Attack && kind != sim::CauseKind::Response) continue;
    model::Event event;
    event.id = "replay-" + std::to_string(out.events.size());
    event.at_min = change.time_min;
    event.targets = {change.element};
    event.action =
        change.to == sim::State::Compromised ? model::Action::Compromise : model::Action::OpenBreaker;
    if (kind == sim::CauseKind::Attack && change.cause.event < scenario.campaign.steps.size()) {
      switch (scenario.campaign.steps[change.cause.event].effect) {
        case model::StepEffect::Wipe:
          event.action = model::Action::Wipe;
          break;
        case model::StepEffect::DestroyFirmware:
          event.action = model::Action::DestroyFirmware;
          break;
        case model::StepEffect::Trip:
          event.action = model::Action::Trip;
          break;
        default:
          break;
      }
    }
    out.events.push_back(event);
  }
  return out;
}

void BM_Run(benchmark::State& state, const std::string& name, bool with_campaign) {
  auto loaded = io::load_builtin_scenario(name);
  if (!loaded.ok() || loaded.scenario->campaign.empty()) {
    state.SkipWithError(("no campaign in " + name).c_str());
    return;
  }
  const model::Scenario scenario =
      with_campaign ? *loaded.scenario : replayed(*loaded.scenario, sim::simulate(*loaded.scenario));
  std::size_t changes = 0;
  for (auto _ : state) {
    const auto run = sim::simulate(scenario);
    changes = run.changes.size();
    benchmark::DoNotOptimize(run.trace.data());
  }
  state.counters["state_changes"] = static_cast<double>(changes);
}

}  // namespace

BENCHMARK_CAPTURE(BM_Run, ukraine2015_campaign, std::string("ukraine-2015"), true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Run, ukraine2015_replayed, std::string("ukraine-2015"), false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Run, ukraine2016_campaign, std::string("ukraine-2016"), true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Run, ukraine2016_replayed, std::string("ukraine-2016"), false)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
