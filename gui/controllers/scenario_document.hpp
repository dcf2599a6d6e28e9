#pragma once
#include <QObject>
#include <QString>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <string>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::gui {

//! The open scenario: its YAML text, the validated model loaded from that text, and the edit history.
//! Edits go through the engine's writer and loader, so what the GUI runs is exactly what a saved file
//! gives back. Nothing here changes unless the new text loads without errors.
class ScenarioDocument : public QObject {
  Q_OBJECT
 public:
  explicit ScenarioDocument(QObject* parent = nullptr);

  //! Opens a file; on failure the current scenario stays and `diagnostics` says why.
  bool open_file(const QString& path, core::Diagnostics* diagnostics);
  //! Opens a scenario compiled into the program (`ukraine-2015`, `tutorial`); Save asks for a file.
  bool open_builtin(const QString& name, core::Diagnostics* diagnostics);
  //! Replaces the scenario's events (an undoable edit named `description`).
  bool set_events(const std::vector<model::Event>& events, const QString& description,
                  core::Diagnostics* diagnostics);
  //! Replaces the whole text (an undoable edit named `description`) when it loads without errors,
  //! keeps the network, and `check` (if given) accepts what it loads as; false otherwise, with why.
  bool set_text(std::string text, const QString& description, core::Diagnostics* diagnostics,
                const std::function<bool(const model::Scenario&)>& check = {});
  //! Writes the text to `path` atomically (QSaveFile); the document then belongs to that file.
  bool save_as(const QString& path, QString* error);
  //! Saves to the current file; false with an error for built-in scenarios (use save_as).
  bool save(QString* error);

  [[nodiscard]] bool is_open() const { return scenario_ != nullptr; }
  [[nodiscard]] bool is_builtin() const { return path_.isEmpty(); }
  [[nodiscard]] bool dirty() const { return !undo_.isClean(); }
  [[nodiscard]] QString path() const { return path_; }
  //! File name, or `builtin:NAME`.
  [[nodiscard]] QString display_name() const;
  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] std::shared_ptr<const model::Scenario> scenario() const { return scenario_; }
  [[nodiscard]] QUndoStack* undo_stack() { return &undo_; }
  //! Edits since the scenario was opened (the undo stack's position).
  [[nodiscard]] int edit_count() const { return undo_.index(); }

  //! Validates `text` as this document's scenario (same file name and folder for CSV files).
  [[nodiscard]] std::shared_ptr<const model::Scenario> load_text(const std::string& text,
                                                                 core::Diagnostics* diagnostics) const;
  //! Used by undo/redo: sets text and its already validated scenario.
  void apply(const std::string& text, std::shared_ptr<const model::Scenario> scenario);

 signals:
  //! A different scenario (new network) is open.
  void opened();
  //! The events, controls or responses changed (edit, undo or redo); the network is the same.
  void eventsChanged();
  void dirtyChanged(bool dirty);
  void pathChanged(const QString& path);

 private:
  QString path_;
  QString builtin_name_;
  std::string text_;
  std::shared_ptr<const model::Scenario> scenario_;
  QUndoStack undo_;
};

}  // namespace blackstart::gui
