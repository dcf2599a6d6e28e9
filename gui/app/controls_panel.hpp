#pragma once
#include <QWidget>

#include "controllers/view_state.hpp"

class QAction;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace blackstart::gui {

//! The Controls dock: a check box per security control of the open scenario, per library control
//! that counters a technique of its campaign (not in the scenario yet), and per response playbook.
//! It shows the document's switches; ticking one asks for the edit (controlToggled,
//! responseToggled) and the window carries it out, so the boxes always show the file as it is.
class ControlsPanel : public QWidget {
  Q_OBJECT
 public:
  enum class Group { Scenario, Library, Responses };

  explicit ControlsPanel(QWidget* parent = nullptr);
  //! Shows the state's scenario from now on (opened and edited).
  void follow(const ViewState* state);
  void set_scenario(ScenarioPtr scenario);
  //! Buttons under the list (Rank controls…).
  void add_button(QAction* action);

  [[nodiscard]] QTreeWidget* tree() const { return tree_; }
  //! The check box of a control or response by name, or null.
  [[nodiscard]] QTreeWidgetItem* item(Group group, const QString& name) const;

 signals:
  void controlToggled(const QString& name, bool on);
  void responseToggled(const QString& name, bool on);

 private:
  void rebuild();

  ScenarioPtr scenario_;
  QLabel* hint_ = nullptr;
  QTreeWidget* tree_ = nullptr;
  QWidget* buttons_ = nullptr;
  bool rebuilding_ = false;
};

}  // namespace blackstart::gui
