#include "canvas/map_palette.hpp"

namespace blackstart::gui {

QColor road_color(report::RoadCondition condition) {
  switch (condition) {
    case report::RoadCondition::Open:
      return QColor(0x55, 0x55, 0x55);
    case report::RoadCondition::DarkSignals:
      return QColor(0xE6, 0x9F, 0x00);  // amber
    case report::RoadCondition::Closed:
      return QColor(0xD5, 0x5E, 0x00);  // vermillion, as "failed"
    case report::RoadCondition::NotRoad:
      break;
  }
  return QColor(0x9A, 0xA0, 0xA6);
}

QString road_condition_label(report::RoadCondition condition) {
  switch (condition) {
    case report::RoadCondition::Open:
      return QStringLiteral("road open");
    case report::RoadCondition::DarkSignals:
      return QStringLiteral("road slow (dark signals)");
    case report::RoadCondition::Closed:
      return QStringLiteral("road closed");
    case report::RoadCondition::NotRoad:
      break;
  }
  return QString();
}

QColor crew_color() {
  return QColor(0x1A, 0x1A, 0x1A);
}

}  // namespace blackstart::gui
