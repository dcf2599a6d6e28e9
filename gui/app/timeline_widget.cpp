#include "app/timeline_widget.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <algorithm>
#include <cmath>

#include "controllers/view_state.hpp"
#include "models/event_log_model.hpp"

namespace blackstart::gui {

namespace {
constexpr double kTicksPerMinute = 10.0;  // slider resolution: 6 s
constexpr int kFrameMs = 40;
constexpr int kMinSliderWidth = 120;
}  // namespace

TimelineWidget::TimelineWidget(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("timeline"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 2);
  auto button = [&](const QString& name, QStyle::StandardPixmap icon, const QString& tip) {
    auto* b = new QToolButton(this);
    b->setObjectName(name);
    b->setIcon(style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    layout->addWidget(b);
    return b;
  };
  back_ = button(QStringLiteral("stepBack"), QStyle::SP_MediaSeekBackward,
                 tr("Step back to the previous change (Ctrl+Left)"));
  play_ = button(QStringLiteral("play"), QStyle::SP_MediaPlay, tr("Play / pause the cascade (Space)"));
  forward_ = button(QStringLiteral("stepForward"), QStyle::SP_MediaSeekForward,
                    tr("Step to the next change (Ctrl+Right)"));
  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setObjectName(QStringLiteral("timeSlider"));
  slider_->setToolTip(tr("Simulated time: drag to see the network at any moment of the run"));
  slider_->setMinimumWidth(kMinSliderWidth);
  layout->addWidget(slider_, 1);
  markers_ = new TimelineMarkers(slider_, kTicksPerMinute);
  label_ = new QLabel(this);
  label_->setObjectName(QStringLiteral("timeLabel"));
  layout->addWidget(label_);
  speed_ = new QComboBox(this);
  speed_->setObjectName(QStringLiteral("speed"));
  speed_->setToolTip(tr("Playback speed: simulated time per second"));
  for (auto [text, minutes] : {std::pair{tr("1 min/s"), 1.0},
                               {tr("5 min/s"), 5.0},
                               {tr("15 min/s"), 15.0},
                               {tr("1 h/s"), 60.0},
                               {tr("4 h/s"), 240.0},
                               {tr("1 d/s"), 1440.0}})
    speed_->addItem(text, minutes);
  speed_->setCurrentIndex(2);
  layout->addWidget(speed_);

  timer_.setInterval(kFrameMs);
  connect(&timer_, &QTimer::timeout, this, &TimelineWidget::advance);
  connect(play_, &QToolButton::clicked, this, &TimelineWidget::toggle_play);
  connect(back_, &QToolButton::clicked, this, &TimelineWidget::step_back);
  connect(forward_, &QToolButton::clicked, this, &TimelineWidget::step_forward);
  connect(slider_, &QSlider::valueChanged, this, [this](int value) {
    if (!updating_) set_time(value / kTicksPerMinute);
  });
  fit_label();
  set_run(nullptr, {});
}

void TimelineWidget::follow(ViewState* state) {
  auto show = [this, state] {
    following_ = true;
    const auto& run = state->run();
    set_run(run, run ? QString::fromStdString(run->scenario->start_time) : QString());
    set_window(state->time_window().from_min, state->time_window().to_min);
    set_time(state->time());
    following_ = false;
  };
  connect(state, &ViewState::scenarioOpened, this, show);
  connect(state, &ViewState::runChanged, this, show);
  connect(state, &ViewState::timeChanged, this, [this](double t) {
    following_ = true;
    set_time(t);
    following_ = false;
  });
  connect(this, &TimelineWidget::timeChanged, state, &ViewState::set_time);
  connect(state, &ViewState::timeWindowChanged, this, &TimelineWidget::set_window);
}

double TimelineWidget::speed() const {
  return speed_->currentData().toDouble();
}

void TimelineWidget::set_run(RunPtr run, const QString& start_time) {
  run_ = std::move(run);
  start_ = QDateTime::fromString(start_time, Qt::ISODate);
  horizon_ = run_ ? run_->result.horizon_min : 0.0;
  const bool enabled = run_ != nullptr;
  for (QWidget* w : std::initializer_list<QWidget*>{play_, back_, forward_, slider_, speed_})
    w->setEnabled(enabled);
  set_window(0, horizon_);
  if (!run_) pause();
  set_time(std::clamp(time_, 0.0, horizon_));
  update_label();
}

void TimelineWidget::set_window(double from_min, double to_min) {
  window_from_ = std::clamp(from_min, 0.0, horizon_);
  window_to_ = std::clamp(to_min, window_from_, horizon_);
  if (window_to_ <= window_from_) window_to_ = horizon_;  // no window yet: the whole run
  const double span = window_to_ - window_from_;
  updating_ = true;
  slider_->setRange(static_cast<int>(std::lround(window_from_ * kTicksPerMinute)),
                    static_cast<int>(std::lround(window_to_ * kTicksPerMinute)));
  slider_->setPageStep(static_cast<int>(std::max(1.0, span * kTicksPerMinute / 24)));
  slider_->setSingleStep(static_cast<int>(kTicksPerMinute));
  slider_->setValue(static_cast<int>(std::lround(time_ * kTicksPerMinute)));
  updating_ = false;
}

void TimelineWidget::set_time(double t_min) {
  t_min = std::clamp(t_min, 0.0, horizon_);
  const bool changed = t_min != time_;
  time_ = t_min;
  updating_ = true;
  slider_->setValue(static_cast<int>(std::lround(t_min * kTicksPerMinute)));
  updating_ = false;
  update_label();
  if (changed && !following_) emit timeChanged(time_);
}

void TimelineWidget::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fit_label();
}

void TimelineWidget::fit_label() {
  // A fixed width, so that nothing moves while the time changes; the date goes when it would leave
  // the slider too short.
  const auto& metrics = label_->fontMetrics();
  const int full = metrics.horizontalAdvance(QStringLiteral("t = 00d00h00min  (00 Mmm 00:00)"));
  const int brief = metrics.horizontalAdvance(QStringLiteral("t = 00d00h00min"));
  const int spacing = layout() ? layout()->spacing() : 6;
  const int others = play_->sizeHint().width() + back_->sizeHint().width() + forward_->sizeHint().width() +
                     speed_->sizeHint().width() + 5 * spacing + 12;
  const bool date = width() >= others + kMinSliderWidth + 60 + full;
  if (date == show_date_ && label_->width() == (date ? full : brief)) return;
  show_date_ = date;
  // A fixed size, also so that a new time does not lay out the window (a label whose size may
  // change asks its parents' layouts up to the main window to recompute).
  label_->setFixedSize(date ? full : brief, metrics.height() + 2 * label_->margin() + 2);
  update_label();
}

void TimelineWidget::update_label() {
  QString text = tr("t = %1").arg(format_time(time_));
  if (start_.isValid() && show_date_)
    text += QStringLiteral("  (%1)").arg(
        start_.addSecs(static_cast<qint64>(time_ * 60)).toString(QStringLiteral("d MMM HH:mm")));
  label_->setText(text);
  label_->setToolTip(
      start_.isValid()
          ? start_.addSecs(static_cast<qint64>(time_ * 60)).toString(QStringLiteral("d MMM yyyy HH:mm"))
          : QString());
}

void TimelineWidget::play() {
  if (!run_) return;
  if (time_ >= horizon_) set_time(0);
  timer_.start();
  play_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
  emit playingChanged(true);
}

void TimelineWidget::pause() {
  if (!timer_.isActive()) return;
  timer_.stop();
  play_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
  emit playingChanged(false);
}

void TimelineWidget::toggle_play() {
  playing() ? pause() : play();
}

void TimelineWidget::advance() {
  const double next = time_ + speed() * kFrameMs / 1000.0;
  if (next >= horizon_) {
    set_time(horizon_);
    pause();
    return;
  }
  set_time(next);
}

void TimelineWidget::step_forward() {
  if (!run_) return;
  const auto& times = run_->change_times;
  auto it = std::upper_bound(times.begin(), times.end(), time_ + 1e-9);
  set_time(it == times.end() ? horizon_ : *it);
}

void TimelineWidget::step_back() {
  if (!run_) return;
  const auto& times = run_->change_times;
  auto it = std::lower_bound(times.begin(), times.end(), time_ - 1e-9);
  set_time(it == times.begin() ? 0.0 : *std::prev(it));
}

}  // namespace blackstart::gui
