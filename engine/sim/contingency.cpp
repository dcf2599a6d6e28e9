// Outage screening with PTDF/LODF from one factorisation; the method is described in
// contingency.hpp. Every outage is computed independently into its own slot of a pre-sized vector,
// with per-thread scratch only, so results do not depend on the number of threads.
#include "blackstart/sim/contingency.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace blackstart::sim {

namespace {

// A flow within this of its rating is not an overload: the screen and a re-solve differ by rounding,
// and a branch loaded exactly to its rating should not flip between the two.
constexpr double kOverloadToleranceMw = 1e-6;
// An LODF denominator (or 2x2 determinant) this small for outages the graph says leave every bus
// connected can only come from rounding on a nearly radial path: re-solve rather than divide by it.
constexpr double kMinDenominator = 1e-9;

//! Buses cut off from every reference bus by an outage, and what they had.
struct Cut {
  int buses = 0;
  double load_mw = 0, generation_mw = 0;
};

}  // namespace

bool worse_outage(const OutageResult& a, const OutageResult& b) {
  if (a.shed_mw != b.shed_mw) return a.shed_mw > b.shed_mw;
  if (a.overload_mw != b.overload_mw) return a.overload_mw > b.overload_mw;
  if (a.worst_loading_pct != b.worst_loading_pct) return a.worst_loading_pct > b.worst_loading_pct;
  return a.branches < b.branches;
}

struct ContingencyAnalysis::Impl {
  model::PowerCase c;
  DcSolver solver;  // holds a reference to `c`: declared after it
  bool ok = false;
  std::string message;
  DcFlow base;
  std::size_t n = 0, m = 0;
  std::vector<int> from, to;           //!< bus rows per branch
  std::vector<double> susceptance;     //!< p.u. per branch, 0 unless energised
  std::vector<double> rate;            //!< rate A per branch, MVA (0 = unlimited)
  std::vector<int> rated;              //!< rows of energised branches with a rate A
  std::vector<double> percent_per_mw;  //!< 100 / rate A per branch (a product is cheaper than a division)
  std::vector<char> in_service;        //!< case status per branch
  std::vector<double> injections;      //!< MW per bus
  std::vector<int> candidates;         //!< energised branch rows
  std::vector<double> bus_load;        //!< positive Pd per bus
  std::vector<double> bus_generation;  //!< in-service Pg plus negative Pd per bus
  std::vector<int> adjacency_start, adjacency_bus, adjacency_branch;  //!< energised network, CSR
  // Depth-first tree of the energised network rooted at the reference bus(es).
  std::vector<int> order;  //!< preorder number per bus, -1 when not reached
  std::vector<int> subtree_size;
  std::vector<double> subtree_load, subtree_generation;
  std::vector<int> island_root;  //!< per branch: root of the subtree its outage cuts off, or -1
  std::vector<int> live_end;     //!< per branch that cuts off: its end that stays energised
  int cut_off = 0;

  //! Outages whose PTDF columns are solved together (DcSolver sweeps up to 8 columns at once).
  static constexpr int kBlock = 8;

  struct Scratch {
    std::vector<double> x;  //!< kBlock angle columns of n entries
    std::vector<double> flows;
    std::vector<char> seen;
    std::vector<int> stack;
    std::unique_ptr<DcSolver> resolver;  //!< for the few outages that need a full re-solve
  };

