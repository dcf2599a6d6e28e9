#include "canvas/attack_graph_scene.hpp"

#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QToolTip>
#include <algorithm>

#include "models/event_log_model.hpp"

namespace blackstart::gui {

namespace {

constexpr qreal kColumnStep = AttackNodeItem::kWidth + 40;
constexpr qreal kRowStep = AttackNodeItem::kHeight + 14;

QString qs(const std::string& text) {
  return QString::fromStdString(text);
}
QString qs(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString step_ids(const model::Campaign& campaign, const std::vector<std::uint32_t>& steps) {
  QStringList ids;
  for (std::uint32_t s : steps)
    if (s < campaign.steps.size()) ids << qs(campaign.steps[s].id);
  return ids.join(QStringLiteral(", "));
}

QColor entry_color() {
  return {0xCC, 0x79, 0xA7};  // reddish purple: held by the attacker, as on the canvas
}

}  // namespace

AttackGraphScene::AttackGraphScene(QObject* parent) : QGraphicsScene(parent) {
  setItemIndexMethod(QGraphicsScene::NoIndex);  // a few dozen items
}

void AttackGraphScene::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, [this](const ScenarioPtr& s) { show(s, nullptr, 0); });
  connect(state, &ViewState::scenarioEdited, this, [this, state](const ScenarioPtr& s) {
    if (!state->run()) show(s, nullptr, 0);  // a shown run keeps the campaign it ran
  });
  connect(state, &ViewState::runChanged, this, [this, state](const RunPtr& run) {
    show(run ? run->scenario : state->scenario(), run, state->time());
  });
  connect(state, &ViewState::timeChanged, this, &AttackGraphScene::set_time);
  connect(state, &ViewState::selectionChanged, this, &AttackGraphScene::set_selected_element);
}

void AttackGraphScene::show(ScenarioPtr scenario, RunPtr run, double t_min) {
  const bool same = scenario == scenario_;
  scenario_ = std::move(scenario);
  run_ = std::move(run);
  time_ = t_min;
  if (!same) rebuild();
  refresh();
}

void AttackGraphScene::set_time(double t_min) {
  if (t_min == time_) return;
  time_ = t_min;
  refresh();
}

void AttackGraphScene::set_selected_element(ElementIndex element) {
  selected_ = element;
  refresh();
}

bool AttackGraphScene::choose_step(std::uint32_t step) {
  chosen_ = has_campaign() && step < scenario_->campaign.steps.size() ? step : kNoStep;
  refresh();
  return chosen_ != kNoStep;
}

AttackNodeItem* AttackGraphScene::step_node(std::uint32_t step) const {
  return step < steps_.size() ? steps_[step] : nullptr;
}

AttackNodeItem* AttackGraphScene::objective_node(std::uint32_t objective) const {
  return objective < objectives_.size() ? objectives_[objective] : nullptr;
}

void AttackGraphScene::rebuild() {
  clear();
  chosen_ = kNoStep;
  entry_ = nullptr;
  steps_.clear();
  objectives_.clear();
  edges_.clear();
  edge_source_.clear();
  if (!has_campaign()) {
    setSceneRect(QRectF());
    return;
  }
  const auto& campaign = scenario_->campaign;
  progress_ = attack_progress(campaign, {}, 0);
  layout_ = layout_attack_graph(campaign);

  entry_ = new AttackNodeItem(entry_face(), 0);
  entry_->setPos(-kColumnStep, 0);
  addItem(entry_);
  for (std::uint32_t s = 0; s < campaign.steps.size(); ++s) {
    auto* node = new AttackNodeItem(step_face(s), s);
    node->setPos(layout_.column[s] * kColumnStep, layout_.row[s] * kRowStep);
    addItem(node);
    steps_.push_back(node);
  }
  for (std::uint32_t o = 0; o < campaign.objectives.size(); ++o) {
    auto* node = new AttackNodeItem(objective_face(o), o);
    node->setPos(layout_.columns * kColumnStep, layout_.objective_row[o] * kRowStep);
    addItem(node);
    objectives_.push_back(node);
  }
  const auto connect_nodes = [this](const AttackNodeItem* from, const AttackNodeItem* to,
                                    AttackEdgeItem::Style style, std::int64_t source) {
    auto* edge = new AttackEdgeItem(from, to, style);
    addItem(edge);
    edges_.push_back(edge);
    edge_source_.push_back(source);
  };
  for (std::uint32_t s = 0; s < campaign.steps.size(); ++s) {
    const auto& step = campaign.steps[s];
    for (std::uint32_t p : step.requires_all)
      if (p < steps_.size()) connect_nodes(steps_[p], steps_[s], AttackEdgeItem::Style::All, p);
    for (std::uint32_t p : step.requires_any)
      if (p < steps_.size()) connect_nodes(steps_[p], steps_[s], AttackEdgeItem::Style::Any, p);
    if (step.requires_all.empty() && step.requires_any.empty())
      connect_nodes(entry_, steps_[s], AttackEdgeItem::Style::All, -1);
  }
  for (std::uint32_t o = 0; o < campaign.objectives.size(); ++o)
    for (std::uint32_t s : campaign.objectives[o].steps)
      if (s < steps_.size()) connect_nodes(steps_[s], objectives_[o], AttackEdgeItem::Style::Objective, s);
  setSceneRect(itemsBoundingRect().adjusted(-6, -6, 6, 6));
}

