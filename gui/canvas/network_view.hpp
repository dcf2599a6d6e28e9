#pragma once
#include <QGraphicsView>

#include "canvas/network_scene.hpp"

namespace blackstart::gui {

//! The canvas: zoom with the wheel (under the cursor) or keys, pan by dragging, click to select.
class NetworkView : public QGraphicsView {
  Q_OBJECT
 public:
  explicit NetworkView(NetworkScene* scene, QWidget* parent = nullptr);

  [[nodiscard]] NetworkScene* network_scene() const { return scene_; }
  //! Scales to show the whole network.
  void fit_all();
  void zoom_by(qreal factor);
  //! Centres on an element and zooms in far enough to read its label.
  void focus_on(ElementIndex element);
  [[nodiscard]] qreal zoom() const { return transform().m11(); }

 signals:
  void zoomChanged(qreal zoom);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  NetworkScene* scene_;
  QPoint press_pos_;
  bool fitted_ = false;  // keep fitting on resize until the user zooms or pans
};

}  // namespace blackstart::gui
