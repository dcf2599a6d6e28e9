#include "canvas/network_view.hpp"

#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace blackstart::gui {

NetworkView::NetworkView(NetworkScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
  setObjectName(QStringLiteral("networkView"));
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setResizeAnchor(QGraphicsView::AnchorViewCenter);
  setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
  setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing, true);
  setCacheMode(QGraphicsView::CacheBackground);
  setFrameShape(QFrame::NoFrame);
  setMouseTracking(true);
  setToolTip(tr("Drag to pan, wheel to zoom, click an asset to inspect it, right-click for attacks"));
}

void NetworkView::fit_all() {
  if (!scene_) return;
  fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
  fitted_ = true;
  emit zoomChanged(zoom());
}

void NetworkView::zoom_by(qreal factor) {
  const qreal current = zoom();
  const qreal target = std::clamp(current * factor, 0.002, 40.0);
  scale(target / current, target / current);
  fitted_ = false;
  emit zoomChanged(zoom());
}

void NetworkView::focus_on(ElementIndex element) {
  if (!scene_) return;
  const qreal wanted = std::max(zoom(), 1.4);
  const qreal factor = wanted / zoom();
  if (std::abs(factor - 1.0) > 1e-9) scale(factor, factor);
  centerOn(scene_->position_of(element));
  fitted_ = false;
  emit zoomChanged(zoom());
}

void NetworkView::wheelEvent(QWheelEvent* event) {
  const qreal steps = event->angleDelta().y() / 120.0;
  if (steps == 0) {
    QGraphicsView::wheelEvent(event);
    return;
  }
  zoom_by(std::pow(1.2, steps));
  event->accept();
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
  press_pos_ = event->pos();
  QGraphicsView::mousePressEvent(event);
}

void NetworkView::mouseReleaseEvent(QMouseEvent* event) {
  QGraphicsView::mouseReleaseEvent(event);
  if (event->button() != Qt::LeftButton) return;
  if ((event->pos() - press_pos_).manhattanLength() > 4) {
    fitted_ = false;  // that was a pan
    return;
  }
  const qreal scale = std::max(1e-6, std::abs(transform().m11()));
  const qreal radius = std::max(scene_->canvas_model().radius_at(scale) * 1.2, 6.0 / scale);
  scene_->click(mapToScene(event->pos()), radius);
}

void NetworkView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  if (fitted_) fit_all();
}

}  // namespace blackstart::gui
