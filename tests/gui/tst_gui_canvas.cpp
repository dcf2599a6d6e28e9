// A readable canvas (issue 10): labels placed by priority without overlap, more of them when zoomed
// in, the selection ring beside the label, Find by name, pictures with a title and a legend.
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <set>

#include "app/command_line.hpp"
#include "app/export.hpp"
#include "app/image_palette.hpp"
#include "app/main_window.hpp"
#include "app/picture.hpp"
#include "app/screenshot.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"
#include "controllers/asset_search.hpp"
#include "gui_test_support.hpp"

using namespace blackstart;
using namespace blackstart::gui;

namespace {

using Labels = std::vector<LabelItem::Label>;

//! The first pair of labels whose rectangles intersect, as text; empty when none do.
QString overlap(const Labels& labels, const model::Network& net) {
  for (std::size_t i = 0; i < labels.size(); ++i)
    for (std::size_t j = i + 1; j < labels.size(); ++j)
      if (labels[i].rect.intersects(labels[j].rect))
        return QStringLiteral("%1 and %2")
            .arg(QString::fromStdString(net.element(labels[i].element).id),
                 QString::fromStdString(net.element(labels[j].element).id));
  return {};
}

std::set<std::string> ids(const Labels& labels, const model::Network& net) {
  std::set<std::string> out;
  for (const auto& l : labels) out.insert(net.element(l.element).id);
  return out;
}

//! Pixels in a band of the image that differ clearly from its background colour.
int ink(const QImage& image, int top, int bottom) {
  const QRgb background = image.pixel(image.width() - 1, top + 1);
  int count = 0;
  for (int y = top; y < bottom; ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QRgb p = image.pixel(x, y);
      if (std::abs(qGray(p) - qGray(background)) > 60 || std::abs(qRed(p) - qBlue(p)) > 60) ++count;
    }
  return count;
}

}  // namespace

class CanvasTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    test::isolate_settings();
    window_ = std::make_unique<MainWindow>(MainWindow::Options{false, false});
    window_->resize(1600, 1000);
    window_->show();
    QApplication::processEvents();
    QVERIFY(window_->open_path(test::source_path("scenarios/ukraine-2015.yaml")));
    QApplication::processEvents();
    window_->view()->fit_all();
    QApplication::processEvents();
  }

  void labels_do_not_overlap_at_the_default_zoom() {
    const auto& net = window_->document()->scenario()->network;
    const auto labels = shown();
    QVERIFY2(overlap(labels, net).isEmpty(), qPrintable(overlap(labels, net)));
    // Not every asset fits at this zoom: the placement left some out, by priority.
    std::size_t assets = 0;
    for (const auto& e : net.elements()) assets += e.is_link ? 0 : 1;
    QVERIFY2(labels.size() >= 10 && labels.size() < assets / 2, qPrintable(QString::number(labels.size())));
    // The control centres and the largest named substations come first. Each company's control
    // centre is labelled (its DMS or its HMI: with the power and transport layers drawn at their
    // coordinates, the default zoom is smaller and one of Kyivoblenergo's two takes the place).
    const auto seen = ids(labels, net);
    for (const char* id : {"cyber/pry-dms", "cyber/che-dms", "power/pry-110-01", "transport/trolleybus-if-1"})
      QVERIFY2(seen.count(id) == 1, id);
    // The named 110 kV substations stand at their towns, tens of kilometres apart: at this zoom
    // not all their labels fit, but the first ones by priority do.
    int named_110 = 0;
    for (int i = 1; i <= 8; ++i)
      named_110 += static_cast<int>(seen.count("power/pry-110-0" + std::to_string(i)));
    QVERIFY2(named_110 >= 2, qPrintable(QString::number(named_110)));
    QVERIFY(seen.count("cyber/kyiv-dms") + seen.count("cyber/kyiv-hmi") >= 1);
    // Inside the scene's rectangle, also for assets at its edge.
    const QRectF bounds = window_->view()->viewportTransform().mapRect(window_->scene()->sceneRect());
    for (const auto& l : labels)
      QVERIFY2(l.rect.left() >= bounds.left() - 0.5 && l.rect.right() <= bounds.right() + 0.5,
               net.element(l.element).id.c_str());
    // Their text: the name where it is the asset's own, else the id in its layer.
    const auto& placement = window_->scene()->label_placement();
    QCOMPARE(placement.text(*net.find("power/pry-110-01")), QStringLiteral("Ivano-Frankivsk 110 kV"));
    QCOMPARE(placement.text(*net.find("cyber/pry-dms")), QStringLiteral("pry-dms"));
  }

  void zooming_in_shows_more_labels() {
    const auto& net = window_->document()->scenario()->network;
    auto* view = window_->view();
    const auto focus = *net.find("power/pry-110-01");
    view->centerOn(window_->scene()->position_of(focus));
    const QRectF area = view->mapToScene(view->viewport()->rect()).boundingRect();
    const auto before = shown();
    const QRectF close(area.center() - QPointF(area.width() / 6, area.height() / 6), area.size() / 3);
    auto inside = [&](const Labels& labels) {
      return std::count_if(labels.begin(), labels.end(), [&](const LabelItem::Label& l) {
        return close.contains(window_->scene()->position_of(l.element));
      });
    };
    const auto before_close = inside(before);
    view->zoom_by(3.0);
    view->centerOn(area.center());
    QApplication::processEvents();
    const auto after = shown();
    QVERIFY2(overlap(after, net).isEmpty(), qPrintable(overlap(after, net)));
    QVERIFY2(inside(after) > before_close,
             qPrintable(QStringLiteral("%1 -> %2").arg(before_close).arg(inside(after))));
    // Every label shown before in that part still is: zooming in only adds.
    const auto seen_after = ids(after, net);
    for (const auto& l : before)
      if (close.contains(window_->scene()->position_of(l.element)))
        QVERIFY2(seen_after.count(net.element(l.element).id) == 1, net.element(l.element).id.c_str());
    view->fit_all();
    QApplication::processEvents();
  }

  void the_selection_ring_does_not_cover_the_label() {
    const auto& net = window_->document()->scenario()->network;
    for (const char* id : {"power/pry-110-01", "cyber/kyiv-hmi", "power/che-35-05"}) {
      window_->select_element(*net.find(id), false);
      QApplication::processEvents();
      const auto selected = window_->scene()->selected_label(window_->view()->viewportTransform());
      QVERIFY2(!selected.label.isEmpty() && !selected.ring.isEmpty(), id);
      QVERIFY2(!selected.label.intersects(selected.ring), id);
      QVERIFY(selected.label.top() >= selected.ring.bottom());
      // The label is below its asset, centred on it.
      const QPointF anchor =
          window_->view()->viewportTransform().map(window_->scene()->position_of(*net.find(id)));
      QVERIFY(std::abs(selected.label.center().x() - anchor.x()) < 1.0);
      // Other labels give way to the ring and the selected label.
      for (const auto& l : shown()) {
        QVERIFY2(l.element != *net.find(id), id);
        QVERIFY2(!l.rect.intersects(selected.label) && !l.rect.intersects(selected.ring),
                 net.element(l.element).id.c_str());
      }
    }
    window_->select_element(model::kNoElement, false);
  }

  void find_matches_names_and_ids() {
    const auto& net = window_->document()->scenario()->network;
    QCOMPARE(find_element(net, QStringLiteral("kalush")), net.find("power/pry-110-03"));  // "Kalush 110 kV"
    QCOMPARE(find_element(net, QStringLiteral("TROLLEYBUS LINE 1")), net.find("transport/trolleybus-if-1"));
    QCOMPARE(find_element(net, QStringLiteral("kyiv-hmi")), net.find("cyber/kyiv-hmi"));
    QCOMPARE(find_element(net, QStringLiteral("Kyiv-HMI")), net.find("cyber/kyiv-hmi"));
    // An exact name wins over a longer one containing it; a completer entry finds its id.
    QCOMPARE(find_element(net, QStringLiteral("Ivano-Frankivsk 110 kV")), net.find("power/pry-110-01"));
    QCOMPARE(find_element(net, QStringLiteral("power/pry-110-03 — Kalush 110 kV")),
             net.find("power/pry-110-03"));
    QCOMPARE(find_element(net, QStringLiteral("no such thing")), std::nullopt);
    QCOMPARE(find_element(net, QStringLiteral("  ")), std::nullopt);
    QVERIFY(search_entries(net).contains(QStringLiteral("power/pry-110-03 — Kalush 110 kV")));
    // In the window: type a name, press Enter, the asset is selected.
    auto* find = window_->find_edit();
    find->setText(QStringLiteral("horodenka"));
    QTest::keyClick(find, Qt::Key_Return);
    QCOMPARE(window_->scene()->selected(), *net.find("power/pry-110-02"));
    find->clear();
    window_->select_element(model::kNoElement, false);
    window_->view()->fit_all();
  }

  void the_placement_is_not_recomputed_while_scrubbing() {
    window_->run_now();
    QVERIFY(window_->wait_for_runs());
    auto* view = window_->view();
    view->viewport()->repaint();
    const auto computed = window_->scene()->label_placement().computations();
    QVERIFY(computed >= 1);
    const auto before = shown();
    for (int i = 0; i <= 20; ++i) {
      window_->set_time(i * 12.0);
      view->viewport()->repaint();
    }
    QCOMPARE(window_->scene()->label_placement().computations(), computed);
    QCOMPARE(shown().size(), before.size());
  }

  void exported_pictures_carry_a_title_the_time_and_a_legend() {
    window_->set_time(90.0);
    const auto caption = picture_caption(*window_->view_state());
    QCOMPARE(caption.title, QStringLiteral("Ukraine 2015 distribution grid attack"));
    QVERIFY2(caption.detail.contains(QStringLiteral("t = 1h30min")), qPrintable(caption.detail));
    QVERIFY2(caption.detail.contains(QStringLiteral("23 Dec 2015 17:00")), qPrintable(caption.detail));
    QVERIFY2(caption.detail.contains(QStringLiteral("baseline")), qPrintable(caption.detail));

    const int width = 1400;
    const QImage canvas = render_scene(window_->scene(), width);
    const QImage picture = render_picture(window_->scene(), caption, width);
    const int top = title_band_height(width), legend = legend_band_height_px(width);
    QVERIFY2(top >= 40 && legend >= 60, qPrintable(QStringLiteral("%1 %2").arg(top).arg(legend)));
    QCOMPARE(picture.width(), width);
    QCOMPARE(picture.height(), canvas.height() + top + legend);
    // The bands have content: the title's text, the legend's swatches and words.
    QVERIFY2(ink(picture, 0, top) > 400, qPrintable(QString::number(ink(picture, 0, top))));
    QVERIFY2(ink(picture, top + canvas.height() + 1, picture.height()) > 2000,
             qPrintable(QString::number(ink(picture, top + canvas.height() + 1, picture.height()))));
    // The canvas in between is the scene as render_scene draws it.
    {
      const QImage middle =
          picture.copy(0, top, width, canvas.height()).convertToFormat(QImage::Format_RGB32);
      const QImage plain = canvas.convertToFormat(QImage::Format_RGB32);
      int differ = 0;
      QRect where;
      for (int y = 0; y < plain.height(); ++y)
        for (int x = 0; x < plain.width(); ++x)
          if (middle.pixel(x, y) != plain.pixel(x, y)) {
            ++differ;
            where |= QRect(x, y, 1, 1);
          }
      QVERIFY2(differ == 0, qPrintable(QStringLiteral("%1 pixels differ in %2,%3 %4x%5")
                                           .arg(differ)
                                           .arg(where.x())
                                           .arg(where.y())
                                           .arg(where.width())
                                           .arg(where.height())));
    }

    QTemporaryDir dir;
    QString error;
    const QString png = dir.filePath(QStringLiteral("canvas.png"));
    QVERIFY2(export_picture_png(window_->scene(), caption, png, width, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), picture.size());
    const QString svg = dir.filePath(QStringLiteral("canvas.svg"));
    QVERIFY2(export_picture_svg(window_->scene(), caption, svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("Ukraine 2015 distribution grid attack"));
    QVERIFY(text.contains("loss of control"));
  }

  void a_canvas_screenshot_has_the_bands() {
    QTemporaryDir dir;
    CommandLine command;
    command.scenario = test::source_path("scenarios/ukraine-2015.yaml");
    command.screenshot = dir.filePath(QStringLiteral("canvas.png"));
    command.run = true;
    command.at = 90.0;
    command.view = QStringLiteral("canvas");
    command.width = 1024;
    command.height = 700;
    QCOMPARE(take_screenshot(command), 0);
    const QImage image(command.screenshot);
    QVERIFY(!image.isNull());
    const int top = title_band_height(image.width()), legend = legend_band_height_px(image.width());
    QVERIFY(image.height() > top + legend + 100);
    QVERIFY2(ink(image, 0, top) > 300, qPrintable(QString::number(ink(image, 0, top))));
    QVERIFY(ink(image, image.height() - legend + 1, image.height()) > 1500);
  }

  void screenshots_for_documentation_can_have_fewer_colours() {
    // Two flat colours over most of the picture and a ramp of 400 greys: the flat ones stay exact,
    // every grey takes the nearest palette colour.
    QImage image(400, 100, QImage::Format_RGB32);
    image.fill(QColor(0xFB, 0xFB, 0xF8));
    for (int x = 0; x < 400; ++x) image.setPixel(x, 0, qRgb(x * 255 / 399, x * 255 / 399, x * 255 / 399));
    for (int y = 50; y < 100; ++y)
      for (int x = 0; x < 400; ++x) image.setPixel(x, y, qRgb(213, 94, 0));
    const QImage reduced = reduce_colors(image, 64);
    QCOMPARE(reduced.format(), QImage::Format_Indexed8);
    QVERIFY(reduced.colorCount() <= 64);
    QCOMPARE(reduced.pixel(10, 20), qRgb(0xFB, 0xFB, 0xF8));
    QCOMPARE(reduced.pixel(10, 80), qRgb(213, 94, 0));
    for (int x = 0; x < 400; x += 37)
      QVERIFY(std::abs(qGray(reduced.pixel(x, 0)) - qGray(image.pixel(x, 0))) < 40);
    QCOMPARE(reduce_colors(image, 64), reduced);  // deterministic
    int code = -1;
    for (const char* bad : {"1", "300", "many"}) {
      const QStringList args{QStringLiteral("blackstart-gui"), QStringLiteral("--screenshot"),
                             QStringLiteral("x.png"),          QStringLiteral("--colors"),
                             QString::fromLatin1(bad),         QStringLiteral("tutorial")};
      QVERIFY(!parse_command_line(args, &code));
      QCOMPARE(code, 2);
    }
    const auto ok = parse_command_line(
        {QStringLiteral("blackstart-gui"), QStringLiteral("--screenshot"), QStringLiteral("x.png"),
         QStringLiteral("--colors"), QStringLiteral("128"), QStringLiteral("tutorial")},
        &code);
    QVERIFY(ok);
    QCOMPARE(ok->colors, 128);
  }

  void cleanupTestCase() { window_.reset(); }

 private:
  //! Labels drawn in the view's viewport now.
  [[nodiscard]] Labels shown() const {
    auto* view = window_->view();
    const QRectF area = view->mapToScene(view->viewport()->rect()).boundingRect();
    return window_->scene()->shown_labels(view->viewportTransform(), area);
  }

  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(CanvasTest)
#include "tst_gui_canvas.moc"
