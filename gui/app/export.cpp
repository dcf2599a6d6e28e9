#include "app/export.hpp"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QGraphicsScene>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QWidget>
#include <cmath>

#include "blackstart/core/duration.hpp"
#include "blackstart/metrics/metric_table.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/report/narrative.hpp"
#include "blackstart/report/report.hpp"
#include "models/event_log_model.hpp"
#include "models/runs_model.hpp"
#include "models/scenario_events_model.hpp"

namespace blackstart::gui {

bool write_file(const QString& path, const QByteArray& bytes, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    if (error) *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

QByteArray png_bytes(const QImage& image) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

QImage render_scene(QGraphicsScene* scene, int width) {
  const QRectF source = scene->sceneRect();
  const int height = std::max(1, static_cast<int>(width * source.height() / std::max(1.0, source.width())));
  QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  scene->render(&painter, QRectF(0, 0, width, height), source, Qt::KeepAspectRatio);
  return image;
}

bool export_scene_png(QGraphicsScene* scene, const QString& path, int width, QString* error) {
  return write_file(path, png_bytes(render_scene(scene, width)), error);
}

bool export_scene_svg(QGraphicsScene* scene, const QString& path, QString* error) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  const QRectF source = scene->sceneRect();
  const QSize size(1600, static_cast<int>(1600 * source.height() / std::max(1.0, source.width())));
  QSvgGenerator svg;
  svg.setOutputDevice(&buffer);
  svg.setSize(size);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setTitle(QStringLiteral("Blackstart network"));
  QPainter painter(&svg);
  scene->render(&painter, QRectF(QPointF(0, 0), size), source, Qt::KeepAspectRatio);
  painter.end();
  return write_file(path, bytes, error);
}

QImage render_widget(QWidget* widget, qreal scale) {
  QImage image(widget->size() * scale, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(scale);
  image.fill(Qt::white);
  QPainter painter(&image);
  widget->render(&painter);
  painter.end();
  return image;
}

bool export_widget_png(QWidget* widget, const QString& path, qreal scale, QString* error) {
  return write_file(path, png_bytes(render_widget(widget, scale)), error);
}

bool export_widget_svg(QWidget* widget, const QString& path, QString* error) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator svg;
  svg.setOutputDevice(&buffer);
  svg.setSize(widget->size());
  svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
  svg.setTitle(QStringLiteral("Blackstart charts"));
  QPainter painter(&svg);
  widget->render(&painter);
  painter.end();
  return write_file(path, bytes, error);
}

bool export_run_data(const RunSnapshot& run, const QString& dir, QString* error) {
  if (!QDir().mkpath(dir)) {
    if (error) *error = QObject::tr("Cannot create folder %1").arg(dir);
    return false;
  }
  const QDir out(dir);
  const auto& scenario = *run.scenario;
  return write_file(out.filePath(QStringLiteral("summary.json")),
                    QByteArray::fromStdString(report::summary_json(run.summary, run.mitigations)), error) &&
         write_file(out.filePath(QStringLiteral("timeline.csv")),
                    QByteArray::fromStdString(report::timeline_csv(run.result, scenario.report_step_min)),
                    error) &&
         write_file(out.filePath(QStringLiteral("events.csv")),
                    QByteArray::fromStdString(report::events_csv(scenario, run.result)), error);
}

namespace {

//! The story of the run (report::build_narrative), its most telling moments only, so the report
//! keeps to one page: those that moved the most customers, then the most assets, in time order.
QString story_html(const model::Scenario& scenario, const sim::RunResult& result) {
  constexpr std::size_t kMaxLines = 4;
  auto story = report::build_narrative(scenario, result);
  if (story.empty()) return {};
  const std::size_t total = story.size();
  if (story.size() > kMaxLines) {
    const auto weight = [](const report::NarrativeGroup& g) {
      return std::pair{g.customers_lost + g.customers_back,
                       g.failed + g.back + g.control_lost + g.view_lost + g.stopped.size()};
    };
    std::stable_sort(story.begin(), story.end(),
                     [&](const auto& a, const auto& b) { return weight(a) > weight(b); });
    story.resize(kMaxLines);
    std::stable_sort(story.begin(), story.end(),
                     [](const auto& a, const auto& b) { return a.time_min < b.time_min; });
  }
  QString html = QObject::tr("<p class=\"h\">Story of the run (%1 of %2 moments; all in the Story panel)</p>")
                     .arg(story.size())
                     .arg(total);
  html += QStringLiteral("<table width=\"100%\">");
  for (auto g : story) {
    g.failed = g.back = 0;  // counts of assets are left to the panel: the page keeps what people feel
    const auto line = report::narrative_line(scenario, g);
    QString rest = QString::fromStdString(line.what).toHtmlEscaped();
    for (const auto& c : line.consequences)
      rest += QStringLiteral(" \u2192 ") + QString::fromStdString(c).toHtmlEscaped();
    html += QStringLiteral("<tr><td class=\"num\" width=\"9%\">%1</td><td>%2</td></tr>")
                .arg(QString::fromStdString(line.time).toHtmlEscaped(), rest);
  }
  return html + QStringLiteral("</table>");
}

}  // namespace

QString report_html(const ReportContent& content, bool inline_images) {
  const auto& run = *content.run;
  const auto& s = run.summary;
  const auto& scenario = *run.scenario;
  const QLocale locale;
  auto esc = [](const QString& t) { return t.toHtmlEscaped(); };
  // An image at most `width` x `height` points, keeping its aspect (the page must not overflow).
  auto image = [&](const QImage& img, const QString& name, int width, int height) {
    const QString src = inline_images ? QStringLiteral("data:image/png;base64,") +
                                            QString::fromLatin1(png_bytes(img).toBase64())
                                      : name;
    const double aspect = img.isNull() ? 1.0 : double(img.width()) / std::max(1, img.height());
    const int w = std::min(width, static_cast<int>(height * aspect));
    return QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\">")
        .arg(src)
        .arg(w)
        .arg(static_cast<int>(w / aspect));
  };
  QString mitigations;
  for (const auto& m : run.mitigations)
    mitigations += (mitigations.isEmpty() ? "" : ", ") + QString::fromStdString(m);
  if (mitigations.isEmpty()) mitigations = QObject::tr("none");

