// Scrubbing the time: a frame stepped from the one before equals one built from scratch, the canvas
// repaints every place whose state changed (and nothing when nothing changed), an explanation is
// reused only across stretches in which the engine's answer is the same, and the window shows at
// every time what the engine says, however the time got there.
#include <QApplication>
#include <QLabel>
#include <QRandomGenerator>
#include <QSettings>
#include <QSlider>
#include <QTest>
#include <QTreeWidget>
#include <memory>

#include "app/inspector_panel.hpp"
#include "app/main_window.hpp"
#include "app/timeline_widget.hpp"
#include "canvas/frame_repaint.hpp"
#include "canvas/network_scene.hpp"
#include "controllers/explainer.hpp"
#include "controllers/frame_stepper.hpp"
#include "gui_test_support.hpp"

using namespace blackstart;
using namespace blackstart::gui;

class ScrubTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void stepped_frames_equal_frames_from_scratch();
  void repaint_covers_every_change_and_nothing_else();
  void explanation_is_reused_only_when_the_answer_is_the_same();
  void window_shows_the_engine_at_every_time();
  void cleanupTestCase();

 private:
  //! Times to visit: forwards, backwards, jumps, repeats, and every change time and just before.
  [[nodiscard]] std::vector<double> times() const;

  std::unique_ptr<MainWindow> window_;
  RunPtr run_;
};

void ScrubTest::initTestCase() {
  test::isolate_settings();
  QSettings().clear();
  window_ = std::make_unique<MainWindow>();
  window_->resize(1024, 700);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  QVERIFY(window_->open_path(test::source_path("scenarios/ukraine-2015.yaml")));
  window_->run_now();
  QVERIFY(window_->wait_for_runs(120000));
  run_ = window_->current_run();
  QVERIFY(run_);
  QVERIFY(run_->result.changes.size() > 50);
}

std::vector<double> ScrubTest::times() const {
  std::vector<double> out;
  const double horizon = run_->result.horizon_min;
  for (int i = 0; i <= 40; ++i) out.push_back(horizon * i / 40);
  for (int i = 40; i >= 0; --i) out.push_back(horizon * i / 40 + 0.05);
  for (double t : run_->change_times) {
    out.push_back(t);
    out.push_back(t - 1e-3);
    out.push_back(t);
  }
  QRandomGenerator random(7);
  for (int i = 0; i < 200; ++i) out.push_back(random.bounded(horizon));
  return out;
}

void ScrubTest::stepped_frames_equal_frames_from_scratch() {
  FrameStepper stepper;
  const auto& net = run_->scenario->network;
  for (double t : times()) {
    const auto stepped = stepper.frame(run_, t);
    const auto scratch = run_->frame_at(t);
    QVERIFY(stepped && stepped->has_run);
    QCOMPARE(stepped->time_min, t);
    QVERIFY2(stepped->codes == scratch->codes, qPrintable(QStringLiteral("t = %1").arg(t)));
    // And both are the engine's answer, from the raw change list.
    for (ElementIndex e = 0; e < net.size(); e += 7) {
      QCOMPARE(stepped->state(e), test::reference_state(run_->result, e, t));
      QCOMPARE(stepped->lost_control(e), test::reference_flag(run_->result, e, t, sim::ChangeKind::Control));
      QCOMPARE(stepped->lost_view(e), test::reference_flag(run_->result, e, t, sim::ChangeKind::View));
    }
  }
  QVERIFY(!stepper.frame(nullptr, 0));
}

void ScrubTest::repaint_covers_every_change_and_nothing_else() {
  const auto* scene = window_->scene();
  const auto& model = scene->canvas_model();
  const auto& net = run_->scenario->network;
  FrameRepaint repaint;
  const auto all = times();
  std::size_t partial = 0;
  for (std::size_t i = 1; i < all.size(); ++i) {
    const auto before = run_->frame_at(all[i - 1]);
    const auto after = run_->frame_at(all[i]);
    const auto plan = repaint.plan(model, scene->sceneRect(), *before, *after);
    std::size_t changed = 0;
    for (ElementIndex e = 0; e < net.size(); ++e) changed += before->codes[e] != after->codes[e] ? 1 : 0;
    QCOMPARE(plan.changed, changed);
    if (changed == 0) {
      QVERIFY(!plan.everything);
      QVERIFY(plan.rects.empty());
      continue;
    }
    if (plan.everything) continue;
    ++partial;
    auto covered = [&](QPointF p) {
      return std::any_of(plan.rects.begin(), plan.rects.end(),
                         [&](const QRectF& r) { return r.contains(p); });
    };
    for (ElementIndex e = 0; e < net.size(); ++e) {
      if (before->codes[e] == after->codes[e]) continue;
      const auto& element = net.element(e);
      if (element.is_link) {
        // The whole line: its ends and its middle.
        QVERIFY(covered(model.position[element.from]));
        QVERIFY(covered(model.position[element.to]));
      }
      QVERIFY2(covered(model.position[e]), element.id.c_str());
      // Arrows from a supplier that went in or out of operation change strength: along them too.
      if (sim::is_operational(before->state(e)) == sim::is_operational(after->state(e))) continue;
      for (const auto& d : net.dependencies()) {
        if (d.supplier != e) continue;
        for (double share : {0.0, 0.25, 0.5, 0.75, 1.0})
          QVERIFY(covered(model.position[d.supplier] * (1 - share) + model.position[d.dependent] * share));
      }
    }
  }
  QVERIFY(partial > 0);  // the partial repaint was exercised
  // A frame without a run (or of another size) repaints everything.
  QVERIFY(repaint.plan(model, scene->sceneRect(), *idle_frame(net.size()), *run_->frame_at(10)).everything);
}

