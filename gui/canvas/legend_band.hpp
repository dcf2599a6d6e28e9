#pragma once
#include <QFont>
#include <QRectF>

class QPainter;

namespace blackstart::gui {

//! The canvas legend laid out as a band under an exported picture: state colours, asset symbols,
//! dependency arrows and the loss-of-control/view rings, in rows that fill `width` (the same key as
//! the window's LegendWidget, which is a column).
//! Height of the band for `width` pixels with `font`.
qreal legend_band_height(qreal width, const QFont& font);
//! Paints the band into `area` (its height as legend_band_height gives).
void paint_legend_band(QPainter* painter, const QRectF& area, const QFont& font);

}  // namespace blackstart::gui
