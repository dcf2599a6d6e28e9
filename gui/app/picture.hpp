#pragma once
#include <QImage>
#include <QString>

class QGraphicsScene;

namespace blackstart::gui {

class ViewState;

//! What an exported picture of the canvas says above it: the scenario's name, and the time shown
//! with the run (or that no run is shown).
struct PictureCaption {
  QString title;
  QString detail;
};
//! The caption of what the window shows now.
PictureCaption picture_caption(const ViewState& state);

//! A canvas image with a title band above it (the caption) and a legend band below it; the bands'
//! text grows with wide images so that it stays readable when the picture is scaled down.
QImage add_picture_bands(const QImage& canvas, const PictureCaption& caption);
//! The whole scene, `width` pixels wide, with the bands.
QImage render_picture(QGraphicsScene* scene, const PictureCaption& caption, int width);
//! Height of the title band and of the legend band for a picture `width` pixels wide.
int title_band_height(int width);
int legend_band_height_px(int width);

bool export_picture_png(QGraphicsScene* scene, const PictureCaption& caption, const QString& path, int width,
                        QString* error);
//! The scene as a vector drawing with the same bands.
bool export_picture_svg(QGraphicsScene* scene, const PictureCaption& caption, const QString& path,
                        QString* error);

}  // namespace blackstart::gui
