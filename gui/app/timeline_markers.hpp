#pragma once
#include <QWidget>
#include <vector>

class QSlider;

namespace blackstart::gui {

//! Ticks over the timeline's slider at the moments of the run's story, each with its line as the
//! tooltip. Lies over the slider without taking its mouse.
class TimelineMarkers : public QWidget {
  Q_OBJECT
 public:
  struct Marker {
    double time_min = 0.0;
    QString text;
  };
  //! `ticks_per_minute`: the slider's values per simulated minute.
  TimelineMarkers(QSlider* slider, double ticks_per_minute);
  void set_markers(std::vector<Marker> markers);
  [[nodiscard]] const std::vector<Marker>& markers() const { return markers_; }
  //! Horizontal position of a time over the slider, in the slider's coordinates.
  [[nodiscard]] int x_of(double t_min) const;

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  //! Where the slider's values lie: the pixel of the minimum and the span of the handle's centre.
  struct Track {
    int left = 0;
    int span = 1;
    int minimum = 0;
    int maximum = 0;
  };
  [[nodiscard]] Track track() const;
  [[nodiscard]] int x_on(const Track& track, double t_min) const;

  QSlider* slider_;
  double ticks_per_minute_;
  std::vector<Marker> markers_;
};

}  // namespace blackstart::gui
