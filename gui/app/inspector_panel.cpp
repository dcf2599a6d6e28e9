#include "app/inspector_panel.hpp"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "app/steady_label.hpp"
#include "blackstart/core/duration.hpp"
#include "blackstart/report/explain_text.hpp"
#include "blackstart/sim/explain.hpp"
#include "canvas/palette.hpp"
#include "controllers/explainer.hpp"
#include "controllers/view_state.hpp"
#include "models/event_log_model.hpp"

namespace blackstart::gui {

namespace {

QTreeWidget* make_tree(QWidget* parent, const QString& name, const QStringList& headers) {
  auto* tree = new QTreeWidget(parent);
  tree->setObjectName(name);
  tree->setHeaderLabels(headers);
  tree->setRootIsDecorated(false);
  tree->setAlternatingRowColors(true);
  tree->setUniformRowHeights(true);
  tree->header()->setStretchLastSection(true);
  tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  return tree;
}

QString number(double v) {
  return QLocale().toString(v, 'g', 8);
}

QString chip(const QColor& c) {
  return QStringLiteral("<span style='background:%1;color:%1'>&#9632;&#9632;</span>").arg(c.name());
}

}  // namespace

InspectorPanel::InspectorPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("inspector"));
  explainer_ = new Explainer(this);
  connect(explainer_, &Explainer::answered, this, &InspectorPanel::show_explanation);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  title_ = new QLabel(this);
  title_->setObjectName(QStringLiteral("inspectorTitle"));
  title_->setWordWrap(true);
  title_->setTextFormat(Qt::RichText);
  layout->addWidget(title_);
  state_ = new QLabel(this);
  state_->setObjectName(QStringLiteral("inspectorState"));
  state_->setWordWrap(true);
  state_->setTextFormat(Qt::RichText);
  // The state changes with the time: a new text must not lay out the whole window.
  state_box_ = new SteadyLabelBox(state_, this);
  layout->addWidget(state_box_);

  auto* split = new QSplitter(Qt::Vertical, this);
  layout->addWidget(split, 1);
  chain_ = new QTextBrowser(split);
  chain_->setObjectName(QStringLiteral("causeChain"));
  chain_->setOpenLinks(false);
  chain_->setToolTip(
      tr("Why: the chain of causes at the chosen time, from this element back to the scenario "
         "event that started it (the engine's explain). Click an id to go to that element."));
  connect(chain_, &QTextBrowser::anchorClicked, this, &InspectorPanel::on_link);
  chain_->setMinimumHeight(chain_->fontMetrics().lineSpacing() * 3);  // fits a 1024 x 700 screen
  split->addWidget(chain_);
  tabs_ = new QTabWidget(split);
  attributes_ = make_tree(tabs_, QStringLiteral("attributes"), {tr("Attribute"), tr("Value")});
  history_ = make_tree(tabs_, QStringLiteral("history"), {tr("Time"), tr("Change"), tr("Cause")});
  history_->setToolTip(tr("Every change of this element in the run; greyed rows are after the chosen time"));
  dependencies_ = make_tree(tabs_, QStringLiteral("dependencies"), {tr("Kind"), tr("Element"), tr("Effect")});
  dependencies_->setToolTip(tr("What this element needs (suppliers) and what needs it (dependents)"));
  tabs_->addTab(attributes_, tr("Attributes"));
  tabs_->addTab(history_, tr("History"));
  tabs_->addTab(dependencies_, tr("Dependencies"));
  split->addWidget(tabs_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  for (auto* tree : {history_, dependencies_}) {
    connect(tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) { on_item(item); });
    connect(tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { on_item(item); });
  }
  refresh();
}

void InspectorPanel::on_item(QTreeWidgetItem* item) {
  const QVariant v = item->data(0, ElementRole);
  if (!v.isValid()) return;
  const auto element = static_cast<ElementIndex>(v.toUInt());
  if (element != element_) emit elementActivated(element);
}

void InspectorPanel::on_link(const QUrl& url) {
  if (url.scheme() == QStringLiteral("event")) {
    emit eventActivated(url.path());
    return;
  }
  if (url.scheme() == QStringLiteral("step")) {
    bool is_step = false;
    const auto step = url.path().toUInt(&is_step);
    if (is_step) emit stepActivated(step);
    return;
  }
  bool ok = false;
  const auto element = static_cast<ElementIndex>(url.path().toUInt(&ok));
  if (ok && url.scheme() == QStringLiteral("element") && element != element_) emit elementActivated(element);
}

