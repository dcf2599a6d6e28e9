// `blackstart import matpower CASE.m -o GRID.yaml`: a MATPOWER case as a complete scenario with one
// power layer (mapping in docs/scenario-format.md, "MATPOWER import").
#include <iostream>

#include <fmt/format.h>

#include "blackstart/io/csv.hpp"
#include "blackstart/io/matpower_import.hpp"
#include "commands.hpp"

namespace blackstart::cli {

int import_command(const ImportArgs& args) {
  io::ImportOptions options;
  options.customers_per_mw = args.customers_per_mw;
  auto imported = io::import_matpower_file(args.case_file, options);
  for (const auto& d : imported.diagnostics.items())
    if (!args.quiet || d.severity == core::Severity::Error) std::cerr << core::format(d) << '\n';
  if (!imported.ok()) return kBadInput;
  const auto& scenario = *imported.scenario;
  std::string error;
  if (!io::write_file_atomically(args.output, io::imported_scenario_yaml(scenario), &error)) {
    std::cerr << "error: " << args.output << ": " << error << '\n';
    return kBadInput;
  }
  std::size_t buses = 0, gens = 0, branches = 0, transformers = 0, customers = 0;
  double load = 0;
  for (const auto& e : scenario.network.elements()) {
    buses += e.type == "bus";
    gens += e.type == "generator";
    branches += e.type == "line" || e.type == "transformer";
    transformers += e.type == "transformer";
    customers += static_cast<std::size_t>(e.customers);
    load += e.load_mw;
  }
  std::cout << fmt::format(
      "Wrote {}: '{}', {} buses, {} generators, {} branches ({} transformers), {:.2f} MW of demand, {} "
      "customers\n",
      args.output, scenario.name, buses, gens, branches, transformers, load, customers);
  return kOk;
}

}  // namespace blackstart::cli
