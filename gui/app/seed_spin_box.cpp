#include "app/seed_spin_box.hpp"

#include <QLineEdit>
#include <QStyleOptionSpinBox>
#include <algorithm>
#include <cstdlib>
#include <optional>

namespace blackstart::gui {

namespace {

//! The text as a seed: digits only, at most kMaximum; nullopt otherwise.
std::optional<std::uint64_t> parse_seed(const QString& text) {
  const QString digits = text.trimmed();
  if (digits.isEmpty() || digits.size() > 16) return std::nullopt;
  for (const QChar c : digits)
    if (c < QLatin1Char('0') || c > QLatin1Char('9')) return std::nullopt;
  bool ok = false;
  const qulonglong value = digits.toULongLong(&ok);
  if (!ok || value > SeedSpinBox::kMaximum) return std::nullopt;
  return value;
}

}  // namespace

SeedSpinBox::SeedSpinBox(QWidget* parent) : QAbstractSpinBox(parent) {
  setAccelerated(true);
  setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
  lineEdit()->setText(QStringLiteral("0"));
  connect(lineEdit(), &QLineEdit::textEdited, this, &SeedSpinBox::take_text);
  connect(this, &QAbstractSpinBox::editingFinished, this, [this] {
    // Leaving the box with text that is no seed shows the seed that counts.
    if (lineEdit()->text() != QString::number(value_)) lineEdit()->setText(QString::number(value_));
  });
}

void SeedSpinBox::take_text() {
  if (const auto seed = parse_seed(lineEdit()->text()); seed && *seed != value_) {
    value_ = *seed;
    emit valueChanged(value_);
  }
}

void SeedSpinBox::setValue(std::uint64_t value) {
  value = std::min(value, kMaximum);
  const QString text = QString::number(value);
  if (lineEdit()->text() != text) lineEdit()->setText(text);
  if (value == value_) return;
  value_ = value;
  emit valueChanged(value_);
}

QValidator::State SeedSpinBox::validate(QString& input, int& /*pos*/) const {
  if (input.isEmpty()) return QValidator::Intermediate;
  return parse_seed(input) ? QValidator::Acceptable : QValidator::Invalid;
}

void SeedSpinBox::fixup(QString& input) const {
  input = QString::number(value_);
}

void SeedSpinBox::stepBy(int steps) {
  const auto magnitude = static_cast<std::uint64_t>(std::abs(static_cast<qint64>(steps)));
  if (steps < 0)
    setValue(value_ > magnitude ? value_ - magnitude : 0);
  else
    setValue(kMaximum - value_ > magnitude ? value_ + magnitude : kMaximum);
  lineEdit()->selectAll();
}

QAbstractSpinBox::StepEnabled SeedSpinBox::stepEnabled() const {
  StepEnabled enabled = StepNone;
  if (value_ > 0) enabled |= StepDownEnabled;
  if (value_ < kMaximum) enabled |= StepUpEnabled;
  return enabled;
}

QSize SeedSpinBox::sizeHint() const {
  // Room for ten digits; longer seeds scroll inside the box.
  ensurePolished();
  const QFontMetrics metrics(font());
  QSize text(metrics.horizontalAdvance(QStringLiteral("0000000000 ")), lineEdit()->sizeHint().height());
  QStyleOptionSpinBox option;
  initStyleOption(&option);
  return style()->sizeFromContents(QStyle::CT_SpinBox, &option, text, this);
}

QSize SeedSpinBox::minimumSizeHint() const {
  return sizeHint();
}

}  // namespace blackstart::gui
