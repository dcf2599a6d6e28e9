#pragma once
#include <string>
#include <vector>

#include "blackstart/model/types.hpp"

namespace blackstart::model {

//! A typed attribute an asset may carry; the loader validates against this and docs list it.
struct AttributeSpec {
  std::string name;
  std::string unit;
  double default_value = 0.0;
  double min_value = 0.0;
  double max_value = 1e300;
  std::string description;
};

struct AssetTypeSpec {
  std::string name;
  LayerKind layer = LayerKind::Other;
  bool is_link = false;
  Role role = Role::Equipment;
  std::string description;
  std::vector<std::string> attributes;  //!< names from the attribute table
};

//! The built-in asset and link types, registered explicitly by name.
class AssetTypeRegistry {
 public:
  //! Registry holding the built-in types of the power, transport and cyber layers.
  static const AssetTypeRegistry& builtin();

  void add_attribute(AttributeSpec spec);
  void add_type(AssetTypeSpec spec);

  //! Type of that name for that layer kind (user-named layers accept every type), or nullptr.
  [[nodiscard]] const AssetTypeSpec* find_type(LayerKind layer, std::string_view name, bool is_link) const;
  [[nodiscard]] const AttributeSpec* find_attribute(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> type_names(LayerKind layer, bool is_link) const;
  [[nodiscard]] const std::vector<AssetTypeSpec>& types() const { return types_; }
  [[nodiscard]] const std::vector<AttributeSpec>& attributes() const { return attributes_; }

 private:
  std::vector<AttributeSpec> attributes_;
  std::vector<AssetTypeSpec> types_;
};

void register_builtin_types(AssetTypeRegistry& registry);

//! The link type a layer of this kind gives a link written without `type` (line, road, network_link).
[[nodiscard]] std::string default_link_type(LayerKind layer);

}  // namespace blackstart::model
