#pragma once
#include <QObject>
#include <QPointer>

#include "blackstart/model/scenario.hpp"

class QWidget;

namespace blackstart::gui {

class RankingDialog;
class RunActions;
class RunSettings;
class ScenarioDocument;
class UserMessages;

//! The defender's switches: a control or response playbook switched on or off (or a library
//! control added) as an undoable edit of the scenario file, followed by a run so the attack view
//! shows what the change does; and Rank controls, which opens the ranking dialog on the scenario as
//! the toolbar would run it. A switch the file does not allow (the control is not found where the
//! loader saw it) is refused with a message and changes nothing.
class DefenceActions : public QObject {
  Q_OBJECT
 public:
  DefenceActions(ScenarioDocument* document, RunSettings* settings, RunActions* runs, UserMessages* messages,
                 QWidget* window);

  //! Whether a switch re-runs the scenario (on by default).
  void set_rerun(bool rerun) { rerun_ = rerun; }

  //! Switches a scenario control, or adds a library control (on) by name; then runs.
  bool set_control_enabled(const QString& name, bool on);
  bool set_response_enabled(const QString& name, bool on);
  //! Opens the ranking dialog for the open scenario with the toolbar's mitigations, seed and horizon.
  RankingDialog* rank_controls();
  [[nodiscard]] RankingDialog* ranking_dialog() const;

 private:
  bool edit(std::string text, const QString& what, bool is_control, const std::string& name, bool on);

  ScenarioDocument* document_;
  RunSettings* settings_;
  RunActions* runs_;
  UserMessages* messages_;
  QWidget* window_;
  QPointer<RankingDialog> dialog_;
  bool rerun_ = true;
};

}  // namespace blackstart::gui
