#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <map>

#include "blackstart/model/network.hpp"
#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/powerflow.hpp"

namespace blackstart::sim {

//! Result of solving one power layer; vectors are indexed by global element index.
struct PowerSolution {
  std::vector<char> energised;                     //!< asset or link carries power
  std::vector<double> served;                      //!< loads: fraction of demand served, 0..1
  std::vector<model::ElementIndex> upstream;       //!< next element towards the feeding source
  std::vector<model::ElementIndex> island_source;  //!< largest source feeding the element's island
  std::vector<double> flow_mw;                     //!< links: active power at the from end (flow models only)
  std::vector<double> loading;      //!< links: |flow| / rating, 0 when unrated (flow models only)
  std::vector<double> dispatch_mw;  //!< sources: active power produced (flow models only)
  //! Input, set by the simulator: the fraction of its capacity each source may produce (1 unless an
  //! attack changed its setpoint). Sources without a capacity are unlimited whatever their setpoint.
  std::vector<double> capacity_scale;
  void resize(std::size_t n);
};

//! Decides which assets of a power layer are energised and how much of each load is served,
//! given which elements are available (not switched off, damaged or failed by a dependency).
class PowerModel {
 public:
  virtual ~PowerModel() = default;
  virtual void solve(const model::Network& network, std::uint32_t layer, const std::vector<char>& available,
                     PowerSolution& out) = 0;
};

//! A load is served when connected through available links to an available source; each island
//! sheds load proportionally when its demand exceeds its sources' capacity.
class ConnectivityPowerModel final : public PowerModel {
 public:
  void solve(const model::Network& network, std::uint32_t layer, const std::vector<char>& available,
             PowerSolution& out) override;

 private:
  // Scratch buffers reused across solves (a model belongs to one simulation, one thread).
  std::vector<std::uint32_t> parent_, start_, fill_, queue_;
  std::vector<std::pair<std::uint32_t, model::ElementIndex>> neighbours_;
  std::vector<double> capacity_, demand_;
  std::vector<model::ElementIndex> largest_source_;
  std::vector<char> seen_;
};

//! Connectivity plus DC power flow per island: generators are dispatched to the island's served
//! demand (distributed slack within their limits), the largest one is the angle reference, and
//! every link gets its flow and its loading against the chosen rating.
class DcPowerModel final : public PowerModel {
 public:
  explicit DcPowerModel(model::PowerFlowSettings settings);
  ~DcPowerModel() override;
  void solve(const model::Network& network, std::uint32_t layer, const std::vector<char>& available,
             PowerSolution& out) override;

 private:
  struct LayerCache;
  model::PowerFlowSettings settings_;
  ConnectivityPowerModel connectivity_;
  std::map<std::uint32_t, std::unique_ptr<LayerCache>> cache_;
};

//! Connectivity plus AC power flow per island (Newton-Raphson); an island whose power flow does not
//! converge is treated as a voltage collapse and de-energised. Loading is |S| / rating in MVA.
class AcPowerModel final : public PowerModel {
 public:
  explicit AcPowerModel(model::PowerFlowSettings settings);
  void solve(const model::Network& network, std::uint32_t layer, const std::vector<char>& available,
             PowerSolution& out) override;

 private:
  model::PowerFlowSettings settings_;
  AcOptions options_;
  ConnectivityPowerModel connectivity_;
  std::vector<double> ratings_;
};

//! Dispatches the generators of every energised island to the demand it serves (distributed
//! slack within limits; `out.served` must already hold the shedding) and returns per-asset net
//! injections (MW, in layer vertex order) and the vertex of each island's largest generator.
void dispatch_islands(const model::Network& network, const model::Layer& layer, PowerSolution& out,
                      std::vector<double>& injection, std::vector<int>& refs);

//! Rating of a link under the settings (MW/MVA), 0 = unlimited.
double link_rating(const model::Element& link, const model::PowerFlowSettings& settings);

struct PowerModelInfo {
  model::PowerModelKind kind;
  std::string name;  //!< as written in scenarios, docs and messages: model::to_string(kind)
  std::string description;
  std::function<std::unique_ptr<PowerModel>(const model::PowerFlowSettings&)> create;
};

//! Power models by kind and name; `register_builtin_power_models` lists the built-in ones explicitly.
class PowerModelRegistry {
 public:
  static const PowerModelRegistry& builtin();
  void add(PowerModelInfo info) { models_.push_back(std::move(info)); }
  [[nodiscard]] const PowerModelInfo* find(model::PowerModelKind kind) const;
  [[nodiscard]] const PowerModelInfo* find(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> names() const;

 private:
  std::vector<PowerModelInfo> models_;
};

void register_builtin_power_models(PowerModelRegistry& registry);

}  // namespace blackstart::sim