  explicit Impl(const model::PowerCase& power_case) : c(power_case), solver(c) {
    n = c.buses.size();
    m = c.branches.size();
    from = solver.branch_from_bus();
    to = solver.branch_to_bus();
    in_service.resize(m);
    rate.resize(m);
    for (std::size_t l = 0; l < m; ++l) {
      in_service[l] = c.branches[l].in_service;
      rate[l] = c.branches[l].rate_a_mva;
    }
    injections = solver.case_injections_mw();
    base = solver.solve(in_service, injections);
    if (!base.ok) {
      message = base.message;
      return;
    }
    if (!std::all_of(base.pf_mw.begin(), base.pf_mw.end(), [](double f) { return std::isfinite(f); })) {
      message = "base-case flows are not finite (a branch with zero reactance?)";
      return;
    }
    if (!solver.factorise(in_service)) {
      message = "singular susceptance matrix (a branch with zero reactance?)";
      return;
    }
    susceptance = solver.factorised_susceptance_pu();
    for (std::size_t l = 0; l < m; ++l)
      if (susceptance[l] != 0.0) {
        candidates.push_back(static_cast<int>(l));
        if (rate[l] > 0) rated.push_back(static_cast<int>(l));
      }
    percent_per_mw.assign(m, 0.0);
    for (int l : rated) percent_per_mw[l] = 100.0 / rate[l];
    bus_load.assign(n, 0.0);
    bus_generation.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      bus_load[i] = std::max(c.buses[i].pd_mw, 0.0);
      bus_generation[i] = std::max(-c.buses[i].pd_mw, 0.0);
    }
    for (const auto& g : c.gens)
      if (g.in_service) bus_generation[c.bus_index.at(g.bus)] += g.pg_mw;
    build_adjacency();
    find_cut_offs();
    ok = true;
  }

  void build_adjacency() {
    adjacency_start.assign(n + 1, 0);
    for (int l : candidates) {
      ++adjacency_start[from[l] + 1];
      ++adjacency_start[to[l] + 1];
    }
    for (std::size_t i = 0; i < n; ++i) adjacency_start[i + 1] += adjacency_start[i];
    adjacency_bus.resize(adjacency_start[n]);
    adjacency_branch.resize(adjacency_start[n]);
    std::vector<int> next(adjacency_start.begin(), adjacency_start.end() - 1);
    for (int l : candidates) {
      adjacency_bus[next[from[l]]] = to[l];
      adjacency_branch[next[from[l]]++] = l;
      adjacency_bus[next[to[l]]] = from[l];
      adjacency_branch[next[to[l]]++] = l;
    }
  }

  //! Tarjan's bridges on a depth-first tree from each reference bus, iteratively (networks of
  //! thousands of buses in a chain would overflow a recursive one). Branch e to child v is a bridge
  //! when nothing in v's subtree reaches above v except through e; the subtree is cut off when it
  //! holds no reference bus of its own. Parallel branches are distinct edges, so never bridges.
  void find_cut_offs() {
    order.assign(n, -1);
    subtree_size.assign(n, 0);
    subtree_load.assign(n, 0.0);
    subtree_generation.assign(n, 0.0);
    island_root.assign(m, -1);
    live_end.assign(m, -1);
    std::vector<int> low(n, 0), parent_branch(n, -1), subtree_refs(n, 0);
    std::vector<std::pair<int, int>> stack;  // bus, next adjacency position
    int counter = 0;
    auto discover = [&](int v, int via) {
      order[v] = low[v] = counter++;
      parent_branch[v] = via;
      subtree_size[v] = 1;
      subtree_load[v] = bus_load[v];
      subtree_generation[v] = bus_generation[v];
      stack.emplace_back(v, adjacency_start[v]);
    };
    const auto& refs = solver.reference_buses();
    for (int r : refs) subtree_refs[r] = 1;
    for (int root : refs) {
      if (order[root] >= 0) continue;
      discover(root, -1);
      while (!stack.empty()) {
        const int v = stack.back().first;
        const int position = stack.back().second;
        if (position < adjacency_start[v + 1]) {
          ++stack.back().second;
          const int w = adjacency_bus[position], e = adjacency_branch[position];
          if (e == parent_branch[v]) continue;
          if (order[w] < 0)
            discover(w, e);
          else
            low[v] = std::min(low[v], order[w]);
          continue;
        }
        stack.pop_back();
        const int e = parent_branch[v];
        if (e < 0) continue;
        const int p = from[e] == v ? to[e] : from[e];
        low[p] = std::min(low[p], low[v]);
        subtree_size[p] += subtree_size[v];
        subtree_load[p] += subtree_load[v];
        subtree_generation[p] += subtree_generation[v];
        subtree_refs[p] += subtree_refs[v];
        if (low[v] > order[p] && subtree_refs[v] == 0) {
          island_root[e] = v;
          live_end[e] = p;
          ++cut_off;
        }
      }
    }
  }

  [[nodiscard]] Scratch make_scratch() const {
    Scratch s;
    s.x.assign(n * kBlock, 0.0);
    s.flows.assign(m, 0.0);
    s.seen.assign(n, 0);
    return s;
  }

  //! Right-hand side of the PTDF column of a 1 p.u. transfer from bus `a` to bus `b` (b < 0: to
  //! the reference) into the n entries at x; DcSolver::solve_factorised turns it into angles.
  void transfer(int a, int b, double* x) const {
    std::fill(x, x + n, 0.0);
    x[a] = 1.0;
    if (b >= 0) x[b] -= 1.0;
  }

  //! The transfer whose PTDF column outage k needs: across k, or, when k cuts buses off, from k's
  //! live end to the reference.
  void outage_transfer(int k, double* x) const {
    if (island_root[k] >= 0)
      transfer(live_end[k], -1, x);
    else
      transfer(from[k], to[k], x);
  }

  //! Flow change on branch l per unit transfer whose angles are x.
  [[nodiscard]] double ptdf(int l, const double* x) const { return susceptance[l] * (x[from[l]] - x[to[l]]); }

  //! Full re-solve with the given branches out; flows into s.flows. The fallback for outages the
  //! factors cannot express; each thread keeps its own solver (DcSolver::solve is not reentrant).
  Cut resolve(const std::vector<int>& out, Scratch& s) const {
    if (!s.resolver) s.resolver = std::make_unique<DcSolver>(c);
    std::vector<char> status = in_service;
    for (int k : out) status[k] = 0;
    const DcFlow flow = s.resolver->solve(status, injections);
    std::copy(flow.pf_mw.begin(), flow.pf_mw.end(), s.flows.begin());
    Cut cut;
    for (std::size_t i = 0; i < n; ++i)
      if (base.reached[i] && !flow.reached[i]) {
        ++cut.buses;
        cut.load_mw += bus_load[i];
        cut.generation_mw += bus_generation[i];
      }
    return cut;
  }

  //! How one outage changes flows: flow_l' = flow_l + PTDF_l * scale with the PTDF column of its
  //! transfer, except that the branch itself and the branches of a cut-off island (preorder numbers
  //! in [first, last)) carry nothing; or, after a fallback re-solve, the flows in the scratch. Kept
  //! in this form so the screen computes flows only where it needs them (rated branches).
  struct Single {
    int branch = -1;
    double scale = 0;
    int first = 0, last = 0;
    bool resolved = false;
    Cut cut;
  };

  //! Outage k given the angles x of its transfer (`outage_transfer`, solved).
  Single finish(int k, const double* x, Scratch& s) const {
    Single o;
    o.branch = k;
    const double flow_k = base.pf_mw[k];
    if (island_root[k] >= 0) {
      // The island goes dark; the live grid no longer sends (or receives) what crossed k.
      const int root = island_root[k], live = live_end[k];
      o.first = order[root];
      o.last = o.first + subtree_size[root];
      o.scale = from[k] == live ? flow_k : -flow_k;
      o.cut = {subtree_size[root], subtree_load[root], subtree_generation[root]};
      return o;
    }
    const double denominator = 1.0 - ptdf(k, x);
    if (std::abs(denominator) < kMinDenominator) {
      o.resolved = true;
      o.cut = resolve({k}, s);
      return o;
    }
    // The transfer that, added to the intact network, makes k carry exactly itself: the rest of
    // the network then sees k as absent.
    o.scale = flow_k / denominator;
    return o;
  }

  Single single(int k, Scratch& s) const {
    outage_transfer(k, s.x.data());
    solver.solve_factorised(s.x, 1);
    return finish(k, s.x.data(), s);
  }

  [[nodiscard]] double flow_after(int l, const Single& o, const double* x, const Scratch& s) const {
    if (o.resolved) return s.flows[l];
    const int position = order[from[l]];
    if (l == o.branch || (position >= o.first && position < o.last)) return 0.0;
    return base.pf_mw[l] + ptdf(l, x) * o.scale;
  }

  //! One outage with all its flows in the scratch.
  Cut single_flows(int k, Scratch& s) const {
    const Single o = single(k, s);
    for (std::size_t l = 0; l < m; ++l) s.flows[l] = flow_after(static_cast<int>(l), o, s.x.data(), s);
    return o.cut;
  }

  //! Whether taking out branches a and b cuts any energised bus off from every reference bus.
  bool pair_cuts_off(int a, int b, Scratch& s) const {
    std::fill(s.seen.begin(), s.seen.end(), 0);
    s.stack.clear();
    int seen = 0;
    for (int r : solver.reference_buses())
      if (!s.seen[r]) {
        s.seen[r] = 1;
        s.stack.push_back(r);
        ++seen;
      }
    while (!s.stack.empty()) {
      const int v = s.stack.back();
      s.stack.pop_back();
      for (int p = adjacency_start[v]; p < adjacency_start[v + 1]; ++p) {
        const int e = adjacency_branch[p], w = adjacency_bus[p];
        if (e == a || e == b || s.seen[w]) continue;
        s.seen[w] = 1;
        s.stack.push_back(w);
        ++seen;
      }
    }
    return seen < static_cast<int>(std::count(base.reached.begin(), base.reached.end(), 1));
  }

  Cut pair(int a, int b, Scratch& s) const {
    if (a == b) return single_flows(a, s);
    if (island_root[a] >= 0 || island_root[b] >= 0 || pair_cuts_off(a, b, s)) return resolve({a, b}, s);
    const double* x = s.x.data();
    const double* y = x + n;
    transfer(from[a], to[a], s.x.data());
    transfer(from[b], to[b], s.x.data() + n);
    solver.solve_factorised(s.x, 2);
    // Transfers t_a, t_b across a and b such that each branch carries exactly its own transfer:
    // [1 - P_aa, -P_ab; -P_ba, 1 - P_bb] [t_a; t_b] = [F_a; F_b].
    const double p_aa = ptdf(a, x), p_ab = ptdf(a, y), p_ba = ptdf(b, x), p_bb = ptdf(b, y);
    const double f_a = base.pf_mw[a], f_b = base.pf_mw[b];
    const double det = (1.0 - p_aa) * (1.0 - p_bb) - p_ab * p_ba;
    if (std::abs(det) < kMinDenominator) return resolve({a, b}, s);
    const double t_a = (f_a * (1.0 - p_bb) + p_ab * f_b) / det;
    const double t_b = (f_b * (1.0 - p_aa) + p_ba * f_a) / det;
    for (std::size_t l = 0; l < m; ++l) {
      const int li = static_cast<int>(l);
      s.flows[l] = base.pf_mw[l] + ptdf(li, x) * t_a + ptdf(li, y) * t_b;
    }
    s.flows[a] = 0.0;
    s.flows[b] = 0.0;
    return {};
  }

  //! Summary of an outage given the flow of each rated branch afterwards, `flow(row)`.
  template <typename Flow>
  [[nodiscard]] OutageResult summarise(std::vector<int> branches, Flow flow, const Cut& cut) const {
    OutageResult r;
    std::sort(branches.begin(), branches.end());
    r.branches = std::move(branches);
    for (int l : rated) {
      const double magnitude = std::abs(flow(l));
      const double loading = magnitude * percent_per_mw[l];
      if (r.worst_branch < 0 || loading > r.worst_loading_pct) {
        r.worst_loading_pct = loading;
        r.worst_branch = l;
      }
      if (magnitude - rate[l] > kOverloadToleranceMw) {
        ++r.overloads;
        r.overload_mw += magnitude - rate[l];
      }
    }
    r.shed_mw = cut.load_mw;
    r.lost_generation_mw = cut.generation_mw;
    r.islanded_buses = cut.buses;
    r.islanded = cut.buses > 0;
    return r;
  }

  [[nodiscard]] OutageResult summarise(std::vector<int> branches, const std::vector<double>& flows,
                                       const Cut& cut) const {
    return summarise(
        std::move(branches), [&flows](int l) { return flows[l]; }, cut);
  }

  //! Summary of outage k given the angles x of its transfer.
  [[nodiscard]] OutageResult evaluate_single(int k, const double* x, Scratch& s) const {
    const Single o = finish(k, x, s);
    return summarise(
        {k}, [&](int l) { return flow_after(l, o, x, s); }, o.cut);
  }

  //! Runs `evaluate(first, last, scratch, results)` over fixed blocks of kBlock indices of
  //! [0, count) on the requested threads, each result into its own slot, then ranks. The blocks do
  //! not depend on the thread count, so neither do the results.
  template <typename Evaluate>
  std::vector<OutageResult> run(std::size_t count, int threads, Evaluate evaluate) const {
    std::vector<OutageResult> results(count);
    tbb::enumerable_thread_specific<Scratch> scratch([this] { return make_scratch(); });
    tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
    const std::size_t blocks = (count + kBlock - 1) / kBlock;
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 2), [&](const auto& range) {
        Scratch& s = scratch.local();
        for (std::size_t b = range.begin(); b != range.end(); ++b)
          evaluate(b * kBlock, std::min(count, (b + 1) * kBlock), s, results);
      });
    });
    std::sort(results.begin(), results.end(), worse_outage);
    return results;
  }
};

