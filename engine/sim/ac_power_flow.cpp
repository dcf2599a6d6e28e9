// AC power flow on MATPOWER-style cases.
//
// AC: Newton-Raphson on the polar power-mismatch equations S = V .* conj(Y V) - S_bus with the
// pi-model branch admittances of MATPOWER (series 1/(r + jx), charging jb/2 at each end, complex
// tap t = ratio * e^{j shift} at the from end). Unknowns: angles of PV and PQ buses, magnitudes of
// PQ buses. Equations and sources are listed in docs/models.md.

#include "blackstart/sim/powerflow.hpp"

#include "bus_classes.hpp"

#include <amd.h>
#include <klu.h>

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numbers>
#include <span>

namespace blackstart::sim {

using detail::BusClasses;
using detail::classify;
using detail::kDegToRad;
using detail::tap_of;
using model::BusType;
using model::PowerCase;

namespace {

using Complex = std::complex<double>;

struct Admittance {
  Eigen::SparseMatrix<Complex> ybus;        //!< column-major, compressed
  std::vector<Complex> yff, yft, ytf, ytt;  //!< per branch
};

Admittance build_admittance(const PowerCase& c) {
  const int n = static_cast<int>(c.buses.size());
  Admittance a;
  const std::size_t m = c.branches.size();
  a.yff.assign(m, 0.0);
  a.yft.assign(m, 0.0);
  a.ytf.assign(m, 0.0);
  a.ytt.assign(m, 0.0);
  std::vector<Eigen::Triplet<Complex>> triplets;
  triplets.reserve(n + 4 * m);
  for (int i = 0; i < n; ++i)
    triplets.emplace_back(i, i, Complex(c.buses[i].gs_mw, c.buses[i].bs_mvar) / c.base_mva);
  for (std::size_t l = 0; l < m; ++l) {
    const auto& br = c.branches[l];
    if (!br.in_service) continue;
    const Complex ys = 1.0 / Complex(br.r_pu, br.x_pu);
    const Complex tap = std::polar(tap_of(br), br.shift_deg * kDegToRad);
    const Complex ytt = ys + Complex(0, br.b_pu / 2);
    a.ytt[l] = ytt;
    a.yff[l] = ytt / (tap * std::conj(tap));
    a.yft[l] = -ys / std::conj(tap);
    a.ytf[l] = -ys / tap;
    const int f = c.bus_index.at(br.from), t = c.bus_index.at(br.to);
    triplets.emplace_back(f, f, a.yff[l]);
    triplets.emplace_back(f, t, a.yft[l]);
    triplets.emplace_back(t, f, a.ytf[l]);
    triplets.emplace_back(t, t, a.ytt[l]);
  }
  a.ybus.resize(n, n);
  a.ybus.setFromTriplets(triplets.begin(), triplets.end());
  a.ybus.makeCompressed();
  return a;
}

//! SuiteSparse KLU for a sequence of matrices with one pattern: symbolic analysis once, a full
//! numeric factorisation first, then refactorisations that reuse the pivot order (much cheaper).
class KluSequence {
 public:
  KluSequence() { klu_defaults(&common_); }
  ~KluSequence() {
    if (numeric_) klu_free_numeric(&numeric_, &common_);
    if (symbolic_) klu_free_symbolic(&symbolic_, &common_);
  }
  KluSequence(const KluSequence&) = delete;
  KluSequence& operator=(const KluSequence&) = delete;

  //! Factorises a compressed column-major matrix; false if it is singular.
  bool factorize(Eigen::SparseMatrix<double>& a) {
    const int n = static_cast<int>(a.rows());
    int* ap = a.outerIndexPtr();
    int* ai = a.innerIndexPtr();
    double* ax = a.valuePtr();
    if (!symbolic_) symbolic_ = klu_analyze(n, ap, ai, &common_);
    if (!symbolic_) return false;
    if (numeric_ && klu_refactor(ap, ai, ax, symbolic_, numeric_, &common_) && common_.status == KLU_OK) {
      // A refactorisation keeps the old pivots; if they went bad, factorise afresh.
      if (klu_rcond(symbolic_, numeric_, &common_) && common_.rcond > 1e-14) return true;
    }
    if (numeric_) klu_free_numeric(&numeric_, &common_);
    numeric_ = klu_factor(ap, ai, ax, symbolic_, &common_);
    return numeric_ != nullptr && common_.status == KLU_OK;
  }

  //! Solves in place with the last factorisation.
  bool solve(Eigen::VectorXd& b) {
    return klu_solve(symbolic_, numeric_, static_cast<int>(b.size()), 1, b.data(), &common_) != 0;
  }