void AttackGraphScene::refresh() {
  if (!has_campaign()) return;
  const auto& campaign = scenario_->campaign;
  progress_ =
      attack_progress(campaign, run_ ? run_->result.attack_log : std::vector<sim::AttackRecord>{}, time_);
  entry_->set_face(entry_face());
  for (std::uint32_t s = 0; s < steps_.size(); ++s) steps_[s]->set_face(step_face(s));
  for (std::uint32_t o = 0; o < objectives_.size(); ++o) objectives_[o]->set_face(objective_face(o));
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    const auto source = edge_source_[e];
    edges_[e]->set_active(source < 0 ? run_ != nullptr && time_ >= campaign.start_min
                                     : progress_.steps[static_cast<std::size_t>(source)].held > 0);
  }
}

QPointF AttackGraphScene::frontier() const {
  if (!has_campaign()) return {};
  const AttackNodeItem* furthest = entry_;
  for (std::uint32_t s = 0; s < steps_.size(); ++s)
    if (progress_.steps[s].status != StepStatus::NotStarted && steps_[s]->pos().x() > furthest->pos().x())
      furthest = steps_[s];
  for (std::uint32_t o = 0; o < objectives_.size(); ++o)
    if (progress_.objective_reached[o]) furthest = objectives_[o];
  return furthest->pos();
}

QString AttackGraphScene::control_names(const std::vector<std::uint32_t>& controls) const {
  QStringList names;
  for (std::uint32_t c : controls)
    if (scenario_ && c < scenario_->controls.size()) names << qs(scenario_->controls[c].name);
  return names.join(QStringLiteral(", "));
}

AttackNodeFace AttackGraphScene::step_face(std::uint32_t s) const {
  const auto& step = scenario_->campaign.steps[s];
  const auto& p = progress_.steps[s];
  AttackNodeFace face;
  face.title = qs(step.id);
  face.subtitle = QStringLiteral("%1 · %2").arg(qs(step.technique), qs(model::to_string(step.effect)));
  face.status = QObject::tr("%1 · %2/%3 targets").arg(step_status_label(p.status)).arg(p.held).arg(p.targets);
  face.fill = step_status_color(p.status);
  face.blocked = !p.blocking_controls.empty() || !p.blocking_responses.empty();
  face.detected = p.first_detection_min.has_value();
  QStringList defence;
  if (!p.blocking_controls.empty())
    defence << QObject::tr("blocked: %1").arg(control_names(p.blocking_controls));
  if (!p.blocking_responses.empty()) {
    QStringList names;
    for (std::uint32_t r : p.blocking_responses)
      if (r < scenario_->responses.size()) names << qs(scenario_->responses[r].name);
    defence << QObject::tr("blocked: %1").arg(names.join(QStringLiteral(", ")));
  }
  if (p.first_detection_min)
    defence << QObject::tr("seen %1 by %2")
                   .arg(format_time(*p.first_detection_min), control_names(p.detecting_controls));
  face.defence = defence.join(QStringLiteral(" · "));
  face.selected = selected_ != model::kNoElement &&
                  std::find(step.targets.begin(), step.targets.end(), selected_) != step.targets.end();
  face.chosen = s == chosen_;
  return face;
}

AttackNodeFace AttackGraphScene::objective_face(std::uint32_t o) const {
  const auto& objective = scenario_->campaign.objectives[o];
  AttackNodeFace face;
  face.kind = AttackNodeFace::Kind::Objective;
  face.title = qs(objective.id);
  face.subtitle = objective.min_targets > 1 ? QObject::tr("%1 on %2 targets")
                                                  .arg(step_ids(scenario_->campaign, objective.steps))
                                                  .arg(objective.min_targets)
                                            : step_ids(scenario_->campaign, objective.steps);
  const auto& reached = progress_.objective_reached[o];
  face.status =
      reached ? QObject::tr("reached at %1").arg(format_time(*reached)) : QObject::tr("not reached");
  face.fill = reached ? step_status_color(StepStatus::Succeeded) : QColor(Qt::white);
  return face;
}

