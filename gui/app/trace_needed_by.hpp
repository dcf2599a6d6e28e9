#pragma once
#include <QTreeWidgetItem>
#include <memory>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/supply_reach.hpp"

namespace blackstart::gui {

//! The inspector's "needs" / "needed by" rows for power carried through lines and buses (the
//! dependencies have their own rows): which lines and buses feed the element, and which it feeds
//! on, from the engine's sim::SupplyReach. The reach is worked out once per scenario.
class PowerPathRows {
 public:
  //! Adds a "power" row under `needs` for each line or bus that feeds `element`, and under
  //! `needed` for each it carries power to; each row's column 0 holds the element at `role`.
  void add(const std::shared_ptr<const model::Scenario>& scenario, model::ElementIndex element,
           QTreeWidgetItem* needs, QTreeWidgetItem* needed, int role);

 private:
  std::shared_ptr<const model::Scenario> scenario_;  // the reach points into its network
  std::unique_ptr<sim::SupplyReach> reach_;
};

}  // namespace blackstart::gui
