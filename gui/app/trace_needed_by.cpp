#include "app/trace_needed_by.hpp"

#include <QCoreApplication>

namespace blackstart::gui {

void PowerPathRows::add(const std::shared_ptr<const model::Scenario>& scenario, model::ElementIndex element,
                        QTreeWidgetItem* needs, QTreeWidgetItem* needed, int role) {
  if (!scenario || element >= scenario->network.size()) return;
  if (scenario_ != scenario) {
    // Edits keep the network; a new scenario object may still share it, but rebuild to be safe.
    scenario_ = scenario;
    reach_ = std::make_unique<sim::SupplyReach>(scenario->network);
  }
  const auto& net = scenario->network;
  const QString power = QCoreApplication::translate("InspectorPanel", "power");
  const auto rows = [&](const std::vector<sim::Served>& list, QTreeWidgetItem* parent,
                        const QString& effect) {
    for (const auto& s : list) {
      if (s.link != sim::SupplyLink::Power) continue;
      auto* item =
          new QTreeWidgetItem(parent, {power, QString::fromStdString(net.element(s.element).id), effect});
      item->setData(0, role, s.element);
      item->setToolTip(2, QCoreApplication::translate(
                              "InspectorPanel",
                              "Power flows from the sources through lines and buses; an element one step "
                              "further from the nearest source is fed through its neighbour."));
    }
  };
  rows(reach_->needs(element), needs, QCoreApplication::translate("InspectorPanel", "fed through it"));
  rows(reach_->needed_by(element), needed,
       QCoreApplication::translate("InspectorPanel", "carries power on to it"));
}

}  // namespace blackstart::gui