void InspectorPanel::add_trace(QWidget* bar, QWidget* list, const QString& title) {
  static_cast<QVBoxLayout*>(layout())->insertWidget(2, bar);
  tabs_->addTab(list, title);
}

void InspectorPanel::show_tab(QWidget* widget) {
  tabs_->setCurrentWidget(widget);
  // A list wants the room: the chain above keeps a third (a short dock on a laptop screen).
  if (auto* split = qobject_cast<QSplitter*>(tabs_->parentWidget())) {
    const int total = split->sizes().value(0) + split->sizes().value(1);
    if (total > 0 && split->sizes().value(1) < total * 2 / 3) split->setSizes({total / 3, total - total / 3});
  }
}

void InspectorPanel::activate_step(std::size_t step) {
  if (step < chain_elements_.size() && chain_elements_[step] != element_)
    emit elementActivated(chain_elements_[step]);
}

bool InspectorPanel::explaining() const {
  return explainer_->busy();
}

bool InspectorPanel::wait_for_explanation(int timeout_ms) {
  return explainer_->wait(timeout_ms);
}

QString InspectorPanel::chain_text() const {
  return chain_lines_.join(QLatin1Char('\n'));
}

void InspectorPanel::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, [this, state](const ScenarioPtr& scenario) {
    scenario_ = scenario;
    run_ = state->run();
    time_ = state->time();
    set_element(state->selected());
  });
  connect(state, &ViewState::scenarioEdited, this, &InspectorPanel::set_scenario);
  connect(state, &ViewState::runChanged, this, [this, state](const RunPtr& run) {
    time_ = state->time();  // one refresh for the new run at its time
    set_run(run);
  });
  connect(state, &ViewState::selectionChanged, this, &InspectorPanel::set_element);
  connect(state, &ViewState::timeChanged, this, &InspectorPanel::set_time);
}

void InspectorPanel::set_scenario(std::shared_ptr<const model::Scenario> scenario) {
  scenario_ = std::move(scenario);
  if (scenario_ && element_ >= scenario_->network.size()) element_ = model::kNoElement;
  refresh();
}

void InspectorPanel::set_run(RunPtr run) {
  run_ = std::move(run);
  refresh_dynamic();
}

void InspectorPanel::set_time(double t_min) {
  if (t_min == time_) return;
  time_ = t_min;
  refresh_dynamic();
}

void InspectorPanel::set_element(ElementIndex element) {
  element_ = element;
  refresh();
}

void InspectorPanel::refresh() {
  refresh_attributes();
  refresh_dynamic();
}

QString InspectorPanel::state_text() const {
  return state_->text();
}

