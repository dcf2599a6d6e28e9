// DC and AC power flow on MATPOWER-style cases.
//
// DC (B-theta): for each in-service branch b = 1 / (x * tap); the bus susceptance matrix is
// B = sum over branches of b * (e_f - e_t)(e_f - e_t)^T; a phase shift phi adds the injection
// -b*phi at the from bus and +b*phi at the to bus; P = B * theta + P_shift, with bus injection
// P = generation - load - shunt conductance, in p.u. of baseMVA; reference angles are fixed.
// Branch flow P_f = b * (theta_f - theta_t - phi).
//
// AC: Newton-Raphson on the polar power-mismatch equations S = V .* conj(Y V) - S_bus with the
// pi-model branch admittances of MATPOWER (series 1/(r + jx), charging jb/2 at each end, complex
// tap t = ratio * e^{j shift} at the from end). Unknowns: angles of PV and PQ buses, magnitudes of
// PQ buses. Equations and sources are listed in docs/models.md.
#include "blackstart/sim/powerflow.hpp"

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

using model::BusType;
using model::PowerCase;

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;

struct BusClasses {
  std::vector<int> ref, pv, pq;
  std::vector<char> active;    //!< not isolated
  std::vector<int> first_gen;  //!< first in-service generator per bus, -1 if none
};

//! MATPOWER's `bustypes`: PV needs an in-service generator, else the bus is PQ; with no
//! reference bus the first PV bus becomes the reference.
BusClasses classify(const PowerCase& c) {
  BusClasses k;
  const std::size_t n = c.buses.size();
  k.active.assign(n, 1);
  k.first_gen.assign(n, -1);
  for (int g = 0; g < static_cast<int>(c.gens.size()); ++g) {
    const auto& gen = c.gens[g];
    if (!gen.in_service) continue;
    const int b = c.bus_index.at(gen.bus);
    if (k.first_gen[b] < 0) k.first_gen[b] = g;
  }
  for (int i = 0; i < static_cast<int>(n); ++i) {
    const auto type = c.buses[i].type;
    if (type == BusType::Isolated) {
      k.active[i] = 0;
      continue;
    }
    const bool has_gen = k.first_gen[i] >= 0;
    if (type == BusType::Ref && has_gen)
      k.ref.push_back(i);
    else if (type == BusType::PV && has_gen)
      k.pv.push_back(i);
    else
      k.pq.push_back(i);
  }
  if (k.ref.empty() && !k.pv.empty()) {
    k.ref.push_back(k.pv.front());
    k.pv.erase(k.pv.begin());
  }
  return k;
}

double tap_of(const model::PowerBranch& br) {
  return br.ratio == 0.0 ? 1.0 : br.ratio;
}

}  // namespace

double loading_pct(double flow_mva, double rate_mva) {
  return rate_mva > 0 ? 100.0 * std::abs(flow_mva) / rate_mva : std::nan("");
}

// ------------------------------------------------------------------------------------------ DC
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

// ------------------------------------------------------------------------------------------ AC
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
