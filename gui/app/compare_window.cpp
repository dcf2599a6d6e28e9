#include "app/compare_window.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "app/timeline_widget.hpp"
#include "blackstart/core/duration.hpp"
#include "canvas/difference_overlay.hpp"
#include "canvas/legend_bar.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"
#include "controllers/view_state.hpp"
#include "models/runs_model.hpp"

namespace blackstart::gui {

namespace {
const std::vector<ElementIndex> kNone;

QString time_text(double t_min) {
  return QString::fromStdString(core::format_duration(core::Duration{t_min}));
}
}  // namespace

CompareWindow::CompareWindow(ViewState* state, RunsModel* runs, QWidget* parent)
    : QWidget(parent, Qt::Window), state_(state), runs_(runs) {
  setObjectName(QStringLiteral("compareWindow"));
  setWindowTitle(tr("Compare runs side by side — Blackstart"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 0);
  layout->setSpacing(4);

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Baseline"), this));
  baseline_box_ = new QComboBox(this);
  baseline_box_->setObjectName(QStringLiteral("compareBaseline"));
  baseline_box_->setToolTip(tr("The run the others are compared with (also the runs table's Δ baseline)"));
  bar->addWidget(baseline_box_);
  bar->addSpacing(12);
  bar->addWidget(new QLabel(tr("What-if"), this));
  what_if_box_ = new QComboBox(this);
  what_if_box_->setObjectName(QStringLiteral("compareWhatIf"));
  what_if_box_->setToolTip(tr("The run shown on the right"));
  bar->addWidget(what_if_box_);
  bar->addSpacing(12);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("compareSummary"));
  summary_->setTextFormat(Qt::RichText);
  summary_->setWordWrap(true);
  bar->addWidget(summary_, 1);
  layout->addLayout(bar);

  pages_ = new QStackedWidget(this);
  hint_ = new QLabel(tr("Keep two runs to compare them: Run ▸ Run what-if set (Ctrl+Shift+R), or run "
                        "with other mitigations (Ctrl+R)."),
                     this);
  hint_->setAlignment(Qt::AlignCenter);
  hint_->setWordWrap(true);
  pages_->addWidget(hint_);
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  for (int side = 0; side < 2; ++side) {
    auto* pane = new QWidget(splitter);
    auto* pane_layout = new QVBoxLayout(pane);
    pane_layout->setContentsMargins(0, 0, 0, 0);
    pane_layout->setSpacing(2);
    captions_[side] = new QLabel(pane);
    captions_[side]->setObjectName(side == 0 ? QStringLiteral("baselineCaption")
                                             : QStringLiteral("whatIfCaption"));
    captions_[side]->setTextFormat(Qt::RichText);
    captions_[side]->setWordWrap(true);
    scenes_[side] = new NetworkScene(this);
    // Stacked planes are taller than wide: they fill a half-width pane better than layers side by side.
    scenes_[side]->set_mode(NetworkScene::Mode::Stacked);
    views_[side] = new NetworkView(scenes_[side], pane);
    views_[side]->setObjectName(side == 0 ? QStringLiteral("baselineView") : QStringLiteral("whatIfView"));
    views_[side]->setFrameShape(QFrame::StyledPanel);
    views_[side]->setMinimumSize(160, 120);
    pane_layout->addWidget(captions_[side]);
    pane_layout->addWidget(views_[side], 1);
    splitter->addWidget(pane);
    connect(scenes_[side], &NetworkScene::assetSelected, this, &CompareWindow::elementSelected);
    connect(scenes_[side], &NetworkScene::assetActivated, this, &CompareWindow::elementSelected);
  }
  splitter->setChildrenCollapsible(false);
  pages_->addWidget(splitter);
  layout->addWidget(pages_, 1);
  // The key to both canvases: what their colours and rings mean (shapes and arrows are in the main
  // window's legend; the bar stays short so the canvases keep the room).
  legend_ = new LegendBar(LegendParts{.symbols = false, .dependencies = false, .difference = true}, this);
  legend_->setObjectName(QStringLiteral("compareLegend"));
  legend_->setVisible(false);  // shown with two runs to compare
  layout->addWidget(legend_);
  timeline_ = new TimelineWidget(this);
  timeline_->setObjectName(QStringLiteral("compareTimeline"));
  layout->addWidget(timeline_);
  lock_views();

  timeline_->follow(state_);
  if (const auto& run = state_->run()) {  // opened after the runs: catch up with the state
    timeline_->set_run(run, QString::fromStdString(run->scenario->start_time));
    timeline_->set_window(state_->time_window().from_min, state_->time_window().to_min);
    timeline_->set_time(state_->time());
  }
  connect(state_, &ViewState::timeChanged, this, &CompareWindow::refresh);
  connect(state_, &ViewState::selectionChanged, this, [this](ElementIndex e) {
    for (auto* scene : scenes_) scene->set_selected(e);
  });
  connect(runs_, &RunsModel::rowsInserted, this, &CompareWindow::refresh_choices);
  connect(runs_, &RunsModel::rowsRemoved, this, &CompareWindow::refresh_choices);
  connect(runs_, &RunsModel::modelReset, this, &CompareWindow::refresh_choices);
  connect(runs_, &RunsModel::dataChanged, this, &CompareWindow::refresh_choices);
  connect(runs_, &RunsModel::baselineChanged, this, &CompareWindow::refresh_choices);
  connect(baseline_box_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int row) {
    if (filling_ || row < 0) return;
    if (row == what_if_box_->currentIndex()) {
      // Swapping: the old baseline becomes the what-if.
      filling_ = true;
      what_if_box_->setCurrentIndex(runs_->baseline());
      filling_ = false;
    }
    runs_->set_baseline(row);  // refresh_choices follows
    show_pair();
  });
  connect(what_if_box_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int) {
    if (!filling_) show_pair();
  });
  refresh_choices();
  resize(1200, 720);
}