  QString html = QStringLiteral(
      "<html><head><meta charset=\"utf-8\"><title>Blackstart report</title>"
      "<style>body{font-family:sans-serif;font-size:8pt;} h1{font-size:13pt;margin:0;} "
      ".h{font-size:9.5pt;font-weight:bold;margin:6px 0 2px 0;} table{border-collapse:collapse;} "
      "td,th{padding:0px 4px;border:1px solid #bbb;font-size:7pt;} th{background:#eee;text-align:left;} "
      ".num{text-align:right;white-space:nowrap;} .name{white-space:nowrap;} .meta{color:#444;font-size:7pt;}"
      "</style></head><body>");
  html += QStringLiteral("<p style=\"font-size:13pt;font-weight:bold;margin:0\">%1</p>")
              .arg(esc(QString::fromStdString(scenario.name)));
  html += QStringLiteral(
              "<p class=\"meta\">Run <b>%1</b> · seed %2 · horizon %3 · mitigations: %4 · scenario %5 · "
              "report of %6 by Blackstart %7</p>")
              .arg(esc(run.label))
              .arg(s.seed)
              .arg(format_time(s.horizon_min), esc(mitigations), esc(content.scenario_file),
                   QDateTime::currentDateTime().toString(Qt::ISODate), QStringLiteral(BLACKSTART_VERSION));

