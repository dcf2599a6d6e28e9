#pragma once
// The rules for assets and links, whatever file they come from: id syntax, types, attribute values,
// positions, link ends and duplicate ids. The YAML readers (assets_reader) and the CSV readers
// (csv_assets_reader) turn their input into these calls; only where a message points differs (a
// YAML node or a CSV cell), never its wording.
#include <functional>
#include <optional>
#include <string>

#include "blackstart/model/asset_types.hpp"
#include "blackstart/model/network.hpp"

namespace blackstart::io {

class ElementBuilder {
 public:
  //! Reports a problem at the place the caller chose (a YAML node, a CSV cell).
  using Report = std::function<void(const std::string&)>;

  //! One coordinate of a position as written. `given` without `text`: a list or mapping.
  struct Coordinate {
    bool given = false;
    std::optional<std::string> text;
    Report report;
  };

  explicit ElementBuilder(model::Network& network) : network_(network) {}

  //! Layer names, asset ids and link ids: not empty, no '/', '*', '?', ',' or blanks. `what` names
  //! the id in the message ("asset id").
  static bool valid_id(const std::string& id, const std::string& what, const Report& report);

  //! The type spec of `type` in the layer; nullptr (reported) when the layer's kind has no such type,
  //! nullptr (not reported) in `other` layers, which take any type name.
  const model::AssetTypeSpec* resolve_type(std::uint32_t layer, const std::string& type, bool is_link,
                                           const Report& report) const;

  //! Sets a declared attribute; false with a diagnostic when the name or value is wrong.
  bool set_attribute(model::Element& e, const model::AssetTypeSpec* type, const std::string& key,
                     double value, const Report& report) const;

  //! A field written as text: `name`, `operator`, `recoverable_firmware` (true/false or a number) or a
  //! numeric attribute. `label` is how messages name the field ("column 'load_mw'"). Problems with
  //! the name go to `report_key`, problems with the value to `report_value`.
  void set_field(model::Element& e, const model::AssetTypeSpec* type, const std::string& key,
                 const std::string& text, const std::string& label, const Report& report_key,
                 const Report& report_value) const;

  //! A position from `x` + `y` or `lat` + `lon` (lat/lon win when given). Half a pair is reported to
  //! `report_whole`, a bad coordinate to its own report.
  static void set_position(model::Element& e, const Coordinate& x, const Coordinate& y, const Coordinate& lat,
                           const Coordinate& lon, const Report& report_whole);

  //! The asset a link end names: a local id or a full id, in the link's own layer.
  std::optional<model::ElementIndex> endpoint(std::uint32_t layer, const std::string& id,
                                              const Report& report) const;

  //! `link-N` with the first N not yet taken in the layer.
  [[nodiscard]] std::string generated_link_id(std::uint32_t layer) const;
  //! The type of a link that names none: line, road, network_link or link by the layer's kind.
  [[nodiscard]] std::string default_link_type(std::uint32_t layer) const;

  //! Adds the asset unless its full id is taken (reported to `report_id`).
  bool add_asset(std::uint32_t layer, model::Element e, const Report& report_id);
  //! Adds the link unless it joins an asset to itself (reported to `report_self`, `from_text` as
  //! written) or its full id is taken (reported to `report_id`).
  bool add_link(std::uint32_t layer, model::Element e, model::ElementIndex from, model::ElementIndex to,
                const std::string& from_text, const Report& report_self, const Report& report_id);

  [[nodiscard]] const model::Network& network() const { return network_; }

 private:
  bool taken(std::uint32_t layer, const std::string& local_id, const Report& report_id) const;

  model::Network& network_;
};

}  // namespace blackstart::io
