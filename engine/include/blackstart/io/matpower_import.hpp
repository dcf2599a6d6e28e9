#pragma once
// MATPOWER case -> Blackstart power layer: the mapping of `blackstart import matpower` and of the
// scenario key `matpower:` (docs/scenario-format.md, "MATPOWER import").
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/io/matpower.hpp"
#include "blackstart/model/network.hpp"
#include "blackstart/model/power_case.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::io {

//! Blackstart's system base: `r_pu`, `x_pu` and `b_pu` are per unit on 100 MVA, as the dc model reads
//! them. Cases on another base are converted.
inline constexpr double kSystemBaseMva = 100.0;

struct ImportOptions {
  //! Customers per MW of a bus's active demand: customers = round(Pd * this) when Pd > 0, else 0.
  //! The default, 400, is 2.5 kW of average demand per customer; 0 gives no customers.
  double customers_per_mw = 400.0;
};

//! The customers rule above.
double customers_for(double pd_mw, const ImportOptions& options);

//! Adds a case to power layer `layer`:
//! - per bus, asset `bus-<number>` of type `bus` (load_mw, load_mvar, customers, gs_mw, bs_mvar, vm_pu,
//!   va_deg, bus_type, bus_number, voltage_kv);
//! - per in-service generator row g (1-based) with Pmax > 0, asset `gen-<g>` of type `generator`
//!   (capacity_mw = Pmax, pg_mw, qg_mvar, pmin_mw, qmax_mvar, qmin_mvar, vg_pu) and link `gen-<g>-conn`
//!   of type `connection` to its bus;
//! - per in-service branch row l, link `branch-<l>` of type `line`, or `transformer` when its ratio or
//!   shift is non-zero (r_pu, x_pu, b_pu, rate_a/b/c_mva, tap_ratio, shift_deg, branch_row = l).
//! Out-of-service rows and generators without active power capacity are skipped with a note; the
//! diagnostics also hold errors (a value outside its attribute's range, a branch from a bus to
//! itself, an id already in the layer), located at the case file's line.
core::Diagnostics add_power_case_layer(model::Network& network, std::uint32_t layer,
                                       const model::PowerCase& power_case, const ImportOptions& options = {});

//! The first block of comment lines of a MATPOWER file (its MATLAB help text), without the `%`.
std::string matpower_header_comment(std::string_view text);

struct ImportResult {
  std::optional<model::Scenario> scenario;
  core::Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return scenario.has_value() && !diagnostics.has_errors(); }
};

//! A complete scenario around a case: its name, `power_model: dc`, a 24 h horizon, a source naming
//! the case (with `header` as its note) and one layer `power`; no events.
ImportResult import_power_case(const model::PowerCase& power_case, const ImportOptions& options = {},
                               const std::string& header = "");
//! Reads a case file (load_matpower_file) and imports it; the reader's diagnostics come first.
ImportResult import_matpower_file(const std::filesystem::path& path, const ImportOptions& options = {});

//! YAML text of an imported scenario that loads back to the same elements and values: the top-level
//! keys, sources, and every layer with each asset and link inline on one line, numbers written
//! with the fewest digits that read back exactly. Dependencies, events, crews, mitigations and repair
//! times are not written (an import has none).
std::string imported_scenario_yaml(const model::Scenario& scenario);
//! The same with `header` (lines without '#') as the comment at the top. Also writes what geodata
//! imports carry: `lat`/`lon` of assets and `path` of links; a `length_km` computed from
//! coordinates is left for the loader to compute again.
std::string imported_scenario_yaml(const model::Scenario& scenario, std::string_view header);

}  // namespace blackstart::io
