#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "blackstart/model/network.hpp"

namespace blackstart::sim {

//! Result of solving one power layer; vectors are indexed by global element index.
struct PowerSolution {
  std::vector<char> energised;                     //!< asset or link carries power
  std::vector<double> served;                      //!< loads: fraction of demand served, 0..1
  std::vector<model::ElementIndex> upstream;       //!< next element towards the feeding source
  std::vector<model::ElementIndex> island_source;  //!< largest source feeding the element's island
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
};

struct PowerModelInfo {
  std::string name;
  std::string description;
  std::function<std::unique_ptr<PowerModel>()> create;
};

//! Power models by name; `register_builtin_power_models` lists the built-in ones explicitly.
class PowerModelRegistry {
 public:
  static const PowerModelRegistry& builtin();
  void add(PowerModelInfo info) { models_.push_back(std::move(info)); }
  [[nodiscard]] const PowerModelInfo* find(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> names() const;

 private:
  std::vector<PowerModelInfo> models_;
};

void register_builtin_power_models(PowerModelRegistry& registry);

}  // namespace blackstart::sim
