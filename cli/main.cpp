// `blackstart`: command-line driver. Parses arguments and hands over to the engine.
#include <CLI/CLI.hpp>

#include "commands.hpp"

#ifdef BLACKSTART_WITH_MPI
#include <mpi.h>
#endif

int main(int argc, char** argv) {
  using namespace blackstart::cli;
  namespace geodata = blackstart::geodata;
  CLI::App app{
      "Blackstart: cascading-impact simulator for interdependent power, transport and cyber networks"};
  app.require_subcommand(1);
  app.footer(
      "Examples:\n  blackstart run                      # the built-in Ukraine 2015 scenario\n"
      "  blackstart run scenarios/tutorial.yaml --out results\n"
      "  blackstart validate scenarios/*.yaml\n"
      "  blackstart explain ukraine-2015 transport/trolleybus-if-1 --at 1h");

  RunArgs run;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and report its impact");
  run_cmd->add_option("scenario", run.scenario, "Scenario file or built-in name (default: ukraine-2015)");
  run_cmd->add_option("--seed", run.seed, "Random seed (default: the scenario's)");
  run_cmd->add_option("--until", run.until, "Horizon, e.g. 24h (default: the scenario's)");
  run_cmd->add_option("--mitigation", run.mitigations,
                      "Switch on a mitigation defined in the scenario (repeatable)");
  run_cmd->add_option("--out", run.out_dir, "Folder for summary.json, timeline.csv, events.csv")
      ->capture_default_str();
  run_cmd->add_flag("--json", run.json, "Print summary.json to stdout instead of the table");
  run_cmd->add_flag("--quiet,-q", run.quiet, "No progress or notes on stderr");
  run_cmd->footer(
      "Examples:\n  blackstart run\n  blackstart run scenarios/ukraine-2015.yaml --mitigation "
      "prepositioned-crews\n"
      "  blackstart run scenarios/tutorial.yaml --seed 7 --until 48h --out results --json");

  std::vector<std::string> files;
  bool validate_quiet = false;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenario files without running them");
  validate_cmd->add_option("files", files, "Scenario files")->required();
  validate_cmd->add_flag("--quiet,-q", validate_quiet, "Print only problems");
  validate_cmd->footer("Example:\n  blackstart validate scenarios/*.yaml");

  ExplainArgs explain;
  auto* explain_cmd = app.add_subcommand("explain", "Show the chain of causes behind an asset's state");
  explain_cmd->add_option("scenario", explain.scenario, "Scenario file or built-in name")->required();
  explain_cmd->add_option("asset", explain.asset, "Asset id, layer/asset")->required();
  explain_cmd->add_option("--at", explain.at, "Time, e.g. 90min (default: time of worst impact)");
  explain_cmd->add_option("--seed", explain.seed, "Random seed");
  explain_cmd->add_flag("--downstream", explain.downstream,
                        "Also list what this asset took down at that time");
  explain_cmd->add_option("--mitigation", explain.mitigations, "Mitigation to switch on (repeatable)");
  explain_cmd->footer("Example:\n  blackstart explain ukraine-2015 power/kyiv-35-01-load --at 30min");

  PowerflowArgs powerflow;
  auto* powerflow_cmd = app.add_subcommand("powerflow", "Solve a DC or AC power flow of a MATPOWER case");
  powerflow_cmd->add_option("case", powerflow.case_file, "MATPOWER case file (.m)")->required();
  bool dc = false;
  auto* dc_flag = powerflow_cmd->add_flag("--dc", dc, "DC power flow (default)");
  powerflow_cmd->add_flag("--ac", powerflow.ac, "AC power flow (Newton-Raphson)")->excludes(dc_flag);
  powerflow_cmd->add_option("--out", powerflow.out_dir, "Folder for buses.csv and branches.csv");
  powerflow_cmd->add_option("--tolerance", powerflow.tolerance, "AC: largest mismatch, p.u.")
      ->capture_default_str();
  powerflow_cmd->add_option("--max-iterations", powerflow.max_iterations, "AC: Newton iterations")
      ->capture_default_str();
  powerflow_cmd->add_flag("--enforce-q-limits", powerflow.enforce_q_limits,
                          "AC: switch PV buses at Q limits to PQ");
  powerflow_cmd->footer(
      "Examples:\n  blackstart powerflow tests/data/matpower/case118.m --ac --out pf118\n"
      "  blackstart powerflow tests/data/matpower/case300.m --dc");

  ImportArgs import_args;
  auto* import_cmd =
      app.add_subcommand("import", "Convert a grid or a map from another format into a scenario");
  import_cmd->require_subcommand(1);
  import_cmd->footer("Example:\n  blackstart import matpower tests/data/matpower/case118.m -o grid118.yaml");
  auto* matpower_cmd = import_cmd->add_subcommand("matpower", "MATPOWER case (.m, version 2) to a scenario");
  matpower_cmd->add_option("case", import_args.case_file, "MATPOWER case file (.m)")->required();
  matpower_cmd->add_option("-o,--output", import_args.output, "Scenario file to write (.yaml)")->required();
  matpower_cmd
      ->add_option("--customers-per-mw", import_args.customers_per_mw, "Customers per MW of bus demand")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  matpower_cmd->add_flag("--quiet,-q", import_args.quiet, "Print only errors");
  matpower_cmd->footer(
      "Example:\n  blackstart import matpower tests/data/matpower/case118.m -o grid118.yaml");

  // Geodata through GDAL: one set of options, one code path, the driver chosen by the subcommand.
  GeoImportArgs geo_args;
  struct GeoSubcommand {
    const char* name;
    geodata::Format format;
    const char* description;
    const char* example;
  };
  const GeoSubcommand geo_subcommands[] = {
      {"geojson", geodata::Format::GeoJson, "GeoJSON points and lines to a scenario with coordinates",
       "blackstart import geojson scenarios/geo/sample-town.geojson -o town.yaml"},
      {"gpkg", geodata::Format::GeoPackage, "GeoPackage points and lines to a scenario with coordinates",
       nullptr},
      {"shp", geodata::Format::Shapefile, "Shapefile points or lines to a scenario with coordinates",
       nullptr},
      {"osm", geodata::Format::Osm, "OpenStreetMap roads and power infrastructure (.osm, .osm.pbf)",
       "blackstart import osm scenarios/geo/sample-town.osm --bbox 24.70,48.91,24.73,48.93 -o town-osm.yaml"},
  };
  std::vector<CLI::App*> geo_cmds;
  for (const auto& sub : geo_subcommands) {
    auto* cmd = import_cmd->add_subcommand(sub.name, sub.description);
    cmd->add_option("file", geo_args.file, "Input file")->required();
    cmd->add_option("-o,--output", geo_args.output, "Scenario file to write (.yaml)")->required();
    cmd->add_option("--snap", geo_args.snap_m, "Metres within which a line end meets an asset or line end")
        ->check(CLI::Range(0.0, 10000.0))
        ->capture_default_str();
    if (sub.format == geodata::Format::Osm)
      cmd->add_option("--bbox", geo_args.bbox, "Keep what meets minlon,minlat,maxlon,maxlat (degrees)");
    else
      cmd->add_option("--layer", geo_args.layer, "Layer of features without a 'layer' property")
          ->capture_default_str();
    cmd->add_flag("--quiet,-q", geo_args.quiet, "Print only errors");
    if (sub.example) cmd->footer(std::string("Example:\n  ") + sub.example);
    cmd->callback([&geo_args, format = sub.format] { geo_args.format = format; });
    geo_cmds.push_back(cmd);
  }

  ContingencyArgs contingency;
  auto* contingency_cmd =
      app.add_subcommand("contingency", "Screen branch outages of a MATPOWER case, worst first");
  contingency_cmd->add_option("case", contingency.case_file, "MATPOWER case file (.m)")->required();
  auto* n1_flag = contingency_cmd->add_flag("--n-1")->description("Single-branch outages (default)");
  contingency_cmd->add_flag("--n-2", contingency.n2, "Pairs among the K worst single outages")
      ->excludes(n1_flag);
  contingency_cmd->add_option("--top", contingency.top, "K: rows shown; with --n-2 also the outages paired")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  contingency_cmd->add_flag("--dc")->description(
      "DC (B-theta) model with PTDF/LODF: the only mode for now, the default");
  contingency_cmd->add_option("--out", contingency.out_file, "CSV file for the full ranking");
  contingency_cmd->add_option("--threads", contingency.threads, "Worker threads (default 0: all cores)")
      ->check(CLI::NonNegativeNumber);
  contingency_cmd->footer(
      "Ranked by MW shed, then overload MW above rate A, then worst loading.\n"
      "Examples:\n  blackstart contingency tests/data/matpower/case300.m --out n1.csv\n"
      "  blackstart contingency tests/data/matpower/case118.m --n-2 --top 20");

  EnsembleArgs ensemble;
  auto* ensemble_cmd = app.add_subcommand("ensemble", "Monte Carlo: run a scenario many times and summarise");
  ensemble_cmd->add_option("scenario", ensemble.scenario,
                           "Scenario file or built-in name (default: ukraine-2015)");
  ensemble_cmd->add_option("--runs", ensemble.runs, "Number of runs")->capture_default_str();
  ensemble_cmd->add_option("--threads", ensemble.threads,
                           "Worker threads (default: all cores); results do not depend on it");
  ensemble_cmd->add_option("--seed", ensemble.seed, "Root seed (default: the scenario's)");
  ensemble_cmd->add_option("--mitigation", ensemble.mitigations, "Switch on a mitigation (repeatable)");
  ensemble_cmd->add_option("--out", ensemble.out_dir, "Folder for runs.csv, summary.json, bands.csv")
      ->capture_default_str();
  ensemble_cmd->add_flag("--quiet,-q", ensemble.quiet, "No progress bar");
  ensemble_cmd->footer(
      "Examples:\n  blackstart ensemble ukraine-2015 --runs 1000 --out ens\n"
      "  blackstart ensemble scenarios/tutorial.yaml --runs 500 --threads 2 --seed 7 --mitigation "
      "second-crew");

  RankArgs rank;
  auto* rank_cmd =
      app.add_subcommand("rank", "Rank critical assets: fail each one (or pair) at t = 0, run the cascade");
  rank_cmd->add_option("scenario", rank.scenario, "Scenario file or built-in name (default: ukraine-2015)");
  rank_cmd->add_option("--layer", rank.layer, "Only assets of this layer");
  rank_cmd->add_option("--k", rank.k, "1: single failures, 2: pairs among the top candidates")
      ->capture_default_str();
  rank_cmd->add_option("--metric", rank.metric, "customer_hours or a headline metric")->capture_default_str();
  rank_cmd->add_option("--top", rank.top, "Rows to print")->capture_default_str();
  rank_cmd->add_option("--candidates", rank.candidates, "k = 2: pairs among this many best singles")
      ->capture_default_str();
  rank_cmd->add_option("--threads", rank.threads, "Worker threads (default: all cores)");
  rank_cmd->add_option("--out", rank.out, "CSV file for the full ranking");
  rank_cmd->footer(
      "Examples:\n  blackstart rank ukraine-2015 --top 10\n"
      "  blackstart rank scenarios/tutorial.yaml --layer cyber --k 2 --out pairs.csv");

  SweepArgs sweep;
  auto* sweep_cmd =
      app.add_subcommand("sweep", "Run ensembles over a parameter and write one CSV row per value");
  sweep_cmd->add_option("scenario", sweep.scenario, "Scenario file or built-in name")->required();
  sweep_cmd->add_option("--param", sweep.param, "p or alpha (classic models), crews.OPERATOR.count, ...")
      ->required();
  sweep_cmd->add_option("--from", sweep.from, "First value")->required();
  sweep_cmd->add_option("--to", sweep.to, "Last value")->required();
  sweep_cmd->add_option("--step", sweep.step, "Step between values")->required();
  sweep_cmd->add_option("--runs", sweep.runs, "Runs per value")->capture_default_str();
  sweep_cmd->add_option("--threads", sweep.threads, "Worker threads (default: all cores)");
  sweep_cmd->add_option("--seed", sweep.seed, "Root seed (default: the scenario's)");
  sweep_cmd->add_option("--out", sweep.out, "CSV file to write")->capture_default_str();
  sweep_cmd->add_flag("--quiet,-q", sweep.quiet, "Print nothing but errors");
  sweep_cmd->footer(
      "Examples:\n  blackstart sweep scenarios/tutorial.yaml --param crews.town-grid.count --from 1 --to 4 "
      "--step 1 "
      "--runs 50\n"
      "  blackstart sweep ukraine-2015 --param crews.pry.count --from 4 --to 20 --step 1 --runs 200");

  ControlsArgs controls;
  auto* controls_cmd = app.add_subcommand(
      "controls", "Rank security controls by the impact they avoid against the scenario's campaign");
  controls_cmd->add_option("scenario", controls.scenario, "Scenario file or built-in name with a campaign")
      ->required();
  controls_cmd->add_option("--runs", controls.runs, "Runs per control (the same seeds for every control)")
      ->capture_default_str();
  controls_cmd->add_option("--greedy", controls.greedy, "Also the best set of 1..K controls, one row per k")
      ->capture_default_str();
  controls_cmd->add_option("--threads", controls.threads,
                           "Worker threads (default: all cores); results do not depend on it");
  controls_cmd->add_option("--seed", controls.seed, "Root seed (default: the scenario's)");
  controls_cmd->add_option("--mitigation", controls.mitigations, "Switch on a mitigation first (repeatable)");
  controls_cmd->add_option("--top", controls.top, "Rows to print")->capture_default_str();
  controls_cmd->add_option("--out", controls.out, "CSV file for the full ranking");
  controls_cmd->add_flag("--quiet,-q", controls.quiet, "No progress bar and no table, only the summary line");
  controls_cmd->footer(
      "Examples:\n  blackstart controls ukraine-2016 --runs 100 --greedy 3 --out controls.csv\n"
      "  blackstart controls scenarios/ukraine-2022.yaml --runs 50 --threads 2 --top 5");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  if (*run_cmd) return run_command(run);
  if (*validate_cmd) return validate_command(files, validate_quiet);
  if (*explain_cmd) return explain_command(explain);
  if (*controls_cmd) {
#ifdef BLACKSTART_WITH_MPI
    MPI_Init(nullptr, nullptr);
    const int status = controls_command(controls);
    MPI_Finalize();
    return status;
#else
    return controls_command(controls);
#endif
  }
  if (*ensemble_cmd) {
#ifdef BLACKSTART_WITH_MPI
    MPI_Init(nullptr, nullptr);
    const int status = ensemble_command(ensemble);
    MPI_Finalize();
    return status;
#else
    return ensemble_command(ensemble);
#endif
  }
  if (*rank_cmd) return rank_command(rank);
  if (*sweep_cmd) return sweep_command(sweep);
  if (*powerflow_cmd) return powerflow_command(powerflow);
  if (*contingency_cmd) return contingency_command(contingency);
  for (auto* cmd : geo_cmds)
    if (*cmd) return geo_import_command(geo_args);
  if (*import_cmd) return import_command(import_args);
  return kUsage;
}
