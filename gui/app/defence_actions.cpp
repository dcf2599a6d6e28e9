#include "app/defence_actions.hpp"

#include <QWidget>
#include <algorithm>

#include "app/ranking_dialog.hpp"
#include "app/run_actions.hpp"
#include "app/run_settings.hpp"
#include "app/user_messages.hpp"
#include "blackstart/io/control_library.hpp"
#include "controllers/defence_text.hpp"
#include "controllers/scenario_document.hpp"

namespace blackstart::gui {

namespace {

template <typename T>
const T* find_named(const std::vector<T>& list, const std::string& name) {
  const auto found = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.name == name; });
  return found == list.end() ? nullptr : &*found;
}

}  // namespace

DefenceActions::DefenceActions(ScenarioDocument* document, RunSettings* settings, RunActions* runs,
                               UserMessages* messages, QWidget* window)
    : QObject(window),
      document_(document),
      settings_(settings),
      runs_(runs),
      messages_(messages),
      window_(window) {}

bool DefenceActions::edit(std::string text, const QString& what, bool is_control, const std::string& name,
                          bool on) {
  core::Diagnostics diagnostics;
  const auto check = [&](const model::Scenario& s) {
    if (is_control) {
      const auto* c = find_named(s.controls, name);
      return c && c->enabled == on;
    }
    const auto* r = find_named(s.responses, name);
    return r && r->enabled == on;
  };
  if (!document_->set_text(std::move(text), what, &diagnostics, check)) {
    messages_->show_diagnostics(tr("Cannot %1").arg(what), diagnostics);
    return false;
  }
  messages_->log(tr("%1 (undo: Ctrl+Z).").arg(what.left(1).toUpper() + what.mid(1)));
  if (rerun_) runs_->run_now();
  return true;
}

bool DefenceActions::set_control_enabled(const QString& qname, bool on) {
  const auto scenario = document_->scenario();
  if (!scenario) return false;
  const std::string name = qname.toStdString();
  const QString what = (on ? tr("switch on control %1") : tr("switch off control %1")).arg(qname);
  std::optional<std::string> text;
  if (const auto* control = find_named(scenario->controls, name)) {
    if (control->enabled == on) return true;
    text = set_enabled_in_text(document_->text(), control->location.line, control->location.column, name, on);
  } else if (on && io::find_library_control(name)) {
    text = add_library_control_to_text(document_->text(), name);
  } else {
    messages_->show_error(tr("Unknown control"), tr("The scenario has no control '%1'.").arg(qname));
    return false;
  }
  if (!text) {
    messages_->show_error(tr("Cannot %1").arg(what),
                          tr("Control '%1' was not found in the scenario file where the loader read it; "
                             "switch it in the file (`enabled: %2`).")
                              .arg(qname, on ? QStringLiteral("true") : QStringLiteral("false")));
    return false;
  }
  return edit(std::move(*text), what, true, name, on);
}

bool DefenceActions::set_response_enabled(const QString& qname, bool on) {
  const auto scenario = document_->scenario();
  if (!scenario) return false;
  const std::string name = qname.toStdString();
  const QString what = (on ? tr("switch on response %1") : tr("switch off response %1")).arg(qname);
  const auto* response = find_named(scenario->responses, name);
  if (!response) {
    messages_->show_error(tr("Unknown response"), tr("The scenario has no response '%1'.").arg(qname));
    return false;
  }
  if (response->enabled == on) return true;
  auto text =
      set_enabled_in_text(document_->text(), response->location.line, response->location.column, name, on);
  if (!text) {
    messages_->show_error(tr("Cannot %1").arg(what),
                          tr("Response '%1' was not found in the scenario file where the loader read it; "
                             "switch it in the file (`enabled: %2`).")
                              .arg(qname, on ? QStringLiteral("true") : QStringLiteral("false")));
    return false;
  }
  return edit(std::move(*text), what, false, name, on);
}

RankingDialog* DefenceActions::ranking_dialog() const {
  return dialog_;
}

RankingDialog* DefenceActions::rank_controls() {
  const auto scenario = document_->scenario();
  if (!scenario || scenario->campaign.empty()) {
    messages_->show_error(tr("Nothing to rank"), tr("Open a scenario with an attack campaign first."));
    return nullptr;
  }
  QString error;
  const auto options = settings_->options(&error);
  if (!options) {
    messages_->show_error(tr("Bad horizon"), error);
    return nullptr;
  }
  // The scenario as the toolbar would run it: its mitigations applied, its horizon.
  auto variant = std::make_shared<model::Scenario>(*scenario);
  const auto applied = model::apply_mitigations(*variant, settings_->chosen_mitigations());
  if (applied.has_errors()) {
    messages_->show_diagnostics(tr("Cannot apply the mitigations"), applied);
    return nullptr;
  }
  if (options->until_min) variant->horizon_min = *options->until_min;
  // The same candidates as the `controls` command: the scenario's and the library's that counter
  // a technique of the campaign.
  std::vector<model::Control> candidates;
  for (auto& applicable : io::applicable_controls(*variant))
    candidates.push_back(std::move(applicable.control));
  study::ControlsOptions defaults;
  defaults.seed = options->seed;
  defaults.runs = 100;
  defaults.greedy = std::min<int>(5, static_cast<int>(candidates.size()));
  if (dialog_) dialog_->close();  // a ranking of the scenario as it was
  dialog_ = new RankingDialog(std::move(variant), std::move(candidates), defaults, window_);
  dialog_->setAttribute(Qt::WA_DeleteOnClose);
  dialog_->show();
  return dialog_;
}

}  // namespace blackstart::gui