void CompareWindow::lock_views() {
  // Zoom and pan of one canvas are applied to the other: the same place on both sides.
  for (int side = 0; side < 2; ++side) {
    NetworkView* from = views_[side];
    NetworkView* to = views_[1 - side];
    auto follow_scroll = [this, from, to] {
      if (syncing_) return;
      syncing_ = true;
      to->horizontalScrollBar()->setValue(from->horizontalScrollBar()->value());
      to->verticalScrollBar()->setValue(from->verticalScrollBar()->value());
      syncing_ = false;
    };
    connect(from->horizontalScrollBar(), &QScrollBar::valueChanged, this, follow_scroll);
    connect(from->verticalScrollBar(), &QScrollBar::valueChanged, this, follow_scroll);
    connect(from, &NetworkView::zoomChanged, this, [this, from, to, follow_scroll] {
      if (syncing_) return;
      syncing_ = true;
      to->setTransform(from->transform());
      syncing_ = false;
      follow_scroll();
    });
  }
}

void CompareWindow::refresh_choices() {
  filling_ = true;
  QStringList labels;
  for (const auto& run : runs_->runs()) labels << run->label;
  const int old_what_if = what_if_box_->currentIndex();
  for (auto* box : {baseline_box_, what_if_box_}) {
    QStringList current;
    for (int i = 0; i < box->count(); ++i) current << box->itemText(i);
    if (current != labels) {
      box->clear();
      box->addItems(labels);
    }
  }
  const int base = runs_->baseline();
  baseline_box_->setCurrentIndex(base);
  // The what-if stays where it was; else the shown run, else the first run that is not the baseline.
  int what_if = old_what_if >= 0 && old_what_if < runs_->rowCount() && old_what_if != base ? old_what_if : -1;
  if (what_if < 0)
    for (int row = 0; row < runs_->rowCount(); ++row)
      if (row != base && runs_->run(row) == state_->run()) what_if = row;
  if (what_if < 0)
    for (int row = 0; row < runs_->rowCount() && what_if < 0; ++row)
      if (row != base) what_if = row;
  what_if_box_->setCurrentIndex(what_if);
  filling_ = false;
  show_pair();
}

bool CompareWindow::set_runs(int baseline_row, int what_if_row) {
  if (baseline_row < 0) baseline_row = runs_->baseline();
  if (baseline_row < 0 || baseline_row >= runs_->rowCount() || what_if_row < 0 ||
      what_if_row >= runs_->rowCount() || baseline_row == what_if_row)
    return false;
  filling_ = true;
  runs_->set_baseline(baseline_row);
  baseline_box_->setCurrentIndex(baseline_row);
  what_if_box_->setCurrentIndex(what_if_row);
  filling_ = false;
  show_pair();
  return true;
}

