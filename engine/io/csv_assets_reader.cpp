#include "csv_assets_reader.hpp"

#include "named_csv.hpp"

namespace blackstart::io {

namespace {

//! A reporter for one cell of a row (column < 0: the row's first column).
auto cell_reporter(core::Diagnostics& diagnostics, const CsvTable& table, const CsvTable::Row& row) {
  return [&diagnostics, &table, &row](int column) -> ElementBuilder::Report {
    return [&diagnostics, &table, &row, column](const std::string& m) {
      report_csv_cell(diagnostics, table, row, column, m);
    };
  };
}

}  // namespace

void read_assets_csv(YamlReader& yaml, ElementBuilder& builder, std::uint32_t layer, const YAML::Node& node) {
  const auto table = read_named_csv(yaml, node, "assets_csv");
  if (!table) return;
  auto& diagnostics = yaml.diagnostics();
  const int id_col = table->column({"id"});
  const int type_col = table->column({"type"});
  const bool any_type = builder.network().layers()[layer].kind == model::LayerKind::Other;
  if (id_col < 0 || (type_col < 0 && !any_type)) {
    diagnostics.error(table->file, 1, 1,
                      std::string("asset CSV needs ") + (id_col < 0 ? "an 'id' column" : "a 'type' column") +
                          " (columns: id, type, then name, operator, x/y or lat/lon, attributes)");
    return;
  }
  for (const auto& row : table->rows) {
    const auto report_at = cell_reporter(diagnostics, *table, row);
    model::Element e;
    e.local_id = row.fields[id_col];
    if (!ElementBuilder::valid_id(e.local_id, "asset id", report_at(id_col))) continue;
    if (type_col >= 0 && row.fields[type_col].empty() && !any_type) {
      report_at(type_col)("asset '" + e.local_id + "' needs a type");
      continue;
    }
    e.type = type_col >= 0 && !row.fields[type_col].empty() ? row.fields[type_col] : "node";
    e.layer = layer;
    const auto* type = builder.resolve_type(layer, e.type, false, report_at(type_col));
    e.role = type ? type->role : model::Role::Equipment;
    e.location = {table->file, row.line, 1};
    // The position is checked at its last coordinate's column, so messages keep the columns' order.
    auto is_coordinate = [](const std::string& key) {
      return key == "x" || key == "y" || key == "lat" || key == "lon";
    };
    int last_coordinate = -1;
    for (std::size_t c = 0; c < table->header.size(); ++c)
      if (is_coordinate(table->header[c]) && !row.fields[c].empty()) last_coordinate = static_cast<int>(c);
    ElementBuilder::Coordinate x, y, lat, lon;
    for (std::size_t c = 0; c < table->header.size(); ++c) {
      const int ci = static_cast<int>(c);
      const std::string& key = table->header[c];
      const std::string& value = row.fields[c];
      if (ci == id_col || ci == type_col || value.empty()) continue;
      if (!is_coordinate(key)) {
        builder.set_field(e, type, key, value, "column '" + key + "'", report_at(ci), report_at(ci));
        continue;
      }
      auto& coordinate = key == "x" ? x : key == "y" ? y : key == "lat" ? lat : lon;
      coordinate = {true, value, report_at(ci)};
      if (ci == last_coordinate) {
        // Half a pair is reported at the coordinate that is there.
        const auto& lonely = lat.given || lon.given ? (lat.given ? lat : lon) : (x.given ? x : y);
        ElementBuilder::set_position(e, x, y, lat, lon, lonely.report);
      }
    }
    builder.add_asset(layer, std::move(e), report_at(id_col));
  }
}

void read_links_csv(YamlReader& yaml, ElementBuilder& builder, std::uint32_t layer, const YAML::Node& node) {
  const auto table = read_named_csv(yaml, node, "links_csv");
  if (!table) return;
  auto& diagnostics = yaml.diagnostics();
  const int from_col = table->column({"from", "u", "source"});
  const int to_col = table->column({"to", "v", "target"});
  const int id_col = table->column({"id"});
  const int type_col = table->column({"type"});
  if (from_col < 0 || to_col < 0) {
    diagnostics.error(table->file, 1, 1,
                      "link CSV needs 'from' and 'to' columns (or 'u' and 'v', or 'source' and 'target')");
    return;
  }
  for (const auto& row : table->rows) {
    const auto report_at = cell_reporter(diagnostics, *table, row);
    model::Element e;
    e.local_id =
        id_col >= 0 && !row.fields[id_col].empty() ? row.fields[id_col] : builder.generated_link_id(layer);
    if (!ElementBuilder::valid_id(e.local_id, "link id", report_at(id_col))) continue;
    e.type = type_col >= 0 && !row.fields[type_col].empty() ? row.fields[type_col]
                                                            : builder.default_link_type(layer);
    e.layer = layer;
    const auto* type = builder.resolve_type(layer, e.type, true, report_at(type_col));
    e.location = {table->file, row.line, 1};
    for (std::size_t c = 0; c < table->header.size(); ++c) {
      const int ci = static_cast<int>(c);
      if (ci == from_col || ci == to_col || ci == id_col || ci == type_col || row.fields[c].empty()) continue;
      builder.set_field(e, type, table->header[c], row.fields[c], "column '" + table->header[c] + "'",
                        report_at(ci), report_at(ci));
    }
    auto from = builder.endpoint(layer, row.fields[from_col], report_at(from_col));
    auto to = builder.endpoint(layer, row.fields[to_col], report_at(to_col));
    if (!from || !to) continue;
    builder.add_link(layer, std::move(e), *from, *to, row.fields[from_col], report_at(from_col),
                     report_at(id_col));
  }
}

}  // namespace blackstart::io
