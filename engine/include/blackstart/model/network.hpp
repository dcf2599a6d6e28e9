#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "blackstart/core/duration.hpp"
#include "blackstart/model/backup_store.hpp"
#include "blackstart/model/types.hpp"

namespace blackstart::model {

//! Where a thing was written, for messages that point back into the scenario.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

//! How long each kind of repair takes for one element; each may be a distribution.
struct RepairTimes {
  core::DurationDistribution remote = core::DurationDistribution::fixed(5);     //!< remote re-switching
  core::DurationDistribution manual = core::DurationDistribution::fixed(20);    //!< on-site switching
  core::DurationDistribution repair = core::DurationDistribution::fixed(240);   //!< fixing physical damage
  core::DurationDistribution reimage = core::DurationDistribution::fixed(480);  //!< rebuilding a wiped host
  core::DurationDistribution cleanup = core::DurationDistribution::fixed(720);  //!< evicting an intruder
  core::DurationDistribution replacement = core::DurationDistribution::fixed(20160);  //!< new hardware, 14 d
};

struct Position {
  double x = 0.0;
  double y = 0.0;
  bool geographic = false;  //!< true when x = longitude, y = latitude
};

//! A WGS84 place in degrees (`lat` -90..90, `lon` -180..180).
struct GeoPoint {
  double lat = 0.0;
  double lon = 0.0;
};

//! An asset (graph vertex) or a link (graph edge). Both are addressed as `layer/id` and have state.
struct Element {
  std::string id;        //!< full id, `layer/local`
  std::string local_id;  //!< id inside its layer
  std::uint32_t layer = 0;
  bool is_link = false;
  std::string type;
  Role role = Role::Equipment;
  std::string name;
  std::string operator_name;  //!< owner; its crews do manual work here
  double capacity_mw = 0.0;
  double load_mw = 0.0;
  double customers = 0.0;
  double passengers_per_hour = 0.0;
  int priority = 0;                          //!< restoration order, higher first
  bool recoverable_firmware = false;         //!< firmware can be restored on site instead of replaced
  std::map<std::string, double> attributes;  //!< every other numeric attribute, by declared name
  RepairTimes repair;
  std::optional<Position> position;      //!< where diagrams draw it (x/y, or lat/lon)
  std::optional<GeoPoint> geo;           //!< assets: WGS84 place (`lat`, `lon`)
  std::vector<GeoPoint> path;            //!< links: WGS84 course (`path: [[lat, lon], ...]`), or empty
  bool length_from_coordinates = false;  //!< links: `length_km` was computed from coordinates
  ElementIndex from = kNoElement;        //!< links only: endpoint assets
  ElementIndex to = kNoElement;
  SourceLocation location;

  //! Draws power: a load, or a bus or substation with demand of its own (as imported grids have).
  [[nodiscard]] bool has_demand() const {
    return role != Role::Source && !is_link && (load_mw > 0 || customers > 0);
  }
  //! Numeric attribute by name, or `fallback` when not set.
  [[nodiscard]] double attribute(const std::string& name, double fallback = 0.0) const {
    const auto it = attributes.find(name);
    return it == attributes.end() ? fallback : it->second;
  }
};

//! Sets a numeric attribute by its declared name: the common ones live in fields, the rest in
//! `attributes`. The single place that knows which is which (loader, import, mitigations).
void set_attribute(Element& element, const std::string& name, double value);

struct Dependency {
  ElementIndex dependent = kNoElement;
  ElementIndex supplier = kNoElement;
  DependencyKind kind = DependencyKind::Power;
  DependencyEffect effect = DependencyEffect::Fail;
  double delay_min = 0.0;
  std::optional<double> backup_min;  //!< battery/UPS/diesel autonomy while the supplier is down
  std::string backup_kind;           //!< `ups`, `battery`, `diesel`… for reports
  std::optional<BackupStore> store;  //!< a battery with a state of charge, or a refuelled tank
  double degrade_factor = 0.5;       //!< remaining capacity under the Degrade effect
  SourceLocation location;
};

struct VertexProps {
  ElementIndex element = kNoElement;
};
struct EdgeProps {
  ElementIndex element = kNoElement;
};
using LayerGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexProps, EdgeProps>;

struct Layer {
  std::string name;
  LayerKind kind = LayerKind::Other;
  LayerGraph graph;
  std::vector<ElementIndex> assets;  //!< in vertex order
  std::vector<ElementIndex> links;   //!< in edge insertion order
};

//! Interdependent layers of assets and links plus the dependencies between them.
class Network {
 public:
  //! Adds a layer; returns its index. Names must be unique (the loader checks).
  std::uint32_t add_layer(std::string name, LayerKind kind);
  //! Adds an asset to a layer; `element.layer` and ids are filled in here.
  ElementIndex add_asset(std::uint32_t layer, Element element);
  //! Adds a link between two assets of the same layer.
  ElementIndex add_link(std::uint32_t layer, Element element, ElementIndex from, ElementIndex to);
  void add_dependency(Dependency dependency);

  [[nodiscard]] std::optional<ElementIndex> find(std::string_view full_id) const;
  [[nodiscard]] std::optional<std::uint32_t> find_layer(std::string_view name) const;
  //! Every element whose full id matches a glob (`cyber/gw-*`), in index order.
  [[nodiscard]] std::vector<ElementIndex> match(std::string_view pattern) const;

  [[nodiscard]] const std::vector<Layer>& layers() const { return layers_; }
  [[nodiscard]] const std::vector<Element>& elements() const { return elements_; }
  [[nodiscard]] std::vector<Element>& elements() { return elements_; }
  [[nodiscard]] const Element& element(ElementIndex index) const { return elements_[index]; }
  [[nodiscard]] Element& element(ElementIndex index) { return elements_[index]; }
  [[nodiscard]] const std::vector<Dependency>& dependencies() const { return dependencies_; }
  [[nodiscard]] std::vector<Dependency>& dependencies() { return dependencies_; }
  [[nodiscard]] std::size_t size() const { return elements_.size(); }
  //! Vertex of an asset inside its layer graph.
  [[nodiscard]] std::size_t vertex_of(ElementIndex asset) const { return vertex_[asset]; }

 private:
  std::vector<Layer> layers_;
  std::vector<Element> elements_;
  std::vector<std::size_t> vertex_;  //!< per element: vertex (assets) or edge ordinal (links)
  std::vector<Dependency> dependencies_;
  std::unordered_map<std::string, ElementIndex> index_;
};

}  // namespace blackstart::model
