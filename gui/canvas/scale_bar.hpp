#pragma once
#include <QPainter>
#include <QString>

namespace blackstart::gui {

//! A map's scale bar: a round length (1, 2 or 5 × 10^k km) and how long it is on screen.
struct ScaleBar {
  double km = 0;
  double pixels = 0;
  QString label;  //!< "5 km", "500 m"
};

//! The longest round length whose bar fits in `max_pixels`, for a Web Mercator view of
//! `pixels_per_metre` (projected metres) at latitude `lat`: a ground kilometre is 1000 / cos(lat)
//! projected metres there, so bars grow towards the poles at the same zoom.
ScaleBar scale_bar_for(double pixels_per_metre, double lat, double max_pixels);

//! Draws the bar with its label, its left end at `bottom_left` (pixels).
void paint_scale_bar(QPainter* painter, const QPointF& bottom_left, const ScaleBar& bar);

//! Draws a north arrow (an "N" over an arrow pointing up) centred at `centre`, `size` pixels tall.
void paint_north_arrow(QPainter* painter, const QPointF& centre, double size);

}  // namespace blackstart::gui
