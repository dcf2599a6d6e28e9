#pragma once
#include <QWidget>

class QLabel;

namespace blackstart::gui {

//! Holds a label whose text changes often (every frame while the time is scrubbed) so that a new
//! text repaints the label without laying out the window around it: QLabel::setText always asks its
//! parent's layout to recompute, and each layout passes that up to the main window. This box has no
//! layout, so the request stops here; its own height follows the text only when the number of lines
//! it wraps to changes. A text that differs from the last only in its digits (a new time) is taken
//! to wrap as that one did (digits are as wide as each other in UI fonts), so it is not laid out twice.
class SteadyLabelBox : public QWidget {
 public:
  //! Takes `label` as its child (it keeps its object name and is found as before).
  SteadyLabelBox(QLabel* label, QWidget* parent);
  [[nodiscard]] QLabel* label() const { return label_; }
  //! Sets the label's text and fits the box's height to it.
  void set_text(const QString& text);
  [[nodiscard]] QSize sizeHint() const override;
  [[nodiscard]] QSize minimumSizeHint() const override;

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void fit_height();

  QLabel* label_;
  int height_ = -1;
  QString fitted_shape_;  // the text the height was fitted to, digits as '0', and at which width
  int fitted_width_ = -1;
};

}  // namespace blackstart::gui
