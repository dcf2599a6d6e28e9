// Textbook cascade models chosen by a scenario's `classic_model:`: builds the graphs the loader
// only named, runs mutual percolation or Motter-Lai, and sweeps p or alpha.
#include "blackstart/study/classic.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "blackstart/analysis/compact_graph.hpp"
#include "blackstart/analysis/motter_lai.hpp"
#include "blackstart/analysis/percolation.hpp"
#include "blackstart/core/random.hpp"

namespace blackstart::study {

namespace {

using Kind = model::ClassicModelSpec::Kind;

//! The graphs of one run: layer A (the only one for Motter-Lai), layer B and the dependencies.
struct Graphs {
  analysis::CompactGraph a, b;
  analysis::Dependencies dependencies;
};

std::optional<analysis::LabelledGraph> read_graph(const std::string& path, core::Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error(path, 0, 0, "cannot open edge list");
    return std::nullopt;
  }
  return analysis::read_edge_list(in, path, diagnostics);
}

//! Reads the CSV files named by the spec.
std::optional<Graphs> read_graphs(const model::ClassicModelSpec& spec, core::Diagnostics& diagnostics) {
  auto a = read_graph(spec.layer_a, diagnostics);
  if (!a) return std::nullopt;
  Graphs graphs;
  if (spec.kind == Kind::MotterLai) {
    graphs.a = std::move(a->graph);
    return graphs;
  }
  auto b = read_graph(spec.layer_b, diagnostics);
  if (!b) return std::nullopt;
  const auto na = a->graph.node_count(), nb = b->graph.node_count();
  if (spec.dependencies.empty()) {
    if (na != nb) {
      diagnostics.error(spec.location.file, spec.location.line, spec.location.column,
                        fmt::format("layer_a has {} nodes and layer_b {}: one-to-one dependencies need equal "
                                    "counts; give a 'dependencies' file",
                                    na, nb));
      return std::nullopt;
    }
    graphs.dependencies = analysis::Dependencies::one_to_one(na);
  } else {
    std::ifstream in(spec.dependencies, std::ios::binary);
    if (!in) {
      diagnostics.error(spec.dependencies, 0, 0, "cannot open dependency list");
      return std::nullopt;
    }
    auto pairs = analysis::read_dependency_pairs(in, spec.dependencies, a->labels, b->labels, diagnostics);
    if (!pairs) return std::nullopt;
    // Each pair is a mutual dependency A_from <-> B_to, as in Buldyrev et al.
    std::vector<std::pair<analysis::NodeId, analysis::NodeId>> reverse;
    reverse.reserve(pairs->size());
    for (const auto& [from, to] : *pairs) reverse.emplace_back(to, from);
    graphs.dependencies = analysis::Dependencies::from_pairs(na, nb, *pairs, reverse);
  }
  graphs.a = std::move(a->graph);
  graphs.b = std::move(b->graph);
  return graphs;
}

analysis::CompactGraph generate(const model::ClassicModelSpec& spec, std::uint64_t seed,
                                const char* purpose) {
  core::Rng rng(seed, 0, purpose, 0);
  if (spec.generator == "barabasi_albert") return analysis::barabasi_albert(spec.n, spec.m, rng);
  return analysis::erdos_renyi(spec.n, spec.mean_degree, rng);
}

Graphs generate_graphs(const model::ClassicModelSpec& spec, std::uint64_t seed) {
  Graphs graphs;
  graphs.a = generate(spec, seed, "classic.layer_a");
  if (spec.kind == Kind::MutualPercolation) {
    graphs.b = generate(spec, seed, "classic.layer_b");
    graphs.dependencies = analysis::Dependencies::one_to_one(spec.n);
  }
  return graphs;
}

analysis::AttackStrategy strategy_of(model::ClassicModelSpec::Attack attack) {
  switch (attack) {
    case model::ClassicModelSpec::Attack::Random:
      return analysis::AttackStrategy::Random;
    case model::ClassicModelSpec::Attack::HighestDegree:
      return analysis::AttackStrategy::HighestDegree;
    case model::ClassicModelSpec::Attack::HighestLoad:
      break;
  }
  return analysis::AttackStrategy::HighestLoad;
}

std::vector<analysis::NodeId> removal_order(std::uint32_t n, std::uint64_t seed) {
  core::Rng rng(seed, 0, "classic.removal", 0);
  return analysis::random_permutation(n, rng);
}

//! Seed of run r of a sweep: run 0 uses the root itself, so a one-run sweep matches `run`.
std::uint64_t run_seed(std::uint64_t root, int run) {
  return run == 0 ? root : core::mix_seed(root, static_cast<std::uint64_t>(run));
}

}  // namespace

