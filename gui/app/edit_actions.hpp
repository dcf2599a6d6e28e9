#pragma once
#include <QObject>

#include "blackstart/model/scenario.hpp"

class QWidget;

namespace blackstart::gui {

class EventDialog;
class ScenarioDocument;
class UserMessages;
class ViewState;

//! Editing the scenario's attack timeline: the event dialog for a new event (from the canvas or
//! Edit ▸ Add) or an existing one, and the add / replace / remove edits. Every edit goes through the
//! document, which validates it with the engine's loader and makes it undoable; a rejected edit
//! shows the loader's diagnostics and changes nothing.
class EditActions : public QObject {
  Q_OBJECT
 public:
  EditActions(ScenarioDocument* document, const ViewState* state, UserMessages* messages, QWidget* window);

  //! Opens the event dialog for an attack on an element at the current time; the event is added when
  //! the dialog is accepted.
  EventDialog* request_attack(model::ElementIndex element, model::Action action);
  //! Opens the event dialog on event `row`, starting from every field of that event; the event is
  //! replaced when the dialog is accepted. Null (with a hint) when there is no such row.
  EventDialog* edit_event(int row);
  bool add_event(const model::Event& event);
  bool replace_event(int row, const model::Event& event);
  //! Removes event `row`; a negative row (nothing selected) only shows a hint.
  bool remove_event(int row);

 private:
  bool set_events(const std::vector<model::Event>& events, const QString& what, const QString& refusal);

  ScenarioDocument* document_;
  const ViewState* state_;
  UserMessages* messages_;
  QWidget* window_;
};

}  // namespace blackstart::gui