  // Headline metrics (definitions in docs/metrics.md).
  struct Row {
    QString name, value, unit;
  };
  // Names, units and values come from the engine's metric table; times are shown as durations.
  using metrics::RunMetric;
  std::vector<Row> rows;
  for (const RunMetric id :
       {RunMetric::PeakCustomersWithoutPower, RunMetric::CustomerHours, RunMetric::EnergyNotServed,
        RunMetric::PeakLoadShed, RunMetric::PeakPassengersAffected, RunMetric::PassengerTripsLost,
        RunMetric::TimeOfWorstImpact, RunMetric::TimeToFullRestoration, RunMetric::ResilienceIndex}) {
    const auto& metric = metrics::info(id);
    const double value = metric.of(s);
    QString unit = QString::fromUtf8(metric.unit.data(), static_cast<qsizetype>(metric.unit.size()));
    QString text;
    if (metric.unit == "min") {
      text = std::isnan(value) ? QObject::tr("not by horizon") : format_time(value);
      unit.clear();
    } else {
      const int decimals = id == RunMetric::ResilienceIndex                                    ? 4
                           : id == RunMetric::EnergyNotServed || id == RunMetric::PeakLoadShed ? 1
                                                                                               : 0;
      text = locale.toString(value, 'f', decimals);
    }
    rows.push_back(
        {QString::fromUtf8(metric.title.data(), static_cast<qsizetype>(metric.title.size())), text, unit});
    if (id == RunMetric::PassengerTripsLost)  // from the trace, not a summary figure
      rows.push_back({QObject::tr("Peak loss of control"), QString::number(peak_loss_of_control(run)),
                      QObject::tr("assets")});
  }
  html += QStringLiteral(
      "<table width=\"100%\" style=\"border:none\"><tr><td valign=\"top\" style=\"border:none\">"
      "<p class=\"h\">Headline metrics</p><table>");
  for (const auto& r : rows)
    html += QStringLiteral(
                "<tr><td class=\"name\">%1</td><td class=\"num\">%2</td><td class=\"name\">%3</td></tr>")
                .arg(esc(r.name), r.value, r.unit);
  html += QStringLiteral(
              "</table></td><td valign=\"top\" style=\"border:none\"><p class=\"h\">Network at "
              "%1</p><p>%2</p></td>"
              "</tr></table>")
              .arg(format_time(content.canvas_time_min),
                   image(content.canvas, QStringLiteral("canvas.png"), 380, 200));

  html += QStringLiteral("<p class=\"h\">Curves (all kept runs; dashed line: %1)</p><p>%2</p>")
              .arg(format_time(content.canvas_time_min),
                   image(content.charts, QStringLiteral("charts.png"), 680, 340));

