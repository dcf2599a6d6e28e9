#pragma once
#include <QWidget>

#include "canvas/legend_band.hpp"

namespace blackstart::gui {

//! The canvas key as a band of rows across a window (legend_band), as tall as its width needs: the
//! compare window's key to state colours, the loss-of-control and loss-of-view rings and the ring
//! around what differs between the two runs.
class LegendBar : public QWidget {
  Q_OBJECT
 public:
  explicit LegendBar(LegendParts parts, QWidget* parent = nullptr);
  [[nodiscard]] const LegendParts& parts() const { return parts_; }
  //! The entries' texts in order ("State:", "failed", ..., "differs between the runs").
  [[nodiscard]] QStringList texts() const { return legend_band_texts(parts_); }
  [[nodiscard]] QSize sizeHint() const override;
  [[nodiscard]] QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  [[nodiscard]] int height_for(int width) const;
  LegendParts parts_;
};

}  // namespace blackstart::gui
