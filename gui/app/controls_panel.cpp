#include "app/controls_panel.hpp"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/distribution_text.hpp"
#include "blackstart/io/control_library.hpp"

namespace blackstart::gui {

namespace {

constexpr int kGroupRole = Qt::UserRole;
constexpr int kNameRole = Qt::UserRole + 1;

QString qs(const std::string& text) {
  return QString::fromStdString(text);
}

QString percent(double p) {
  return QStringLiteral("%1%").arg(p * 100.0, 0, 'g', 3);
}

//! Steps of the campaign whose technique one of the control's countermeasures matches.
QStringList countered_steps(const model::Control& control, const model::Campaign& campaign) {
  QStringList ids;
  for (const auto& step : campaign.steps)
    if (model::countermeasure_for(control, step.technique)) ids << qs(step.id);
  return ids;
}

QString control_tooltip(const model::Control& control, bool from_library) {
  QStringList lines;
  lines << QStringLiteral("<b>%1</b> %2").arg(qs(control.name).toHtmlEscaped(), qs(control.mitigation_id));
  if (!control.description.empty()) lines << qs(control.description).toHtmlEscaped();
  for (const auto& m : control.countermeasures) {
    QStringList does;
    if (m.block_probability > 0) does << QObject::tr("blocks %1").arg(percent(m.block_probability));
    if (m.delay_factor != 1.0) does << QObject::tr("time ×%1").arg(m.delay_factor);
    if (m.delay_added_min > 0) does << QObject::tr("+%1 min").arg(m.delay_added_min);
    if (m.detect_probability > 0)
      does << QObject::tr("detects %1 after %2")
                  .arg(percent(m.detect_probability), duration_distribution_text(m.time_to_detect));
    QStringList techniques;
    for (const auto& t : m.techniques) techniques << qs(t);
    lines << QStringLiteral("%1: %2").arg(techniques.join(QStringLiteral(", ")),
                                          does.join(QStringLiteral(", ")));
  }
  if (!control.source.empty()) lines << QObject::tr("Source: %1").arg(qs(control.source).toHtmlEscaped());
  lines << (from_library ? QObject::tr("Tick to add it to the scenario (controls: - use: %1) and re-run.")
                               .arg(qs(control.name).toHtmlEscaped())
                         : QObject::tr("Tick or untick to switch it in the scenario and re-run."));
  return lines.join(QStringLiteral("<br>"));
}

QString response_tooltip(const model::Response& response) {
  QStringList lines;
  lines << QStringLiteral("<b>%1</b> — %2 %3 after %4")
               .arg(qs(response.name).toHtmlEscaped(), qs(std::string(model::to_string(response.action))),
                    qs(response.target_pattern).toHtmlEscaped(), duration_distribution_text(response.delay));
  if (!response.description.empty()) lines << qs(response.description).toHtmlEscaped();
  QStringList on;
  for (const auto& t : response.on_techniques) on << qs(t);
  lines << (on.isEmpty() ? QObject::tr("Acts on any alert.")
                         : QObject::tr("Acts on alerts about %1.").arg(on.join(QStringLiteral(", "))));
  lines << QObject::tr("Without a detection it never acts.");
  return lines.join(QStringLiteral("<br>"));
}

}  // namespace

ControlsPanel::ControlsPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("controlsPanel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  hint_ = new QLabel(this);
  hint_->setWordWrap(true);
  layout->addWidget(hint_);
  tree_ = new QTreeWidget(this);
  tree_->setObjectName(QStringLiteral("controlsTree"));
  tree_->setColumnCount(3);
  tree_->setHeaderLabels({tr("Name"), tr("ATT&CK"), tr("Acts on")});
  tree_->setRootIsDecorated(false);
  tree_->setUniformRowHeights(true);
  tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  tree_->header()->setStretchLastSection(true);
  layout->addWidget(tree_, 1);
  buttons_ = new QWidget(this);
  auto* row = new QHBoxLayout(buttons_);
  row->setContentsMargins(0, 0, 0, 0);
  row->addStretch(1);
  layout->addWidget(buttons_);

  connect(tree_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
    if (rebuilding_ || column != 0 || !item->parent()) return;
    const bool on = item->checkState(0) == Qt::Checked;
    const QString name = item->data(0, kNameRole).toString();
    const bool response = static_cast<Group>(item->data(0, kGroupRole).toInt()) == Group::Responses;
    // Later, not inside the tree's own signal: the edit rebuilds the tree and deletes this item.
    QMetaObject::invokeMethod(
        this,
        [this, name, on, response] {
          if (response)
            emit responseToggled(name, on);
          else
            emit controlToggled(name, on);
        },
        Qt::QueuedConnection);
  });
  rebuild();
}