  // Timeline: the scenario's events in time order, with the run's milestones.
  struct Line {
    double t;
    QString what, detail;
  };
  std::vector<Line> lines;
  for (const auto& e : scenario.events) {
    if (!e.enabled || e.at_min > s.horizon_min) continue;
    QString targets = targets_text(e, scenario.network);
    if (e.targets.size() > 3 && (e.target_pattern.empty() || e.target_pattern == "(list)"))
      targets = QObject::tr("%1 targets (%2 … %3)")
                    .arg(e.targets.size())
                    .arg(QString::fromStdString(scenario.network.element(e.targets.front()).id),
                         QString::fromStdString(scenario.network.element(e.targets.back()).id));
    QString detail =
        QString::fromStdString(std::string(model::to_string(e.action))) + QStringLiteral(" ") + targets;
    if (!e.technique.empty())
      detail += QStringLiteral(" (") + QString::fromStdString(e.technique) + QStringLiteral(")");
    lines.push_back({e.at_min, QString::fromStdString(e.id), detail});
  }
  // The campaign as it happened: each step's first success, with how many targets it took.
  const auto& steps = scenario.campaign.steps;
  std::vector<int> taken(steps.size(), 0);
  std::vector<double> first(steps.size(), -1.0);
  for (const auto& record : run.result.attack_log) {
    if (record.status != sim::AttackRecord::Status::Succeeded || record.step >= steps.size()) continue;
    if (taken[record.step]++ == 0) first[record.step] = record.time_min;
  }
  // Steps of the dwell before the simulated day are summed up in one line, to keep one page.
  int dwell_steps = 0;
  double dwell_start = 0.0;
  for (std::size_t k = 0; k < steps.size(); ++k)
    if (taken[k] > 0 && first[k] < 0.0) {
      ++dwell_steps;
      dwell_start = std::min(dwell_start, first[k]);
    }
  if (dwell_steps > 0)
    lines.push_back(
        {0.0, QObject::tr("campaign"),
         QObject::tr("%n attack step(s) succeeded in the %1 before the simulated day", nullptr, dwell_steps)
             .arg(format_time(-dwell_start))});
  for (std::size_t k = 0; k < steps.size(); ++k) {
    if (taken[k] == 0 || first[k] < 0.0 || first[k] > s.horizon_min) continue;
    QString detail = QObject::tr("attack step: %1 on %n target(s)", nullptr, taken[k])
                         .arg(QString::fromStdString(std::string(model::to_string(steps[k].effect))));
    if (!steps[k].technique.empty())
      detail += QStringLiteral(" (") + QString::fromStdString(steps[k].technique) + QStringLiteral(")");
    lines.push_back({first[k], QString::fromStdString(steps[k].id), detail});
  }
  if (s.attack.first_detection_min)
    lines.push_back({*s.attack.first_detection_min, QObject::tr("first detection"),
                     QObject::tr("a control raised the first alert on the campaign")});
  // Worst impact is the minimum of the performance Q(t), which need not be the customer peak: each
  // row gives the customers at its own time.
  auto customers_at = [&run](double t) {
    double sum = 0.0;
    for (const auto& layer : metrics::point_at(run.result, t).layers) sum += layer.customers_without_power;
    return sum;
  };
  lines.push_back({s.time_of_worst_impact_min, QObject::tr("worst impact"),
                   QObject::tr("performance at its lowest; %1 customers without power")
                       .arg(locale.toString(customers_at(s.time_of_worst_impact_min), 'f', 0))});
  for (const auto& point : run.result.trace)
    if (point.time_min <= s.horizon_min && s.peak_customers_without_power > 0 &&
        customers_at(point.time_min) >= s.peak_customers_without_power) {
      if (point.time_min != s.time_of_worst_impact_min)
        lines.push_back({point.time_min, QObject::tr("peak outage"),
                         QObject::tr("%1 customers without power")
                             .arg(locale.toString(s.peak_customers_without_power, 'f', 0))});
      break;
    }
  if (s.time_to_full_restoration_min)
    lines.push_back({*s.time_to_full_restoration_min, QObject::tr("full restoration"),
                     QObject::tr("service back to normal")});
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.t < b.t; });
  html += QStringLiteral(
      "<p class=\"h\">Timeline of events</p><table width=\"100%\"><tr><th width=\"9%\">Time</th>"
      "<th width=\"16%\">Event</th><th>What</th></tr>");
  for (const auto& l : lines)
    html += QStringLiteral("<tr><td class=\"num\">%1</td><td>%2</td><td>%3</td></tr>")
                .arg(format_time(l.t), esc(l.what), esc(l.detail));
  html += QStringLiteral("</table>") + story_html(scenario, run.result);
  html += QStringLiteral(
              "<p class=\"meta\">Definitions of every figure: docs/metrics.md. %1 state changes "
              "in the run.</p></body></html>")
              .arg(s.state_changes);
  return html;
}

bool export_report_html(const ReportContent& content, const QString& path, QString* error) {
  return write_file(path, report_html(content, true).toUtf8(), error);
}

void fill_report_document(QTextDocument* doc, const ReportContent& content, const QPageLayout& page) {
  doc->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("charts.png")), content.charts);
  doc->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("canvas.png")), content.canvas);
  doc->setHtml(report_html(content, false));
  doc->setDocumentMargin(0);
  // Laid out at 96 dpi over the page's printable area; print() scales it to the device.
  const QSizeF points = page.paintRect(QPageLayout::Point).size();
  doc->setPageSize(points * (96.0 / 72.0));
}

bool export_report_pdf(const ReportContent& content, const QString& path, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    if (error) *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  {
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("Blackstart report"));
    writer.setCreator(QStringLiteral("Blackstart " BLACKSTART_VERSION));
    QTextDocument doc;
    fill_report_document(&doc, content, writer.pageLayout());
    doc.print(&writer);
  }
  if (!file.commit()) {
    if (error) *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

void print_report(const ReportContent& content, QWidget* parent) {
  QPrinter printer(QPrinter::HighResolution);
  printer.setPageSize(QPageSize(QPageSize::A4));
  QPrintDialog dialog(&printer, parent);
  if (dialog.exec() != QDialog::Accepted) return;
  QTextDocument doc;
  fill_report_document(&doc, content, printer.pageLayout());
  doc.print(&printer);
}

}  // namespace blackstart::gui
