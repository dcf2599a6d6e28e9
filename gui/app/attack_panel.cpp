#include "app/attack_panel.hpp"

#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "canvas/attack_graph_scene.hpp"
#include "models/event_log_model.hpp"

namespace blackstart::gui {

namespace {

//! Fits the whole graph in the dock, never drawing it larger than life.
class FittingView final : public QGraphicsView {
 public:
  using QGraphicsView::QGraphicsView;
  void fit() {
    const QRectF rect = sceneRect();
    if (rect.isEmpty()) return;
    const qreal scale =
        std::min({1.0, (viewport()->width() - 4) / rect.width(), (viewport()->height() - 4) / rect.height()});
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(rect.center());
  }

 protected:
  void resizeEvent(QResizeEvent* event) override {
    QGraphicsView::resizeEvent(event);
    fit();
  }
};

//! The key: a chip per status, and the meaning of the line styles and badges.
QWidget* make_legend(QWidget* parent) {
  auto* legend = new QWidget(parent);
  auto* row = new QHBoxLayout(legend);
  row->setContentsMargins(4, 0, 4, 0);
  row->setSpacing(10);
  for (auto status : all_step_statuses()) {
    QPixmap chip(12, 12);
    chip.fill(step_status_color(status));
    auto* icon = new QLabel(legend);
    icon->setPixmap(chip);
    row->addWidget(icon);
    row->addWidget(new QLabel(step_status_label(status), legend));
  }
  auto* lines = new QLabel(
      QObject::tr("· solid: needs all · dashed: needs any · dotted: counts for the objective"), legend);
  lines->setToolTip(
      QObject::tr("A shield marks a step a control or response blocked; an eye, one a "
                  "control detected (time and control on the node; hover for details)."));
  row->addWidget(lines);
  row->addStretch(1);
  return legend;
}

}  // namespace

AttackPanel::AttackPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("attackPanel"));
  scene_ = new AttackGraphScene(this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  pages_ = new QStackedWidget(this);
  layout->addWidget(pages_);

  none_ = new QLabel(tr("This scenario has no attack campaign: its attacks are the timed events listed "
                        "under Scenario events. A campaign (steps, controls, responses) is described in "
                        "docs/campaigns.md."),
                     this);
  none_->setObjectName(QStringLiteral("attackNone"));
  none_->setWordWrap(true);
  none_->setAlignment(Qt::AlignCenter);
  none_->setMargin(16);
  none_->setStyleSheet(QStringLiteral("color:#555"));
  pages_->addWidget(none_);

  auto* graph_page = new QWidget(this);
  auto* graph_layout = new QVBoxLayout(graph_page);
  graph_layout->setContentsMargins(2, 2, 2, 2);
  graph_layout->setSpacing(2);
  summary_ = new QLabel(graph_page);
  summary_->setObjectName(QStringLiteral("attackSummary"));
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::RichText);
  graph_layout->addWidget(summary_);
  auto* view = new FittingView(scene_, graph_page);
  view->setObjectName(QStringLiteral("attackGraph"));
  view->setRenderHint(QPainter::Antialiasing);
  view->setDragMode(QGraphicsView::NoDrag);
  view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view->setMinimumHeight(90);
  view_ = view;
  graph_layout->addWidget(view_, 1);
  graph_layout->addWidget(make_legend(graph_page));
  pages_->addWidget(graph_page);

  connect(scene_, &QGraphicsScene::sceneRectChanged, this, [view] { view->fit(); });
  connect(scene_, &AttackGraphScene::stepActivated, this, [this](std::uint32_t, ElementIndex target) {
    if (target != model::kNoElement) emit elementActivated(target);
  });
  refresh();
}

void AttackPanel::follow(const ViewState* state) {
  scene_->follow(state);
  // After the scene: it has taken the new state when these run.
  connect(state, &ViewState::scenarioOpened, this, &AttackPanel::refresh);
  connect(state, &ViewState::scenarioEdited, this, &AttackPanel::refresh);
  connect(state, &ViewState::runChanged, this, &AttackPanel::refresh);
  connect(state, &ViewState::timeChanged, this, &AttackPanel::refresh);
}

bool AttackPanel::showing_graph() const {
  return pages_->currentIndex() == 1;
}

QString AttackPanel::summary() const {
  return showing_graph() ? summary_->text() : none_->text();
}

void AttackPanel::refresh() {
  pages_->setCurrentIndex(scene_->has_campaign() ? 1 : 0);
  if (!scene_->has_campaign()) return;
  const auto& scenario = *scene_->scenario();
  const auto& campaign = scenario.campaign;
  const QString name = QString::fromStdString(campaign.name.empty() ? scenario.name : campaign.name);
  if (!scene_->run()) {
    summary_->setText(tr("<b>%1</b>: %2 steps, %3 controls, %4 responses. Run the scenario (Ctrl+R) to see "
                         "how far the attacker gets.")
                          .arg(name.toHtmlEscaped())
                          .arg(campaign.steps.size())
                          .arg(scenario.controls.size())
                          .arg(scenario.responses.size()));
    return;
  }
  const auto& p = scene_->progress();
  const auto succeeded = std::count_if(p.steps.begin(), p.steps.end(), [](const StepProgress& s) {
    return s.status == StepStatus::Succeeded;
  });
  QStringList parts;
  parts << tr("<b>%1</b> at %2: %3 of %4 steps succeeded")
               .arg(name.toHtmlEscaped(), format_time(p.time_min))
               .arg(succeeded)
               .arg(p.steps.size());
  for (std::size_t o = 0; o < campaign.objectives.size(); ++o) {
    const QString id = QString::fromStdString(campaign.objectives[o].id).toHtmlEscaped();
    parts << (p.objective_reached[o]
                  ? tr("objective %1 <b>reached</b> at %2").arg(id, format_time(*p.objective_reached[o]))
                  : tr("objective %1 not reached").arg(id));
  }
  parts << (p.first_detection_min ? tr("first detection %1").arg(format_time(*p.first_detection_min))
                                  : tr("not detected"));
  QStringList responses;
  for (const auto& [r, t] : p.responses)
    if (r < scenario.responses.size())
      responses << QStringLiteral("%1 %2").arg(
          QString::fromStdString(scenario.responses[r].name).toHtmlEscaped(), format_time(t));
  if (!responses.isEmpty()) parts << tr("responses: %1").arg(responses.join(QStringLiteral(", ")));
  summary_->setText(parts.join(QStringLiteral(" · ")));
}

}  // namespace blackstart::gui