int CompareWindow::what_if_row() const {
  return what_if_box_->currentIndex();
}

void CompareWindow::show_pair() {
  const RunPtr base = runs_->run(baseline_box_->currentIndex());
  const RunPtr what_if = runs_->run(what_if_box_->currentIndex());
  const bool pair = base && what_if && base != what_if;
  if (pair && base == baseline_ && what_if == what_if_) {
    refresh();
    return;
  }
  baseline_ = pair ? base : nullptr;
  what_if_ = pair ? what_if : nullptr;
  pages_->setCurrentIndex(pair ? 1 : 0);
  legend_->setVisible(pair);
  const RunPtr shown[2] = {baseline_, what_if_};
  for (int side = 0; side < 2; ++side) {
    overlays_[side] = nullptr;  // the scene deletes its items when it is rebuilt
    if (!shown[side]) continue;
    scenes_[side]->set_scenario(shown[side]->scenario, false);
    scenes_[side]->set_selected(state_->selected());
    overlays_[side] = new DifferenceOverlay(&scenes_[side]->canvas_model(), scenes_[side]->sceneRect());
    scenes_[side]->addItem(overlays_[side]);
  }
  if (pair) fit_all();
  refresh();
}

void CompareWindow::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

void CompareWindow::refresh() {
  if (!isVisible()) return;  // nothing to paint: playback in the main window stays cheap
  if (!baseline_ || !what_if_) {
    difference_ = {};
    summary_->setText(runs_->rowCount() < 2 ? tr("<i>No two runs to compare yet.</i>") : QString());
    for (auto* caption : captions_) caption->clear();
    return;
  }
  const double t = state_->time();
  scenes_[0]->set_frame(baseline_->frame_at(t));
  scenes_[1]->set_frame(what_if_->frame_at(t));
  difference_ = metrics::run_difference(baseline_->result, what_if_->result, t);
  std::vector<ElementIndex> elements;
  elements.reserve(difference_.elements.size());
  for (const auto& d : difference_.elements) elements.push_back(d.element);
  for (auto* overlay : overlays_)
    if (overlay) overlay->set_elements(elements);
  summary_->setText(summary_text());
  for (int side = 0; side < 2; ++side) captions_[side]->setText(caption_text(side));
}

const std::vector<ElementIndex>& CompareWindow::highlighted_baseline() const {
  return overlays_[0] ? overlays_[0]->elements() : kNone;
}

const std::vector<ElementIndex>& CompareWindow::highlighted_what_if() const {
  return overlays_[1] ? overlays_[1]->elements() : kNone;
}

QString CompareWindow::summary_text() const {
  if (!baseline_ || !what_if_) return {};
  const QString at = time_text(difference_.time_min);
  if (!difference_.comparable) return tr("The two runs are of different networks: nothing to compare.");
  const auto total = difference_.elements.size();
  const auto states = difference_.state_differences();
  const QString ring =
      QStringLiteral("<span style='color:%1'>◯</span>").arg(DifferenceOverlay::color().name());
  if (total == 0) return tr("At %1 both runs are the same.").arg(at);
  return tr("At %1 %2 %3 differ: %4 in state, %5 only in control or view.")
      .arg(at, ring)
      .arg(total == 1 ? tr("1 element") : tr("%1 elements").arg(total))
      .arg(states)
      .arg(total - states);
}

QString CompareWindow::caption_text(int side) const {
  const RunPtr& run = side == 0 ? baseline_ : what_if_;
  if (!run) return {};
  const auto sample = run->totals_at(state_->time());
  const QLocale locale;
  return tr("<b>%1</b>%2 — %3 customers without power, %4 assets without control")
      .arg(run->label.toHtmlEscaped(), side == 0 ? tr(" (baseline)") : QString(),
           locale.toString(sample.customers_without_power, 'f', 0))
      .arg(sample.loss_of_control);
}

void CompareWindow::fit_all() {
  syncing_ = true;
  for (auto* view : views_) view->fit_all();
  syncing_ = false;
}

}  // namespace blackstart::gui
