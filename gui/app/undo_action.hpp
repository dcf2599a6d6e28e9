#pragma once
#include <QAction>
#include <QMetaObject>
#include <QPointer>

class QLineEdit;
class QUndoStack;

namespace blackstart::gui {

//! The Edit menu's Undo. Ctrl+Z in a text box (the log filter, Find) undoes the typing there, so
//! while such a box has focus and typing to undo, this action says so and does the same; otherwise
//! it undoes the scenario edit it names ("Undo add event gui-trip-1").
class UndoAction : public QAction {
 public:
  UndoAction(QUndoStack* stack, QWidget* window);
  //! Brings text and state up to date (the Edit menu calls it before it opens).
  void refresh();

 private:
  [[nodiscard]] QLineEdit* focused_edit() const;
  void watch_focus(QWidget* now);

  QUndoStack* stack_ = nullptr;
  QWidget* window_ = nullptr;
  QPointer<QLineEdit> watched_;
  QMetaObject::Connection watched_typing_;
};

}  // namespace blackstart::gui
