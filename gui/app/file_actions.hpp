#pragma once
#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace blackstart::gui {

class ScenarioDocument;
class UserMessages;

//! Opening and saving scenario files: File ▸ Open (a file, a built-in scenario, a recent file),
//! Save and Save As (written atomically by the document), and the question about unsaved changes.
class FileActions : public QObject {
  Q_OBJECT
 public:
  //! `remember`: keep recent files and the last folder in QSettings.
  FileActions(ScenarioDocument* document, UserMessages* messages, bool remember, QWidget* window);

  //! Opens a file, or a built-in scenario by name (`ukraine-2015`, `builtin:tutorial`). A bad file
  //! leaves the current scenario as it was and shows the engine's diagnostics.
  bool open_path(const QString& path);
  void open_dialog();
  //! Saves to the scenario's file; a built-in scenario asks for one.
  bool save();
  bool save_as(const QString& path);
  bool save_as_dialog();
  //! Asks what to do with unsaved changes; false when the user cancels (never asks without interaction).
  bool maybe_save();

  //! File ▸ Open recent, kept up to date.
  [[nodiscard]] QMenu* recent_menu() const { return recent_menu_; }
  //! File ▸ Open built-in.
  [[nodiscard]] QMenu* builtin_menu() const { return builtin_menu_; }

 private:
  void add_recent(const QString& path);
  void refresh_recent_menu();
  void log_opened();

  ScenarioDocument* document_;
  UserMessages* messages_;
  bool remember_;
  QWidget* window_;
  QMenu* recent_menu_ = nullptr;
  QMenu* builtin_menu_ = nullptr;
};

}  // namespace blackstart::gui
