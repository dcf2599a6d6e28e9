#include "app/undo_action.hpp"

#include <QApplication>
#include <QLineEdit>
#include <QUndoStack>

namespace blackstart::gui {

UndoAction::UndoAction(QUndoStack* stack, QWidget* window) : QAction(window), stack_(stack), window_(window) {
  setObjectName(QStringLiteral("actionUndo"));
  setShortcut(QKeySequence::Undo);
  connect(this, &QAction::triggered, this, [this] {
    if (auto* edit = focused_edit())
      edit->undo();
    else
      stack_->undo();
    refresh();
  });
  connect(stack_, &QUndoStack::canUndoChanged, this, &UndoAction::refresh);
  connect(stack_, &QUndoStack::undoTextChanged, this, &UndoAction::refresh);
  connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) { watch_focus(now); });
  refresh();
}

QLineEdit* UndoAction::focused_edit() const {
  auto* edit = qobject_cast<QLineEdit*>(window_->focusWidget());
  if (!edit || !edit->hasFocus() || edit->isReadOnly() || !edit->isUndoAvailable()) return nullptr;
  return edit;
}

void UndoAction::watch_focus(QWidget* now) {
  // Typing in the focused box changes what Undo would do.
  if (watched_) disconnect(watched_typing_);
  watched_ = qobject_cast<QLineEdit*>(now);
  if (watched_) watched_typing_ = connect(watched_, &QLineEdit::textChanged, this, &UndoAction::refresh);
  refresh();
}

void UndoAction::refresh() {
  if (auto* edit = focused_edit()) {
    // "Filter the log (asset, state, cause…)" -> "Filter the log"
    QString box = edit->placeholderText().section(QStringLiteral(" ("), 0, 0);
    if (box.isEmpty()) box = tr("this box");
    setText(tr("&Undo typing in '%1'").arg(box));
    setEnabled(true);
    return;
  }
  setText(stack_->undoText().isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(stack_->undoText()));
  setEnabled(stack_->canUndo());
}

}  // namespace blackstart::gui