 private:
  klu_common common_{};
  klu_symbolic* symbolic_ = nullptr;
  klu_numeric* numeric_ = nullptr;
};

//! Newton-Raphson on fixed bus classes; V is updated in place.
struct NewtonOutcome {
  bool converged = false;
  int iterations = 0;
  double mismatch = 0;
  bool singular = false;
};

NewtonOutcome newton(const Eigen::SparseMatrix<Complex>& y, const std::vector<Complex>& sbus,
                     std::vector<Complex>& v, const std::vector<int>& pv, const std::vector<int>& pq,
                     const AcOptions& options) {
  const int n = static_cast<int>(v.size());
  std::vector<int> angle_row(n, -1), magnitude_row(n, -1);
  int rows = 0;
  for (int i : pv) angle_row[i] = rows++;
  for (int i : pq) angle_row[i] = rows++;
  for (int i : pq) magnitude_row[i] = rows++;
  std::vector<double> vm(n), va(n);
  for (int i = 0; i < n; ++i) {
    vm[i] = std::abs(v[i]);
    va[i] = std::arg(v[i]);
  }
  std::vector<Complex> current(n), mismatch(n);
  auto evaluate = [&]() {
    std::fill(current.begin(), current.end(), Complex(0.0));
    for (int k = 0; k < y.outerSize(); ++k)
      for (Eigen::SparseMatrix<Complex>::InnerIterator it(y, k); it; ++it)
        current[it.row()] += it.value() * v[k];
    double worst = 0.0;
    for (int i = 0; i < n; ++i) {
      mismatch[i] = v[i] * std::conj(current[i]) - sbus[i];
      if (angle_row[i] >= 0) worst = std::max(worst, std::abs(mismatch[i].real()));
      if (magnitude_row[i] >= 0) worst = std::max(worst, std::abs(mismatch[i].imag()));
    }
    return worst;
  };

  NewtonOutcome outcome;
  outcome.mismatch = evaluate();
  if (outcome.mismatch < options.tolerance) {
    outcome.converged = true;
    return outcome;
  }
  Eigen::SparseMatrix<double> jacobian(rows, rows);
  KluSequence klu;
  Eigen::VectorXd f(rows);
  // The Jacobian's pattern follows Ybus and the bus classes: build it once, remember where each
  // (Ybus entry, block) lands, and then write values straight into their slots every iteration.
  std::vector<std::array<int, 4>> slots;  // per Ybus entry: dP/dVa, dP/dVm, dQ/dVa, dQ/dVm
  {
    std::vector<Eigen::Triplet<double>> triplets;
    for (int k = 0; k < y.outerSize(); ++k)
      for (Eigen::SparseMatrix<Complex>::InnerIterator it(y, k); it; ++it) {
        const int i = static_cast<int>(it.row());
        const int rows_of[2] = {angle_row[i], magnitude_row[i]},
                  cols_of[2] = {angle_row[k], magnitude_row[k]};
        for (int a = 0; a < 2; ++a)
          for (int b = 0; b < 2; ++b)
            if (rows_of[a] >= 0 && cols_of[b] >= 0) triplets.emplace_back(rows_of[a], cols_of[b], 0.0);
      }
    jacobian.setFromTriplets(triplets.begin(), triplets.end());
    jacobian.makeCompressed();
    auto slot = [&](int row, int col) -> int {
      if (row < 0 || col < 0) return -1;
      const int start = jacobian.outerIndexPtr()[col], end = jacobian.outerIndexPtr()[col + 1];
      const int* found =
          std::lower_bound(jacobian.innerIndexPtr() + start, jacobian.innerIndexPtr() + end, row);
      return static_cast<int>(found - jacobian.innerIndexPtr());
    };
    for (int k = 0; k < y.outerSize(); ++k)
      for (Eigen::SparseMatrix<Complex>::InnerIterator it(y, k); it; ++it) {
        const int i = static_cast<int>(it.row());
        slots.push_back({slot(angle_row[i], angle_row[k]), slot(angle_row[i], magnitude_row[k]),
                         slot(magnitude_row[i], angle_row[k]), slot(magnitude_row[i], magnitude_row[k])});
      }
  }
  double* values = jacobian.valuePtr();
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    // Jacobian entries from dS/dVa and dS/dVm (MATPOWER's dSbus_dV), assembled per Ybus entry.
    std::fill(values, values + jacobian.nonZeros(), 0.0);
    std::size_t entry = 0;
    for (int k = 0; k < y.outerSize(); ++k) {
      const Complex vn_k = v[k] / vm[k];
      for (Eigen::SparseMatrix<Complex>::InnerIterator it(y, k); it; ++it, ++entry) {
        const int i = static_cast<int>(it.row());
        const auto& s = slots[entry];
        if (s[0] < 0 && s[1] < 0 && s[2] < 0 && s[3] < 0) continue;
        Complex ds_dva = Complex(0, 1) * v[i] * std::conj(-it.value() * v[k]);
        Complex ds_dvm = v[i] * std::conj(it.value() * vn_k);
        if (i == k) {
          ds_dva += Complex(0, 1) * v[i] * std::conj(current[i]);
          ds_dvm += std::conj(current[i]) * vn_k;
        }
        if (s[0] >= 0) values[s[0]] += ds_dva.real();
        if (s[1] >= 0) values[s[1]] += ds_dvm.real();
        if (s[2] >= 0) values[s[2]] += ds_dva.imag();
        if (s[3] >= 0) values[s[3]] += ds_dvm.imag();
      }
    }
    if (!klu.factorize(jacobian)) {
      outcome.singular = true;
      outcome.iterations = iteration;
      return outcome;
    }
    for (int i = 0; i < n; ++i) {
      if (angle_row[i] >= 0) f[angle_row[i]] = mismatch[i].real();
      if (magnitude_row[i] >= 0) f[magnitude_row[i]] = mismatch[i].imag();
    }
    Eigen::VectorXd& dx = f;
    if (!klu.solve(dx)) {
      outcome.singular = true;
      outcome.iterations = iteration;
      return outcome;
    }
    for (int i = 0; i < n; ++i) {
      if (angle_row[i] >= 0) va[i] -= dx[angle_row[i]];
      if (magnitude_row[i] >= 0) vm[i] -= dx[magnitude_row[i]];
      v[i] = std::polar(vm[i], va[i]);
    }
    outcome.iterations = iteration;
    outcome.mismatch = evaluate();
    if (!std::isfinite(outcome.mismatch)) break;
    if (outcome.mismatch < options.tolerance) {
      outcome.converged = true;
      return outcome;
    }
  }
  return outcome;
}

}  // namespace

