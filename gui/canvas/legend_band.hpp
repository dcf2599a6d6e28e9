#pragma once
#include <QFont>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace blackstart::gui {

//! The canvas legend laid out as a band under an exported picture: state colours, asset symbols,
//! dependency arrows and the loss-of-control/view rings, in rows that fill `width` (the same key as
//! the window's LegendWidget, which is a column).

//! Which groups of the key a band shows (an exported picture shows them all; the compare window's
//! bar shows the states, the rings and the ring that marks what differs between the two runs).
struct LegendParts {
  bool symbols = true;       //!< asset shapes
  bool dependencies = true;  //!< dependency arrows by kind
  bool difference = false;   //!< the compare window's ring around what differs between the runs
};

//! Height of the band for `width` pixels with `font`.
qreal legend_band_height(qreal width, const QFont& font, LegendParts parts = {});
//! Paints the band into `area` (its height as legend_band_height gives).
void paint_legend_band(QPainter* painter, const QRectF& area, const QFont& font, LegendParts parts = {});
//! The texts of the band's entries in order, headings with a colon ("State:", "failed", ...).
QStringList legend_band_texts(LegendParts parts = {});

}  // namespace blackstart::gui
