#include "app/picture.hpp"

#include <QBuffer>
#include <QDateTime>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPainter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

#include "app/export.hpp"
#include "canvas/legend_band.hpp"
#include "controllers/view_state.hpp"
#include "models/event_log_model.hpp"

namespace blackstart::gui {

namespace {

constexpr qreal kTitlePx = 18.0;   // scenario name, at scale 1
constexpr qreal kDetailPx = 13.0;  // time and run
constexpr qreal kLegendPx = 12.0;  // legend text

//! Text scale of the bands: 1 up to 1200 px wide, growing with the picture up to 3.
qreal band_scale(int width) {
  return std::clamp(width / 1200.0, 1.0, 3.0);
}

QFont font_of(qreal pixels, bool bold) {
  QFont font = QGuiApplication::font();
  font.setPixelSize(static_cast<int>(std::lround(pixels)));
  font.setBold(bold);
  return font;
}

qreal title_height_logical() {
  return 10 + QFontMetricsF(font_of(kTitlePx, true)).height() + 2 +
         QFontMetricsF(font_of(kDetailPx, false)).height() + 8;
}

void paint_title(QPainter* p, const QRectF& area, const PictureCaption& caption) {
  p->save();
  p->fillRect(area, Qt::white);
  const QFont title = font_of(kTitlePx, true), detail = font_of(kDetailPx, false);
  const qreal title_h = QFontMetricsF(title).height();
  const QRectF text = area.adjusted(10, 10, -10, 0);
  p->setPen(QColor(15, 15, 15));
  p->setFont(title);
  p->drawText(QRectF(text.left(), text.top(), text.width(), title_h), Qt::AlignLeft | Qt::AlignVCenter,
              QFontMetricsF(title).elidedText(caption.title, Qt::ElideRight, text.width()));
  p->setPen(QColor(60, 60, 60));
  p->setFont(detail);
  p->drawText(QRectF(text.left(), text.top() + title_h + 2, text.width(), QFontMetricsF(detail).height()),
              Qt::AlignLeft | Qt::AlignVCenter,
              QFontMetricsF(detail).elidedText(caption.detail, Qt::ElideRight, text.width()));
  p->setPen(QPen(QColor(190, 190, 185), 1.0));
  p->drawLine(area.bottomLeft() - QPointF(0, 0.5), area.bottomRight() - QPointF(0, 0.5));
  p->restore();
}

//! Paints both bands around a canvas of `size` pixels placed at (0, title_band_height).
void paint_bands(QPainter* p, QSize size, const PictureCaption& caption) {
  const qreal s = band_scale(size.width());
  const qreal logical = size.width() / s;
  p->save();
  p->scale(s, s);
  paint_title(p, QRectF(0, 0, logical, title_height_logical()), caption);
  const qreal legend_top = (title_band_height(size.width()) + size.height()) / s;
  paint_legend_band(p, QRectF(0, legend_top, logical, legend_band_height(logical, font_of(kLegendPx, false))),
                    font_of(kLegendPx, false));
  p->restore();
}

}  // namespace

PictureCaption picture_caption(const ViewState& state) {
  PictureCaption caption;
  const auto& scenario = state.scenario();
  caption.title = scenario ? QString::fromStdString(scenario->name) : QObject::tr("Blackstart");
  const auto& run = state.run();
  if (!run) {
    caption.detail = QObject::tr("No run: every asset in its normal state");
    return caption;
  }
  caption.detail = QObject::tr("t = %1").arg(format_time(state.time()));
  const QDateTime start =
      QDateTime::fromString(QString::fromStdString(run->scenario->start_time), Qt::ISODate);
  if (start.isValid())
    caption.detail += QStringLiteral("  (%1)").arg(
        start.addSecs(static_cast<qint64>(state.time() * 60)).toString(QStringLiteral("d MMM yyyy HH:mm")));
  caption.detail += QObject::tr(" · run %1 · seed %2").arg(run->label).arg(run->summary.seed);
  return caption;
}

int title_band_height(int width) {
  return static_cast<int>(std::ceil(title_height_logical() * band_scale(width)));
}

int legend_band_height_px(int width) {
  const qreal s = band_scale(width);
  return static_cast<int>(std::ceil(legend_band_height(width / s, font_of(kLegendPx, false)) * s));
}

QImage add_picture_bands(const QImage& canvas, const PictureCaption& caption) {
  const int width = canvas.width();
  const int top = title_band_height(width);
  QImage image(width, top + canvas.height() + legend_band_height_px(width),
               QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  QImage plain = canvas;
  plain.setDevicePixelRatio(1.0);
  painter.drawImage(QPoint(0, top), plain);
  paint_bands(&painter, canvas.size(), caption);
  return image;
}

QImage render_picture(QGraphicsScene* scene, const PictureCaption& caption, int width) {
  return add_picture_bands(render_scene(scene, width), caption);
}

bool export_picture_png(QGraphicsScene* scene, const PictureCaption& caption, const QString& path, int width,
                        QString* error) {
  return write_file(path, png_bytes(render_picture(scene, caption, width)), error);
}

bool export_picture_svg(QGraphicsScene* scene, const PictureCaption& caption, const QString& path,
                        QString* error) {
  const QRectF source = scene->sceneRect();
  const int width = 1600;
  const QSize canvas(width, static_cast<int>(width * source.height() / std::max(1.0, source.width())));
  const int top = title_band_height(width);
  const QSize size(width, top + canvas.height() + legend_band_height_px(width));
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator svg;
  svg.setOutputDevice(&buffer);
  svg.setSize(size);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setTitle(caption.title);
  svg.setDescription(caption.detail);
  QPainter painter(&svg);
  scene->render(&painter, QRectF(QPointF(0, top), canvas), source, Qt::KeepAspectRatio);
  paint_bands(&painter, canvas, caption);
  painter.end();
  return write_file(path, bytes, error);
}

}  // namespace blackstart::gui
