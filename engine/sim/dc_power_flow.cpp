// DC power flow on MATPOWER-style cases, with a factorisation reused across outages.
//
// DC (B-theta): for each in-service branch b = 1 / (x * tap); the bus susceptance matrix is
// B = sum over branches of b * (e_f - e_t)(e_f - e_t)^T; a phase shift phi adds the injection
// -b*phi at the from bus and +b*phi at the to bus; P = B * theta + P_shift, with bus injection
// P = generation - load - shunt conductance, in p.u. of baseMVA; reference angles are fixed.
// Branch flow P_f = b * (theta_f - theta_t - phi).

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

//! Fill-reducing ordering for Eigen's SimplicialLDLT from SuiteSparse AMD, which is several times
//! faster than Eigen's own port on grids of thousands of buses. Same contract as Eigen's
//! AMDOrdering: given the full symmetric pattern, return the inverse permutation (AMD's P).
struct SuiteSparseAmdOrdering {
  using PermutationType = Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int>;
  template <typename MatrixType>
  void operator()(const MatrixType& symmetric, PermutationType& perm) const {
    const int n = static_cast<int>(symmetric.cols());
    perm.resize(n);
    if (!symmetric.isCompressed() || amd_order(n, symmetric.outerIndexPtr(), symmetric.innerIndexPtr(),
                                               perm.indices().data(), nullptr, nullptr) < AMD_OK)
      perm.setIdentity(n);
  }
};
using DcFactorisation =
    Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower, SuiteSparseAmdOrdering>;

// The matrix holds every active bus and every branch between two of them, in service or not, so
// that outages, islands and a different choice of reference buses change values only: the
// symbolic analysis is done once. A reference bus becomes an identity row fixed at its angle, a
// bus cut off from every reference an identity row at 0.
struct DcSolver::Impl {
  const PowerCase& c;
  BusClasses classes;
  int size = 0;
  Eigen::SparseMatrix<double> matrix;
  std::vector<std::array<int, 4>>
      branch_slots;  //!< value positions of (ff, tt, off-diagonal, unused) per branch, -1 if none
  std::vector<int> diagonal_slot;                    //!< per bus
  std::vector<int> from_bus, to_bus;                 //!< rows of each branch's ends
  std::vector<int> incident_start, incident_branch;  //!< branches at each bus (CSR), for reachability
  DcFactorisation solver;
  bool analysed = false;

