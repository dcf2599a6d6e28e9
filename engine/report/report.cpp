#include "blackstart/report/report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "blackstart/core/duration.hpp"
#include "blackstart/io/csv.hpp"

namespace blackstart::report {

namespace {
nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
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
  j["peak_customers_without_power"] = s.peak_customers_without_power;
  j["customer_minutes_interrupted"] = s.customer_minutes_interrupted;
  j["energy_not_served_mwh"] = s.energy_not_served_mwh;
  j["peak_load_shed_mw"] = s.peak_load_shed_mw;
  j["peak_passengers_affected_per_h"] = s.peak_passengers_affected;
  j["passenger_trips_lost"] = s.passenger_trips_lost;
  j["time_of_worst_impact_min"] = s.time_of_worst_impact_min;
  j["time_to_full_restoration_min"] = optional_number(s.time_to_full_restoration_min);
  j["resilience_index"] = s.resilience_index;
  j["state_changes"] = s.state_changes;
  nlohmann::ordered_json layers = nlohmann::ordered_json::object();
  for (const auto& l : s.layers) {
    nlohmann::ordered_json x;
    x["kind"] = l.kind;
    x["resilience_index"] = l.resilience_index;
    x["min_served_fraction"] = l.min_performance;
    x["time_of_worst_impact_min"] = l.time_of_worst_impact_min;
    x["time_to_restoration_min"] = optional_number(l.time_to_restoration_min);
    x["peak_customers_without_power"] = l.peak_customers_without_power;
    x["customer_minutes_interrupted"] = l.customer_minutes_interrupted;
    x["energy_not_served_mwh"] = l.energy_not_served_mwh;
    x["peak_load_shed_mw"] = l.peak_load_shed_mw;
    x["peak_passengers_affected_per_h"] = l.peak_passengers_affected;
    x["passenger_trips_lost"] = l.passenger_trips_lost;
    x["peak_assets_failed"] = l.peak_failed;
    x["peak_assets_compromised"] = l.peak_compromised;
    x["peak_loss_of_control"] = l.peak_loss_of_control;
    x["peak_loss_of_view"] = l.peak_loss_of_view;
    x["total_customers"] = l.total_customers;
    x["total_load_mw"] = l.total_load_mw;
    x["total_passengers_per_h"] = l.total_passengers_per_hour;
    layers[l.name] = x;
  }
  j["layers"] = layers;
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
  auto duration = [](std::optional<double> m) {
    return m ? core::format_duration(core::Duration{*m}) : std::string("not within horizon");
  };
  std::string out;
  out += fmt::format("Scenario: {}   seed {}   horizon {}\n\n", s.scenario, s.seed,
                     core::format_duration(core::Duration{s.horizon_min}));
  out += fmt::format("  {:<34} {:>16}\n", "Peak customers without power",
                     fmt::format("{:.0f}", s.peak_customers_without_power));
  out += fmt::format("  {:<34} {:>16}\n", "Customer-hours interrupted",
                     fmt::format("{:.0f}", s.customer_minutes_interrupted / 60.0));
  out += fmt::format("  {:<34} {:>16}\n", "Energy not served",
                     fmt::format("{:.1f} MWh", s.energy_not_served_mwh));
  out += fmt::format("  {:<34} {:>16}\n", "Peak load shed", fmt::format("{:.1f} MW", s.peak_load_shed_mw));
  out += fmt::format("  {:<34} {:>16}\n", "Peak passengers affected",
                     fmt::format("{:.0f} /h", s.peak_passengers_affected));
  out +=
      fmt::format("  {:<34} {:>16}\n", "Passenger trips lost", fmt::format("{:.0f}", s.passenger_trips_lost));
  out += fmt::format("  {:<34} {:>16}\n", "Time of worst impact", duration(s.time_of_worst_impact_min));
  out +=
      fmt::format("  {:<34} {:>16}\n", "Time to full restoration", duration(s.time_to_full_restoration_min));
  out += fmt::format("  {:<34} {:>16}\n\n", "Resilience index", fmt::format("{:.4f}", s.resilience_index));
  out += fmt::format("  {:<12} {:>9} {:>9} {:>11} {:>8} {:>8} {:>8} {:>18}\n", "layer", "min served", "index",
                     "peak failed", "compr.", "no ctrl", "no view", "restored after");
  for (const auto& l : s.layers)
    out += fmt::format("  {:<12} {:>9.1f}% {:>9.4f} {:>11} {:>8} {:>8} {:>8} {:>18}\n", l.name,
                       100.0 * l.min_performance, l.resilience_index, l.peak_failed, l.peak_compromised,
                       l.peak_loss_of_control, l.peak_loss_of_view, duration(l.time_to_restoration_min));
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
  return io::write_file_atomically(dir / "summary.json", summary_json(summary, mitigations), error) &&
         io::write_file_atomically(dir / "timeline.csv", timeline_csv(result, scenario.report_step_min),
                                   error) &&
         io::write_file_atomically(dir / "events.csv", events_csv(scenario, result), error);
}

}  // namespace blackstart::report
