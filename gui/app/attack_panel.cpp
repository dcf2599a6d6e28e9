#include "app/attack_panel.hpp"

#include <QGraphicsView>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

#include "canvas/attack_graph_scene.hpp"
#include "models/event_log_model.hpp"

namespace blackstart::gui {

namespace {

//! Fits the whole graph in the dock, never larger than life, and never so small that its text
//! cannot be read: below that it scrolls.
class FittingView final : public QGraphicsView {
 public:
  using QGraphicsView::QGraphicsView;
  static constexpr qreal kSmallest = 0.66;
  //! Where the action is, kept in sight when the graph is wider than the dock.
  std::function<QPointF()> focus;
  void fit() {
    const QRectF rect = sceneRect();
    if (rect.isEmpty()) return;
    const qreal fits =
        std::min({1.0, (viewport()->width() - 4) / rect.width(), (viewport()->height() - 4) / rect.height()});
    const qreal scale = std::max(kSmallest, fits);
    setTransform(QTransform::fromScale(scale, scale));
    const bool wider = rect.width() * scale > viewport()->width();
    centerOn(QPointF(wider && focus ? focus().x() : rect.center().x(), rect.center().y()));
  }

 protected:
  void resizeEvent(QResizeEvent* event) override {
    QGraphicsView::resizeEvent(event);
    fit();
  }
};

//! The key: a colour chip per status, then what line styles and badges mean. One wrapping label,
//! so that the dock stays narrow on a small screen.
QLabel* make_legend(QWidget* parent) {
  QStringList items;
  for (auto status : all_step_statuses())
    items << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                 .arg(step_status_color(status).name(), step_status_label(status).toHtmlEscaped());
  for (const QString& line : {QObject::tr("solid: needs all"), QObject::tr("dashed: needs any"),
                              QObject::tr("dotted: counts for the objective")})
    items << line.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
  auto* legend = new QLabel(items.join(QStringLiteral(" &nbsp; ")), parent);
  legend->setObjectName(QStringLiteral("attackLegend"));
  legend->setTextFormat(Qt::RichText);
  legend->setWordWrap(true);
  legend->setToolTip(
      QObject::tr("A shield marks a step a control or response blocked; an eye, one a "
                  "control detected (time and control on the node; hover for details)."));
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
  view->setMinimumHeight(90);
  view->focus = [this] { return scene_->frontier(); };
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

bool AttackPanel::show_step(std::uint32_t step) {
  if (!scene_->choose_step(step)) return false;
  if (auto* node = scene_->step_node(step)) view_->ensureVisible(node, 8, 8);
  return true;
}

QString AttackPanel::summary() const {
  return showing_graph() ? summary_->text() : none_->text();
}

void AttackPanel::refresh() {
  pages_->setCurrentIndex(scene_->has_campaign() ? 1 : 0);
  static_cast<FittingView*>(view_)->fit();
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