void InspectorPanel::refresh_attributes() {
  attributes_->clear();
  dependencies_->clear();
  if (!scenario_ || element_ == model::kNoElement || element_ >= scenario_->network.size()) {
    title_->setText(tr("<i>Select an asset on the canvas, in the event log or with Find (Ctrl+F).</i>"));
    return;
  }
  const auto& net = scenario_->network;
  const auto& e = net.element(element_);
  const auto& layer = net.layers()[e.layer];
  QString title =
      QStringLiteral("<b style='font-size:large'>%1</b>").arg(QString::fromStdString(e.id).toHtmlEscaped());
  if (!e.name.empty()) title += QStringLiteral("<br>%1").arg(QString::fromStdString(e.name).toHtmlEscaped());
  title_->setText(title);

  auto add = [&](const QString& key, const QString& value) {
    auto* item = new QTreeWidgetItem(attributes_, {key, value});
    item->setToolTip(1, value);
    return item;
  };
  add(tr("layer"), QString::fromStdString(layer.name));
  add(tr("type"), QString::fromStdString(e.type) + (e.is_link ? tr(" (link)") : QString()));
  if (e.is_link) {
    auto* from = add(tr("from"), QString::fromStdString(net.element(e.from).id));
    from->setData(0, ElementRole, e.from);
    auto* to = add(tr("to"), QString::fromStdString(net.element(e.to).id));
    to->setData(0, ElementRole, e.to);
  }
  if (!e.operator_name.empty()) add(tr("operator"), QString::fromStdString(e.operator_name));
  if (e.capacity_mw > 0) add(tr("capacity (MW)"), number(e.capacity_mw));
  if (e.load_mw > 0) add(tr("load (MW)"), number(e.load_mw));
  if (e.customers > 0) add(tr("customers"), number(e.customers));
  if (e.passengers_per_hour > 0) add(tr("passengers per hour"), number(e.passengers_per_hour));
  if (e.priority != 0) add(tr("restoration priority"), QString::number(e.priority));
  if (e.recoverable_firmware) add(tr("recoverable firmware"), tr("yes"));
  for (const auto& [name, value] : e.attributes) add(QString::fromStdString(name), number(value));
  add(tr("repair: remote"), QString::fromStdString(e.repair.remote.describe()));
  add(tr("repair: manual"), QString::fromStdString(e.repair.manual.describe()));
  add(tr("repair: repair"), QString::fromStdString(e.repair.repair.describe()));
  add(tr("repair: reimage"), QString::fromStdString(e.repair.reimage.describe()));
  add(tr("repair: cleanup"), QString::fromStdString(e.repair.cleanup.describe()));
  add(tr("repair: replacement"), QString::fromStdString(e.repair.replacement.describe()));
  if (e.position)
    add(e.position->geographic ? tr("lat, lon") : tr("x, y"),
        e.position->geographic ? QStringLiteral("%1, %2").arg(number(e.position->y), number(e.position->x))
                               : QStringLiteral("%1, %2").arg(number(e.position->x), number(e.position->y)));
  if (!e.location.file.empty()) {
    const QString file = QString::fromStdString(e.location.file);
    auto* where =
        add(tr("defined at"), QStringLiteral("%1:%2").arg(QFileInfo(file).fileName()).arg(e.location.line));
    where->setToolTip(1, QStringLiteral("%1:%2").arg(file).arg(e.location.line));
  }

  auto* needs = new QTreeWidgetItem(dependencies_, {tr("needs")});
  auto* needed = new QTreeWidgetItem(dependencies_, {tr("needed by")});
  for (const auto& d : net.dependencies()) {
    const bool supplier_side = d.dependent == element_;
    if (!supplier_side && d.supplier != element_) continue;
    const auto other = supplier_side ? d.supplier : d.dependent;
    QString effect = QString::fromStdString(std::string(model::to_string(d.effect)));
    if (d.backup_min)
      effect += tr(", %1 backup %2 h").arg(QString::fromStdString(d.backup_kind)).arg(*d.backup_min / 60.0);
    auto* item = new QTreeWidgetItem(
        supplier_side ? needs : needed,
        {dependency_label(d.kind), QString::fromStdString(net.element(other).id), effect});
    item->setData(0, ElementRole, other);
    item->setForeground(0, dependency_pen(d.kind).color());
  }
  power_rows_.add(scenario_, element_, needs, needed, ElementRole);
  dependencies_->setRootIsDecorated(true);
  dependencies_->expandAll();
}

void InspectorPanel::clear_chain() {
  explainer_->forget();
  chain_->clear();
  chain_html_.clear();
  chain_elements_.clear();
  chain_lines_.clear();
  chain_run_.reset();
  chain_element_ = model::kNoElement;
  chain_answer_ = {};
}

void InspectorPanel::clear_history() {
  history_->clear();
  history_run_.reset();
  history_element_ = model::kNoElement;
}

