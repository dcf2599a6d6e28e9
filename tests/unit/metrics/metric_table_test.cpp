// The metric table: names unique, units in the names, every name documented, and the outputs that
// list metrics (summary.json, ensemble columns, rank --metric) taking names and order from it.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "blackstart/metrics/metric_table.hpp"
#include "blackstart/report/report.hpp"
#include "blackstart/study/ensemble.hpp"
#include "blackstart/study/ranking.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;

namespace {
//! The suffix a name must end in for its unit; empty when the unit has no suffix.
std::string suffix_for(std::string_view unit) {
  if (unit == "min") return "_min";
  if (unit == "MW") return "_mw";
  if (unit == "MWh") return "_mwh";
  if (unit == "passengers/h") return "_per_h";
  return {};
}

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

//! Whether docs/metrics.md names the metric as `name`.
bool documented(const std::string& docs, std::string_view name) {
  std::string quoted(1, '`');
  quoted.append(name);
  quoted.push_back('`');
  return docs.find(quoted) != std::string::npos;
}

metrics::Summary sample_summary() {
  test::Feeder f;
  f.world.crews("grid", 1, 30);
  f.world.event("open", 10, model::Action::OpenBreaker, {f.sub});
  return metrics::summarize(sim::simulate(f.world.scenario));
}
}  // namespace

TEST_CASE("metric names are unique, carry their unit and are documented", "[metrics]") {
  const auto docs = read_text(std::string(BLACKSTART_SOURCE_DIR) + "/docs/metrics.md");
  REQUIRE_FALSE(docs.empty());
  std::set<std::string_view> run_names, layer_names;
  for (const auto& m : metrics::run_metrics()) {
    INFO(m.name);
    CHECK(run_names.insert(m.name).second);
    CHECK(ends_with(m.name, suffix_for(m.unit)));
    CHECK_FALSE(m.title.empty());
    CHECK_FALSE(m.description.empty());
    CHECK(&metrics::info(m.id) == &m);
    CHECK(metrics::find_run_metric(m.name) == &m);
  }
  for (const auto& m : metrics::summary_metrics()) CHECK(documented(docs, m.name));
  for (const auto& m : metrics::layer_metrics()) {
    INFO(m.name);
    CHECK(layer_names.insert(m.name).second);
    CHECK(ends_with(m.name, suffix_for(m.unit)));
    CHECK(documented(docs, m.name));
  }
  CHECK(metrics::find_run_metric("no_such_metric") == nullptr);
  CHECK(metrics::summary_metrics().size() + 1 == metrics::run_metrics().size());
}

TEST_CASE("outputs take metric names, order and values from the table", "[metrics]") {
  const auto summary = sample_summary();
  const auto json = nlohmann::ordered_json::parse(report::summary_json(summary, {}));
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  std::vector<std::string> expected{"scenario", "seed", "horizon_min", "mitigations"};
  for (const auto& m : metrics::summary_metrics()) expected.emplace_back(m.name);
  expected.insert(expected.end(), {"state_changes", "layers"});
  CHECK(keys == expected);
  for (const auto& m : metrics::summary_metrics()) {
    INFO(m.name);
    const double v = m.of(summary);
    if (std::isnan(v))
      CHECK(json[std::string(m.name)].is_null());
    else
      CHECK(json[std::string(m.name)].get<double>() == v);
  }
  for (const auto& [layer, fields] : json["layers"].items()) {
    std::vector<std::string> layer_keys, layer_expected{"kind"};
    for (const auto& [key, value] : fields.items()) layer_keys.push_back(key);
    for (const auto& m : metrics::layer_metrics()) layer_expected.emplace_back(m.name);
    CHECK(layer_keys == layer_expected);
  }

  const auto& names = study::headline_metric_names();
  const auto values = study::headline_metrics(summary);
  REQUIRE(names.size() == metrics::summary_metrics().size());
  REQUIRE(values.size() == names.size());
  for (std::size_t k = 0; k < names.size(); ++k) CHECK(names[k] == metrics::summary_metrics()[k].name);

  const auto rank_names = study::rank_metric_names();
  REQUIRE(rank_names.size() == names.size() + 1);
  CHECK(rank_names.front() == "customer_hours");
  CHECK(std::equal(names.begin(), names.end(), rank_names.begin() + 1));
  CHECK(metrics::info(metrics::RunMetric::CustomerHours).of(summary) ==
        Approx(summary.customer_minutes_interrupted / 60.0));
}
