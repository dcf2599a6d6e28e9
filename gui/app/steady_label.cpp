#include "app/steady_label.hpp"

#include <QLabel>
#include <QResizeEvent>

namespace blackstart::gui {

SteadyLabelBox::SteadyLabelBox(QLabel* label, QWidget* parent) : QWidget(parent), label_(label) {
  label_->setParent(this);
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  fit_height();
}

void SteadyLabelBox::set_text(const QString& text) {
  if (label_->text() == text) return;
  label_->setText(text);
  fit_height();
}

QSize SteadyLabelBox::sizeHint() const {
  return {label_->sizeHint().width(), std::max(0, height_)};
}

QSize SteadyLabelBox::minimumSizeHint() const {
  return {label_->minimumSizeHint().width(), std::max(0, height_)};
}

void SteadyLabelBox::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  label_->setGeometry(rect());
  fit_height();
}

void SteadyLabelBox::fit_height() {
  const int w = width() > 0 ? width() : label_->sizeHint().width();
  QString shape = label_->text();
  for (auto& c : shape)
    if (c.isDigit()) c = QLatin1Char('0');
  if (shape == fitted_shape_ && w == fitted_width_) return;
  fitted_shape_ = shape;
  fitted_width_ = w;
  const int h = label_->text().isEmpty()      ? 0
                : label_->hasHeightForWidth() ? label_->heightForWidth(w)
                                              : label_->sizeHint().height();
  if (h == height_) return;
  height_ = h;
  setFixedHeight(h);  // lays out the window once: the text now takes more or fewer lines
}

}  // namespace blackstart::gui
