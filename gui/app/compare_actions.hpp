#pragma once
#include <QObject>

class QAction;
class QTableView;
class QWidget;

namespace blackstart::gui {

class CompareWindow;
class RunsModel;
class ViewState;

//! The side-by-side what-if's commands: "Compare runs side by side" (Ctrl+Shift+C) opens the compare
//! window; the runs table's context menu marks a run as the baseline or compares it with the baseline.
class CompareActions : public QObject {
  Q_OBJECT
 public:
  CompareActions(ViewState* state, RunsModel* runs, QWidget* window);

  [[nodiscard]] QAction* compare_action() const { return compare_; }
  //! Adds "Use as baseline" and "Compare with baseline" to the runs table's context menu.
  void attach_runs_view(QTableView* view);
  //! Shows the compare window (created on first use), with run `what_if_row` on the right when given.
  CompareWindow* open(int what_if_row = -1);
  //! The compare window, or nullptr before it was first opened.
  [[nodiscard]] CompareWindow* window() const { return window_; }

 private:
  ViewState* state_;
  RunsModel* runs_;
  QWidget* parent_;
  QAction* compare_ = nullptr;
  CompareWindow* window_ = nullptr;
};

}  // namespace blackstart::gui
