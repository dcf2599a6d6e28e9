#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/geodata/feature_mapping.hpp"
#include "blackstart/geodata/geodata_reader.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::cli {

//! Exit codes: 0 ok, 1 bad input or failed run, 2 usage error.
enum ExitCode { kOk = 0, kBadInput = 1, kUsage = 2 };

struct RunArgs {
  std::string scenario;  //!< path or built-in name; empty = the default scenario
  std::optional<std::uint64_t> seed;
  std::string until;
  std::vector<std::string> mitigations;
  std::string out_dir = "blackstart-out";
  bool json = false;
  bool quiet = false;
};

struct ExplainArgs {
  std::string scenario;
  std::string asset;
  std::string at;
  bool downstream = false;  //!< also list what the asset took down
  std::optional<std::uint64_t> seed;
  std::vector<std::string> mitigations;
};

struct PowerflowArgs {
  std::string case_file;
  bool ac = false;
  std::string out_dir;
  double tolerance = 1e-8;
  int max_iterations = 10;
  bool enforce_q_limits = false;
};

//! `blackstart import matpower CASE.m -o GRID.yaml`
struct ImportArgs {
  std::string case_file;
  std::string output;
  double customers_per_mw = 400.0;
  bool quiet = false;
};

//! `blackstart import geojson|gpkg|shp|osm FILE -o SCENARIO.yaml`
struct GeoImportArgs {
  geodata::Format format = geodata::Format::GeoJson;
  std::string file;
  std::string output;
  double snap_m = geodata::kDefaultSnapMetres;
  std::string layer = "transport";
  std::string bbox;  //!< osm: minlon,minlat,maxlon,maxlat
  bool quiet = false;
};

//! `blackstart contingency CASE.m [--n-1 | --n-2] [--top K] [--dc] [--out FILE.csv] [--threads T]`
struct ContingencyArgs {
  std::string case_file;
  bool n2 = false;  //!< pairs among the `top` worst single outages instead of single outages
  int top = 20;     //!< rows printed; with n2 also the number of single outages paired
  std::string out_file;
  int threads = 0;  //!< 0 = all cores
};

struct EnsembleArgs {
  std::string scenario;
  int runs = 100;
  int threads = 0;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> mitigations;
  std::string out_dir = "blackstart-ensemble";
  bool quiet = false;
};

struct RankArgs {
  std::string scenario;
  std::string layer;
  int k = 1;
  std::string metric = "customer_hours";
  int top = 20;
  int candidates = 20;
  int threads = 0;
  std::string out;
};

//! `blackstart sweep SCENARIO --param NAME --from A --to B --step D [--runs N] [--threads T] [--seed S]
//! [--out FILE.csv]`
struct SweepArgs {
  std::string scenario;
  std::string param;
  double from = 0, to = 0, step = 0;
  int runs = 1;
  int threads = 0;
  std::optional<std::uint64_t> seed;
  std::string out = "sweep.csv";
  bool quiet = false;
};

//! `blackstart controls SCENARIO --runs N [--greedy K] [--threads T] [--seed S] --out FILE.csv`
struct ControlsArgs {
  std::string scenario;
  int runs = 100;
  int greedy = 0;
  int threads = 0;
  int top = 20;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> mitigations;
  std::string out;
  bool quiet = false;
};

//! Prints diagnostics to stderr, one `file:line:col: severity: message` per line.
void print_diagnostics(const core::Diagnostics& diagnostics);
//! Loads a scenario file or built-in name (empty: the default scenario) and applies mitigations;
//! prints problems (warnings too unless `quiet`). nullopt when anything is wrong.
std::optional<model::Scenario> load_scenario_argument(const std::string& name,
                                                      const std::vector<std::string>& mitigations,
                                                      bool quiet);

//! True (after saying why on stderr) when the scenario runs a textbook model, which only `run`
//! and `sweep` handle.
bool refuse_textbook_model(const model::Scenario& scenario);

int run_command(const RunArgs& args);
int sweep_command(const SweepArgs& args);
int rank_command(const RankArgs& args);
int ensemble_command(const EnsembleArgs& args);
int powerflow_command(const PowerflowArgs& args);
int contingency_command(const ContingencyArgs& args);
int validate_command(const std::vector<std::string>& files, bool quiet);
int explain_command(const ExplainArgs& args);
int import_command(const ImportArgs& args);
int geo_import_command(const GeoImportArgs& args);
int controls_command(const ControlsArgs& args);

}  // namespace blackstart::cli