std::string classic_parameter(const model::ClassicModelSpec& spec) {
  return spec.kind == Kind::MutualPercolation ? "p" : "alpha";
}

std::string classic_metric(const model::ClassicModelSpec& spec) {
  return spec.kind == Kind::MutualPercolation ? "mu" : "g";
}

std::optional<ClassicResult> run_classic_model(const model::ClassicModelSpec& spec,
                                               std::uint64_t default_seed, core::Diagnostics& diagnostics) {
  const std::uint64_t seed = spec.seed.value_or(default_seed);
  std::optional<Graphs> graphs;
  if (spec.generator.empty())
    graphs = read_graphs(spec, diagnostics);
  else
    graphs = generate_graphs(spec, seed);
  if (!graphs) return std::nullopt;
  ClassicResult out;
  out.kind = spec.kind;
  out.seed = seed;
  out.nodes_a = graphs->a.node_count();
  out.edges_mean_degree = graphs->a.mean_degree();
  if (spec.kind == Kind::MutualPercolation) {
    out.nodes_b = graphs->b.node_count();
    const analysis::MutualPercolation model(graphs->a, graphs->b, std::move(graphs->dependencies));
    const auto order = removal_order(out.nodes_a, seed);
    const auto r = model.run(order, spec.p);
    out.p = r.p;
    out.mu = r.mu;
    out.stages = r.stages;
    out.removed = r.removed;
    out.converged = r.converged;
  } else {
    analysis::MotterLai model(std::move(graphs->a));
    analysis::MotterLaiOptions options;
    options.alpha = spec.alpha;
    options.strategy = strategy_of(spec.attack);
    options.seed = seed;
    const auto r = model.run(options);
    out.alpha = spec.alpha;
    out.g = r.g;
    out.steps = r.steps;
    out.failed = r.failed;
    out.removed_node = r.removed;
    out.converged = r.converged;
  }
  return out;
}

