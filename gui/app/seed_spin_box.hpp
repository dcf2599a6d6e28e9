#pragma once
#include <QAbstractSpinBox>
#include <cstdint>

namespace blackstart::gui {

//! A spin box for random seeds over the whole range a scenario file accepts (0 to 2^53 − 1), which
//! QSpinBox's int cannot hold: a larger seed clamped to 2^31 − 1 would run a different simulation
//! from the command line's.
class SeedSpinBox : public QAbstractSpinBox {
  Q_OBJECT
 public:
  //! The largest `seed:` a scenario file accepts (integers beyond it are not exact in YAML readers).
  static constexpr std::uint64_t kMaximum = (std::uint64_t{1} << 53) - 1;

  explicit SeedSpinBox(QWidget* parent = nullptr);
  [[nodiscard]] std::uint64_t value() const { return value_; }
  //! Clamped to kMaximum.
  void setValue(std::uint64_t value);

  QValidator::State validate(QString& input, int& pos) const override;
  void fixup(QString& input) const override;
  void stepBy(int steps) override;
  [[nodiscard]] QSize sizeHint() const override;
  [[nodiscard]] QSize minimumSizeHint() const override;

 signals:
  void valueChanged(std::uint64_t value);

 protected:
  [[nodiscard]] StepEnabled stepEnabled() const override;

 private:
  void take_text();

  std::uint64_t value_ = 0;
};

}  // namespace blackstart::gui