ContingencyAnalysis::ContingencyAnalysis(const model::PowerCase& power_case)
    : impl_(std::make_unique<Impl>(power_case)) {}
ContingencyAnalysis::~ContingencyAnalysis() = default;

bool ContingencyAnalysis::ok() const {
  return impl_->ok;
}

const std::string& ContingencyAnalysis::message() const {
  return impl_->message;
}

const model::PowerCase& ContingencyAnalysis::power_case() const {
  return impl_->c;
}

const DcFlow& ContingencyAnalysis::base() const {
  return impl_->base;
}

const std::vector<int>& ContingencyAnalysis::candidates() const {
  return impl_->candidates;
}

bool ContingencyAnalysis::cuts_off(int branch) const {
  return impl_->ok && impl_->island_root.at(branch) >= 0;
}

int ContingencyAnalysis::cut_off_count() const {
  return impl_->cut_off;
}

std::vector<double> ContingencyAnalysis::flows_after(int branch) const {
  if (!impl_->ok) return {};
  auto s = impl_->make_scratch();
  if (impl_->susceptance.at(branch) == 0.0) return impl_->base.pf_mw;
  impl_->single_flows(branch, s);
  return s.flows;
}

std::vector<double> ContingencyAnalysis::flows_after(int branch_a, int branch_b) const {
  if (!impl_->ok) return {};
  const bool live_a = impl_->susceptance.at(branch_a) != 0.0, live_b = impl_->susceptance.at(branch_b) != 0.0;
  if (!live_a && !live_b) return impl_->base.pf_mw;
  if (!live_a || !live_b) return flows_after(live_a ? branch_a : branch_b);
  auto s = impl_->make_scratch();
  impl_->pair(branch_a, branch_b, s);
  return s.flows;
}