  explicit Impl(const PowerCase& power_case) : c(power_case), classes(classify(power_case)) {
    size = static_cast<int>(c.buses.size());
    std::vector<Eigen::Triplet<double>> triplets;
    triplets.reserve(static_cast<std::size_t>(size) + 2 * c.branches.size());
    for (int i = 0; i < size; ++i) triplets.emplace_back(i, i, 0.0);
    from_bus.resize(c.branches.size());
    to_bus.resize(c.branches.size());
    // Bus number -> row through a flat table when numbers are dense enough (they are in every
    // MATPOWER case): hash lookups were a visible share of building the solver.
    int largest_number = 0;
    for (const auto& bus : c.buses) largest_number = std::max(largest_number, bus.number);
    std::vector<int> row_of;
    if (largest_number >= 0 && largest_number <= 16 * size + 1024) {
      row_of.assign(static_cast<std::size_t>(largest_number) + 1, -1);
      for (int i = 0; i < size; ++i)
        if (c.buses[i].number >= 0) row_of[static_cast<std::size_t>(c.buses[i].number)] = i;
    }
    auto row = [&](int number) {
      const int found = number >= 0 && static_cast<std::size_t>(number) < row_of.size()
                            ? row_of[static_cast<std::size_t>(number)]
                            : -1;
      return found >= 0 ? found : c.bus_index.at(number);
    };
    for (std::size_t l = 0; l < c.branches.size(); ++l) {
      const int f = row(c.branches[l].from), t = row(c.branches[l].to);
      from_bus[l] = f;
      to_bus[l] = t;
      if (f != t && classes.active[f] && classes.active[t]) {
        // Lower triangle only: SimplicialLDLT reads no more, and half the entries to permute.
        triplets.emplace_back(std::max(f, t), std::min(f, t), 0.0);
      }
    }
    // Branches incident to each active bus, built once so reachability is a flat-array search.
    incident_start.assign(static_cast<std::size_t>(size) + 1, 0);
    for (std::size_t l = 0; l < c.branches.size(); ++l)
      if (from_bus[l] != to_bus[l] && classes.active[from_bus[l]] && classes.active[to_bus[l]]) {
        ++incident_start[from_bus[l] + 1];
        ++incident_start[to_bus[l] + 1];
      }
    for (int i = 0; i < size; ++i) incident_start[i + 1] += incident_start[i];
    incident_branch.resize(static_cast<std::size_t>(incident_start[size]));
    {
      std::vector<int> fill(incident_start.begin(), incident_start.end() - 1);
      for (std::size_t l = 0; l < c.branches.size(); ++l)
        if (from_bus[l] != to_bus[l] && classes.active[from_bus[l]] && classes.active[to_bus[l]]) {
          incident_branch[fill[from_bus[l]]++] = static_cast<int>(l);
          incident_branch[fill[to_bus[l]]++] = static_cast<int>(l);
        }
    }
    matrix.resize(size, size);
    matrix.setFromTriplets(triplets.begin(), triplets.end());
    matrix.makeCompressed();
    auto slot = [&](int row, int col) -> int {
      const int start = matrix.outerIndexPtr()[col], end = matrix.outerIndexPtr()[col + 1];
      const int* rows = matrix.innerIndexPtr();
      const int* found = std::lower_bound(rows + start, rows + end, row);
      return found != rows + end && *found == row ? static_cast<int>(found - rows) : -1;
    };
    diagonal_slot.resize(size);
    // Lower triangle, sorted rows: the diagonal is the first entry of its column.
    for (int i = 0; i < size; ++i) diagonal_slot[i] = matrix.outerIndexPtr()[i];
    branch_slots.resize(c.branches.size());
    for (std::size_t l = 0; l < c.branches.size(); ++l) {
      const int f = from_bus[l], t = to_bus[l];
      branch_slots[l] = {diagonal_slot[f], diagonal_slot[t],
                         f != t ? slot(std::max(f, t), std::min(f, t)) : -1, -1};
    }
  }

  [[nodiscard]] std::vector<double> injections() const {
    std::vector<double> p(c.buses.size(), 0.0);
    for (std::size_t i = 0; i < c.buses.size(); ++i) p[i] = -c.buses[i].pd_mw - c.buses[i].gs_mw;
    for (const auto& g : c.gens)
      if (g.in_service) p[c.bus_index.at(g.bus)] += g.pg_mw;
    return p;
  }

  //! Per bus: reached from one of `refs` through in-service branches between active buses.
  [[nodiscard]] std::vector<char> reach(const std::vector<char>& in_service,
                                        const std::vector<int>& refs) const {
    const std::size_t n = c.buses.size(), m = c.branches.size();
    (void)m;
    std::vector<char> reached(n, 0);
    std::vector<int> stack(refs.begin(), refs.end());
    for (int r : refs) reached[r] = 1;
    while (!stack.empty()) {
      const int v = stack.back();
      stack.pop_back();
      for (int k = incident_start[v]; k < incident_start[v + 1]; ++k) {
        const int l = incident_branch[k];
        const int w = from_bus[l] == v ? to_bus[l] : from_bus[l];
        if (!in_service[l] || reached[w] || !classes.active[w]) continue;
        reached[w] = 1;
        stack.push_back(w);
      }
    }
    return reached;
  }

