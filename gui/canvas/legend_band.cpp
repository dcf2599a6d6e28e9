#include "canvas/legend_band.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <functional>
#include <vector>

#include "canvas/canvas_items.hpp"
#include "canvas/difference_overlay.hpp"
#include "canvas/palette.hpp"

namespace blackstart::gui {

namespace {

constexpr qreal kMargin = 8.0;    // around the band
constexpr qreal kIcon = 30.0;     // room for an icon left of its text
constexpr qreal kSpacing = 14.0;  // between two entries of a row

struct Entry {
  bool heading = false;  // a group's name; it starts a row unless it is the rings' short group
  QString text;
  std::function<void(QPainter*, QPointF)> icon;  // draws centred on the point
};

std::vector<Entry> entries(LegendParts parts) {
  std::vector<Entry> out;
  const QColor outline(35, 35, 35);
  out.push_back({true, QObject::tr("State"), {}});
  for (auto s : all_states())
    out.push_back({false, state_label(s), [s, outline](QPainter* p, QPointF c) {
                     p->setPen(QPen(outline, 1.0));
                     p->setBrush(state_color(s));
                     draw_symbol(p, Symbol::Bus, c, 6);
                   }});
  if (parts.symbols) out.push_back({true, QObject::tr("Asset"), {}});
  for (auto s : parts.symbols ? all_symbols() : std::vector<Symbol>{})
    out.push_back({false, symbol_label(s), [s, outline](QPainter* p, QPointF c) {
                     p->setPen(QPen(outline, 1.0));
                     p->setBrush(idle_color());
                     draw_symbol(p, s, c, 6);
                   }});
  if (parts.dependencies) out.push_back({true, QObject::tr("Dependency (→ dependent)"), {}});
  for (auto k : parts.dependencies ? all_dependency_kinds() : std::vector<model::DependencyKind>{})
    out.push_back({false, dependency_label(k), [k](QPainter* p, QPointF c) {
                     QPen pen = dependency_pen(k, 2.0);
                     pen.setCosmetic(false);
                     p->setPen(pen);
                     const QPointF a(c.x() - 13, c.y()), b(c.x() + 13, c.y());
                     p->drawLine(a, b);
                     p->setPen(Qt::NoPen);
                     p->setBrush(pen.color());
                     draw_arrow_head(p, a, b, 7);
                   }});
  out.push_back({true, QObject::tr("Ring"), {}});
  for (const bool control : {true, false})
    out.push_back({false, control ? QObject::tr("loss of control") : QObject::tr("loss of view"),
                   [control, outline](QPainter* p, QPointF c) {
                     p->setPen(QPen(outline, 1.0));
                     p->setBrush(state_color(sim::State::InService));
                     draw_symbol(p, Symbol::Bus, c, 5);
                     QPen ring(QColor(20, 20, 20));
                     ring.setWidthF(1.3);
                     ring.setDashPattern(control ? QVector<qreal>{3, 2} : QVector<qreal>{1, 2});
                     p->setPen(ring);
                     p->setBrush(Qt::NoBrush);
                     p->drawEllipse(c, 8, 8);
                   }});
  if (parts.difference)
    out.push_back({false, QObject::tr("differs between the runs"), [outline](QPainter* p, QPointF c) {
                     p->setPen(QPen(outline, 1.0));
                     p->setBrush(state_color(sim::State::InService));
                     draw_symbol(p, Symbol::Bus, c, 5);
                     p->setBrush(Qt::NoBrush);
                     p->setPen(QPen(QColor(255, 255, 255, 230), 3.5));
                     p->drawEllipse(c, 8, 8);
                     p->setPen(QPen(DifferenceOverlay::color(), 2.0));
                     p->drawEllipse(c, 8, 8);
                   }});
  return out;
}

//! Lays the entries out in rows over `width`; paints them when `painter` is given. Returns the height.
qreal flow(QPainter* painter, const QRectF& area, const QFont& font, LegendParts parts) {
  QFont bold = font;
  bold.setBold(true);
  const QFontMetricsF normal_metrics(font), bold_metrics(bold);
  const qreal row = std::max(20.0, normal_metrics.height() + 6);
  qreal x = area.left() + kMargin, y = area.top() + kMargin;
  const qreal right = area.right() - kMargin;
  for (const auto& e : entries(parts)) {
    const qreal w = e.heading ? bold_metrics.horizontalAdvance(e.text + QStringLiteral(":")) + 6
                              : kIcon + normal_metrics.horizontalAdvance(e.text);
    // A group starts a new row, so each reads on its own; the two rings follow the arrows when they fit.
    const bool rings = e.heading && e.text == QObject::tr("Ring");
    if (rings) x += kSpacing;
    const bool fits = x + w + (rings ? 2 * (kIcon + 90) : 0) <= right;
    if ((!fits || (e.heading && !rings)) && x > area.left() + kMargin) {
      x = area.left() + kMargin;
      y += row;
    }
    if (painter) {
      const QRectF box(x, y, w, row);
      if (e.heading) {
        painter->setFont(bold);
        painter->setPen(QColor(20, 20, 20));
        painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, e.text + QStringLiteral(":"));
      } else {
        painter->save();
        e.icon(painter, QPointF(x + kIcon / 2 - 2, y + row / 2));
        painter->restore();
        painter->setFont(font);
        painter->setPen(QColor(20, 20, 20));
        painter->drawText(box.adjusted(kIcon, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, e.text);
      }
    }
    x += w + kSpacing;
  }
  return y + row + kMargin - area.top();
}

}  // namespace

qreal legend_band_height(qreal width, const QFont& font, LegendParts parts) {
  return flow(nullptr, QRectF(0, 0, width, 0), font, parts);
}

QStringList legend_band_texts(LegendParts parts) {
  QStringList out;
  for (const auto& e : entries(parts)) out << (e.heading ? e.text + QStringLiteral(":") : e.text);
  return out;
}

void paint_legend_band(QPainter* painter, const QRectF& area, const QFont& font, LegendParts parts) {
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing, true);
  painter->fillRect(area, QColor(0xF4, 0xF4, 0xF0));
  painter->setPen(QPen(QColor(190, 190, 185), 1.0));
  // Inside the band: the picture above it stays untouched.
  painter->drawLine(area.topLeft() + QPointF(0, 0.5), area.topRight() + QPointF(0, 0.5));
  flow(painter, area, font, parts);
  painter->restore();
}

}  // namespace blackstart::gui
