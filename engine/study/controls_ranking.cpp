#include "blackstart/study/controls_ranking.hpp"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <fmt/format.h>
#include <algorithm>
#include <mutex>

#include "blackstart/metrics/metrics.hpp"
#include "blackstart/sim/simulator.hpp"
#include "blackstart/study/ensemble.hpp"

namespace blackstart::study {

namespace {

//! Per run: customer-minutes interrupted and whether an objective was reached (1/0), interleaved.
class Evaluator {
 public:
  Evaluator(const model::Scenario& scenario, const std::vector<model::Control>& candidates,
            const ControlsOptions& options, std::function<void(long, long)> progress)
      : scenario_(scenario),
        candidates_(candidates),
        options_(options),
        progress_(std::move(progress)),
        root_seed_(options.seed.value_or(scenario.seed)),
        local_runs_(std::max(0, options.local_runs.value_or(options.runs))) {}

  [[nodiscard]] int local_runs() const { return local_runs_; }
  void set_total(long total) { total_ = total; }

  std::vector<double> operator()(const std::vector<std::size_t>& set) {
    model::Scenario variant = scenario_;
    variant.controls.clear();
    for (std::size_t c : set) {
      variant.controls.push_back(candidates_[c]);
      variant.controls.back().enabled = true;
    }
    std::vector<double> local(2 * static_cast<std::size_t>(local_runs_));
    const auto one_run = [&](int r) {
      sim::RunOptions run_options;
      run_options.seed = run_seed(root_seed_, static_cast<std::uint64_t>(options_.first_run + r));
      const auto run = sim::simulate(variant, run_options);
      local[2 * static_cast<std::size_t>(r)] = metrics::summarize(run).customer_minutes_interrupted;
      local[2 * static_cast<std::size_t>(r) + 1] = run.attack.objectives_reached > 0 ? 1.0 : 0.0;
      if (progress_) {
        std::lock_guard lock(progress_mutex_);
        progress_(++done_, total_);
      }
    };
    const int threads = options_.threads > 0 ? options_.threads : tbb::this_task_arena::max_concurrency();
    tbb::task_arena arena(threads);
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<int>(0, local_runs_), [&](const tbb::blocked_range<int>& range) {
        for (int r = range.begin(); r != range.end(); ++r) one_run(r);
      });
    });
    return local;
  }

 private:
  const model::Scenario& scenario_;
  const std::vector<model::Control>& candidates_;
  const ControlsOptions& options_;
  std::function<void(long, long)> progress_;
  std::uint64_t root_seed_;
  int local_runs_;
  long total_ = 0;
  long done_ = 0;
  std::mutex progress_mutex_;
};

ControlsRow summarise(ControlsRow::Kind kind, std::vector<std::size_t> set, const std::vector<double>& base,
                      const std::vector<double>& runs) {
  ControlsRow row;
  row.kind = kind;
  row.controls = std::move(set);
  const std::size_t n = runs.size() / 2;
  std::vector<double> avoided(n);
  double hours = 0, reached = 0, prevented = 0;
  for (std::size_t i = 0; i < n; ++i) {
    avoided[i] = (base[2 * i] - runs[2 * i]) / 60.0;
    hours += runs[2 * i] / 60.0;
    reached += runs[2 * i + 1];
    prevented += base[2 * i + 1] > 0 && runs[2 * i + 1] == 0 ? 1.0 : 0.0;
  }
  const Statistics stats = describe(avoided);
  row.customer_hours_mean = n ? hours / static_cast<double>(n) : 0.0;
  row.avoided_mean = stats.mean;
  row.avoided_ci95_low = stats.ci95_low;
  row.avoided_ci95_high = stats.ci95_high;
  row.objective_reached_fraction = n ? reached / static_cast<double>(n) : 0.0;
  row.objective_prevented_fraction = n ? prevented / static_cast<double>(n) : 0.0;
  return row;
}

}  // namespace

