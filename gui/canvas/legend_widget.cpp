#include "canvas/legend_widget.hpp"

#include <QPainter>

#include "canvas/canvas_items.hpp"
#include "canvas/palette.hpp"

namespace blackstart::gui {

namespace {
constexpr int kRows = 7 + 6 + 6 + 2 + 4;  // states, symbols, dependency kinds, rings, headings
}

LegendWidget::LegendWidget(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("legend"));
  setToolTip(
      tr("Colours show each asset's state at the chosen time; the palette is safe for colour-blind "
         "readers. Shapes show what an asset does; arrows point from supplier to dependent."));
}

int LegendWidget::row_height() const {
  return std::max(18, fontMetrics().height() + 4);
}

QSize LegendWidget::sizeHint() const {
  return QSize(fontMetrics().horizontalAdvance(QStringLiteral("transport service  xxxxxx")) + 40,
               row_height() * kRows + 8);
}

void LegendWidget::paintEvent(QPaintEvent* /*event*/) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing, true);
  const int h = row_height();
  const int icon_x = 18, text_x = 40;
  int y = 4;
  auto heading = [&](const QString& text) {
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(6, y, width() - 8, h), Qt::AlignVCenter, text);
    p.setFont(font());
    y += h;
  };
  auto label = [&](const QString& text) {
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(text_x, y, width() - text_x, h), Qt::AlignVCenter, text);
    y += h;
  };
  QPen outline(QColor(35, 35, 35));
  outline.setWidthF(1.0);

  heading(tr("State"));
  for (auto s : all_states()) {
    p.setPen(outline);
    p.setBrush(state_color(s));
    draw_symbol(&p, Symbol::Bus, QPointF(icon_x, y + h / 2.0), 6);
    label(state_label(s));
  }
  heading(tr("Asset"));
  for (auto s : all_symbols()) {
    p.setPen(outline);
    p.setBrush(idle_color());
    draw_symbol(&p, s, QPointF(icon_x, y + h / 2.0), 6);
    label(symbol_label(s));
  }
  heading(tr("Dependency (→ dependent)"));
  for (auto k : all_dependency_kinds()) {
    QPen pen = dependency_pen(k, 2.0);
    pen.setCosmetic(false);
    p.setPen(pen);
    const QPointF a(6, y + h / 2.0), b(32, y + h / 2.0);
    p.drawLine(a, b);
    p.setPen(Qt::NoPen);
    p.setBrush(pen.color());
    draw_arrow_head(&p, a, b, 7);
    label(dependency_label(k));
  }
  QPen control(QColor(20, 20, 20));
  control.setWidthF(1.3);
  control.setDashPattern({3, 2});
  QPen view = control;
  view.setDashPattern({1, 2});
  p.setPen(outline);
  p.setBrush(state_color(sim::State::InService));
  draw_symbol(&p, Symbol::Bus, QPointF(icon_x, y + h / 2.0), 5);
  p.setBrush(Qt::NoBrush);
  p.setPen(control);
  p.drawEllipse(QPointF(icon_x, y + h / 2.0), 8, 8);
  label(tr("loss of control"));
  p.setPen(outline);
  p.setBrush(state_color(sim::State::InService));
  draw_symbol(&p, Symbol::Bus, QPointF(icon_x, y + h / 2.0), 5);
  p.setBrush(Qt::NoBrush);
  p.setPen(view);
  p.drawEllipse(QPointF(icon_x, y + h / 2.0), 8, 8);
  label(tr("loss of view"));
}

}  // namespace blackstart::gui
