// Parameter sweeps: one ensemble per value of a scenario parameter.
#include "blackstart/study/sweep.hpp"

#include <fmt/format.h>

#include <cmath>

#include "blackstart/core/text.hpp"
#include "blackstart/metrics/metric_table.hpp"

namespace blackstart::study {

std::string set_parameter(model::Scenario& scenario, const std::string& name, double value) {
  auto parts = [&]() {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (int i = 0; i < 2; ++i) {  // split into at most three parts; the last may contain dots
      const auto dot = name.find('.', start);
      if (dot == std::string::npos) break;
      out.push_back(name.substr(start, dot - start));
      start = dot + 1;
    }
    out.push_back(name.substr(start));
    return out;
  }();
  if (!std::isfinite(value)) return "parameter value must be finite";
  if (parts.size() == 3 && parts[0] == "crews") {
    auto it = scenario.crews.find(parts[1]);
    if (it == scenario.crews.end()) {
      std::vector<std::string> ops;
      for (const auto& [op, pool] : scenario.crews) ops.push_back(op);
      return "no crews of operator '" + parts[1] + "'" + core::did_you_mean(parts[1], ops);
    }
    if (parts[2] == "count") {
      if (value < 0 || value != std::floor(value)) return "crew count must be a whole number >= 0";
      it->second.count = static_cast<int>(value);
      return "";
    }
    if (parts[2] == "travel_min") {
      if (value < 0) return "travel time must not be negative";
      it->second.travel = core::DurationDistribution::fixed(value);
      return "";
    }
    return "unknown crew parameter '" + parts[2] + "'; use count or travel_min";
  }
  if (parts.size() == 3 && parts[0] == "event" && parts[2] == "probability") {
    if (value < 0 || value > 1) return "probability must be between 0 and 1";
    for (auto& e : scenario.events)
      if (e.id == parts[1]) {
        e.probability = core::DurationDistribution::fixed(value);
        return "";
      }
    std::vector<std::string> ids;
    for (const auto& e : scenario.events) ids.push_back(e.id);
    return "no event '" + parts[1] + "'" + core::did_you_mean(parts[1], ids);
  }
  if (name.rfind("backup.", 0) == 0) {
    const auto targets = scenario.network.match(name.substr(7));
    if (targets.empty()) return "'" + name.substr(7) + "' matches no asset";
    if (value < 0) return "backup autonomy must not be negative";
    int changed = 0;
    for (auto& dep : scenario.network.dependencies())
      if (dep.effect == model::DependencyEffect::Fail &&
          std::binary_search(targets.begin(), targets.end(), dep.dependent)) {
        dep.backup_min = value * 60.0;  // the parameter is in hours
        ++changed;
      }
    return changed
               ? ""
               : "no power, fuel or communication dependency of '" + name.substr(7) + "' to put a backup on";
  }
  if (name == "detection_min") {
    if (value < 0) return "detection delay must not be negative";
    scenario.restoration.detection = core::DurationDistribution::fixed(value);
    return "";
  }
  return "unknown parameter '" + name +
         "'; use crews.OPERATOR.count, crews.OPERATOR.travel_min, event.ID.probability, backup.PATTERN or "
         "detection_min";
}

std::vector<SweepRow> run_sweep(const model::Scenario& scenario, const SweepOptions& options,
                                std::string* error) {
  std::vector<SweepRow> rows;
  if (!(options.step > 0) || !std::isfinite(options.from) || !std::isfinite(options.to) ||
      options.to < options.from) {
    if (error) *error = "need --from <= --to and --step > 0";
    return rows;
  }
  const auto count =
      static_cast<long long>(std::floor((options.to - options.from) / options.step + 1e-9)) + 1;
  for (long long i = 0; i < count; ++i) {
    const double value = options.from + static_cast<double>(i) * options.step;
    model::Scenario variant = scenario;
    if (auto message = set_parameter(variant, options.parameter, value); !message.empty()) {
      if (error) *error = message;
      return {};
    }
    const auto result = run_ensemble(variant, options.ensemble);
    SweepRow row;
    row.value = value;
    for (std::size_t k = 0; k < metrics::summary_metrics().size(); ++k) {
      std::vector<double> values;
      for (const auto& run : result.metrics) values.push_back(run[k]);
      row.metrics.push_back(describe(values));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string sweep_csv(const std::string& parameter, const std::vector<SweepRow>& rows) {
  std::string out = parameter;
  for (const auto& metric : metrics::summary_metrics())
    for (const char* stat : {"mean", "p5", "p50", "p95"}) {
      out += ',';
      out += metric.name;
      out += '_';
      out += stat;
    }
  out += '\n';
  auto number = [](double v) { return std::isfinite(v) ? fmt::format("{:.10g}", v) : std::string(); };
  for (const auto& row : rows) {
    out += number(row.value);
    for (const auto& s : row.metrics) {
      for (double v : {s.mean, s.p5, s.p50, s.p95}) {
        out += ',';
        out += number(v);
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace blackstart::study
