#include "canvas/palette.hpp"

#include <QtMath>
#include <array>

namespace blackstart::gui {

QColor state_color(sim::State state) {
  switch (state) {
    case sim::State::InService:
      return QColor(0x00, 0x72, 0xB2);  // blue
    case sim::State::Degraded:
      return QColor(0xF0, 0xE4, 0x42);  // yellow
    case sim::State::Failed:
      return QColor(0xD5, 0x5E, 0x00);  // vermillion
    case sim::State::Compromised:
      return QColor(0xCC, 0x79, 0xA7);  // reddish purple
    case sim::State::OnBackup:
      return QColor(0x56, 0xB4, 0xE9);  // sky blue
    case sim::State::UnderRepair:
      return QColor(0xE6, 0x9F, 0x00);  // orange
    case sim::State::Restored:
      return QColor(0x00, 0x9E, 0x73);  // bluish green
  }
  return Qt::gray;
}

QColor idle_color() {
  return QColor(0x6A, 0x8C, 0xA8);
}
QColor link_color() {
  return QColor(0x9A, 0xA0, 0xA6);
}

QString state_label(sim::State state) {
  switch (state) {
    case sim::State::InService:
      return QStringLiteral("in service");
    case sim::State::Degraded:
      return QStringLiteral("degraded");
    case sim::State::Failed:
      return QStringLiteral("failed");
    case sim::State::Compromised:
      return QStringLiteral("compromised");
    case sim::State::OnBackup:
      return QStringLiteral("on backup");
    case sim::State::UnderRepair:
      return QStringLiteral("under repair");
    case sim::State::Restored:
      return QStringLiteral("restored");
  }
  return QStringLiteral("?");
}

const std::vector<sim::State>& all_states() {
  static const std::vector<sim::State> states{
      sim::State::InService,   sim::State::Degraded,    sim::State::OnBackup, sim::State::Failed,
      sim::State::Compromised, sim::State::UnderRepair, sim::State::Restored};
  return states;
}

Symbol symbol_for(const model::Element& element, model::LayerKind layer) {
  switch (element.role) {
    case model::Role::Source:
      return Symbol::Source;
    case model::Role::Bus:
      return Symbol::Bus;
    case model::Role::Load:
      return Symbol::Load;
    case model::Role::Service:
      return Symbol::Service;
    case model::Role::Equipment:
      break;
  }
  return layer == model::LayerKind::Cyber ? Symbol::Device : Symbol::Equipment;
}

QString symbol_label(Symbol symbol) {
  switch (symbol) {
    case Symbol::Source:
      return QStringLiteral("source / infeed");
    case Symbol::Bus:
      return QStringLiteral("substation / bus");
    case Symbol::Load:
      return QStringLiteral("load");
    case Symbol::Service:
      return QStringLiteral("transport service");
    case Symbol::Device:
      return QStringLiteral("cyber device");
    case Symbol::Equipment:
      return QStringLiteral("other equipment");
  }
  return {};
}

const std::vector<Symbol>& all_symbols() {
  static const std::vector<Symbol> symbols{Symbol::Source,  Symbol::Bus,    Symbol::Load,
                                           Symbol::Service, Symbol::Device, Symbol::Equipment};
  return symbols;
}

namespace {
QPolygonF regular_polygon(int sides, qreal radius, qreal rotation_deg) {
  QPolygonF polygon;
  for (int i = 0; i < sides; ++i) {
    const qreal a = qDegreesToRadians(rotation_deg + 360.0 * i / sides);
    polygon << QPointF(radius * qCos(a), radius * qSin(a));
  }
  return polygon;
}
}  // namespace

const QPolygonF& symbol_polygon(Symbol symbol) {
  static const std::array<QPolygonF, 6> polygons = [] {
    std::array<QPolygonF, 6> p;
    p[static_cast<int>(Symbol::Source)] = regular_polygon(6, 1.15, 0);
    p[static_cast<int>(Symbol::Bus)] = QPolygonF({{-0.9, -0.9}, {0.9, -0.9}, {0.9, 0.9}, {-0.9, 0.9}});
    p[static_cast<int>(Symbol::Load)] = regular_polygon(3, 1.2, 90);
    p[static_cast<int>(Symbol::Device)] = regular_polygon(4, 1.15, 0);
    p[static_cast<int>(Symbol::Equipment)] = regular_polygon(3, 1.2, -90);
    return p;
  }();
  return polygons[static_cast<int>(symbol)];
}

const QPainterPath& symbol_path(Symbol symbol) {
  static const std::array<QPainterPath, 6> paths = [] {
    std::array<QPainterPath, 6> p;
    for (int i = 0; i < 6; ++i) {
      const auto s = static_cast<Symbol>(i);
      if (symbol_polygon(s).isEmpty()) {
        p[i].addEllipse(QPointF(0, 0), 1.0, 1.0);
      } else {
        p[i].addPolygon(symbol_polygon(s));
        p[i].closeSubpath();
      }
    }
    return p;
  }();
  return paths[static_cast<int>(symbol)];
}

void draw_symbol(QPainter* painter, Symbol symbol, QPointF centre, qreal radius) {
  const QPolygonF& unit = symbol_polygon(symbol);
  if (unit.isEmpty()) {
    painter->drawEllipse(centre, radius, radius);
    return;
  }
  QPointF points[8];
  const int n = static_cast<int>(std::min<qsizetype>(unit.size(), 8));
  for (int i = 0; i < n; ++i) points[i] = centre + unit[i] * radius;
  painter->drawPolygon(points, n);
}

QPen dependency_pen(model::DependencyKind kind, qreal width) {
  QPen pen;
  pen.setCosmetic(true);
  pen.setWidthF(width);
  pen.setCapStyle(Qt::FlatCap);
  switch (kind) {
    case model::DependencyKind::Power:
      pen.setColor(QColor(0xB0, 0x6E, 0x00, 200));
      pen.setStyle(Qt::SolidLine);
      break;
    case model::DependencyKind::Control:
      pen.setColor(QColor(0x5E, 0x3C, 0x99, 200));
      pen.setDashPattern({6, 3});
      break;
    case model::DependencyKind::Monitoring:
      pen.setColor(QColor(0x1B, 0x7F, 0x79, 200));
      pen.setDashPattern({1.5, 3});
      break;
    case model::DependencyKind::Communication:
      pen.setColor(QColor(0x33, 0x33, 0x33, 200));
      pen.setDashPattern({6, 3, 1.5, 3});
      break;
    case model::DependencyKind::Fuel:
      pen.setColor(QColor(0x8C, 0x51, 0x0A, 200));
      pen.setDashPattern({6, 2, 1.5, 2, 1.5, 2});
      break;
    case model::DependencyKind::Access:
      pen.setColor(QColor(0x54, 0x54, 0x54, 200));
      pen.setDashPattern({12, 4});
      break;
  }
  return pen;
}

QString dependency_label(model::DependencyKind kind) {
  return QString::fromStdString(std::string(model::to_string(kind)));
}

const std::vector<model::DependencyKind>& all_dependency_kinds() {
  static const std::vector<model::DependencyKind> kinds{
      model::DependencyKind::Power,         model::DependencyKind::Control, model::DependencyKind::Monitoring,
      model::DependencyKind::Communication, model::DependencyKind::Fuel,    model::DependencyKind::Access};
  return kinds;
}

QColor layer_color(model::LayerKind kind) {
  switch (kind) {
    case model::LayerKind::Power:
      return QColor(0xF6, 0xEE, 0xD9);
    case model::LayerKind::Transport:
      return QColor(0xE3, 0xEE, 0xE4);
    case model::LayerKind::Cyber:
      return QColor(0xE6, 0xE6, 0xF2);
    case model::LayerKind::Other:
      return QColor(0xEE, 0xEE, 0xEE);
  }
  return QColor(0xEE, 0xEE, 0xEE);
}

}  // namespace blackstart::gui
