#include "app/trace_actions.hpp"

#include <QAction>
#include <QHBoxLayout>
#include <QStyle>
#include <QToolButton>
#include <QWidget>

#include "app/attack_panel.hpp"
#include "app/inspector_panel.hpp"
#include "app/make_action.hpp"
#include "app/scenario_events_panel.hpp"
#include "app/trace_panel.hpp"
#include "canvas/network_scene.hpp"

namespace blackstart::gui {

namespace {

QAction* make(QWidget* window, const QString& name, const QString& text, const QKeySequence& key,
              const QString& tip) {
  auto* action = make_action(window, name, text, key, tip);
  window->addAction(action);
  return action;
}

QToolButton* button(QWidget* parent, QAction* action, Qt::ToolButtonStyle style) {
  auto* b = new QToolButton(parent);
  b->setDefaultAction(action);
  b->setToolButtonStyle(style);
  b->setAutoRaise(true);
  return b;
}

}  // namespace

TraceActions::TraceActions(Parts parts, QWidget* window) : QObject(window), parts_(std::move(parts)) {
  controller_.follow(parts_.state);
  auto* style = window->style();
  back_ = make(window, QStringLiteral("actionBack"), tr("Back"), QKeySequence(Qt::ALT | Qt::Key_Left),
               tr("Back to the asset selected before (through a cause chain, say)"));
  back_->setIcon(style->standardIcon(QStyle::SP_ArrowBack));
  forward_ =
      make(window, QStringLiteral("actionForward"), tr("Forward"), QKeySequence(Qt::ALT | Qt::Key_Right),
           tr("Forward again to the asset selected after this one"));
  forward_->setIcon(style->standardIcon(QStyle::SP_ArrowForward));
  taken_down_ = make(window, QStringLiteral("actionTakenDown"), tr("What did this take down?"),
                     QKeySequence(Qt::CTRL | Qt::Key_T),
                     tr("Highlight and list everything the selected asset holds down at the chosen time"));
  clear_ = make(window, QStringLiteral("actionClearTrace"), tr("Clear"), {},
                tr("Clear the highlight of what the traced asset took down"));
  connect(back_, &QAction::triggered, this, [this] { go_back(); });
  connect(forward_, &QAction::triggered, this, [this] { go_forward(); });
  connect(taken_down_, &QAction::triggered, this, [this] { trace(); });
  connect(clear_, &QAction::triggered, &controller_, &TraceController::clear);

  // The inspector: a row of buttons under the state line, the list as a tab.
  auto* bar = new QWidget(parts_.inspector);
  bar->setObjectName(QStringLiteral("traceBar"));
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(2);
  row->addWidget(button(bar, back_, Qt::ToolButtonIconOnly));
  row->addWidget(button(bar, forward_, Qt::ToolButtonIconOnly));
  auto* trace_button = button(bar, taken_down_, Qt::ToolButtonTextOnly);
  trace_button->setObjectName(QStringLiteral("takenDownButton"));
  trace_button->setAutoRaise(false);
  row->addWidget(trace_button);
  row->addWidget(button(bar, clear_, Qt::ToolButtonTextOnly));
  row->addStretch(1);
  panel_ = new TracePanel(&controller_, parts_.inspector);
  parts_.inspector->add_trace(bar, panel_, tr("Taken down"));

  connect(panel_, &TracePanel::elementActivated, this, [this](ElementIndex e) { parts_.select(e); });
  connect(parts_.inspector, &InspectorPanel::eventActivated, this,
          [this](const QString& id) { show_event(id); });
  connect(parts_.inspector, &InspectorPanel::stepActivated, this, [this](std::uint32_t s) { show_step(s); });
  connect(&controller_, &TraceController::traceChanged, this, [this] {
    parts_.scene->set_highlighted(controller_.root(), controller_.elements());
    refresh_actions();
  });
  connect(parts_.state, &ViewState::scenarioOpened, this, [this] {
    history_.clear();
    refresh_actions();
  });
  connect(parts_.state, &ViewState::selectionChanged, this, [this](ElementIndex e) {
    if (!navigating_) history_.visit(e);
    refresh_actions();
  });
  connect(parts_.state, &ViewState::runChanged, this, &TraceActions::refresh_actions);
  refresh_actions();
}

void TraceActions::refresh_actions() {
  back_->setEnabled(history_.can_go_back());
  forward_->setEnabled(history_.can_go_forward());
  taken_down_->setEnabled(parts_.state->selected() != model::kNoElement && parts_.state->run() != nullptr);
  clear_->setEnabled(controller_.active());
}

void TraceActions::trace(ElementIndex element) {
  if (element == model::kNoElement) element = parts_.state->selected();
  if (element == model::kNoElement) return;
  if (element != parts_.state->selected()) parts_.select(element);
  controller_.trace(element);
  parts_.inspector->show_tab(panel_);
}

bool TraceActions::go_back() {
  return go_to(history_.back());
}

bool TraceActions::go_forward() {
  return go_to(history_.forward());
}

bool TraceActions::go_to(std::optional<ElementIndex> to) {
  if (!to) return false;
  navigating_ = true;
  parts_.select(*to);
  navigating_ = false;
  refresh_actions();
  return true;
}

bool TraceActions::show_event(const QString& id) {
  if (parts_.show_events) parts_.show_events();
  return parts_.events->select_event(id);
}

bool TraceActions::show_step(std::uint32_t step) {
  if (!parts_.attack) return false;
  if (parts_.show_attack) parts_.show_attack();
  return parts_.attack->show_step(step);
}

}  // namespace blackstart::gui