void InspectorPanel::refresh_dynamic() {
  if (!scenario_ || element_ == model::kNoElement || element_ >= scenario_->network.size()) {
    clear_history();
    clear_chain();
    state_box_->set_text({});
    return;
  }
  if (!run_ || run_->scenario->network.size() != scenario_->network.size()) {
    clear_history();
    clear_chain();
    state_box_->set_text(tr("<i>Run the scenario (Ctrl+R) to see states and causes.</i>"));
    return;
  }
  const auto state = run_->state_at(element_, time_);
  QString text =
      tr("%1 at <b>%2</b>: <b>%3</b>").arg(chip(state_color(state)), format_time(time_), state_label(state));
  if (run_->lost_control_at(element_, time_)) text += tr(", <b>loss of control</b>");
  if (run_->lost_view_at(element_, time_)) text += tr(", <b>loss of view</b>");
  state_box_->set_text(text);

  // History: every change of the element; those after the chosen time greyed. Listed once per
  // element and run; a new time only changes the greying.
  const auto& changes = run_->changes_of[element_];
  if (history_run_ != run_ || history_element_ != element_) {
    history_->clear();
    history_run_ = run_;
    history_element_ = element_;
    const sim::CauseContext context(*run_->scenario);
    for (auto index : changes) {
      const auto& c = run_->result.changes[index];
      auto* item = new QTreeWidgetItem(
          history_, {format_time(c.time_min), describe_change(c), describe_cause(context, c)});
      item->setToolTip(2, describe_detail(context, c));
      if (c.cause.element != model::kNoElement) item->setData(0, ElementRole, c.cause.element);
    }
  }
  const QBrush later(palette().color(QPalette::Disabled, QPalette::Text));
  for (int row = 0; row < history_->topLevelItemCount() && static_cast<std::size_t>(row) < changes.size();
       ++row) {
    auto* item = history_->topLevelItem(row);
    const bool grey = run_->result.changes[changes[static_cast<std::size_t>(row)]].time_min > time_;
    if (grey == (item->data(0, Qt::ForegroundRole).isValid())) continue;
    for (int col = 0; col < 3; ++col)
      item->setData(col, Qt::ForegroundRole, grey ? QVariant(later) : QVariant());
  }

  // Why: asked off the GUI thread; the answer replaces the chain when it comes. Until then a chain
  // of the same element at another time stays, anything else makes way for a note. When nothing
  // the answer depends on happens between the shown chain's time and this one (scrubbing through a
  // quiet stretch), the shown answer is used again at once.
  if (chain_run_ == run_ && chain_element_ == element_ &&
      Explainer::same_answer(*run_, chain_answer_.time_min, time_)) {
    explainer_->forget();
    Explanation answer = chain_answer_;
    answer.time_min = time_;
    show_explanation(answer);
    return;
  }
  if (chain_run_ != run_ || chain_element_ != element_) {
    chain_elements_.clear();
    chain_lines_.clear();
    set_chain_html(tr("<p><i>Working out why…</i></p>"));
  }
  explainer_->ask(run_, element_, time_);
}

void InspectorPanel::set_chain_html(const QString& html) {
  if (html == chain_html_) return;
  chain_html_ = html;
  chain_->setHtml(html);
}

