#pragma once
#include <QList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace blackstart::gui {

class ScenarioEventsModel;
class ViewState;

//! The Scenario events panel: the attack timeline of the file, sorted by time (double-click a row to
//! edit it), buttons for the edit actions, and the scenario's mitigations with their descriptions.
class ScenarioEventsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ScenarioEventsPanel(QWidget* parent = nullptr);
  //! Lists the events and mitigations of the state's scenario from now on.
  void follow(const ViewState* state);
  //! A tool button for each action under the table.
  void add_buttons(const QList<QAction*>& actions);
  //! The selected event's index in the scenario's events (the file's order), or -1. The table
  //! itself is sorted by time.
  [[nodiscard]] int current_row() const;
  //! Selects and shows the event with this id; false when there is none.
  bool select_event(const QString& id);
  [[nodiscard]] QTableView* view() const { return view_; }

 signals:
  void editRequested(int row);

 private:
  ScenarioEventsModel* model_ = nullptr;
  QSortFilterProxyModel* by_time_ = nullptr;
  QTableView* view_ = nullptr;
  QHBoxLayout* buttons_ = nullptr;
  QLabel* mitigations_ = nullptr;
};

}  // namespace blackstart::gui