OutageResult ContingencyAnalysis::evaluate_base() const {
  if (!impl_->ok) return {};
  return impl_->summarise({}, impl_->base.pf_mw, {});
}

OutageResult ContingencyAnalysis::evaluate(int branch) const {
  if (!impl_->ok) return {};
  if (impl_->susceptance.at(branch) == 0.0) return impl_->summarise({branch}, impl_->base.pf_mw, {});
  auto s = impl_->make_scratch();
  impl_->outage_transfer(branch, s.x.data());
  impl_->solver.solve_factorised(s.x, 1);
  return impl_->evaluate_single(branch, s.x.data(), s);
}

OutageResult ContingencyAnalysis::evaluate(int branch_a, int branch_b) const {
  if (!impl_->ok) return {};
  auto s = impl_->make_scratch();
  const bool live_a = impl_->susceptance.at(branch_a) != 0.0, live_b = impl_->susceptance.at(branch_b) != 0.0;
  std::vector<int> branches{branch_a, branch_b};
  if (branch_a == branch_b) branches.pop_back();
  if (!live_a && !live_b) return impl_->summarise(branches, impl_->base.pf_mw, {});
  const Cut cut = !live_a || !live_b ? impl_->single_flows(live_a ? branch_a : branch_b, s)
                                     : impl_->pair(branch_a, branch_b, s);
  return impl_->summarise(branches, s.flows, cut);
}

