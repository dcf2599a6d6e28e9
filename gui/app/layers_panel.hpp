#pragma once
#include <QList>
#include <QWidget>

class QCheckBox;
class QMenu;
class QVBoxLayout;

namespace blackstart::gui {

class NetworkScene;
class ViewState;

//! The left panel: a check box per layer of the open scenario (shows or hides it on the canvas,
//! mirrored by View ▸ Layers) above the legend of symbols and colours.
class LayersPanel : public QWidget {
  Q_OBJECT
 public:
  LayersPanel(NetworkScene* scene, QWidget* parent = nullptr);
  //! Lists the layers of each scenario the state opens.
  void follow(const ViewState* state);
  //! View ▸ Layers: one checkable action per layer.
  [[nodiscard]] QMenu* menu() const { return menu_; }

 private:
  void rebuild(const ViewState* state);

  NetworkScene* scene_;
  QVBoxLayout* checks_layout_ = nullptr;
  QList<QCheckBox*> checks_;
  QMenu* menu_ = nullptr;
};

}  // namespace blackstart::gui
