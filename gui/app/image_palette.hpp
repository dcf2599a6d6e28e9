#pragma once
#include <QImage>

namespace blackstart::gui {

//! The image with at most `colors` colours (2 to 256), as an 8-bit indexed image: the most used
//! colours of the image form the palette and every other colour takes the nearest of them. Screen
//! pictures are mostly flat colours, so they look the same and their PNG files shrink by half or
//! more (for documentation). Without dithering, so the result is deterministic and crisp.
QImage reduce_colors(const QImage& image, int colors);

}  // namespace blackstart::gui
