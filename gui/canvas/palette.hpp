#pragma once
#include <QColor>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QPolygonF>
#include <QString>

#include "blackstart/model/network.hpp"
#include "blackstart/sim/state.hpp"

namespace blackstart::gui {

//! Colour of an asset state: the Okabe–Ito palette, distinguishable with the common forms of colour
//! blindness. Every state also differs in brightness so it reads in greyscale print.
QColor state_color(sim::State state);
//! Colour of assets before any run.
QColor idle_color();
//! Colour of a link in its normal state (links are drawn quietly until something happens).
QColor link_color();
//! "in service", "failed"... for legends and tooltips.
QString state_label(sim::State state);
//! All states in legend order.
const std::vector<sim::State>& all_states();

//! Symbol of an asset, chosen by what it does.
enum class Symbol { Source, Bus, Load, Service, Device, Equipment };
Symbol symbol_for(const model::Element& element, model::LayerKind layer);
QString symbol_label(Symbol symbol);
const std::vector<Symbol>& all_symbols();
//! Outline of a symbol centred on the origin, about 2 units across.
const QPainterPath& symbol_path(Symbol symbol);
//! The same outline as a closed polygon; empty for round symbols (draw an ellipse of radius 1).
const QPolygonF& symbol_polygon(Symbol symbol);
//! Draws a symbol of `radius` at `centre` with the painter's current pen and brush.
void draw_symbol(QPainter* painter, Symbol symbol, QPointF centre, qreal radius);

//! Pen of a dependency arrow: each kind has its own dash pattern and colour.
QPen dependency_pen(model::DependencyKind kind, qreal width = 1.2);
QString dependency_label(model::DependencyKind kind);
const std::vector<model::DependencyKind>& all_dependency_kinds();

//! Colour of a layer's plane and its name in legends.
QColor layer_color(model::LayerKind kind);

}  // namespace blackstart::gui