void ControlsPanel::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, &ControlsPanel::set_scenario);
  connect(state, &ViewState::scenarioEdited, this, &ControlsPanel::set_scenario);
}

void ControlsPanel::set_scenario(ScenarioPtr scenario) {
  scenario_ = std::move(scenario);
  rebuild();
}

void ControlsPanel::add_button(QAction* action) {
  auto* button = new QToolButton(buttons_);
  button->setDefaultAction(action);
  button->setToolButtonStyle(Qt::ToolButtonTextOnly);
  static_cast<QHBoxLayout*>(buttons_->layout())->addWidget(button);
}

QTreeWidgetItem* ControlsPanel::item(Group group, const QString& name) const {
  for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
    auto* top = tree_->topLevelItem(g);
    for (int i = 0; i < top->childCount(); ++i) {
      auto* child = top->child(i);
      if (static_cast<Group>(child->data(0, kGroupRole).toInt()) == group &&
          child->data(0, kNameRole).toString() == name)
        return child;
    }
  }
  return nullptr;
}

void ControlsPanel::rebuild() {
  rebuilding_ = true;
  tree_->clear();
  const bool any = scenario_ && (!scenario_->campaign.empty() || !scenario_->controls.empty() ||
                                 !scenario_->responses.empty());
  hint_->setText(!scenario_ ? tr("Open a scenario to see its security controls.")
                 : any
                     ? tr("Tick a control or response to switch it in the scenario (undo: Ctrl+Z); the "
                          "scenario runs again.")
                     : tr("This scenario has no attack campaign, security controls or response playbooks."));
  tree_->setVisible(any);
  buttons_->setEnabled(scenario_ && !scenario_->campaign.empty());
  if (!any) {
    rebuilding_ = false;
    return;
  }
  const auto& campaign = scenario_->campaign;
  const auto group = [this](const QString& title, int count) {
    auto* top = new QTreeWidgetItem(tree_, {QStringLiteral("%1 (%2)").arg(title).arg(count)});
    top->setFlags(Qt::ItemIsEnabled);
    QFont bold = top->font(0);
    bold.setBold(true);
    top->setFont(0, bold);
    top->setFirstColumnSpanned(true);
    top->setExpanded(true);
    return top;
  };
  const auto add = [&](QTreeWidgetItem* top, Group g, const model::Control& control, bool on) {
    auto* item = new QTreeWidgetItem(top, {qs(control.name), qs(control.mitigation_id),
                                           countered_steps(control, campaign).join(QStringLiteral(", "))});
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(0, on ? Qt::Checked : Qt::Unchecked);
    item->setData(0, kGroupRole, static_cast<int>(g));
    item->setData(0, kNameRole, qs(control.name));
    const QString tip = control_tooltip(control, g == Group::Library);
    for (int c = 0; c < 3; ++c) item->setToolTip(c, tip);
  };

  auto* own = group(tr("In the scenario"), static_cast<int>(scenario_->controls.size()));
  for (const auto& control : scenario_->controls) add(own, Group::Scenario, control, control.enabled);
  std::vector<const model::Control*> library;
  const auto applicable = io::applicable_controls(*scenario_);
  for (const auto& a : applicable)
    if (a.from_library) library.push_back(&a.control);
  if (!library.empty()) {
    auto* top = group(tr("From the library, countering this campaign"), static_cast<int>(library.size()));
    for (const auto* control : library) add(top, Group::Library, *control, false);
  }
  auto* responses = group(tr("Response playbooks"), static_cast<int>(scenario_->responses.size()));
  for (const auto& response : scenario_->responses) {
    auto* item = new QTreeWidgetItem(responses, {qs(response.name), QString(),
                                                 qs(std::string(model::to_string(response.action))) +
                                                     QLatin1Char(' ') + qs(response.target_pattern)});
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(0, response.enabled ? Qt::Checked : Qt::Unchecked);
    item->setData(0, kGroupRole, static_cast<int>(Group::Responses));
    item->setData(0, kNameRole, qs(response.name));
    const QString tip = response_tooltip(response);
    for (int c = 0; c < 3; ++c) item->setToolTip(c, tip);
  }
  rebuilding_ = false;
}

}  // namespace blackstart::gui
