#pragma once
#include <cstdint>
#include <vector>

#include "blackstart/model/network.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::sim {

//! How one element serves another.
enum class SupplyLink : std::uint8_t {
  Dependency,  //!< a dependency whose loss fails or degrades the dependent (`dependency` says which)
  Power,       //!< power carried through a line or bus, one step further from the nearest source
  Cause,       //!< the run's cause records name it (a chain that the network alone does not show)
};

//! One element an element serves directly ("needed by").
struct Served {
  model::ElementIndex element = model::kNoElement;
  SupplyLink link = SupplyLink::Dependency;
  std::uint32_t dependency = kNoDependency;  //!< index into the network's dependencies
};

//! One element downstream of an asset at a time.
struct DownstreamElement {
  model::ElementIndex element = model::kNoElement;
  //! The element it was reached from on the shortest way from the asset (the asset itself for the
  //! ones it serves directly), and how that one serves it.
  model::ElementIndex via = model::kNoElement;
  SupplyLink link = SupplyLink::Dependency;
  std::uint32_t dependency = kNoDependency;
  int depth = 1;  //!< steps from the asset
  State state = State::Failed;
  bool own_damage = false;  //!< also damaged in its own right at that time (not only cut off)
};

//! Who needs whom in a network, worked out once: the dependencies that fail or degrade their
//! dependent, and the direction power flows in each power layer. Power runs away from the sources
//! (assets with Role::Source): a line or bus one step further from the nearest source than its
//! neighbour is fed through that neighbour (breadth-first over assets and lines of the intact
//! grid; lines count as steps, so both ends of a line feed it).
class SupplyReach {
 public:
  explicit SupplyReach(const model::Network& network);

  //! What `element` serves directly, in index order: dependents (fail or degrade effect) and the
  //! lines and buses it carries power to. Loss of control, view and crew access are not service.
  [[nodiscard]] const std::vector<Served>& needed_by(model::ElementIndex element) const {
    return served_[element];
  }
  //! What `element` needs in the same sense, in index order: its suppliers (fail or degrade effect)
  //! and the lines and buses that carry power to it.
  [[nodiscard]] const std::vector<Served>& needs(model::ElementIndex element) const {
    return needs_[element];
  }
  //! Steps from the nearest source in the element's power layer (-1: not in a power layer, or cut
  //! off from every source even when all is intact).
  [[nodiscard]] int source_distance(model::ElementIndex element) const { return distance_[element]; }

  //! "What did this take down?": every element that is not working normally at `at_min` (failed,
  //! degraded, compromised or under repair) because of `asset`, in index order. Two ways in:
  //! 1. the network: walking from `asset` — which must itself be out of operation at `at_min` —
  //!    along needed_by to elements that are not working normally, continuing only through elements
  //!    that are out of operation (a degraded bus still passes power on);
  //! 2. the run's cause records: every such element whose cause chain at that time runs through
  //!    `asset` (sim::taken_down_by), which also covers what the network does not show (an
  //!    island's source, an overload trip).
  //! The asset itself is never listed.
  [[nodiscard]] std::vector<DownstreamElement> downstream(const RunResult& result, model::ElementIndex asset,
                                                          double at_min) const;

 private:
  const model::Network* network_;
  std::vector<std::vector<Served>> served_;
  std::vector<std::vector<Served>> needs_;
  std::vector<int> distance_;
};

//! SupplyReach(network).downstream(result, asset, at_min), for one question.
std::vector<DownstreamElement> downstream_of(const model::Network& network, const RunResult& result,
                                             model::ElementIndex asset, double at_min);

//! States of every element at a time, from the change log (one pass).
std::vector<State> states_at(const RunResult& result, std::size_t element_count, double at_min);

}  // namespace blackstart::sim
