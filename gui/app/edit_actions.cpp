#include "app/edit_actions.hpp"

#include <cmath>

#include "app/event_dialog.hpp"
#include "app/user_messages.hpp"
#include "controllers/scenario_document.hpp"
#include "controllers/view_state.hpp"
#include "models/event_log_model.hpp"
#include "models/scenario_events_model.hpp"

namespace blackstart::gui {

namespace {
const char* const kSelectFirst =
    QT_TRANSLATE_NOOP("EditActions", "Select an event in the Scenario events panel first.");
}  // namespace

EditActions::EditActions(ScenarioDocument* document, const ViewState* state, UserMessages* messages,
                         QWidget* window)
    : QObject(window), document_(document), state_(state), messages_(messages), window_(window) {}

EventDialog* EditActions::request_attack(model::ElementIndex element, model::Action action) {
  const auto scenario = document_->scenario();
  if (!scenario) return nullptr;
  model::Event event;
  event.action = action;
  event.at_min = std::round(state_->time());
  event.id = EventDialog::unique_id(*scenario, model::to_string(action));
  if (element != model::kNoElement && element < scenario->network.size()) {
    event.targets = {element};
    event.target_pattern = scenario->network.element(element).id;
  }
  if (action == model::Action::DenyService) event.duration = core::DurationDistribution::fixed(120);
  auto* dialog = new EventDialog(scenario, event, true, window_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] { add_event(dialog->event()); });
  dialog->open();
  return dialog;
}

EventDialog* EditActions::edit_event(int row) {
  const auto scenario = document_->scenario();
  if (!scenario || row < 0 || row >= static_cast<int>(scenario->events.size())) {
    messages_->set_status(tr(kSelectFirst));
    return nullptr;
  }
  auto* dialog = new EventDialog(scenario, scenario->events[static_cast<std::size_t>(row)], false, window_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog, row] { replace_event(row, dialog->event()); });
  dialog->open();
  return dialog;
}

bool EditActions::set_events(const std::vector<model::Event>& events, const QString& what,
                             const QString& refusal) {
  core::Diagnostics diagnostics;
  if (document_->set_events(events, what, &diagnostics)) return true;
  messages_->show_diagnostics(refusal, diagnostics);
  return false;
}

bool EditActions::add_event(const model::Event& event) {
  const auto scenario = document_->scenario();
  if (!scenario) return false;
  auto events = scenario->events;
  events.push_back(event);
  if (!set_events(events, tr("add event %1").arg(QString::fromStdString(event.id)), tr("Event rejected")))
    return false;
  messages_->log(tr("Added event %1: %2 %3 at %4.")
                     .arg(QString::fromStdString(event.id),
                          QString::fromStdString(std::string(model::to_string(event.action))),
                          targets_text(event, scenario->network), format_time(event.at_min)));
  return true;
}

bool EditActions::replace_event(int row, const model::Event& event) {
  const auto scenario = document_->scenario();
  if (!scenario || row < 0 || row >= static_cast<int>(scenario->events.size())) return false;
  auto events = scenario->events;
  events[static_cast<std::size_t>(row)] = event;
  if (!set_events(events, tr("edit event %1").arg(QString::fromStdString(event.id)), tr("Event rejected")))
    return false;
  messages_->log(tr("Changed event %1.").arg(QString::fromStdString(event.id)));
  return true;
}

bool EditActions::remove_event(int row) {
  const auto scenario = document_->scenario();
  if (row < 0) messages_->set_status(tr(kSelectFirst));
  if (!scenario || row < 0 || row >= static_cast<int>(scenario->events.size())) return false;
  auto events = scenario->events;
  const QString id = QString::fromStdString(events[static_cast<std::size_t>(row)].id);
  events.erase(events.begin() + row);
  if (!set_events(events, tr("remove event %1").arg(id), tr("Cannot remove event"))) return false;
  messages_->log(tr("Removed event %1.").arg(id));
  return true;
}

}  // namespace blackstart::gui
