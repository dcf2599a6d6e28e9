// The map view: Web Mercator projection, the scale bar, crews moving along their roads during
// playback, roads coloured by their condition, the backdrop, and --view map screenshots.
#include <QPlainTextEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "app/main_window.hpp"
#include "blackstart/model/geo.hpp"
#include "blackstart/report/crew_positions.hpp"
#include "canvas/map_palette.hpp"
#include "canvas/map_projection.hpp"
#include "canvas/map_view.hpp"
#include "canvas/scale_bar.hpp"
#include "gui_test_support.hpp"

using namespace blackstart;
using namespace blackstart::gui;

namespace {

const char* kTown = "tests/data/map/map-town.yaml";

ElementIndex find(const MainWindow& window, const char* id) {
  return *const_cast<MainWindow&>(window).document()->scenario()->network.find(id);
}

//! A window with the town open and run, showing the map.
struct Town {
  MainWindow window{MainWindow::Options{false, false}};
  Town() {
    window.resize(1024, 700);
    window.show();
    window.open_path(test::source_path(kTown));
    window.run_now();
    window.wait_for_runs();
    window.show_map(true);
    QApplication::processEvents();
  }
  MapView* map() { return window.map_view(); }
};

bool near_colour(QRgb a, const QColor& b, int tolerance = 12) {
  return std::abs(qRed(a) - b.red()) <= tolerance && std::abs(qGreen(a) - b.green()) <= tolerance &&
         std::abs(qBlue(a) - b.blue()) <= tolerance;
}

}  // namespace

class MapTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { test::isolate_settings(); }

  void projection_of_known_points() {
    // EPSG:3857 of 45° N 45° E: x = R·π/4, y = R·ln tan(67.5°) (y grows southwards here).
    const QPointF p = mercator::project({45.0, 45.0});
    QCOMPARE(std::round(p.x() * 1000) / 1000, 5009377.086);
    QCOMPARE(std::round(p.y() * 1000) / 1000, -5621521.486);
    const QPointF origin = mercator::project({0.0, 0.0});
    QVERIFY(std::abs(origin.x()) < 1e-9 && std::abs(origin.y()) < 1e-9);
    const auto back = mercator::unproject(mercator::project({48.9226, 24.7111}));
    QVERIFY(std::abs(back.lat - 48.9226) < 1e-9 && std::abs(back.lon - 24.7111) < 1e-9);
    // North is up: a place further north is higher on screen.
    MapViewport viewport;
    viewport.fit(QRectF(mercator::project({48.95, 24.6}), mercator::project({48.85, 24.8})).normalized(),
                 QSizeF(1000, 800), 40);
    QVERIFY(viewport.to_screen(model::GeoPoint{48.94, 24.7}).y() <
            viewport.to_screen(model::GeoPoint{48.86, 24.7}).y());
    QVERIFY(viewport.to_screen(model::GeoPoint{48.9, 24.79}).x() >
            viewport.to_screen(model::GeoPoint{48.9, 24.61}).x());
  }

  void scale_bar_is_a_round_ground_length() {
    // At 60° a ground kilometre is 2000 projected metres: at 0.05 px/m, 100 px.
    const ScaleBar bar = scale_bar_for(0.05, 60.0, 150.0);
    QCOMPARE(bar.km, 1.0);
    QVERIFY(std::abs(bar.pixels - 100.0) < 1e-6);
    QCOMPARE(bar.label, QStringLiteral("1 km"));
    // At the equator, 0.01 px/m and 140 px: 14 km would fit, 10 km is the round length (100 px).
    const ScaleBar equator = scale_bar_for(0.01, 0.0, 140.0);
    QCOMPARE(equator.km, 10.0);
    QVERIFY(std::abs(equator.pixels - 100.0) < 1e-6);
    QCOMPARE(scale_bar_for(1.0, 0.0, 140.0).label, QStringLiteral("100 m"));
    QCOMPARE(scale_bar_for(0.0003, 0.0, 140.0).km, 200.0);  // 140 px = 466 km
    // The bar on the map measures what a ruler would: its pixels cover its km along a parallel at
    // the view's middle.
    Town town;
    const auto bar_now = town.map()->scale_bar();
    const auto& viewport = town.map()->viewport();
    const double lat = viewport.centre_latitude();
    const double dlon = 1.0;
    const double px_per_degree = std::abs(viewport.to_screen(model::GeoPoint{lat, 25.0}).x() -
                                          viewport.to_screen(model::GeoPoint{lat, 25.0 + dlon}).x());
    const double km_per_degree = model::haversine_km({lat, 25.0}, {lat, 25.0 + dlon});
    QVERIFY(bar_now.pixels > 40 && bar_now.pixels <= 140);
    QVERIFY2(std::abs(bar_now.pixels / px_per_degree * km_per_degree - bar_now.km) / bar_now.km < 0.005,
             qPrintable(QStringLiteral("%1 px for %2 km").arg(bar_now.pixels).arg(bar_now.km)));
  }

  void assets_without_coordinates_are_counted() {
    Town town;
    QCOMPARE(town.map()->map_scene().unplaced_assets(), std::size_t(1));  // the infeed
    QCOMPARE(town.map()->map_scene().placed_assets(), std::size_t(9));
    QVERIFY(!town.map()->map_scene().position(find(town.window, "power/infeed")));
    QVERIFY(town.map()->backdrop_error().isEmpty());
    QCOMPARE(town.map()->backdrop().shapes(), std::size_t(3));
  }

  void crew_marker_moves_along_the_road_mid_drive() {
    Town town;
    const auto run = town.window.current_run();
    QVERIFY(run);
    QVERIFY(!run->result.crew_legs.empty());
    // The first drive: depot to centre over the main street.
    const auto& leg = run->result.crew_legs.front();
    QCOMPARE(leg.roads.size(), std::size_t(1));
    QCOMPARE(leg.roads.front(), find(town.window, "transport/main-street"));
    const double mid = (leg.depart_min + leg.arrive_min) / 2;
    town.window.set_time(mid);
    QApplication::processEvents();
    const auto& crews = town.map()->map_scene().crews();
    QCOMPARE(crews.size(), std::size_t(1));
    QCOMPARE(crews.front().name, QStringLiteral("grid#1"));
    QVERIFY(crews.front().driving);
    // Halfway in time is halfway along the street's course.
    const auto& street = town.window.document()->scenario()->network.element(leg.roads.front());
    const auto expected = report::point_along(street.path, 0.5);
    const auto place = mercator::unproject(crews.front().at);
    QVERIFY2(std::abs(place.lat - expected.lat) < 1e-9 && std::abs(place.lon - expected.lon) < 1e-9,
             qPrintable(QStringLiteral("%1 %2").arg(place.lat, 0, 'f', 6).arg(place.lon, 0, 'f', 6)));
    // ... which lies on the second of its three segments (2.2, 1.7 and 1.5 km long).
    QVERIFY2(place.lon > 24.668 && place.lon < 24.69, qPrintable(QString::number(place.lon, 'f', 5)));
    // Before its departure it is at the depot; at arrival at the centre.
    town.window.set_time(leg.depart_min - 1);
    QVERIFY(!town.map()->map_scene().crews().front().driving);
    const auto depot = mercator::unproject(town.map()->map_scene().crews().front().at);
    QVERIFY(std::abs(depot.lat - 48.905) < 1e-9 && std::abs(depot.lon - 24.64) < 1e-9);
  }

  void closed_road_is_drawn_in_the_closed_colour() {
    Town town;
    town.window.set_time(30);
    QApplication::processEvents();
    const auto bridge = find(town.window, "transport/bridge");
    const auto ring = find(town.window, "transport/ring-road");
    const auto& scene = town.map()->map_scene();
    QCOMPARE(scene.road_condition(bridge), report::RoadCondition::Closed);
    QCOMPARE(scene.road_condition(ring), report::RoadCondition::Open);
    QCOMPARE(scene.link_colour(bridge), road_color(report::RoadCondition::Closed));
    // The main street is under the centre's dark signals while the centre substation is open.
    QCOMPARE(scene.road_condition(find(town.window, "transport/main-street")),
             report::RoadCondition::DarkSignals);
    // On the picture: the bridge's pixels have the closed colour.
    const QImage image = town.map()->picture(QSize(1024, 700));
    const auto viewport = town.map()->picture_viewport(QSize(1024, 700));
    int hits = 0;
    const auto& path = town.window.document()->scenario()->network.element(bridge).path;
    for (double f = 0.3; f <= 0.71; f += 0.1) {
      const QPointF at = viewport.to_screen(report::point_along(path, f)) * image.devicePixelRatio();
      if (near_colour(image.pixel(at.toPoint()), road_color(report::RoadCondition::Closed))) ++hits;
    }
    QVERIFY2(hits >= 3, qPrintable(QString::number(hits)));
    // The bridge is closed from the start (its damage at 0 min is never repaired: no city crew).
    town.window.set_time(0);
    QCOMPARE(scene.road_condition(bridge), report::RoadCondition::Closed);
  }

  void view_switch_and_selection() {
    Town town;
    auto* toggle = town.window.action(QStringLiteral("actionMapView"));
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_M));
    QVERIFY(toggle->isChecked());
    toggle->trigger();
    QVERIFY(!town.window.map_shown());
    toggle->trigger();
    QVERIFY(town.window.map_shown());
    // A click on an asset selects it.
    const auto sub = find(town.window, "power/sub-east");
    const QPointF at = town.map()->viewport().to_screen(*town.map()->map_scene().position(sub));
    QTest::mouseClick(town.map(), Qt::LeftButton, Qt::NoModifier, at.toPoint());
    QCOMPARE(town.window.view_state()->selected(), sub);
    // At 1024 x 700 the named assets and the crew are labelled.
    (void)town.map()->picture(QSize(1024, 700));
    QVERIFY2(town.map()->labels_drawn() >= 5, qPrintable(QString::number(town.map()->labels_drawn())));
  }

  void bad_backdrop_is_reported_not_fatal() {
    QTemporaryDir dir;
    QFile yaml(test::source_path(kTown));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    QFile out(dir.filePath(QStringLiteral("town.yaml")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(yaml.readAll());
    out.close();
    QFile bad(dir.filePath(QStringLiteral("map-town.geojson")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(
        "{\"type\": \"FeatureCollection\",\n \"features\": [{\"type\": \"Feature\", \"geometry\": "
        "{\"type\": \"Polygon\", \"coordinates\": [[[24, 48], [25, 95], [24, 48]]]}}]}");
    bad.close();
    MainWindow window(MainWindow::Options{false, false});
    window.resize(1024, 700);
    QVERIFY(window.open_path(dir.filePath(QStringLiteral("town.yaml"))));
    window.show_map(true);
    QApplication::processEvents();
    const QString error = window.map_view()->backdrop_error();
    QVERIFY2(
        error.contains(QStringLiteral("map-town.geojson: error: feature 1: a polygon ring needs at least 4 "
                                      "positions, got 3")),
        qPrintable(error));
    QVERIFY(window.message_log()->toPlainText().contains(QStringLiteral("Map backdrop not shown")));
    QVERIFY(window.map_view()->backdrop().empty());
    QCOMPARE(window.map_view()->map_scene().placed_assets(), std::size_t(9));  // the network is still drawn
  }

  void screenshot_of_the_map_has_the_asked_size() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("map.png"));
    QProcess process;
    process.start(QStringLiteral(BLACKSTART_GUI_EXE),
                  {QStringLiteral("--screenshot"), out, QStringLiteral("--view"), QStringLiteral("map"),
                   QStringLiteral("--time"), QStringLiteral("30"), QStringLiteral("--size"),
                   QStringLiteral("1024x700"), test::source_path(kTown)});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1024, 700));
    // The closed bridge is on it.
    int closed = 0;
    const QColor colour = road_color(report::RoadCondition::Closed);
    for (int y = 0; y < image.height(); y += 2)
      for (int x = 0; x < image.width(); x += 2)
        if (near_colour(image.pixel(x, y), colour, 6)) ++closed;
    QVERIFY2(closed > 50, qPrintable(QString::number(closed)));
  }
};

QTEST_MAIN(MapTest)
#include "tst_gui_map.moc"
