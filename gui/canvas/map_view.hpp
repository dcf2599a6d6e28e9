#pragma once
#include <QImage>
#include <QWidget>

#include "canvas/map_backdrop.hpp"
#include "canvas/map_scene.hpp"
#include "canvas/scale_bar.hpp"

namespace blackstart::gui {

class ViewState;

//! The geographic view beside the schematic canvas: Web Mercator, north up, the scenario's GeoJSON
//! backdrop under its assets, links and roads, the crews where they are at the chosen time, a
//! scale bar and a north arrow. Drag to pan, wheel to zoom under the cursor, click an asset to
//! select it, double-click to fit everything again.
class MapView : public QWidget {
  Q_OBJECT
 public:
  explicit MapView(QWidget* parent = nullptr);
  //! Draws the state's scenario, coloured by its run at its time, with its selection, from now on.
  void follow(const ViewState* state);

  void set_scenario(std::shared_ptr<const model::Scenario> scenario);
  void set_time(const RunSnapshot* run, double t_min);
  void set_selected(ElementIndex element);
  //! Shows all placed assets and links (the backdrop when there are none).
  void fit_all();
  void zoom_by(double factor);

  [[nodiscard]] const MapScene& map_scene() const { return scene_; }
  [[nodiscard]] const MapBackdrop& backdrop() const { return backdrop_; }
  [[nodiscard]] const MapViewport& viewport() const { return viewport_; }
  //! The scale bar shown now.
  [[nodiscard]] ScaleBar scale_bar() const;
  //! Why the backdrop could not be read (file and place), or empty.
  [[nodiscard]] const QString& backdrop_error() const { return backdrop_error_; }
  //! Labels drawn by the last paint.
  [[nodiscard]] int labels_drawn() const { return labels_drawn_; }
  //! The map alone at `size`, fitted to the network, as --screenshot --view map writes it.
  [[nodiscard]] QImage picture(const QSize& size);
  //! The viewport picture() draws `size` through.
  [[nodiscard]] MapViewport picture_viewport(const QSize& size) const;

 signals:
  void assetSelected(blackstart::model::ElementIndex element);
  //! A problem to tell the user (a backdrop that cannot be read).
  void problem(const QString& text);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  void render(QPainter* painter, const QSize& size);
  void load_backdrop();

  MapScene scene_;
  MapBackdrop backdrop_;
  MapViewport viewport_;
  QString backdrop_error_;
  std::optional<io::ScenarioBackdrop> backdrop_key_;
  QString backdrop_path_;  //!< the scenario's `backdrop:` file, or empty
  QString title_;
  QString time_text_;
  QPoint press_pos_, last_pos_;
  bool dragging_ = false;
  bool fitted_ = true;  // keep fitting on resize until the user zooms or pans
  int labels_drawn_ = 0;
};

}  // namespace blackstart::gui