void ScrubTest::explanation_is_reused_only_when_the_answer_is_the_same() {
  const auto& net = run_->scenario->network;
  std::size_t same = 0, different = 0;
  const auto all = times();
  for (std::size_t i = 1; i < all.size(); i += 3) {
    const double a = all[i - 1], b = all[i];
    if (!Explainer::same_answer(*run_, a, b)) {
      // Something happens between: a change, a cause update, a repair step or a crew's arrival.
      const double from = std::min(a, b), to = std::max(a, b);
      auto inside = [&](double t) { return t > from && t <= to; };
      const auto& r = run_->result;
      QVERIFY(std::any_of(r.changes.begin(), r.changes.end(),
                          [&](const auto& c) { return inside(c.time_min); }) ||
              std::any_of(r.cause_updates.begin(), r.cause_updates.end(),
                          [&](const auto& c) { return inside(c.time_min); }) ||
              std::any_of(r.repairs.begin(), r.repairs.end(), [&](const auto& s) {
                return inside(s.time_min) ||
                       (s.kind == sim::RepairStep::Kind::CrewDispatched && inside(s.arrive_min));
              }));
      ++different;
      continue;
    }
    ++same;
    for (ElementIndex e = 0; e < net.size(); e += 11) {
      const auto x = Explainer::explain_now(run_, e, a);
      const auto y = Explainer::explain_now(run_, e, b);
      QCOMPARE(x.chain.size(), y.chain.size());
      for (std::size_t k = 0; k < x.chain.size(); ++k) {
        QCOMPARE(x.chain[k].element, y.chain[k].element);
        QCOMPARE(x.chain[k].change.time_min, y.chain[k].change.time_min);
      }
      QCOMPARE(x.still_down.size(), y.still_down.size());
      for (std::size_t k = 0; k < x.still_down.size(); ++k) {
        QCOMPARE(x.still_down[k].element, y.still_down[k].element);
        QCOMPARE(x.still_down[k].reason, y.still_down[k].reason);
        QCOMPARE(x.still_down[k].until_min, y.still_down[k].until_min);
      }
    }
  }
  QVERIFY(same > 0);
  QVERIFY(different > 0);
}

void ScrubTest::window_shows_the_engine_at_every_time() {
  // The element with the most changes, selected; then the slider moves as a user drags it.
  ElementIndex busiest = 0;
  for (ElementIndex e = 0; e < run_->changes_of.size(); ++e)
    if (run_->changes_of[e].size() > run_->changes_of[busiest].size()) busiest = e;
  window_->select_element(busiest);
  auto* slider = window_->timeline()->slider();
  auto* inspector = window_->inspector();
  const int steps = 60;
  for (int i = 0; i <= 2 * steps; ++i) {
    const int k = i <= steps ? i : 2 * steps - i;
    slider->setValue(slider->minimum() + (slider->maximum() - slider->minimum()) * k / steps);
    QVERIFY(inspector->wait_for_explanation(20000));
    const double t = window_->time();
    // Canvas: the frame of this time.
    QVERIFY(window_->scene()->canvas_model().frame->codes == run_->frame_at(t)->codes);
    // Inspector: the engine's state and chain at this time.
    const auto state = test::reference_state(run_->result, busiest, t);
    QVERIFY2(inspector->state_text().contains(state_label(state)), qPrintable(inspector->state_text()));
    const auto answer = Explainer::explain_now(run_, busiest, t);
    QCOMPARE(inspector->chain_elements().size(), answer.chain.size());
    for (std::size_t s = 0; s < answer.chain.size(); ++s)
      QCOMPARE(inspector->chain_elements()[s], answer.chain[s].element);
    // History: the changes after t are greyed, the others not.
    const auto& changes = run_->changes_of[busiest];
    QCOMPARE(static_cast<std::size_t>(inspector->history()->topLevelItemCount()), changes.size());
    for (std::size_t r = 0; r < changes.size(); ++r) {
      const bool later = run_->result.changes[changes[r]].time_min > t;
      QCOMPARE(inspector->history()->topLevelItem(static_cast<int>(r))->data(0, Qt::ForegroundRole).isValid(),
               later);
    }
  }
}

void ScrubTest::cleanupTestCase() {
  run_.reset();
  window_.reset();
}

QTEST_MAIN(ScrubTest)
#include "tst_gui_scrub.moc"
