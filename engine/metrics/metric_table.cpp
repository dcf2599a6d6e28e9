#include "blackstart/metrics/metric_table.hpp"

#include <array>
#include <cmath>

namespace blackstart::metrics {

namespace {
double or_nan(const std::optional<double>& value) {
  return value.value_or(std::nan(""));
}

// In RunMetric order, which is the output order; the derived figures, from CustomerHours on, are not
// part of summary_metrics().
constexpr std::array<RunMetricInfo, 12> kRunMetrics{{
    {RunMetric::PeakCustomersWithoutPower, "peak_customers_without_power", "customers",
     "Peak customers without power", "Maximum over time of customers without power, summed over power layers",
     [](const Summary& s) { return s.peak_customers_without_power; }},
    {RunMetric::CustomerMinutesInterrupted, "customer_minutes_interrupted", "customer·min",
     "Customer-minutes interrupted", "Integral of customers without power over the horizon",
     [](const Summary& s) { return s.customer_minutes_interrupted; }},
    {RunMetric::EnergyNotServed, "energy_not_served_mwh", "MWh", "Energy not served",
     "Integral of MW shed over the horizon", [](const Summary& s) { return s.energy_not_served_mwh; }},
    {RunMetric::PeakLoadShed, "peak_load_shed_mw", "MW", "Peak load shed",
     "Maximum over time of MW of demand not served", [](const Summary& s) { return s.peak_load_shed_mw; }},
    {RunMetric::PeakPassengersAffected, "peak_passengers_affected_per_h", "passengers/h",
     "Peak passengers affected",
     "Maximum over time of passengers per hour whose service stopped or was reduced",
     [](const Summary& s) { return s.peak_passengers_affected; }},
    {RunMetric::PassengerTripsLost, "passenger_trips_lost", "passengers", "Passenger trips lost",
     "Integral of passengers affected per hour over the horizon",
     [](const Summary& s) { return s.passenger_trips_lost; }},
    {RunMetric::TimeOfWorstImpact, "time_of_worst_impact_min", "min", "Time of worst impact",
     "First time at which overall service is lowest",
     [](const Summary& s) { return s.time_of_worst_impact_min; }},
    {RunMetric::TimeToFullRestoration, "time_to_full_restoration_min", "min", "Time to full restoration",
     "First time after the worst impact from which service stays fully restored",
     [](const Summary& s) { return or_nan(s.time_to_full_restoration_min); }},
    {RunMetric::ResilienceIndex, "resilience_index", "0–1", "Resilience index",
     "Area under the normalised service curve; 1 = no loss",
     [](const Summary& s) { return s.resilience_index; }},
    {RunMetric::LossOfControlHours, "loss_of_control_hours", "asset·h", "Loss-of-control hours",
     "Hours during which operators could not operate an asset or link remotely, summed over them",
     [](const Summary& s) { return s.loss_of_control_hours; }},
    {RunMetric::LossOfViewHours, "loss_of_view_hours", "asset·h", "Loss-of-view hours",
     "Hours during which operators could not see an asset or link, summed over them",
     [](const Summary& s) { return s.loss_of_view_hours; }},
    {RunMetric::CustomerHours, "customer_hours", "customer·h", "Customer-hours interrupted",
     "Integral of customers without power over the horizon",
     [](const Summary& s) { return s.customer_minutes_interrupted / 60.0; }},
}};

constexpr std::array<LayerMetricInfo, 19> kLayerMetrics{{
    {"resilience_index", "0–1", "Area under the layer's normalised service curve", false,
     [](const LayerSummary& l) { return l.resilience_index; }},
    {"min_served_fraction", "0–1", "Lowest fraction of the layer's service delivered", false,
     [](const LayerSummary& l) { return l.min_performance; }},
    {"time_of_worst_impact_min", "min", "First time at which the layer's service is lowest", false,
     [](const LayerSummary& l) { return l.time_of_worst_impact_min; }},
    {"time_to_restoration_min", "min",
     "First time after the worst impact from which the layer stays fully served", false,
     [](const LayerSummary& l) { return or_nan(l.time_to_restoration_min); }},
    {"peak_customers_without_power", "customers", "Maximum over time of the layer's customers without power",
     false, [](const LayerSummary& l) { return l.peak_customers_without_power; }},
    {"customer_minutes_interrupted", "customer·min", "Integral of the layer's customers without power", false,
     [](const LayerSummary& l) { return l.customer_minutes_interrupted; }},
    {"energy_not_served_mwh", "MWh", "Integral of the layer's MW shed", false,
     [](const LayerSummary& l) { return l.energy_not_served_mwh; }},
    {"peak_load_shed_mw", "MW", "Maximum over time of the layer's MW shed", false,
     [](const LayerSummary& l) { return l.peak_load_shed_mw; }},
    {"peak_passengers_affected_per_h", "passengers/h", "Maximum over time of the layer's passengers affected",
     false, [](const LayerSummary& l) { return l.peak_passengers_affected; }},
    {"passenger_trips_lost", "passengers", "Integral of the layer's passengers affected per hour", false,
     [](const LayerSummary& l) { return l.passenger_trips_lost; }},
    {"peak_assets_failed", "assets", "Maximum over time of the layer's elements not delivering service", true,
     [](const LayerSummary& l) { return static_cast<double>(l.peak_failed); }},
    {"peak_assets_compromised", "assets", "Maximum over time of the layer's compromised assets", true,
     [](const LayerSummary& l) { return static_cast<double>(l.peak_compromised); }},
    {"peak_loss_of_control", "assets", "Maximum over time of the layer's elements under loss of control",
     true, [](const LayerSummary& l) { return static_cast<double>(l.peak_loss_of_control); }},
    {"peak_loss_of_view", "assets", "Maximum over time of the layer's elements under loss of view", true,
     [](const LayerSummary& l) { return static_cast<double>(l.peak_loss_of_view); }},
    {"loss_of_control_hours", "asset·h", "Hours of the layer's elements under loss of control, summed", false,
     [](const LayerSummary& l) { return l.loss_of_control_hours; }},
    {"loss_of_view_hours", "asset·h", "Hours of the layer's elements under loss of view, summed", false,
     [](const LayerSummary& l) { return l.loss_of_view_hours; }},
    {"total_customers", "customers", "Customers of the layer's loads in the normal state", false,
     [](const LayerSummary& l) { return l.total_customers; }},
    {"total_load_mw", "MW", "Demand of the layer's loads in the normal state", false,
     [](const LayerSummary& l) { return l.total_load_mw; }},
    {"total_passengers_per_h", "passengers/h", "Passengers per hour of the layer in the normal state", false,
     [](const LayerSummary& l) { return l.total_passengers_per_hour; }},
}};

constexpr bool ids_are_indices() {
  for (std::size_t i = 0; i < kRunMetrics.size(); ++i)
    if (static_cast<std::size_t>(kRunMetrics[i].id) != i) return false;
  return true;
}
static_assert(ids_are_indices(), "kRunMetrics must list every RunMetric, in enum order");
constexpr bool layer_table_is_full() {
  for (const auto& m : kLayerMetrics)
    if (m.of == nullptr) return false;
  return true;
}
static_assert(layer_table_is_full(), "kLayerMetrics has an entry without a definition: fix its size");
}  // namespace

std::span<const RunMetricInfo> summary_metrics() {
  return std::span(kRunMetrics).first(static_cast<std::size_t>(RunMetric::CustomerHours));
}

std::span<const RunMetricInfo> run_metrics() {
  return kRunMetrics;
}

const RunMetricInfo& info(RunMetric metric) {
  return kRunMetrics[static_cast<std::size_t>(metric)];
}

const RunMetricInfo* find_run_metric(std::string_view name) {
  for (const auto& m : kRunMetrics)
    if (m.name == name) return &m;
  return nullptr;
}

std::span<const LayerMetricInfo> layer_metrics() {
  return kLayerMetrics;
}

}  // namespace blackstart::metrics
