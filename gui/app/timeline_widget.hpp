#pragma once
#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include "app/timeline_markers.hpp"
#include "controllers/run_snapshot.hpp"

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace blackstart::gui {

class ViewState;

//! Simulated time of the views: a slider over the horizon, play/pause, step to the previous or
//! next change, and playback speed.
class TimelineWidget : public QWidget {
  Q_OBJECT
 public:
  explicit TimelineWidget(QWidget* parent = nullptr);
  //! Scrubs the state's run and shows its time; the user's moves go to the state's time.
  void follow(ViewState* state);

  //! The run to scrub (null: controls disabled); keeps the time when it is within the horizon.
  void set_run(RunPtr run, const QString& start_time);
  [[nodiscard]] double time() const { return time_; }
  [[nodiscard]] double horizon() const { return horizon_; }
  //! The stretch of time the slider spans (the state's time window; the horizon by default).
  void set_window(double from_min, double to_min);
  [[nodiscard]] double window_from() const { return window_from_; }
  [[nodiscard]] double window_to() const { return window_to_; }
  [[nodiscard]] bool playing() const { return timer_.isActive(); }
  [[nodiscard]] QSlider* slider() const { return slider_; }
  //! Ticks on the slider at the story's moments (tooltip: the line).
  [[nodiscard]] TimelineMarkers* markers() const { return markers_; }
  //! Minutes of simulated time per second of playback.
  [[nodiscard]] double speed() const;

 public slots:
  void set_time(double t_min);
  void play();
  void pause();
  void toggle_play();
  void step_forward();
  void step_back();

 signals:
  void timeChanged(double t_min);
  void playingChanged(bool playing);

 private:
  void resizeEvent(QResizeEvent* event) override;
  void advance();
  void fit_label();
  void update_label();

  RunPtr run_;
  double time_ = 0;
  double horizon_ = 0;
  double window_from_ = 0;
  double window_to_ = 0;
  QDateTime start_;
  QTimer timer_;
  QToolButton* play_ = nullptr;
  QToolButton* back_ = nullptr;
  QToolButton* forward_ = nullptr;
  QSlider* slider_ = nullptr;
  TimelineMarkers* markers_ = nullptr;
  QLabel* label_ = nullptr;
  QComboBox* speed_ = nullptr;
  bool updating_ = false;
  bool show_date_ = true;   // room for the calendar time next to the simulated one
  bool following_ = false;  // showing the state's time: no timeChanged back
};

}  // namespace blackstart::gui
