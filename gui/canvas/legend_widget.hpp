#pragma once
#include <QWidget>

namespace blackstart::gui {

//! Key to the canvas: state colours, asset symbols, dependency arrows, loss-of-control/view rings.
class LegendWidget : public QWidget {
  Q_OBJECT
 public:
  explicit LegendWidget(QWidget* parent = nullptr);
  [[nodiscard]] QSize sizeHint() const override;
  [[nodiscard]] QSize minimumSizeHint() const override { return sizeHint(); }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  [[nodiscard]] int row_height() const;
};

}  // namespace blackstart::gui