ControlsRanking rank_controls(const model::Scenario& scenario, const std::vector<model::Control>& candidates,
                              const ControlsOptions& options, const GatherRuns& gather,
                              const std::function<void(long, long)>& progress) {
  ControlsRanking ranking;
  ranking.root_seed = options.seed.value_or(scenario.seed);
  ranking.runs = std::max(0, options.runs);
  ranking.candidates = candidates;
  const std::size_t count = candidates.size();
  const auto greedy = static_cast<std::size_t>(std::clamp<int>(options.greedy, 0, static_cast<int>(count)));
  Evaluator run_set(scenario, candidates, options, progress);
  long evaluations = 1 + static_cast<long>(count);
  for (std::size_t k = 2; k <= greedy; ++k) evaluations += static_cast<long>(count - k + 1);
  run_set.set_total(evaluations * run_set.local_runs());
  const auto evaluate = [&](const std::vector<std::size_t>& set) {
    auto local = run_set(set);
    return gather ? gather(set, local) : local;
  };

  const auto base = evaluate({});
  ranking.rows.push_back(summarise(ControlsRow::Kind::Baseline, {}, base, base));
  std::vector<ControlsRow> singles;
  for (std::size_t c = 0; c < count; ++c)
    singles.push_back(summarise(ControlsRow::Kind::Single, {c}, base, evaluate({c})));

  // Greedy: each round adds the control that avoids most on top of the set so far (ties: the one
  // listed first). Round 1 is the best single control.
  std::vector<std::size_t> chosen;
  std::vector<ControlsRow> greedy_rows;
  for (std::size_t k = 1; k <= greedy; ++k) {
    std::optional<ControlsRow> best;
    for (std::size_t c = 0; c < count; ++c) {
      if (std::find(chosen.begin(), chosen.end(), c) != chosen.end()) continue;
      auto set = chosen;
      set.push_back(c);
      ControlsRow row = k == 1 ? singles[c] : summarise(ControlsRow::Kind::Greedy, set, base, evaluate(set));
      row.kind = ControlsRow::Kind::Greedy;
      row.controls = set;
      if (!best || row.avoided_mean > best->avoided_mean) best = row;
    }
    chosen = best->controls;
    greedy_rows.push_back(*best);
  }
  std::stable_sort(singles.begin(), singles.end(), [](const ControlsRow& a, const ControlsRow& b) {
    return a.avoided_mean > b.avoided_mean;
  });
  ranking.rows.insert(ranking.rows.end(), singles.begin(), singles.end());
  ranking.rows.insert(ranking.rows.end(), greedy_rows.begin(), greedy_rows.end());
  return ranking;
}

std::vector<double> control_set_runs(const model::Scenario& scenario,
                                     const std::vector<model::Control>& candidates,
                                     const std::vector<std::size_t>& set, const ControlsOptions& options) {
  Evaluator run_set(scenario, candidates, options, {});
  return run_set(set);
}

std::string controls_csv(const ControlsRanking& ranking) {
  std::string out =
      "rank,kind,k,controls,mitigations,customer_hours_mean,customer_hours_avoided_mean,avoided_ci95_low,"
      "avoided_ci95_high,objective_reached_fraction,objective_prevented_fraction\n";
  const auto num = [](double v) {
    return v == 0.0 ? std::string("0") : fmt::format("{:.6g}", v);
  };  // no "-0"
  int single_rank = 0;
  for (const auto& row : ranking.rows) {
    std::string names, mitigations;
    for (std::size_t c : row.controls) {
      const auto& control = ranking.candidates[c];
      names += (names.empty() ? "" : "+") + control.name;
      mitigations += (mitigations.empty() ? "" : "+") + control.mitigation_id;
    }
    const char* kind = row.kind == ControlsRow::Kind::Baseline ? "baseline"
                       : row.kind == ControlsRow::Kind::Single ? "single"
                                                               : "greedy";
    const std::string rank = row.kind == ControlsRow::Kind::Single ? std::to_string(++single_rank) : "";
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", rank, kind, row.controls.size(),
                       names.empty() ? "none" : names, mitigations, num(row.customer_hours_mean),
                       num(row.avoided_mean), num(row.avoided_ci95_low), num(row.avoided_ci95_high),
                       num(row.objective_reached_fraction), num(row.objective_prevented_fraction));
  }
  return out;
}

}  // namespace blackstart::study
