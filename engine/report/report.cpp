#include "blackstart/report/report.hpp"

#include "blackstart/report/attack_log.hpp"
#include "blackstart/report/crew_log.hpp"
#include "blackstart/report/fuel_log.hpp"
#include "blackstart/report/lines_report.hpp"
#include "blackstart/report/roads_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "blackstart/core/duration.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/metrics/metric_table.hpp"

namespace blackstart::report {

namespace {
//! NaN (no value, e.g. not restored by the horizon) is written as null.
nlohmann::ordered_json number_or_null(double value) {
  return std::isnan(value) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}
std::string duration_or_never(std::optional<double> minutes) {
  return minutes ? core::format_duration(core::Duration{*minutes}) : std::string("not within horizon");
}

//! A run metric as the impact table shows it.
std::string shown_value(const metrics::RunMetricInfo& metric, const metrics::Summary& s) {
  const double v = metric.of(s);
  switch (metric.id) {
    case metrics::RunMetric::PeakCustomersWithoutPower:
    case metrics::RunMetric::CustomerMinutesInterrupted:
    case metrics::RunMetric::CustomerHours:
    case metrics::RunMetric::PassengerTripsLost:
      return fmt::format("{:.0f}", v);
    case metrics::RunMetric::EnergyNotServed:
      return fmt::format("{:.1f} MWh", v);
    case metrics::RunMetric::PeakLoadShed:
      return fmt::format("{:.1f} MW", v);
    case metrics::RunMetric::PeakPassengersAffected:
      return fmt::format("{:.0f} /h", v);
    case metrics::RunMetric::TimeOfWorstImpact:
    case metrics::RunMetric::TimeToFullRestoration:
      return duration_or_never(std::isnan(v) ? std::nullopt : std::optional<double>(v));
    case metrics::RunMetric::ResilienceIndex:
      return fmt::format("{:.4f}", v);
    case metrics::RunMetric::LossOfControlHours:
    case metrics::RunMetric::LossOfViewHours:
      return fmt::format("{:.1f} h", v);
  }
  return {};
}

//! Fixed, locale-free number formatting so outputs are byte-identical across runs.
std::string num(double v) {
  if (v == 0.0) return "0";
  return fmt::format("{:.6g}", v);
}
}  // namespace

std::string summary_json(const metrics::Summary& s, const std::vector<std::string>& mitigations) {
  nlohmann::ordered_json j;
  j["scenario"] = s.scenario;
  j["seed"] = s.seed;
  j["horizon_min"] = s.horizon_min;
  j["mitigations"] = mitigations;
  for (const auto& metric : metrics::summary_metrics()) j[metric.name] = number_or_null(metric.of(s));
  j["state_changes"] = s.state_changes;
  nlohmann::ordered_json layers = nlohmann::ordered_json::object();
  for (const auto& l : s.layers) {
    nlohmann::ordered_json x;
    x["kind"] = l.kind;
    for (const auto& metric : metrics::layer_metrics()) {
      const double value = metric.of(l);
      x[metric.name] =
          metric.count ? nlohmann::ordered_json(static_cast<std::uint64_t>(value)) : number_or_null(value);
    }
    layers[l.name] = x;
  }
  j["layers"] = layers;
  if (!s.lines.empty()) {  // services with passengers_per_hour (metrics/passenger_hours.hpp)
    nlohmann::ordered_json lines = nlohmann::ordered_json::object();
    for (const auto& l : s.lines)
      lines[l.id] = {{"type", l.type},
                     {"passengers_per_hour", l.passengers_per_hour},
                     {"sections", l.sections},
                     {"passenger_trips_lost", l.passenger_trips_lost},
                     {"passenger_hours_lost", l.passenger_hours_lost},
                     {"min_service_fraction", l.min_service_fraction},
                     {"hours_stopped", l.hours_stopped},
                     {"hours_reduced", l.hours_reduced}};
    j["lines"] = lines;
  }
  if (s.attack.has_campaign) {
    const auto optional = [](const std::optional<double>& v) {
      return v ? number_or_null(*v) : nlohmann::ordered_json(nullptr);
    };
    nlohmann::ordered_json attack;
    attack["objectives_reached"] = s.attack.objectives_reached;
    attack["steps_succeeded"] = s.attack.steps_succeeded;
    attack["steps_blocked"] = s.attack.steps_blocked;
    attack["first_detection_min"] = optional(s.attack.first_detection_min);
    attack["time_to_objective_min"] = optional(s.attack.time_to_objective_min);
    j["attack"] = attack;
  }
  return j.dump(2) + "\n";
}

std::string timeline_csv(const sim::RunResult& result, double step_min) {
  std::string out =
      "time_min,layer,served_fraction,customers_without_power,shed_mw,passengers_affected_per_h,assets_"
      "failed,"
      "assets_compromised,loss_of_control,loss_of_view,on_backup,degraded\n";
  for (const auto& row : metrics::sample_timeline(result, step_min)) {
    const auto& s = row.sample;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", num(row.time_min),
                       io::csv_escape(result.layer_names[row.layer]), num(s.performance),
                       num(s.customers_without_power), num(s.shed_mw), num(s.passengers_affected), s.failed,
                       s.compromised, s.loss_of_control, s.loss_of_view, s.on_backup, s.degraded);
  }
  return out;
}