AcFlow solve_ac(const PowerCase& c, const AcOptions& options) {
  AcFlow out;
  const int n = static_cast<int>(c.buses.size());
  const std::size_t m = c.branches.size();
  out.vm_pu.assign(n, 0.0);
  out.va_deg.assign(n, 0.0);
  out.pf_mw.assign(m, 0.0);
  out.qf_mvar.assign(m, 0.0);
  out.pt_mw.assign(m, 0.0);
  out.qt_mvar.assign(m, 0.0);
  out.pg_mw.assign(c.gens.size(), 0.0);
  out.qg_mvar.assign(c.gens.size(), 0.0);
  BusClasses classes = classify(c);
  if (classes.ref.empty()) {
    out.message = "no reference bus (type 3) with an in-service generator";
    return out;
  }
  const Admittance admittance = build_admittance(c);
  std::vector<Complex> sbus(n, 0.0), v(n);
  for (int i = 0; i < n; ++i) {
    sbus[i] = -Complex(c.buses[i].pd_mw, c.buses[i].qd_mvar) / c.base_mva;
    v[i] = std::polar(c.buses[i].vm_pu, c.buses[i].va_deg * kDegToRad);
  }
  std::vector<double> qg(c.gens.size(), 0.0);
  for (std::size_t g = 0; g < c.gens.size(); ++g) {
    const auto& gen = c.gens[g];
    if (!gen.in_service) continue;
    const int b = c.bus_index.at(gen.bus);
    sbus[b] += Complex(gen.pg_mw, gen.qg_mvar) / c.base_mva;
  }
  // Generator set-points fix the voltage magnitude at PV and reference buses.
  for (int i = 0; i < n; ++i)
    if (classes.first_gen[i] >= 0 && classes.active[i] && c.buses[i].type != BusType::PQ) {
      const double vg = c.gens[classes.first_gen[i]].vg_pu;
      v[i] = std::polar(vg, std::arg(v[i]));
    }

  std::vector<int> pv = classes.pv, pq = classes.pq;
  // Isolated buses take no part.
  pq.erase(std::remove_if(pq.begin(), pq.end(), [&](int i) { return !classes.active[i]; }), pq.end());
  std::vector<char> fixed_q(c.gens.size(), 0);
  NewtonOutcome result;
  for (int round = 0; round < 50; ++round) {
    result = newton(admittance.ybus, sbus, v, pv, pq, options);
    out.iterations += result.iterations;
    if (!result.converged || !options.enforce_q_limits) break;
    // Generator reactive output at PV buses; buses whose generator exceeds a limit become PQ with
    // the generator fixed at that limit (MATPOWER's enforce_q_lims, one bus group at a time).
    std::vector<int> switched;
    // Compute bus injections once.
    std::vector<Complex> current(n, 0.0);
    for (int k = 0; k < admittance.ybus.outerSize(); ++k)
      for (Eigen::SparseMatrix<Complex>::InnerIterator it(admittance.ybus, k); it; ++it)
        current[it.row()] += it.value() * v[k];
    for (int i : pv) {
      const int g = classes.first_gen[i];
      const double q = (v[i] * std::conj(current[i])).imag() * c.base_mva + c.buses[i].qd_mvar;
      const auto& gen = c.gens[g];
      double limit = q;
      if (q > gen.qmax_mvar)
        limit = gen.qmax_mvar;
      else if (q < gen.qmin_mvar)
        limit = gen.qmin_mvar;
      else
        continue;
      sbus[i] = Complex(sbus[i].real(), (limit - c.buses[i].qd_mvar) / c.base_mva);
      fixed_q[g] = 1;
      qg[g] = limit;
      switched.push_back(i);
    }
    if (switched.empty()) break;
    for (int i : switched) {
      pv.erase(std::find(pv.begin(), pv.end(), i));
      pq.push_back(i);
    }
    std::sort(pq.begin(), pq.end());
  }
  out.converged = result.converged;
  out.max_mismatch_pu = result.mismatch;
  if (!result.converged) {
    out.message = result.singular
                      ? "did not converge: singular Jacobian"
                      : "did not converge in " + std::to_string(options.max_iterations) +
                            " iterations (largest mismatch " + std::to_string(result.mismatch) + " p.u.)";
  }
  for (int i = 0; i < n; ++i) {
    out.vm_pu[i] = std::abs(v[i]);
    out.va_deg[i] = std::arg(v[i]) / kDegToRad;
  }
  for (std::size_t l = 0; l < m; ++l) {
    if (!c.branches[l].in_service) continue;
    const int f = c.bus_index.at(c.branches[l].from), t = c.bus_index.at(c.branches[l].to);
    const Complex sf = v[f] * std::conj(admittance.yff[l] * v[f] + admittance.yft[l] * v[t]) * c.base_mva;
    const Complex st = v[t] * std::conj(admittance.ytf[l] * v[f] + admittance.ytt[l] * v[t]) * c.base_mva;
    out.pf_mw[l] = sf.real();
    out.qf_mvar[l] = sf.imag();
    out.pt_mw[l] = st.real();
    out.qt_mvar[l] = st.imag();
    out.losses_mw += sf.real() + st.real();
  }
  // Generator outputs: set-points, the reference bus balances P, PV and reference buses balance Q
  // (shared equally among the in-service generators of a bus).
  std::vector<Complex> current(n, 0.0);
  for (int k = 0; k < admittance.ybus.outerSize(); ++k)
    for (Eigen::SparseMatrix<Complex>::InnerIterator it(admittance.ybus, k); it; ++it)
      current[it.row()] += it.value() * v[k];
  std::vector<int> gens_at(n, 0);
  for (const auto& gen : c.gens)
    if (gen.in_service) ++gens_at[c.bus_index.at(gen.bus)];
  for (std::size_t g = 0; g < c.gens.size(); ++g) {
    const auto& gen = c.gens[g];
    if (!gen.in_service) continue;
    const int b = c.bus_index.at(gen.bus);
    const Complex s = v[b] * std::conj(current[b]) * c.base_mva;
    out.pg_mw[g] = gen.pg_mw;
    out.qg_mvar[g] = fixed_q[g] ? qg[g] : (s.imag() + c.buses[b].qd_mvar) / gens_at[b];
    if (std::find(classes.ref.begin(), classes.ref.end(), b) != classes.ref.end() &&
        classes.first_gen[b] == static_cast<int>(g)) {
      double others = 0.0;
      for (std::size_t h = 0; h < c.gens.size(); ++h)
        if (h != g && c.gens[h].in_service && c.bus_index.at(c.gens[h].bus) == b) others += c.gens[h].pg_mw;
      out.pg_mw[g] = s.real() + c.buses[b].pd_mw - others;
    }
  }
  return out;
}

}  // namespace blackstart::sim
