#pragma once
#include <QList>
#include <QObject>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/sim/simulator.hpp"
#include "controllers/view_state.hpp"

class QAction;
class QLineEdit;
class QMenu;
class QToolButton;
class QWidget;

namespace blackstart::gui {

class SeedSpinBox;

//! The toolbar's choices for the next run: seed, horizon and mitigations. They start at the
//! scenario's own values when it opens; only what differs from them goes into the run options, so a
//! run with untouched settings is the scenario as written.
class RunSettings : public QObject {
  Q_OBJECT
 public:
  //! `parent`: parent of the widgets (placed by the window).
  explicit RunSettings(QWidget* parent);
  //! Resets the settings to each scenario the state opens.
  void follow(const ViewState* state);

  //! The options the widgets ask for; nullopt and `error` when the horizon is not a positive duration.
  [[nodiscard]] std::optional<sim::RunOptions> options(QString* error) const;
  //! Names of the ticked mitigations, in the scenario's order.
  [[nodiscard]] std::vector<std::string> chosen_mitigations() const;
  //! A run's name from its mitigations and what differs from the scenario:
  //! `baseline`, `crews+backup seed 7 to 2d · edit 2`.
  [[nodiscard]] QString label(const std::vector<std::string>& mitigations, int edits) const;

  [[nodiscard]] SeedSpinBox* seed_box() const { return seed_; }
  [[nodiscard]] QLineEdit* horizon_edit() const { return horizon_; }
  [[nodiscard]] QToolButton* mitigations_button() const { return mitigations_button_; }
  [[nodiscard]] QMenu* mitigations_menu() const { return mitigations_menu_; }
  [[nodiscard]] const QList<QAction*>& mitigation_actions() const { return mitigation_actions_; }

 private:
  void reset(const ScenarioPtr& scenario);
  [[nodiscard]] std::optional<std::uint64_t> changed_seed() const;

  ScenarioPtr scenario_;
  SeedSpinBox* seed_ = nullptr;
  QLineEdit* horizon_ = nullptr;
  QToolButton* mitigations_button_ = nullptr;
  QMenu* mitigations_menu_ = nullptr;
  QList<QAction*> mitigation_actions_;
};

}  // namespace blackstart::gui
