#include "app/export_actions.hpp"

#include <QFileDialog>

#include "app/charts_panel.hpp"
#include "app/export.hpp"
#include "app/picture.hpp"
#include "app/user_messages.hpp"
#include "canvas/network_scene.hpp"
#include "controllers/scenario_document.hpp"
#include "controllers/view_state.hpp"
#include "models/runs_model.hpp"

namespace blackstart::gui {

ExportActions::ExportActions(Sources sources, UserMessages* messages, QWidget* window)
    : QObject(window), sources_(sources), messages_(messages), window_(window) {}

bool ExportActions::have_run() {
  if (sources_.state->run()) return true;
  messages_->show_error(tr("No run"), tr("Run the scenario first (Ctrl+R)."));
  return false;
}

void ExportActions::export_canvas(bool svg) {
  if (!sources_.document->scenario()) return;
  const QString path = QFileDialog::getSaveFileName(
      window_, tr("Export canvas"), svg ? QStringLiteral("network.svg") : QStringLiteral("network.png"),
      svg ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  // With a title (scenario, time shown, run) above and the legend below.
  const auto caption = picture_caption(*sources_.state);
  const bool ok = svg ? export_picture_svg(sources_.scene, caption, path, &error)
                      : export_picture_png(sources_.scene, caption, path, 3000, &error);
  ok ? messages_->log(tr("Wrote %1.").arg(path)) : messages_->show_error(tr("Export failed"), error);
}

void ExportActions::export_charts(bool svg) {
  const QString path = QFileDialog::getSaveFileName(
      window_, tr("Export charts"), svg ? QStringLiteral("charts.svg") : QStringLiteral("charts.png"),
      svg ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  const bool ok = svg ? export_widget_svg(sources_.charts, path, &error)
                      : export_widget_png(sources_.charts, path, 2.0, &error);
  ok ? messages_->log(tr("Wrote %1.").arg(path)) : messages_->show_error(tr("Export failed"), error);
}

void ExportActions::export_run_data() {
  if (!have_run()) return;
  const QString dir =
      QFileDialog::getExistingDirectory(window_, tr("Folder for summary.json, timeline.csv, events.csv"));
  if (dir.isEmpty()) return;
  QString error;
  ::blackstart::gui::export_run_data(*sources_.state->run(), dir, &error)
      ? messages_->log(tr("Wrote summary.json, timeline.csv, events.csv to %1.").arg(dir))
      : messages_->show_error(tr("Export failed"), error);
}

void ExportActions::export_runs_table() {
  const QString path = QFileDialog::getSaveFileName(window_, tr("Export runs table"),
                                                    QStringLiteral("runs.csv"), tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  write_file(path, sources_.runs->to_csv().toUtf8(), &error)
      ? messages_->log(tr("Wrote %1.").arg(path))
      : messages_->show_error(tr("Export failed"), error);
}

namespace {
ReportContent report_content(const ExportActions::Sources& sources) {
  ReportContent content;
  content.run = sources.state->run();
  content.scenario_file = sources.document->display_name();
  content.charts = render_widget(sources.charts, 2.0);
  content.canvas = render_scene(sources.scene, 1400);
  content.canvas_time_min = sources.state->time();
  return content;
}
}  // namespace

void ExportActions::export_report(bool pdf) {
  if (!have_run()) return;
  const QString path = QFileDialog::getSaveFileName(
      window_, tr("Save report"), pdf ? QStringLiteral("report.pdf") : QStringLiteral("report.html"),
      pdf ? tr("PDF (*.pdf)") : tr("HTML (*.html)"));
  if (path.isEmpty()) return;
  const auto content = report_content(sources_);
  QString error;
  const bool ok = pdf ? export_report_pdf(content, path, &error) : export_report_html(content, path, &error);
  ok ? messages_->log(tr("Wrote %1.").arg(path)) : messages_->show_error(tr("Report failed"), error);
}

void ExportActions::print_report() {
  if (!have_run()) return;
  ::blackstart::gui::print_report(report_content(sources_), window_);
}

}  // namespace blackstart::gui
