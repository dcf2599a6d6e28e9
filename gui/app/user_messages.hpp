#pragma once
#include <QObject>
#include <QPointer>

#include "blackstart/core/diagnostic.hpp"

class QLabel;
class QMainWindow;
class QMessageBox;
class QPlainTextEdit;

namespace blackstart::gui {

//! Where the window tells the user things: the Messages panel (a time-stamped log), the status line,
//! and error dialogs. Without interaction (screenshots, scripts) errors go to stderr instead of
//! dialogs.
class UserMessages : public QObject {
  Q_OBJECT
 public:
  //! `window`: parent of the dialogs; the status text goes to the left of its status bar.
  UserMessages(QMainWindow* window, bool interactive);

  void log(const QString& text, bool error = false);
  //! The lasting text of the status bar.
  void set_status(const QString& text);
  //! Logs the text and shows it in the status bar until the next status-bar message.
  void announce(const QString& text);
  //! Logs the text and shows it in a dialog titled `title`.
  void show_error(const QString& title, const QString& text);
  //! The engine's diagnostics: every line logged, the first error in a dialog, all in its details.
  void show_diagnostics(const QString& title, const core::Diagnostics& diagnostics);

  [[nodiscard]] bool interactive() const { return interactive_; }
  [[nodiscard]] QPlainTextEdit* log_widget() const { return log_; }
  [[nodiscard]] QLabel* status_label() const { return status_; }
  //! The error dialog on screen, if any.
  [[nodiscard]] QMessageBox* error_dialog() const;

 private:
  void open_dialog(QMessageBox* box);

  QMainWindow* window_;
  bool interactive_;
  QPlainTextEdit* log_ = nullptr;
  QLabel* status_ = nullptr;
  QPointer<QMessageBox> error_dialog_;
};

}  // namespace blackstart::gui
