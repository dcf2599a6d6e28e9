#include "canvas/legend_bar.hpp"

#include <QPainter>
#include <QResizeEvent>
#include <cmath>

namespace blackstart::gui {

namespace {
constexpr int kHintWidth = 900;  // wide enough for the states in one row
}

LegendBar::LegendBar(LegendParts parts, QWidget* parent) : QWidget(parent), parts_(parts) {
  setObjectName(QStringLiteral("legendBar"));
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  setToolTip(
      tr("Colours show each asset's state at the chosen time, on both canvases; the palette is safe "
         "for colour-blind readers. The main window's legend also explains shapes and arrows."));
  setFixedHeight(height_for(kHintWidth));
}

int LegendBar::height_for(int width) const {
  return static_cast<int>(std::ceil(legend_band_height(std::max(width, 200), font(), parts_)));
}

QSize LegendBar::sizeHint() const {
  return {kHintWidth, height_for(kHintWidth)};
}

QSize LegendBar::minimumSizeHint() const {
  return {200, height_for(200)};
}

void LegendBar::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  // Rows wrap with the width: as tall as they need, never cut off.
  const int h = height_for(event->size().width());
  if (h != height()) setFixedHeight(h);
}

void LegendBar::paintEvent(QPaintEvent* /*event*/) {
  QPainter painter(this);
  paint_legend_band(&painter, QRectF(rect()), font(), parts_);
}

}  // namespace blackstart::gui