AttackNodeFace AttackGraphScene::entry_face() const {
  const auto& campaign = scenario_->campaign;
  AttackNodeFace face;
  face.kind = AttackNodeFace::Kind::Entry;
  face.title = QObject::tr("entry");
  QStringList ids;
  for (ElementIndex e : campaign.entry) ids << qs(scenario_->network.element(e).id);
  face.subtitle = ids.join(QStringLiteral(", "));
  face.status = QObject::tr("held from %1").arg(format_time(campaign.start_min));
  face.fill = entry_color();
  face.selected = selected_ != model::kNoElement &&
                  std::find(campaign.entry.begin(), campaign.entry.end(), selected_) != campaign.entry.end();
  return face;
}

QString AttackGraphScene::step_tooltip(std::uint32_t s) const {
  if (!has_campaign() || s >= steps_.size()) return {};
  const auto& campaign = scenario_->campaign;
  const auto& step = campaign.steps[s];
  const auto& p = progress_.steps[s];
  QStringList lines;
  lines << QStringLiteral("<b>%1</b> — %2, %3")
               .arg(qs(step.id).toHtmlEscaped(), qs(step.technique), qs(model::to_string(step.effect)));
  if (!step.description.empty()) lines << qs(step.description).toHtmlEscaped();
  lines << QObject::tr("Targets: %1 (%2)")
               .arg(qs(step.target_pattern).toHtmlEscaped())
               .arg(step.targets.size());
  if (!step.requires_all.empty())
    lines << QObject::tr("Needs all of: %1").arg(step_ids(campaign, step.requires_all));
  if (!step.requires_any.empty())
    lines << QObject::tr("Needs any of: %1").arg(step_ids(campaign, step.requires_any));
  if (!run_) {
    lines << QObject::tr("Run the scenario to see how far it gets.");
    return lines.join(QStringLiteral("<br>"));
  }
  lines << QObject::tr("At %1: <b>%2</b>, %3 of %4 targets held, %5 attempted")
               .arg(format_time(time_), step_status_label(p.status))
               .arg(p.held)
               .arg(p.targets)
               .arg(p.attempted);
  if (p.first_success_min) lines << QObject::tr("First success at %1").arg(format_time(*p.first_success_min));
  for (std::uint32_t c : p.blocking_controls)
    if (c < scenario_->controls.size())
      lines << QObject::tr("Blocked by control <b>%1</b> %2")
                   .arg(qs(scenario_->controls[c].name).toHtmlEscaped(),
                        qs(scenario_->controls[c].mitigation_id));
  for (std::uint32_t r : p.blocking_responses)
    if (r < scenario_->responses.size())
      lines << QObject::tr("Blocked by response <b>%1</b>")
                   .arg(qs(scenario_->responses[r].name).toHtmlEscaped());
  if (p.first_detection_min)
    lines << QObject::tr("Detected at %1 by <b>%2</b>")
                 .arg(format_time(*p.first_detection_min),
                      control_names(p.detecting_controls).toHtmlEscaped());
  lines << QObject::tr("Click to select its target on the canvas.");
  return lines.join(QStringLiteral("<br>"));
}

void AttackGraphScene::click(QPointF scene_point) {
  for (auto* item : items(scene_point)) {
    auto* node = qgraphicsitem_cast<AttackNodeItem*>(item);
    if (!node) continue;
    if (node->face().kind == AttackNodeFace::Kind::Step) {
      emit stepActivated(node->index(), progress_.steps[node->index()].first_target);
    } else if (node->face().kind == AttackNodeFace::Kind::Entry && !scenario_->campaign.entry.empty()) {
      emit stepActivated(static_cast<std::uint32_t>(-1), scenario_->campaign.entry.front());
    }
    return;
  }
}

void AttackGraphScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
  if (event->button() == Qt::LeftButton) click(event->scenePos());
  QGraphicsScene::mousePressEvent(event);
}

void AttackGraphScene::helpEvent(QGraphicsSceneHelpEvent* event) {
  for (auto* item : items(event->scenePos())) {
    auto* node = qgraphicsitem_cast<AttackNodeItem*>(item);
    if (!node) continue;
    QString tip;
    if (node->face().kind == AttackNodeFace::Kind::Step)
      tip = step_tooltip(node->index());
    else
      tip = QStringLiteral("<b>%1</b><br>%2<br>%3")
                .arg(node->face().title.toHtmlEscaped(), node->face().subtitle.toHtmlEscaped(),
                     node->face().status.toHtmlEscaped());
    QToolTip::showText(event->screenPos(), tip, event->widget());
    event->accept();
    return;
  }
  QToolTip::hideText();
  event->ignore();
}

}  // namespace blackstart::gui