void InspectorPanel::show_explanation(const Explanation& answer) {
  if (answer.run != run_ || answer.element != element_ || answer.time_min != time_) return;  // stale
  chain_run_ = answer.run;
  chain_element_ = answer.element;
  chain_answer_ = answer;
  chain_elements_.clear();
  chain_lines_.clear();
  const auto& net = run_->scenario->network;
  const sim::CauseContext context(*run_->scenario);
  // Why: the engine's explain, one step per element on the way back to the event.
  const auto& chain = answer.chain;
  if (chain.empty()) {
    set_chain_html(tr("<p><i>Nothing happened to it up to %1.</i></p>").arg(format_time(time_)));
    emit explained();
    return;
  }
  QString html = tr("<p style='margin:0 0 4px 0'><b>Why?</b> From this element back to the attack:</p>");
  int depth = 0;
  const auto& steps = run_->scenario->campaign.steps;
  // A campaign step is a link that selects it in the Attack view (`step:<index>`).
  auto step_link = [&steps](std::uint32_t s) {
    return QStringLiteral("<a href='step:%1'>%2</a>")
        .arg(s)
        .arg(QString::fromStdString(steps[s].id).toHtmlEscaped());
  };
  for (const auto& step : chain) {
    const auto& c = step.change;
    const QString id = QString::fromStdString(net.element(step.element).id);
    // The attacker's way in: held since a campaign step succeeded (from another asset), or from the
    // campaign's start (the entry point), as the CLI's explain says it.
    if (step.entry_point || step.attack) {
      QString html_how = tr("held by the attacker from the start of the campaign (entry point)");
      QString plain_how = html_how;
      if (step.attack) {
        const auto& record = *step.attack;
        const bool known = record.step < steps.size();
        const QString from =
            record.from < net.size() ? QString::fromStdString(net.element(record.from).id) : QString();
        plain_how = tr("held by the attacker since %1 through attack step %2")
                        .arg(format_time(record.time_min),
                             known ? QString::fromStdString(steps[record.step].id) : QStringLiteral("?"));
        html_how = plain_how.toHtmlEscaped();
        if (known)
          html_how = tr("held by the attacker since %1 through attack step %2")
                         .arg(format_time(record.time_min), step_link(record.step));
        if (!from.isEmpty()) {
          plain_how += tr(" from %1").arg(from);
          html_how += tr(" from <a href='element:%1'>%2</a>").arg(record.from).arg(from.toHtmlEscaped());
        }
      } else {
        html_how = html_how.toHtmlEscaped();
      }
      html += QStringLiteral("<p style='margin:1px 0 1px %1px'>%2 <a href='element:%3'>%4</a> %5</p>")
                  .arg(depth * 10)
                  .arg(chip(QColor(0xD5, 0x5E, 0x00)))
                  .arg(step.element)
                  .arg(id.toHtmlEscaped(), html_how);
      chain_elements_.push_back(step.element);
      chain_lines_ << QStringLiteral("%1 %2").arg(id, plain_how);
      depth = std::min(depth + 1, 8);
      continue;
    }
    QString because = describe_cause(context, c).toHtmlEscaped();
    const bool by_step = c.cause.kind == sim::CauseKind::Attack && c.cause.event < steps.size();
    if (by_step) {
      // The attack step that did it is a link to it in the Attack view (the asset the attacker
      // worked from is in the detail and the next line).
      because = tr("attack step %1").arg(step_link(c.cause.event));
    } else if (c.cause.element != model::kNoElement && c.cause.element < net.size()) {
      const QString other = QString::fromStdString(net.element(c.cause.element).id).toHtmlEscaped();
      because.replace(other, QStringLiteral("<a href='element:%1'>%2</a>").arg(c.cause.element).arg(other));
    }
    // The event that started it all is a link to its row in the scenario events.
    if (c.cause.kind == sim::CauseKind::Event && !c.cause.from_step &&
        c.cause.event < run_->scenario->events.size()) {
      const QString event = QString::fromStdString(run_->scenario->events[c.cause.event].id).toHtmlEscaped();
      because.replace(event, QStringLiteral("<a href='event:%1'>%1</a>").arg(event));
    }
    const QString detail = describe_detail(context, c);
    QString tail;
    if (!detail.isEmpty()) tail = QStringLiteral(" — ") + detail.toHtmlEscaped();
    if (c.cause.kind == sim::CauseKind::Event && c.cause.event < run_->scenario->events.size()) {
      const auto& ev = run_->scenario->events[c.cause.event];
      if (!ev.description.empty())
        tail += QStringLiteral(" <i>(%1%2)</i>")
                    .arg(ev.technique.empty() ? QString()
                                              : QString::fromStdString(ev.technique) + QStringLiteral(": "),
                         QString::fromStdString(ev.description).toHtmlEscaped());
    }
    const QColor color = c.change == sim::ChangeKind::State ? state_color(c.to) : QColor(Qt::gray);
    html += QStringLiteral(
                "<p style='margin:1px 0 1px %1px'>%2 <b>%3</b> <a href='element:%4'>%5</a> %6 "
                "<br>&nbsp;&nbsp;&nbsp;because of %7%8</p>")
                .arg(depth * 10)
                .arg(chip(color), format_time(c.time_min))
                .arg(step.element)
                .arg(id.toHtmlEscaped(), describe_change(c).toHtmlEscaped(), because, tail);
    chain_elements_.push_back(step.element);
    chain_lines_ << QStringLiteral("%1 %2 %3 because of %4%5")
                        .arg(format_time(c.time_min), id, describe_change(c), describe_cause(context, c),
                             detail.isEmpty() ? QString() : QStringLiteral(" — ") + detail);
    depth = std::min(depth + 1, 8);
  }

  // Still down: what it waits for, down to the asset whose own repair holds everything up.
  const auto& waiting = answer.still_down;
  if (!waiting.empty()) {
    html += tr("<p style='margin:6px 0 2px 0'><b>Why is it still down?</b></p>");
    for (const auto& row : waiting) {
      const QString id = QString::fromStdString(net.element(row.element).id).toHtmlEscaped();
      const QString reason = QString::fromStdString(report::still_down_reason(*run_->scenario, row));
      html += QStringLiteral("<p style='margin:1px 0 1px 6px'>%1 <a href='element:%2'>%3</a>: %4</p>")
                  .arg(chip(state_color(row.state)))
                  .arg(row.element)
                  .arg(id, reason.toHtmlEscaped());
      chain_lines_ << QStringLiteral("still down: %1: %2").arg(id, reason);
    }
  }
  set_chain_html(html);
  emit explained();
}

}  // namespace blackstart::gui
