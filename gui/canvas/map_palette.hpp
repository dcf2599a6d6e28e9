#pragma once
#include <QColor>
#include <QString>

#include "blackstart/report/road_conditions.hpp"

namespace blackstart::gui {

//! Colour of a road on the map by its condition: open grey, dark signals (slower) amber, closed
//! vermillion (the schematic canvas's "failed"). Other assets use the canvas palette (palette.hpp).
QColor road_color(report::RoadCondition condition);
QString road_condition_label(report::RoadCondition condition);
//! Colour of a crew marker: black with a white rim, unlike any state colour.
QColor crew_color();

}  // namespace blackstart::gui