  DcFlow solve(const std::vector<char>& in_service, const std::vector<double>& injection_mw,
               const std::vector<int>& refs, const std::vector<double>& ref_angle_deg) {
    DcFlow out;
    const std::size_t n = c.buses.size(), m = c.branches.size();
    out.va_deg.assign(n, 0.0);
    out.pf_mw.assign(m, 0.0);
    out.pg_mw.assign(c.gens.size(), 0.0);
    if (refs.empty()) {
      out.message = "no reference bus (type 3) with an in-service generator";
      return out;
    }
    out.ref_bus = refs.front();
    const double base = c.base_mva;
    std::vector<double> va(n, 0.0);
    std::vector<char> is_ref(n, 0), reached;
    for (std::size_t r = 0; r < refs.size(); ++r) {
      is_ref[refs[r]] = 1;
      va[refs[r]] = ref_angle_deg[r] * kDegToRad;
    }
    // Buses reached from a reference through in-service branches; the rest stay at 0.
    reached = reach(in_service, refs);

    double* values = matrix.valuePtr();
    std::fill(values, values + matrix.nonZeros(), 0.0);
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(size);
    std::vector<double> susceptance(m, 0.0), shift_injection(m, 0.0);
    for (std::size_t l = 0; l < m; ++l) {
      const auto& br = c.branches[l];
      const int f = from_bus[l], t = to_bus[l];
      if (!in_service[l] || !reached[f] || !reached[t] || f == t) continue;
      const double b = 1.0 / (br.x_pu * tap_of(br));
      susceptance[l] = b;
      shift_injection[l] = -b * br.shift_deg * kDegToRad;
      const auto& s = branch_slots[l];
      if (!is_ref[f]) {
        values[s[0]] += b;
        rhs[f] -= shift_injection[l];
        if (is_ref[t]) rhs[f] += b * va[t];
      }
      if (!is_ref[t]) {
        values[s[1]] += b;
        rhs[t] += shift_injection[l];
        if (is_ref[f]) rhs[t] += b * va[f];
      }
      if (!is_ref[f] && !is_ref[t]) {
        values[s[2]] -= b;
        if (s[3] >= 0) values[s[3]] -= b;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (is_ref[i]) {
        values[diagonal_slot[i]] = 1.0;
        rhs[static_cast<int>(i)] = va[i];
      } else if (!reached[i]) {
        values[diagonal_slot[i]] = 1.0;
        rhs[static_cast<int>(i)] = 0.0;
      } else {
        rhs[static_cast<int>(i)] += injection_mw[i] / base;
      }
    }
    if (!analysed) {
      solver.analyzePattern(matrix);
      analysed = true;
    }
    solver.factorize(matrix);
    if (solver.info() != Eigen::Success) {
      out.message = "singular susceptance matrix (a branch with zero reactance?)";
      return out;
    }
    const Eigen::VectorXd theta = solver.solve(rhs);
    for (std::size_t i = 0; i < n; ++i)
      if (reached[i] && !is_ref[i]) va[i] = theta[static_cast<int>(i)];
    std::vector<double> out_of_bus(n, 0.0);
    for (std::size_t l = 0; l < m; ++l) {
      if (susceptance[l] == 0.0) continue;
      const int f = from_bus[l], t = to_bus[l];
      out.pf_mw[l] = (susceptance[l] * (va[f] - va[t]) + shift_injection[l]) * base;
      out_of_bus[f] += out.pf_mw[l];
      out_of_bus[t] -= out.pf_mw[l];
    }
    for (std::size_t i = 0; i < n; ++i) out.va_deg[i] = va[i] / kDegToRad;
    for (std::size_t g = 0; g < c.gens.size(); ++g)
      if (c.gens[g].in_service) out.pg_mw[g] = c.gens[g].pg_mw;
    // The reference generator balances: it supplies what leaves its bus beyond the set injection.
    for (int r : refs) {
      const int g = classes.first_gen[r];
      if (g >= 0) out.pg_mw[g] += out_of_bus[r] - injection_mw[r];
    }
    out.reached.assign(reached.begin(), reached.end());
    out.ok = true;
    return out;
  }

  // Factorisation for many right-hand sides. The factor is copied out of Eigen into plain arrays
  // once: the per-solve loops then skip the zeros of sparse right-hand sides (an injection at two
  // buses fills only their elimination-tree paths in the forward sweep) and share nothing mutable.
  Eigen::SparseMatrix<double> factor_matrix;
  DcFactorisation factor;
  bool factor_analysed = false;
  std::vector<double> factor_susceptance;
  std::vector<char> factor_reached;
  std::vector<int> factor_fixed;            //!< rows held at 0: reference buses, buses not reached
  std::vector<int> lower_start, lower_row;  //!< strictly lower L of P B P^T = L D L^T, by column
  std::vector<double> lower_value, diagonal;
  std::vector<int> permutation;  //!< bus row -> position in the factor

  bool factorise(const std::vector<char>& in_service) {
    const std::size_t n = c.buses.size(), m = c.branches.size();
    factor_susceptance.assign(m, 0.0);
    factor_reached.assign(n, 0);
    factor_fixed.clear();
    if (classes.ref.empty()) return false;
    std::vector<char> is_ref(n, 0);
    for (int r : classes.ref) is_ref[r] = 1;
    factor_reached = reach(in_service, classes.ref);
    if (factor_matrix.nonZeros() == 0) factor_matrix = matrix;
    double* values = factor_matrix.valuePtr();
    std::fill(values, values + factor_matrix.nonZeros(), 0.0);
    for (std::size_t l = 0; l < m; ++l) {
      const int f = from_bus[l], t = to_bus[l];
      if (!in_service[l] || !factor_reached[f] || !factor_reached[t] || f == t) continue;
      const double b = 1.0 / (c.branches[l].x_pu * tap_of(c.branches[l]));
      factor_susceptance[l] = b;
      const auto& s = branch_slots[l];
      if (!is_ref[f]) values[s[0]] += b;
      if (!is_ref[t]) values[s[1]] += b;
      if (!is_ref[f] && !is_ref[t]) {
        values[s[2]] -= b;
        if (s[3] >= 0) values[s[3]] -= b;
      }
    }
    for (std::size_t i = 0; i < n; ++i)
      if (is_ref[i] || !factor_reached[i]) {
        values[diagonal_slot[i]] = 1.0;
        factor_fixed.push_back(static_cast<int>(i));
      }
    if (!factor_analysed) {
      factor.analyzePattern(factor_matrix);
      factor_analysed = true;
    }
    factor.factorize(factor_matrix);
    if (factor.info() != Eigen::Success) return false;
    // matrixL() and vectorD() return temporaries: copy before taking anything from them.
    const Eigen::SparseMatrix<double> lower = factor.matrixL().nestedExpression();
    const Eigen::VectorXd d = factor.vectorD();
    lower_start.assign(1, 0);
    lower_row.clear();
    lower_value.clear();
    for (int j = 0; j < lower.outerSize(); ++j) {
      for (Eigen::SparseMatrix<double>::InnerIterator it(lower, j); it; ++it)
        if (it.row() > j) {
          lower_row.push_back(static_cast<int>(it.row()));
          lower_value.push_back(it.value());
        }
      lower_start.push_back(static_cast<int>(lower_row.size()));
    }
    diagonal.assign(d.data(), d.data() + size);
    permutation.resize(size);
    const auto& p = factor.permutationP();
    for (int i = 0; i < size; ++i) permutation[i] = p.size() > 0 ? p.indices()[i] : i;
    return true;
  }

  //! Solves `count` right-hand sides stored one after another in x. They are swept through the
  //! factor together, interleaved in groups of up to 8, so that each entry of L is loaded once per
  //! group and the inner loops run over contiguous columns; most of the time of a PTDF screen is
  //! here. Each column sees the same operations in the same order as when solved alone.
  void solve_factorised(std::span<double> x, int count) const {
    constexpr int kGroup = 8;
    for (int first = 0; first < count; first += kGroup) {
      const std::span<double> part = x.subspan(static_cast<std::size_t>(first) * size);
      switch (std::min(kGroup, count - first)) {
        case 1:
          solve_group<1>(part);
          break;
        case 2:
          solve_group<2>(part);
          break;
        case 3:
          solve_group<3>(part);
          break;
        case 4:
          solve_group<4>(part);
          break;
        case 5:
          solve_group<5>(part);
          break;
        case 6:
          solve_group<6>(part);
          break;
        case 7:
          solve_group<7>(part);
          break;
        default:
          solve_group<8>(part);
          break;
      }
    }
  }

  template <int B>
  void solve_group(std::span<double> x) const {
    // P B P^T = L D L^T, so B x = p becomes L D L^T (P x) = P p; y holds P p interleaved, row-major.
    thread_local std::vector<double> buffer;
    buffer.resize(static_cast<std::size_t>(size) * B);  // every entry is written by the permutation
    double* y = buffer.data();
    for (int c = 0; c < B; ++c) {
      double* column = x.data() + static_cast<std::size_t>(c) * size;
      for (int r : factor_fixed) column[r] = 0.0;
      for (int i = 0; i < size; ++i) y[static_cast<std::size_t>(permutation[i]) * B + c] = column[i];
    }
    for (int j = 0; j < size; ++j) {
      const double* yj = y + static_cast<std::size_t>(j) * B;
      bool zero = true;
      for (int c = 0; c < B; ++c) zero = zero && yj[c] == 0.0;
      if (zero) continue;  // a sparse right-hand side fills only its elimination-tree paths
      for (int p = lower_start[j]; p < lower_start[j + 1]; ++p) {
        double* yr = y + static_cast<std::size_t>(lower_row[p]) * B;
        const double v = lower_value[p];
        for (int c = 0; c < B; ++c) yr[c] -= v * yj[c];
      }
    }
    for (int j = 0; j < size; ++j)
      for (int c = 0; c < B; ++c) y[static_cast<std::size_t>(j) * B + c] /= diagonal[j];
    for (int j = size - 1; j >= 0; --j) {
      double sum[B];
      for (int c = 0; c < B; ++c) sum[c] = y[static_cast<std::size_t>(j) * B + c];
      for (int p = lower_start[j]; p < lower_start[j + 1]; ++p) {
        const double* yr = y + static_cast<std::size_t>(lower_row[p]) * B;
        const double v = lower_value[p];
        for (int c = 0; c < B; ++c) sum[c] -= v * yr[c];
      }
      for (int c = 0; c < B; ++c) y[static_cast<std::size_t>(j) * B + c] = sum[c];
    }
    for (int c = 0; c < B; ++c) {
      double* column = x.data() + static_cast<std::size_t>(c) * size;
      for (int i = 0; i < size; ++i) column[i] = y[static_cast<std::size_t>(permutation[i]) * B + c];
    }
  }

  DcFlow solve_case(const std::vector<char>& in_service, const std::vector<double>& injection_mw) {
    std::vector<double> angles;
    for (int r : classes.ref) angles.push_back(c.buses[r].va_deg);
    return solve(in_service, injection_mw, classes.ref, angles);
  }
};

DcSolver::DcSolver(const PowerCase& power_case) : impl_(std::make_unique<Impl>(power_case)) {}
DcSolver::~DcSolver() = default;

DcFlow DcSolver::solve(const std::vector<char>& branch_in_service, const std::vector<double>& injection_mw) {
  return impl_->solve_case(branch_in_service, injection_mw);
}

DcFlow DcSolver::solve(const std::vector<char>& branch_in_service, const std::vector<double>& injection_mw,
                       const std::vector<int>& refs, const std::vector<double>& ref_angles_deg) {
  return impl_->solve(branch_in_service, injection_mw, refs, ref_angles_deg);
}

DcFlow DcSolver::solve() {
  std::vector<char> in_service(impl_->c.branches.size());
  for (std::size_t l = 0; l < in_service.size(); ++l) in_service[l] = impl_->c.branches[l].in_service;
  return impl_->solve_case(in_service, impl_->injections());
}

std::vector<double> DcSolver::case_injections_mw() const {
  return impl_->injections();
}

bool DcSolver::factorise(const std::vector<char>& branch_in_service) {
  return impl_->factorise(branch_in_service);
}

void DcSolver::solve_factorised(std::span<double> p_to_x) const {
  impl_->solve_factorised(p_to_x, 1);
}

void DcSolver::solve_factorised(std::span<double> p_to_x, int count) const {
  impl_->solve_factorised(p_to_x, count);
}

const std::vector<double>& DcSolver::factorised_susceptance_pu() const {
  return impl_->factor_susceptance;
}

const std::vector<char>& DcSolver::factorised_reached() const {
  return impl_->factor_reached;
}

const std::vector<int>& DcSolver::branch_from_bus() const {
  return impl_->from_bus;
}

const std::vector<int>& DcSolver::branch_to_bus() const {
  return impl_->to_bus;
}

const std::vector<int>& DcSolver::reference_buses() const {
  return impl_->classes.ref;
}

DcFlow solve_dc(const PowerCase& power_case) {
  DcSolver solver(power_case);
  return solver.solve();
}

}  // namespace blackstart::sim
