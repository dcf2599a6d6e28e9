#pragma once
#include <QImage>
#include <QString>

#include "controllers/run_snapshot.hpp"

class QGraphicsScene;
class QPageLayout;
class QTextDocument;
class QWidget;

namespace blackstart::gui {

//! Writes bytes atomically (QSaveFile): the file is either complete or untouched.
bool write_file(const QString& path, const QByteArray& bytes, QString* error);
//! The image encoded as PNG.
QByteArray png_bytes(const QImage& image);

//! The whole scene as an image, `width` pixels wide.
QImage render_scene(QGraphicsScene* scene, int width);
bool export_scene_png(QGraphicsScene* scene, const QString& path, int width, QString* error);
bool export_scene_svg(QGraphicsScene* scene, const QString& path, QString* error);
//! A widget (the charts panel) as it looks, at `scale` times its size.
QImage render_widget(QWidget* widget, qreal scale);
bool export_widget_png(QWidget* widget, const QString& path, qreal scale, QString* error);
bool export_widget_svg(QWidget* widget, const QString& path, QString* error);

//! summary.json, timeline.csv and events.csv of a run (as `blackstart run --out`), into `dir`.
bool export_run_data(const RunSnapshot& run, const QString& dir, QString* error);

//! Everything a one-page report shows.
struct ReportContent {
  RunPtr run;
  QString scenario_file;
  QImage charts;
  QImage canvas;
  double canvas_time_min = 0;
};
//! The report as HTML. Images are `charts.png` / `canvas.png` resources, or inline data URIs.
QString report_html(const ReportContent& content, bool inline_images);
//! Fills a document with the report laid out for one page of `page` (images as resources).
void fill_report_document(QTextDocument* doc, const ReportContent& content, const QPageLayout& page);
bool export_report_html(const ReportContent& content, const QString& path, QString* error);
//! One A4 page, written through QPdfWriter into a QSaveFile.
bool export_report_pdf(const ReportContent& content, const QString& path, QString* error);
//! Sends the report to a printer the user picks (QPrinter).
void print_report(const ReportContent& content, QWidget* parent);

}  // namespace blackstart::gui