std::string events_csv(const model::Scenario& scenario, const sim::RunResult& result) {
  std::string out = "time_min,asset,from_state,to_state,cause_kind,cause,dependency,detail\n";
  const auto& elements = scenario.network.elements();
  const sim::CauseContext context(scenario);
  for (const auto& c : result.changes) {
    const auto text = sim::describe(c.cause, context);
    out += fmt::format("{},{},{},{},{},{},{},{}\n", num(c.time_min), io::csv_escape(elements[c.element].id),
                       sim::from_name(c), sim::to_name(c), sim::to_string(c.cause.kind),
                       io::csv_escape(text.text),
                       c.cause.via ? std::string(model::to_string(*c.cause.via)) : std::string(),
                       io::csv_escape(text.detail));
  }
  return out;
}

std::string impact_table(const metrics::Summary& s) {
  std::string out;
  out += fmt::format("Scenario: {}   seed {}   horizon {}\n\n", s.scenario, s.seed,
                     core::format_duration(core::Duration{s.horizon_min}));
  for (const auto& metric : metrics::summary_metrics()) {
    // Customer-minutes are shown as customer-hours, the figure people quote.
    const auto& shown = metric.id == metrics::RunMetric::CustomerMinutesInterrupted
                            ? metrics::info(metrics::RunMetric::CustomerHours)
                            : metric;
    out += fmt::format("  {:<34} {:>16}\n", shown.title, shown_value(shown, s));
  }
  out += "\n";
  out += fmt::format("  {:<12} {:>9} {:>9} {:>11} {:>8} {:>8} {:>8} {:>18}\n", "layer", "min served", "index",
                     "peak failed", "compr.", "no ctrl", "no view", "restored after");
  for (const auto& l : s.layers)
    out += fmt::format("  {:<12} {:>9.1f}% {:>9.4f} {:>11} {:>8} {:>8} {:>8} {:>18}\n", l.name,
                       100.0 * l.min_performance, l.resilience_index, l.peak_failed, l.peak_compromised,
                       l.peak_loss_of_control, l.peak_loss_of_view,
                       duration_or_never(l.time_to_restoration_min));
  out += lines_table(s);
  return out;
}

bool write_run_outputs(const std::filesystem::path& dir, const model::Scenario& scenario,
                       const sim::RunResult& result, const metrics::Summary& summary,
                       const std::vector<std::string>& mitigations, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    if (error) *error = "cannot create output folder " + dir.string() + ": " + ec.message();
    return false;
  }
  const auto roads = metrics::road_capacity_losses(scenario, result);
  return io::write_file_atomically(dir / "summary.json", summary_json(summary, mitigations), error) &&
         io::write_file_atomically(dir / "timeline.csv", timeline_csv(result, scenario.report_step_min),
                                   error) &&
         io::write_file_atomically(dir / "events.csv", events_csv(scenario, result), error) &&
         (scenario.campaign.empty() ||
          io::write_file_atomically(dir / "attack.csv", attack_csv(scenario, result), error)) &&
         (result.crews.empty() ||
          io::write_file_atomically(dir / "crews.csv", crews_csv(scenario, result), error)) &&
         (summary.lines.empty() || io::write_file_atomically(dir / "lines.csv", lines_csv(summary), error)) &&
         (roads.empty() || io::write_file_atomically(dir / "roads.csv", roads_csv(roads), error)) &&
         (result.fuel_trucks.empty() ||
          io::write_file_atomically(dir / "fuel.csv", fuel_csv(scenario, result), error)) &&
         (result.backup_levels.empty() ||
          io::write_file_atomically(dir / "backups.csv", backups_csv(scenario, result), error));
}

}  // namespace blackstart::report
