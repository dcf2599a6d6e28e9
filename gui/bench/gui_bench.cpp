// Canvas benchmark: opens a generated 10,000-asset scenario in the real main window (offscreen) and
// reports load, layout, first paint, scrubbing and panning frame times. Goal: first paint under 1 s,
// frames under 16 ms. Usage: blackstart-gui-bench [ASSETS] [--keep FILE]
//
// It uses only the window's public interface, so that the same file builds against older commits
// (docs/benchmarks.md compares them side by side).
#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSlider>
#include <QTemporaryDir>
#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>  // profile the scrubbing frames only: valgrind --tool=callgrind --instr-atstart=no
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

#include "app/main_window.hpp"
#include "app/timeline_widget.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "canvas/layout.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"

namespace {

//! Three layers in the proportions of a city: 60 % power (feeder trees under infeeds), 15 %
//! transport (lines along roads), 25 % cyber (control centres, gateways, RTUs); each RTU controls and
//! monitors substations, signals need power.
std::string make_scenario(std::size_t assets) {
  const std::size_t power = assets * 60 / 100, transport = assets * 15 / 100,
                    cyber = assets - power - transport;
  std::string y = "blackstart: 1\nname: benchmark city\nhorizon: 12h\nseed: 7\nlayers:\n";
  y += "  - name: power\n    assets:\n";
  const std::size_t infeeds = std::max<std::size_t>(1, power / 500);
  for (std::size_t i = 0; i < power; ++i) {
    if (i < infeeds)
      y += "      - {id: p" + std::to_string(i) + ", type: infeed, capacity_mw: 100000, operator: grid}\n";
    else if (i % 4 == 0)
      y += "      - {id: p" + std::to_string(i) +
           ", type: load, load_mw: 1, customers: 400, operator: grid}\n";
    else
      y += "      - {id: p" + std::to_string(i) + ", type: substation, operator: grid}\n";
  }
  y += "    links:\n";
  for (std::size_t i = infeeds; i < power; ++i) {
    std::size_t parent = (i - infeeds) / 3;  // a ternary tree under the infeeds
    if (parent >= i || (parent % 4 == 0 && parent >= infeeds)) parent = i % infeeds;
    y += "      - {id: pl" + std::to_string(i) + ", from: p" + std::to_string(parent) + ", to: p" +
         std::to_string(i) + "}\n";
  }
  y += "  - name: transport\n    assets:\n";
  for (std::size_t i = 0; i < transport; ++i)
    y += i % 3 == 0
             ? "      - {id: t" + std::to_string(i) + ", type: traffic_signal_zone}\n"
             : "      - {id: t" + std::to_string(i) + ", type: road_segment, passengers_per_hour: 500}\n";
  y += "    links:\n";
  for (std::size_t i = 1; i < transport; ++i)
    if (i % 50 != 0)
      y += "      - {id: tl" + std::to_string(i) + ", from: t" + std::to_string(i - 1) + ", to: t" +
           std::to_string(i) + ", type: road}\n";
  y += "  - name: cyber\n    assets:\n";
  for (std::size_t i = 0; i < cyber; ++i)
    y += i % 100 == 0 ? "      - {id: c" + std::to_string(i) + ", type: scada_server, operator: it}\n"
                      : "      - {id: c" + std::to_string(i) + ", type: rtu, operator: it}\n";
  y += "    links:\n";
  for (std::size_t i = 1; i < cyber; ++i)
    if (i % 100 != 0)
      y += "      - {id: cl" + std::to_string(i) + ", from: c" + std::to_string(i / 100 * 100) + ", to: c" +
           std::to_string(i) + "}\n";
  y += "dependencies:\n";
  for (std::size_t i = 0; i < cyber; ++i) {
    if (i % 100 == 0) continue;
    for (std::size_t k = 0; k < 2; ++k) {
      const std::size_t p = (i * 2 + k) * 7 % power;
      y += "  - {dependent: power/p" + std::to_string(p) + ", supplier: cyber/c" + std::to_string(i) +
           ", kind: control}\n";
    }
  }
  for (std::size_t i = 0; i < transport; i += 3)
    y += "  - {dependent: transport/t" + std::to_string(i) + ", supplier: power/p" +
         std::to_string((i * 13 + 4) / 4 * 4 % power) + ", kind: power}\n";
  y += "crews:\n  - {operator: grid, count: 20}\n  - {operator: it, count: 4}\nevents:\n";
  for (std::size_t k = 0; k < 50; ++k)
    y += "  - {id: e" + std::to_string(k) + ", at: " + std::to_string(5 + k) +
         "min, action: open_breaker, targets: power/p" +
         std::to_string(infeeds + k * 37 % (power - infeeds)) + "}\n";
  y += "  - {id: brick, at: 30min, action: destroy_firmware, targets: \"cyber/c1*\"}\n";
  return y;
}

struct Stats {
  double median, p95, max;
};
Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

double ms(const QElapsedTimer& t) {
  return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

//! Runs the event loop until nothing is left to do: the queued scene updates, the layout requests
//! and the paint of every widget that changed, as the window's event loop does after a mouse move.
void settle() {
  auto* dispatcher = QAbstractEventDispatcher::instance();
  for (int i = 0; i < 50; ++i) {
    QCoreApplication::sendPostedEvents();
    if (!dispatcher->processEvents(QEventLoop::AllEvents)) break;
  }
}

//! Which panels painted during a frame: a frame "updates the whole window" when the canvas, the
//! charts, the live readout, the story, the inspector and the timeline all repaint.
class PaintWatch : public QObject {
 public:
  static constexpr std::array<const char*, 6> kPanels{"networkView",    "charts",    "liveReadout",
                                                      "narrationPanel", "inspector", "timeline"};
  void start_frame() { painted_.fill(false); }
  void end_frame() {
    for (std::size_t i = 0; i < kPanels.size(); ++i) frames_[i] += painted_[i] ? 1 : 0;
    ++count_;
  }
  [[nodiscard]] std::string summary() const {
    std::string text;
    for (std::size_t i = 0; i < kPanels.size(); ++i)
      text += std::string(i ? ", " : "") + kPanels[i] + " " + std::to_string(frames_[i]) + "/" +
              std::to_string(count_);
    return text;
  }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Paint)
      for (QObject* o = watched; o; o = o->parent())
        for (std::size_t i = 0; i < kPanels.size(); ++i)
          if (o->objectName() == QLatin1String(kPanels[i])) painted_[i] = true;
    return false;
  }

