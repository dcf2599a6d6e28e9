#include "app/run_settings.hpp"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

#include "app/seed_spin_box.hpp"
#include "blackstart/core/duration.hpp"
#include "blackstart/io/scenario_writer.hpp"

namespace blackstart::gui {

RunSettings::RunSettings(QWidget* parent) : QObject(parent) {
  seed_ = new SeedSpinBox(parent);
  seed_->setObjectName(QStringLiteral("seed"));
  seed_->setToolTip(
      tr("Random seed of the run: the same seed gives the same result, here and with "
         "`blackstart run --seed` (0 to 9007199254740991, as in a scenario file)"));
  horizon_ = new QLineEdit(parent);
  horizon_->setObjectName(QStringLiteral("horizon"));
  horizon_->setMaximumWidth(70);
  horizon_->setToolTip(tr("How long to simulate: 90min, 12h, 2d"));
  mitigations_menu_ = new QMenu(tr("&Mitigations"), parent);
  mitigations_menu_->setObjectName(QStringLiteral("mitigationsMenu"));
  mitigations_menu_->setToolTipsVisible(true);
  mitigations_button_ = new QToolButton(parent);
  mitigations_button_->setObjectName(QStringLiteral("mitigationsButton"));
  mitigations_button_->setText(tr("Mitigations"));
  mitigations_button_->setToolTip(tr("What-if changes to switch on for the next run"));
  mitigations_button_->setMenu(mitigations_menu_);
  mitigations_button_->setPopupMode(QToolButton::InstantPopup);
  mitigations_button_->setEnabled(false);
}

void RunSettings::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, &RunSettings::reset);
  connect(state, &ViewState::scenarioEdited, this, [this](const ScenarioPtr& s) { scenario_ = s; });
}

void RunSettings::reset(const ScenarioPtr& scenario) {
  scenario_ = scenario;
  seed_->setValue(scenario->seed);
  horizon_->setText(QString::fromStdString(io::duration_to_yaml(scenario->horizon_min)));
  mitigations_menu_->clear();
  mitigation_actions_.clear();
  for (const auto& m : scenario->mitigations) {
    const QString name = QString::fromStdString(m.name);
    auto* a = mitigations_menu_->addAction(name);
    a->setObjectName(QStringLiteral("mitigation_") + name);
    a->setCheckable(true);
    a->setToolTip(QString::fromStdString(m.description));
    a->setData(name);
    mitigation_actions_ << a;
  }
  mitigations_button_->setEnabled(!mitigation_actions_.isEmpty());
}

std::optional<std::uint64_t> RunSettings::changed_seed() const {
  if (!scenario_ || seed_->value() == scenario_->seed) return std::nullopt;
  return seed_->value();
}

std::optional<sim::RunOptions> RunSettings::options(QString* error) const {
  sim::RunOptions options;
  options.seed = changed_seed();
  std::string why;
  const auto horizon = core::parse_duration(horizon_->text().toStdString(), &why);
  if (!horizon || horizon->minutes <= 0) {
    *error = tr("Horizon: %1").arg(horizon ? tr("must be positive") : QString::fromStdString(why));
    return std::nullopt;
  }
  if (scenario_ && horizon->minutes != scenario_->horizon_min) options.until_min = horizon->minutes;
  return options;
}

std::vector<std::string> RunSettings::chosen_mitigations() const {
  std::vector<std::string> names;
  for (auto* a : mitigation_actions_)
    if (a->isChecked()) names.push_back(a->data().toString().toStdString());
  return names;
}

QString RunSettings::label(const std::vector<std::string>& mitigations, int edits) const {
  QStringList parts;
  for (const auto& m : mitigations) parts << QString::fromStdString(m);
  QString label = parts.isEmpty() ? tr("baseline") : parts.join(QLatin1Char('+'));
  if (const auto seed = changed_seed()) label += tr(" seed %1").arg(*seed);
  if (scenario_) {
    const auto until = core::parse_duration(horizon_->text().toStdString());
    if (until && until->minutes != scenario_->horizon_min)
      label += tr(" to %1").arg(QString::fromStdString(io::duration_to_yaml(until->minutes)));
  }
  if (edits > 0) label += tr(" · edit %1").arg(edits);
  return label;
}

}  // namespace blackstart::gui