std::vector<OutageResult> ContingencyAnalysis::screen_n1(const ContingencyOptions& options) const {
  if (!impl_->ok) return {};
  const Impl& impl = *impl_;
  return impl.run(
      impl.candidates.size(), options.threads,
      [&impl](std::size_t first, std::size_t last, Impl::Scratch& s, std::vector<OutageResult>& results) {
        const int count = static_cast<int>(last - first);
        for (int i = 0; i < count; ++i)
          impl.outage_transfer(impl.candidates[first + i], s.x.data() + i * impl.n);
        impl.solver.solve_factorised(s.x, count);
        for (int i = 0; i < count; ++i)
          results[first + i] = impl.evaluate_single(impl.candidates[first + i], s.x.data() + i * impl.n, s);
      });
}

std::vector<OutageResult> ContingencyAnalysis::screen_pairs(const std::vector<int>& branches,
                                                            const ContingencyOptions& options) const {
  if (!impl_->ok) return {};
  std::vector<int> rows;
  for (int b : branches)
    if (impl_->susceptance.at(b) != 0.0 && std::find(rows.begin(), rows.end(), b) == rows.end())
      rows.push_back(b);
  std::vector<std::pair<int, int>> pairs;
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = i + 1; j < rows.size(); ++j) pairs.emplace_back(rows[i], rows[j]);
  const Impl& impl = *impl_;
  return impl.run(pairs.size(), options.threads,
                  [&impl, &pairs](std::size_t first, std::size_t last, Impl::Scratch& s,
                                  std::vector<OutageResult>& results) {
                    for (std::size_t i = first; i < last; ++i) {
                      const auto [a, b] = pairs[i];
                      const Cut cut = impl.pair(a, b, s);
                      results[i] = impl.summarise({a, b}, s.flows, cut);
                    }
                  });
}

std::vector<OutageResult> ContingencyAnalysis::screen_n2(const std::vector<OutageResult>& n1_ranking,
                                                         int top_k, const ContingencyOptions& options) const {
  std::vector<int> rows;
  for (const auto& outage : n1_ranking) {
    if (static_cast<int>(rows.size()) >= top_k) break;
    if (outage.branches.size() == 1) rows.push_back(outage.branches.front());
  }
  return screen_pairs(rows, options);
}

}  // namespace blackstart::sim