std::vector<ClassicSweepRow> run_classic_sweep(const model::ClassicModelSpec& spec,
                                               std::uint64_t default_seed, const ClassicSweepOptions& options,
                                               core::Diagnostics& diagnostics, std::string* error) {
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return std::vector<ClassicSweepRow>{};
  };
  if (options.parameter != classic_parameter(spec))
    return fail("unknown parameter '" + options.parameter + "' for this classic model; use " +
                classic_parameter(spec));
  if (!(options.step > 0) || !std::isfinite(options.from) || !std::isfinite(options.to) ||
      options.to < options.from)
    return fail("need --from <= --to and --step > 0");
  if (options.runs < 1) return fail("--runs must be at least 1");
  const bool percolation = spec.kind == Kind::MutualPercolation;
  const auto count =
      static_cast<long long>(std::floor((options.to - options.from) / options.step + 1e-9)) + 1;
  std::vector<double> values;
  for (long long i = 0; i < count; ++i) {
    const double v = options.from + static_cast<double>(i) * options.step;
    if (percolation ? (v < 0 || v > 1 + 1e-12) : v < 0)
      return fail(percolation ? "p must lie in [0, 1]" : "alpha must not be negative");
    values.push_back(percolation ? std::min(v, 1.0) : v);
  }
  const std::uint64_t root = options.seed.value_or(spec.seed.value_or(default_seed));
  std::optional<Graphs> file_graphs;
  if (spec.generator.empty()) {
    file_graphs = read_graphs(spec, diagnostics);
    if (!file_graphs) return fail("cannot build the graphs");
  }
  // metric[run][value], steps[run][value]
  std::vector<std::vector<double>> metric(static_cast<std::size_t>(options.runs)),
      steps(static_cast<std::size_t>(options.runs));
  auto one_run = [&](int run) {
    const std::uint64_t seed = run_seed(root, run);
    std::optional<Graphs> generated;
    if (!file_graphs) generated = generate_graphs(spec, seed);
    const Graphs& graphs = file_graphs ? *file_graphs : *generated;
    auto& m = metric[static_cast<std::size_t>(run)];
    auto& s = steps[static_cast<std::size_t>(run)];
    if (percolation) {
      const analysis::MutualPercolation model(graphs.a, graphs.b, graphs.dependencies);
      const auto order = removal_order(graphs.a.node_count(), seed);
      for (const auto& r : model.sweep(order, values)) {
        m.push_back(r.mu);
        s.push_back(r.stages);
      }
    } else {
      analysis::MotterLai model(graphs.a);
      for (double alpha : values) {
        analysis::MotterLaiOptions o;
        o.alpha = alpha;
        o.strategy = strategy_of(spec.attack);
        o.seed = seed;
        const auto r = model.run(o);
        m.push_back(r.g);
        s.push_back(r.steps);
      }
    }
  };
  const int threads = options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
  tbb::task_arena arena(threads);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<int>(0, options.runs), [&](const tbb::blocked_range<int>& range) {
      for (int run = range.begin(); run != range.end(); ++run) one_run(run);
    });
  });
  std::vector<ClassicSweepRow> rows;
  for (std::size_t k = 0; k < values.size(); ++k) {
    std::vector<double> mv, sv;
    for (int run = 0; run < options.runs; ++run) {
      mv.push_back(metric[static_cast<std::size_t>(run)][k]);
      sv.push_back(steps[static_cast<std::size_t>(run)][k]);
    }
    rows.push_back({values[k], describe(std::move(mv)), describe(std::move(sv))});
  }
  return rows;
}

std::string classic_sweep_csv(const std::string& parameter, const std::string& metric,
                              const std::vector<ClassicSweepRow>& rows) {
  std::string out = fmt::format("{0},{1}_mean,{1}_p5,{1}_p50,{1}_p95,steps_mean\n", parameter, metric);
  auto number = [](double v) { return std::isfinite(v) ? fmt::format("{:.10g}", v) : std::string(); };
  for (const auto& row : rows)
    out +=
        fmt::format("{},{},{},{},{},{}\n", number(row.value), number(row.metric.mean), number(row.metric.p5),
                    number(row.metric.p50), number(row.metric.p95), number(row.steps.mean));
  return out;
}

std::string classic_summary_json(const std::string& scenario_name, const ClassicResult& result) {
  nlohmann::ordered_json j;
  j["scenario"] = scenario_name;
  j["seed"] = result.seed;
  if (result.kind == Kind::MutualPercolation) {
    j["classic_model"] = "mutual_percolation";
    j["nodes_a"] = result.nodes_a;
    j["nodes_b"] = result.nodes_b;
    j["p"] = result.p;
    j["removed"] = result.removed;
    j["mu_infinity"] = result.mu;
    j["stages"] = result.stages;
  } else {
    j["classic_model"] = "motter_lai";
    j["nodes"] = result.nodes_a;
    j["alpha"] = result.alpha;
    j["removed_node"] = result.removed_node;
    j["g"] = result.g;
    j["steps"] = result.steps;
    j["failed"] = result.failed;
  }
  j["converged"] = result.converged;
  return j.dump(2) + "\n";
}

}  // namespace blackstart::study
