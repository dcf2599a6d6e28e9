#include "app/event_dialog.hpp"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <set>

#include "app/distribution_text.hpp"
#include "blackstart/core/duration.hpp"
#include "blackstart/core/text.hpp"
#include "blackstart/io/scenario_writer.hpp"
#include "models/scenario_events_model.hpp"

namespace blackstart::gui {

QString action_label(model::Action action) {
  QString text = QString::fromStdString(std::string(model::to_string(action)));
  text.replace(QLatin1Char('_'), QLatin1Char(' '));
  return text;
}

const std::vector<model::Action>& menu_actions() {
  static const std::vector<model::Action> actions{
      model::Action::OpenBreaker,     model::Action::Trip,
      model::Action::Damage,          model::Action::Compromise,
      model::Action::DestroyFirmware, model::Action::Wipe,
      model::Action::DenyService,     model::Action::DisableBackup,
      model::Action::Restore};
  return actions;
}

std::string EventDialog::unique_id(const model::Scenario& scenario, std::string_view stem) {
  std::set<std::string> used;
  for (const auto& e : scenario.events) used.insert(e.id);
  for (int n = 1;; ++n) {
    std::string id = "gui-" + std::string(stem) + "-" + std::to_string(n);
    if (!used.count(id)) return id;
  }
}

EventDialog::EventDialog(std::shared_ptr<const model::Scenario> scenario, const model::Event& event,
                         bool is_new, QWidget* parent)
    : QDialog(parent),
      scenario_(std::move(scenario)),
      base_(event),
      original_id_(is_new ? std::string() : event.id) {
  setObjectName(QStringLiteral("eventDialog"));
  if (is_new && event.id == unique_id(*scenario_, model::to_string(event.action)))
    automatic_id_ = QString::fromStdString(event.id);
  setWindowTitle(is_new ? tr("Add event") : tr("Edit event %1").arg(QString::fromStdString(event.id)));
  auto* form = new QFormLayout(this);
  id_ = new QLineEdit(QString::fromStdString(event.id), this);
  id_->setObjectName(QStringLiteral("eventId"));
  form->addRow(tr("&Id"), id_);
  at_ = new QLineEdit(QString::fromStdString(io::duration_to_yaml(event.at_min)), this);
  at_->setObjectName(QStringLiteral("eventAt"));
  at_->setToolTip(tr("Time after the scenario start: 30s, 15min, 2h, 1.5d"));
  form->addRow(tr("&At"), at_);
  action_ = new QComboBox(this);
  action_->setObjectName(QStringLiteral("eventAction"));
  for (auto a : menu_actions()) action_->addItem(action_label(a), static_cast<int>(a));
  action_->setCurrentIndex(action_->findData(static_cast<int>(event.action)));
  form->addRow(tr("A&ction"), action_);
  targets_ = new QLineEdit(targets_text(event, scenario_->network), this);
  targets_->setObjectName(QStringLiteral("eventTargets"));
  targets_->setToolTip(tr("An id (power/sub-1), a glob (cyber/gw-*) or ids separated by commas"));
  QStringList ids;
  for (const auto& e : scenario_->network.elements()) ids << QString::fromStdString(e.id);
  auto* completer = new QCompleter(ids, targets_);
  completer->setCaseSensitivity(Qt::CaseInsensitive);
  completer->setFilterMode(Qt::MatchContains);
  targets_->setCompleter(completer);
  form->addRow(tr("&Targets"), targets_);
  technique_ = new QLineEdit(QString::fromStdString(event.technique), this);
  technique_->setObjectName(QStringLiteral("eventTechnique"));
  technique_->setPlaceholderText(tr("MITRE ATT&CK for ICS id, e.g. T0831 (optional)"));
  form->addRow(tr("Tech&nique"), technique_);
  description_ = new QLineEdit(QString::fromStdString(event.description), this);
  description_->setObjectName(QStringLiteral("eventDescription"));
  form->addRow(tr("&Description"), description_);
  duration_ = new QLineEdit(event.duration ? duration_distribution_text(*event.duration) : QString(), this);
  duration_->setObjectName(QStringLiteral("eventDuration"));
  duration_->setToolTip(
      tr("How long a deny_service lasts: a duration (2h), or drawn per run from uniform(1h, 3h), "
         "triangular(30min, 1h, 4h) or lognormal(90min, 0.5)"));
  form->addRow(tr("D&uration"), duration_);
  probability_ = new QLineEdit(probability_text(event.probability), this);
  probability_->setObjectName(QStringLiteral("eventProbability"));
  probability_->setToolTip(
      tr("Chance that the event succeeds in a run: 0 to 1, or drawn per run from uniform(0.2, 0.6) or "
         "triangular(0.1, 0.3, 0.5)"));
  form->addRow(tr("&Probability"), probability_);
  choose_ = new QSpinBox(this);
  choose_->setObjectName(QStringLiteral("eventChoose"));
  choose_->setRange(0, 1000000000);  // the loader's range for `choose`
  choose_->setSpecialValueText(tr("every target"));
  choose_->setValue(event.choose);
  choose_->setToolTip(tr("Hit only this many of the targets, picked as Select says (0: every target)"));
  form->addRow(tr("C&hoose"), choose_);
  select_ = new QComboBox(this);
  select_->setObjectName(QStringLiteral("eventSelect"));
  select_->addItem(tr("random"), static_cast<int>(model::Event::Selection::Random));
  select_->addItem(tr("highest degree"), static_cast<int>(model::Event::Selection::HighestDegree));
  select_->addItem(tr("highest betweenness"), static_cast<int>(model::Event::Selection::HighestBetweenness));
  select_->setCurrentIndex(select_->findData(static_cast<int>(event.selection)));
  select_->setToolTip(
      tr("How Choose picks its targets: at random in each run, or those of highest degree or betweenness "
         "in their layer's graph"));
  form->addRow(tr("&Select"), select_);
  problem_ = new QLabel(this);
  problem_->setObjectName(QStringLiteral("eventProblem"));
  problem_->setStyleSheet(QStringLiteral("color: #B00020"));
  problem_->setWordWrap(true);
  form->addRow(problem_);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  for (auto* edit : {id_, at_, targets_, technique_, description_, duration_, probability_})
    connect(edit, &QLineEdit::textChanged, this, &EventDialog::validate);
  connect(action_, &QComboBox::currentIndexChanged, this, &EventDialog::follow_action_in_id);
  connect(action_, &QComboBox::currentIndexChanged, this, &EventDialog::validate);
  connect(choose_, &QSpinBox::valueChanged, this, &EventDialog::validate);
  connect(select_, &QComboBox::currentIndexChanged, this, &EventDialog::validate);
  validate();
  resize(520, sizeHint().height());
}

std::optional<QString> EventDialog::build(model::Event* out) const {
  model::Event e = base_;
  e.id = id_->text().trimmed().toStdString();
  if (e.id.empty()) return tr("The event needs an id.");
  for (const auto& other : scenario_->events)
    if (other.id == e.id && other.id != original_id_)
      return tr("Another event is called '%1'.").arg(id_->text());
  std::string why;
  const auto at = core::parse_duration(at_->text().toStdString(), &why);
  if (!at) return QString::fromStdString(why);
  if (at->minutes < 0) return tr("The time must not be negative.");
  e.at_min = at->minutes;
  e.action = static_cast<model::Action>(action_->currentData().toInt());
  const QStringList parts = targets_->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
  if (parts.isEmpty()) return tr("Name at least one target.");
  std::set<model::ElementIndex> targets;
  std::vector<std::string> ids;
  for (const auto& e2 : scenario_->network.elements()) ids.push_back(e2.id);
  for (const auto& part : parts) {
    const std::string pattern = part.trimmed().toStdString();
    const auto found = scenario_->network.match(pattern);
    if (found.empty())
      return tr("'%1' matches nothing%2")
          .arg(part.trimmed(), QString::fromStdString(core::did_you_mean(pattern, ids)));
    targets.insert(found.begin(), found.end());
  }
  e.targets.assign(targets.begin(), targets.end());
  e.target_pattern = parts.size() == 1 ? parts.front().trimmed().toStdString() : "(list)";
  if (parts.size() > 1) {
    // A list keeps what was typed, in order, as its ids; globs inside are expanded.
    e.targets.clear();
    for (const auto& part : parts)
      for (auto t : scenario_->network.match(part.trimmed().toStdString()))
        if (std::find(e.targets.begin(), e.targets.end(), t) == e.targets.end()) e.targets.push_back(t);
  }
  e.technique = technique_->text().trimmed().toStdString();
  e.description = description_->text().trimmed().toStdString();
  QString problem;
  if (e.action == model::Action::DenyService) {
    const auto d = parse_duration_distribution(duration_->text(), &problem);
    if (!d) return tr("A deny_service event needs a duration: %1").arg(problem);
    e.duration = *d;
  } else if (base_.action == model::Action::DenyService) {
    e.duration.reset();  // it was the deny_service's; no other action uses one
  }
  const auto probability = parse_probability(probability_->text(), &problem);
  if (!probability) return tr("Probability: %1").arg(problem);
  e.probability = *probability;
  e.choose = choose_->value();
  // `select` only means something with `choose`; the file cannot say it otherwise.
  e.selection = e.choose > 0 ? static_cast<model::Event::Selection>(select_->currentData().toInt())
                             : model::Event::Selection::Random;
  *out = std::move(e);
  return std::nullopt;
}

void EventDialog::follow_action_in_id() {
  if (automatic_id_.isEmpty() || id_->text() != automatic_id_) {
    automatic_id_.clear();  // the user's own id
    return;
  }
  const auto action = static_cast<model::Action>(action_->currentData().toInt());
  automatic_id_ = QString::fromStdString(unique_id(*scenario_, model::to_string(action)));
  id_->setText(automatic_id_);
}

void EventDialog::validate() {
  model::Event e = base_;
  const auto problem = build(&e);
  duration_->setEnabled(static_cast<model::Action>(action_->currentData().toInt()) ==
                        model::Action::DenyService);
  select_->setEnabled(choose_->value() > 0);
  problem_->setText(problem.value_or(QString()));
  problem_->setVisible(problem.has_value());
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(!problem.has_value());
}

model::Event EventDialog::event() const {
  model::Event e = base_;
  (void)build(&e);
  return e;
}

}  // namespace blackstart::gui
