#pragma once
#include <memory>
#include <string>
#include <vector>

#include "blackstart/model/power_case.hpp"
#include "blackstart/sim/powerflow.hpp"

namespace blackstart::sim {

//! What taking out one branch (N-1) or two (N-2) does to the DC network.
struct OutageResult {
  std::vector<int> branches;      //!< rows (0-based) of the branches taken out, ascending
  int overloads = 0;              //!< branches with |flow| > rate A + 1e-6 MW afterwards (0 = no limit)
  double worst_loading_pct = 0;   //!< largest |flow| / rate A over rated branches, percent; 0 if none
  int worst_branch = -1;          //!< row of that branch; -1 if no branch is rated
  double overload_mw = 0;         //!< sum over overloaded branches of |flow| - rate A
  double shed_mw = 0;             //!< load (positive Pd) of the buses cut off from every reference bus
  double lost_generation_mw = 0;  //!< in-service generation (and negative Pd) of those buses
  int islanded_buses = 0;         //!< number of buses cut off
  bool islanded = false;          //!< the outage cut some buses off from every reference bus
};

//! Ranking order, worst first: more MW shed, then more overload MW, then higher worst loading,
//! then the branch rows ascending. A total order, so a sorted ranking never depends on how it was
//! computed (thread count, input order).
bool worse_outage(const OutageResult& a, const OutageResult& b);

struct ContingencyOptions {
  int threads = 0;  //!< worker threads; 0 = as many as the machine has
};

//! Outage screening on the DC (B-theta) model of a case, solved like `solve_dc` (the case's own
//! reference bus balances every change).
//!
//! The susceptance matrix of the base case is factorised once. For a single outage k the flows
//! follow from line outage distribution factors: one solve gives the PTDF column of a transfer from
//! k's from bus to its to bus, and
//!   flow_l' = flow_l + LODF(l,k) * flow_k,  LODF(l,k) = PTDF_l(f_k,t_k) / (1 - PTDF_k(f_k,t_k)),
//! which equals a full re-solve without k, to rounding.
//!
//! When k is a bridge that leaves buses without a reference bus (the LODF denominator is 0), those
//! buses are de-energised, as a re-solve would leave them: their load is shed, their generation
//! lost, their branches carry nothing. The rest of the grid then sees only the loss of the power
//! that crossed k, made up by the reference bus; that is the PTDF column of an injection at k's
//! end on the live side, solved (instead of the transfer's) with the same factorisation, and again
//! equals a re-solve.
//! Bridges are found for all branches at once (Tarjan's low-link on a depth-first tree rooted at
//! the reference bus), so the cut-off island is a subtree and its load a subtree sum. Re-solving
//! instead would refactorise per bridge; case9241pegase has 1,665 of them.
//!
//! The screen solves the PTDF columns of eight outages in one sweep of the factor, in fixed blocks,
//! and summarises each outage from the rated branches only.
//!
//! A pair is evaluated exactly: with a 2x2 LODF system when the two outages leave every bus
//! connected, with a full re-solve (DcSolver::solve) when they cut some buses off.
class ContingencyAnalysis {
 public:
  //! Copies the case, solves its base flow and factorises. Check `ok()`.
  explicit ContingencyAnalysis(const model::PowerCase& power_case);
  ~ContingencyAnalysis();
  ContingencyAnalysis(const ContingencyAnalysis&) = delete;
  ContingencyAnalysis& operator=(const ContingencyAnalysis&) = delete;

  [[nodiscard]] bool ok() const;
  //! Why the base case could not be solved, when `ok()` is false.
  [[nodiscard]] const std::string& message() const;
  [[nodiscard]] const model::PowerCase& power_case() const;
  //! Base-case DC flow.
  [[nodiscard]] const DcFlow& base() const;
  //! Rows of the branches whose outage is screened: in service, between two buses reached from a
  //! reference bus, not self loops. Others carry no flow, so taking them out changes nothing.
  [[nodiscard]] const std::vector<int>& candidates() const;
  //! Whether taking out this branch alone cuts buses off from every reference bus.
  [[nodiscard]] bool cuts_off(int branch) const;
  //! Number of candidate branches that cut buses off.
  [[nodiscard]] int cut_off_count() const;

  //! Flows (MW per branch row, from end) after taking out one branch or two. Safe to call
  //! concurrently.
  [[nodiscard]] std::vector<double> flows_after(int branch) const;
  [[nodiscard]] std::vector<double> flows_after(int branch_a, int branch_b) const;
  //! Summary of the base case (no outage; `branches` empty).
  [[nodiscard]] OutageResult evaluate_base() const;
  //! Summary of one outage or a pair.
  [[nodiscard]] OutageResult evaluate(int branch) const;
  [[nodiscard]] OutageResult evaluate(int branch_a, int branch_b) const;

  //! Every candidate outage, ranked by `worse_outage`.
  [[nodiscard]] std::vector<OutageResult> screen_n1(const ContingencyOptions& options = {}) const;
  //! Every pair among the given branch rows, ranked by `worse_outage`.
  [[nodiscard]] std::vector<OutageResult> screen_pairs(const std::vector<int>& branches,
                                                       const ContingencyOptions& options = {}) const;
  //! N-2 as screened in practice: all pairs among the branches of the first `top_k` outages of an
  //! N-1 ranking.
  [[nodiscard]] std::vector<OutageResult> screen_n2(const std::vector<OutageResult>& n1_ranking, int top_k,
                                                    const ContingencyOptions& options = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace blackstart::sim