 private:
  std::array<bool, kPanels.size()> painted_{};
  std::array<int, kPanels.size()> frames_{};
  int count_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  std::size_t assets = 10000;
  QString keep;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--keep" && i + 1 < argc)
      keep = QString::fromLocal8Bit(argv[++i]);
    else
      assets = std::stoul(arg);
  }
  QTemporaryDir dir;
  const QString path = keep.isEmpty() ? dir.filePath(QStringLiteral("bench.yaml")) : keep;
  std::ofstream(path.toStdString()) << make_scenario(assets);

  using blackstart::gui::MainWindow;
  MainWindow window(MainWindow::Options{false, false});
  window.resize(1600, 1000);
  window.show();
  QApplication::processEvents();
  auto* view = window.view();

  // Parts of opening, measured on their own (engine load, layout), then the real thing end to end.
  QElapsedTimer t;
  t.start();
  auto loaded = blackstart::io::load_scenario_file(path.toStdString());
  const double load_ms = ms(t);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s", loaded.diagnostics.to_string().c_str());
    return 1;
  }
  t.restart();
  const auto layout = blackstart::gui::compute_layout(loaded.scenario->network);
  const double layout_ms = ms(t);

  t.restart();
  if (!window.open_path(path)) return 1;
  const double open_ms = ms(t);
  view->viewport()->repaint();
  const double first_paint_ms = ms(t);
  QApplication::processEvents();

  // A run, so that the canvas colours by state; then scrubbing (new frame + repaint).
  t.restart();
  window.run_now();
  window.wait_for_runs(600000);
  const double run_ms = ms(t);
  std::vector<double> scrub;
  const double horizon = window.current_run()->result.horizon_min;
  for (int i = 0; i < 60; ++i) {
    QElapsedTimer f;
    f.start();
    window.set_time(horizon * i / 60.0);
    view->viewport()->repaint();
    scrub.push_back(ms(f));
  }

  // Scrubbing as a user does it: an asset is selected (the inspector follows it), the time slider
  // moves and the window's event loop updates and paints everything that follows the time (canvas,
  // charts' time marker, live readout and Q(t) plot, story highlight, inspector, timeline label).
  // A frame is the slider move plus everything until the event loop is idle again; "update" is the
  // part before painting (the slots that follow the time). 60 steps across the slider (the active
  // period the window opens on), then 60 back.
  {
    const auto& changes = window.current_run()->result.changes;
    window.select_element(changes.empty() ? 0 : changes[changes.size() / 2].element);
  }
  // The time axis as a run opens it (the old scrub above panned it to the end of the horizon).
  window.view_state()->show_active_period();
  settle();
  PaintWatch watch;
  app.installEventFilter(&watch);
  auto* slider = window.timeline()->slider();
  std::vector<double> drag, drag_update;
  const int lo = slider->minimum(), hi = slider->maximum();
  slider->setValue(lo);
  settle();
  CALLGRIND_START_INSTRUMENTATION;
  for (int i = 1; i <= 120; ++i) {
    const int k = i <= 60 ? i : 120 - i;
    watch.start_frame();
    QElapsedTimer f;
    f.start();
    slider->setValue(lo + static_cast<int>(static_cast<long long>(hi - lo) * k / 60));
    drag_update.push_back(ms(f));
    settle();
    drag.push_back(ms(f));
    watch.end_frame();
  }
  CALLGRIND_STOP_INSTRUMENTATION;
  // Playback at the default speed (15 simulated minutes per second, a frame every 40 ms): the
  // timeline's own step, from the start of the slider; the time window pans when it leaves it.
  std::vector<double> play;
  {
    const double step = window.timeline()->speed() * 40.0 / 1000.0;
    double t = slider->minimum() / 10.0;  // the slider has 10 ticks per minute
    window.timeline()->set_time(t);
    settle();
    for (int i = 0; i < 120; ++i) {
      t += step;
      QElapsedTimer f;
      f.start();
      window.timeline()->set_time(t);
      settle();
      play.push_back(ms(f));
    }
  }
  app.removeEventFilter(&watch);
  window.select_element(blackstart::model::kNoElement);
  window.set_time(40);
  settle();

  // Whole network in view: the worst case, every asset drawn.
  view->fit_all();
  QApplication::processEvents();
  std::vector<double> full;
  for (int i = 0; i < 30; ++i) {
    QElapsedTimer f;
    f.start();
    view->viewport()->repaint();
    full.push_back(ms(f));
  }
  // The same without dependency arrows, to see what they cost.
  window.scene()->set_dependencies_visible(false);
  std::vector<double> no_deps;
  for (int i = 0; i < 10; ++i) {
    QElapsedTimer f;
    f.start();
    view->viewport()->repaint();
    no_deps.push_back(ms(f));
  }
  window.scene()->set_dependencies_visible(true);
  // Panning at 3x the fitted zoom (a third of the network in view), and close up (symbols, labels).
  // Each pan frame is measured twice: as the view does it (scroll the pixels, paint the strip
  // that came into view, all through the event loop) and as a full repaint of the viewport.
  struct Pan {
    std::vector<double> incremental, full;
  };
  auto pan = [&](double zoom) {  // zoom <= 0: that many times the fitted zoom
    view->fit_all();
    view->zoom_by(zoom > 0 ? zoom / view->zoom() : -zoom);
    QApplication::processEvents();
    auto* bar = view->horizontalScrollBar();
    Pan frames;
    const int step = std::max(1, (bar->maximum() - bar->minimum()) / 120);
    bar->setValue(bar->minimum());
    QApplication::processEvents();
    for (int i = 0; i < 120; ++i) {
      QElapsedTimer f;
      f.start();
      bar->setValue(bar->minimum() + i * step);
      QApplication::processEvents();
      frames.incremental.push_back(ms(f));
      f.restart();
      view->viewport()->repaint();
      frames.full.push_back(ms(f));
    }
    return frames;
  };
  const auto pan3 = pan(-3.0);
  const auto pan_close = pan(1.4);

  std::size_t links = 0;
  for (const auto& e : window.document()->scenario()->network.elements()) links += e.is_link ? 1 : 0;
  const auto& net = window.document()->scenario()->network;
  std::printf(
      "blackstart-gui-bench: %zu assets, %zu links, %zu dependencies, %zu canvas tiles, viewport %dx%d\n",
      net.size() - links, links, net.dependencies().size(), window.scene()->tile_count(),
      view->viewport()->width(), view->viewport()->height());
  std::printf("  engine load (parse + validate)       %8.1f ms\n", load_ms);
  std::printf("  automatic layout (Hilbert > %zu)    %8.1f ms\n", blackstart::gui::kForceLayoutLimit,
              layout_ms);
  std::printf("  open: load + layout + scene          %8.1f ms\n", open_ms);
  std::printf("  open to first paint                  %8.1f ms   (goal < 1000)\n", first_paint_ms);
  std::printf("  simulation run (worker thread)       %8.1f ms\n", run_ms);
  const auto s = stats(scrub), f = stats(full), p = stats(pan3.full), c = stats(pan_close.full);
  const auto pi = stats(pan3.incremental), ci = stats(pan_close.incremental);
  std::printf("  frame, scrubbing time (median/p95/max)   %6.1f %6.1f %6.1f ms\n", s.median, s.p95, s.max);
  const auto d = stats(drag), du = stats(drag_update), pl = stats(play);
  std::printf("  frame, slider drag, whole window         %6.1f %6.1f %6.1f ms   (goal < 16)\n", d.median,
              d.p95, d.max);
  std::printf("    of which update before painting        %6.1f %6.1f %6.1f ms\n", du.median, du.p95, du.max);
  std::printf("  frame, playback 15 min/s, whole window   %6.1f %6.1f %6.1f ms   (goal < 16)\n", pl.median,
              pl.p95, pl.max);
  std::printf("    slider over %.0f-%.0f min; panels painted per slider frame: %s\n", lo / 10.0, hi / 10.0,
              watch.summary().c_str());
  std::printf("  frame, whole network (median/p95/max)    %6.1f %6.1f %6.1f ms\n", f.median, f.p95, f.max);
  const auto n = stats(no_deps);
  std::printf("  frame, whole network without arrows      %6.1f %6.1f %6.1f ms\n", n.median, n.p95, n.max);
  std::printf("  frame, panning at 3x fit, full repaint   %6.1f %6.1f %6.1f ms   (goal < 16)\n", p.median,
              p.p95, p.max);
  std::printf("  frame, panning at 3x fit, as the view    %6.1f %6.1f %6.1f ms   (goal < 16)\n", pi.median,
              pi.p95, pi.max);
  std::printf("  frame, panning close up, full repaint    %6.1f %6.1f %6.1f ms   (goal < 16)\n", c.median,
              c.p95, c.max);
  std::printf("  frame, panning close up, as the view     %6.1f %6.1f %6.1f ms   (goal < 16)\n", ci.median,
              ci.p95, ci.max);
  (void)layout;
  return 0;
}
