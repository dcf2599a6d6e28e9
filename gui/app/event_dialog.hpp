#pragma once
#include <QDialog>
#include <memory>
#include <optional>

#include "blackstart/model/scenario.hpp"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace blackstart::gui {

//! Adds or edits one scenario event: when, what, on which targets (id, glob or comma list), how
//! likely, on how many of them and how they are picked. It starts from the event it is given and
//! changes only what the user edits, so every field the file had survives an edit. Accepts only input
//! the loader would accept; the document re-validates the result anyway.
class EventDialog : public QDialog {
  Q_OBJECT
 public:
  //! `event`: the event to edit (`is_new` false), or a prefilled new one.
  EventDialog(std::shared_ptr<const model::Scenario> scenario, const model::Event& event, bool is_new,
              QWidget* parent = nullptr);
  //! The event as entered; valid after accept().
  [[nodiscard]] model::Event event() const;

  [[nodiscard]] QLineEdit* at_edit() const { return at_; }
  [[nodiscard]] QLineEdit* targets_edit() const { return targets_; }
  [[nodiscard]] QLineEdit* id_edit() const { return id_; }
  [[nodiscard]] QComboBox* action_box() const { return action_; }
  [[nodiscard]] QLineEdit* duration_edit() const { return duration_; }
  [[nodiscard]] QLineEdit* technique_edit() const { return technique_; }
  [[nodiscard]] QLineEdit* description_edit() const { return description_; }
  [[nodiscard]] QLineEdit* probability_edit() const { return probability_; }
  //! 0: every target; k: k targets picked as select_box() says.
  [[nodiscard]] QSpinBox* choose_box() const { return choose_; }
  [[nodiscard]] QComboBox* select_box() const { return select_; }

  //! A fresh id not used by the scenario's events: `gui-<action>-N`.
  static std::string unique_id(const model::Scenario& scenario, std::string_view stem);

 private:
  //! Builds the event from the fields; returns an explanation when something is wrong.
  [[nodiscard]] std::optional<QString> build(model::Event* out) const;
  void validate();
  //! A new event's id that the dialog made up follows the action; one the user typed stays.
  void follow_action_in_id();

  std::shared_ptr<const model::Scenario> scenario_;
  model::Event base_;  // what the dialog started from: fields it has no box for are kept
  std::string original_id_;
  QString automatic_id_;  // the id the dialog made up, while the user has not changed it; else empty
  QLineEdit* id_ = nullptr;
  QLineEdit* at_ = nullptr;
  QComboBox* action_ = nullptr;
  QLineEdit* targets_ = nullptr;
  QLineEdit* technique_ = nullptr;
  QLineEdit* description_ = nullptr;
  QLineEdit* duration_ = nullptr;
  QLineEdit* probability_ = nullptr;
  QSpinBox* choose_ = nullptr;
  QComboBox* select_ = nullptr;
  QLabel* problem_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

//! "open breaker", "destroy firmware"... from an action.
QString action_label(model::Action action);
//! Actions offered in menus, in order.
const std::vector<model::Action>& menu_actions();

}  // namespace blackstart::gui
