#pragma once
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "blackstart/model/power_case.hpp"

namespace blackstart::sim {

//! DC power flow result; vectors follow the case's bus, branch and generator rows.
struct DcFlow {
  bool ok = false;
  std::string message;
  std::vector<double> va_deg;  //!< per bus
  std::vector<double> pf_mw;   //!< per branch, from end (0 when out of service)
  std::vector<double> pg_mw;   //!< per generator (slack generator balances)
  int ref_bus = -1;            //!< row of the (first) reference bus
  std::vector<char> reached;   //!< per bus: connected to a reference bus
};

//! Solves the standard B-theta DC power flow exactly as MATPOWER's `rundcpf` models it:
//! susceptance 1/(x * tap), phase shifters as injections, bus shunt conductance as load, one
//! reference bus keeping its case angle.
DcFlow solve_dc(const model::PowerCase& power_case);

//! Re-usable DC solver: the matrix pattern and its symbolic analysis are built once for all
//! branches; a solve with some branches out of service only refactorises numerically.
class DcSolver {
 public:
  explicit DcSolver(const model::PowerCase& power_case);
  ~DcSolver();
  DcSolver(const DcSolver&) = delete;
  DcSolver& operator=(const DcSolver&) = delete;

  //! Solves with the given branches in service (per branch row) and bus injections in MW
  //! (generation minus load, per bus). Buses not connected to the reference are left at 0.
  DcFlow solve(const std::vector<char>& branch_in_service, const std::vector<double>& injection_mw);
  //! Same with reference buses chosen by the caller (one per island), held at the given angles.
  DcFlow solve(const std::vector<char>& branch_in_service, const std::vector<double>& injection_mw,
               const std::vector<int>& refs, const std::vector<double>& ref_angles_deg);
  //! Same with the case's own branch status and injections.
  DcFlow solve();
  //! Injections of the case: in-service generation minus load minus shunt conductance, MW per bus.
  [[nodiscard]] std::vector<double> case_injections_mw() const;

  // Sensitivities (PTDF/LODF screens): factorise one network once, then solve many right-hand
  // sides against it, from any number of threads.

  //! Factorises the susceptance matrix of the given in-service branches with the case's reference
  //! buses held fixed. Kept apart from `solve`, which neither uses nor disturbs it. False when there
  //! is no reference bus or the matrix is singular.
  bool factorise(const std::vector<char>& branch_in_service);
  //! Solves B x = p in place with the matrix of `factorise`: p in p.u. per bus, x in radians. Rows
  //! of reference buses and of buses not reached from one are held at 0 (their p is ignored), so x
  //! is the angle response to p with the references absorbing the balance. Only reads the
  //! factorisation: safe to call concurrently.
  void solve_factorised(std::span<double> p_to_x) const;
  //! Same for `count` right-hand sides stored one after another (bus i of the j-th at
  //! p_to_x[j * buses + i]); much cheaper per column than one at a time, same values.
  void solve_factorised(std::span<double> p_to_x, int count) const;
  //! Per branch, the susceptance 1 / (x * tap) in p.u. that `factorise` used; 0 for a branch out of
  //! service, not reached from a reference bus, or a self loop.
  [[nodiscard]] const std::vector<double>& factorised_susceptance_pu() const;
  //! Per bus: reached from a reference bus through the branches given to `factorise`.
  [[nodiscard]] const std::vector<char>& factorised_reached() const;
  //! Rows of the two ends of each branch (from, to).
  [[nodiscard]] const std::vector<int>& branch_from_bus() const;
  [[nodiscard]] const std::vector<int>& branch_to_bus() const;
  //! Reference buses (rows) the case's own solves use.
  [[nodiscard]] const std::vector<int>& reference_buses() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct AcOptions {
  double tolerance = 1e-8;        //!< on the largest power mismatch, p.u.
  int max_iterations = 10;        //!< Newton iterations
  bool enforce_q_limits = false;  //!< switch PV buses whose generators exceed Q limits to PQ
};

//! AC power flow result.
struct AcFlow {
  bool converged = false;
  int iterations = 0;
  double max_mismatch_pu = 0;
  std::string message;
  std::vector<double> vm_pu, va_deg;                   //!< per bus
  std::vector<double> pf_mw, qf_mvar, pt_mw, qt_mvar;  //!< per branch (0 when out of service)
  std::vector<double> pg_mw, qg_mvar;                  //!< per generator
  double losses_mw = 0;
};

//! Newton-Raphson AC power flow in polar coordinates with a sparse Jacobian factorised by KLU,
//! following MATPOWER's `runpf` model (pi-model branches with taps and phase shifters, bus shunts).
AcFlow solve_ac(const model::PowerCase& power_case, const AcOptions& options = {});

//! Loading of a branch in percent of its rate A (0 = unlimited gives NaN).
double loading_pct(double flow_mva, double rate_mva);

}  // namespace blackstart::sim
