#include "app/layers_panel.hpp"

#include <QCheckBox>
#include <QMenu>
#include <QVBoxLayout>

#include "canvas/legend_widget.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/palette.hpp"
#include "controllers/view_state.hpp"

namespace blackstart::gui {

LayersPanel::LayersPanel(NetworkScene* scene, QWidget* parent) : QWidget(parent), scene_(scene) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  checks_layout_ = new QVBoxLayout;
  layout->addLayout(checks_layout_);
  layout->addWidget(new LegendWidget(this));
  layout->addStretch(1);
  menu_ = new QMenu(tr("La&yers"), this);
}

void LayersPanel::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, [this, state] { rebuild(state); });
}

void LayersPanel::rebuild(const ViewState* state) {
  for (auto* check : checks_) check->deleteLater();
  checks_.clear();
  menu_->clear();
  const auto& scenario = state->scenario();
  if (!scenario) return;
  const auto& layers = scenario->network.layers();
  for (std::uint32_t l = 0; l < layers.size(); ++l) {
    const QString name = QString::fromStdString(layers[l].name);
    auto* check = new QCheckBox(QStringLiteral("%1 (%2)").arg(name).arg(layers[l].assets.size()), this);
    check->setObjectName(QStringLiteral("layer_") + name);
    check->setChecked(true);  // a newly opened scenario shows every layer
    check->setToolTip(tr("Show or hide the %1 layer").arg(name));
    check->setStyleSheet(QStringLiteral("QCheckBox { background: %1; padding: 2px; }")
                             .arg(layer_color(layers[l].kind).name()));
    auto* menu_action = menu_->addAction(name);
    menu_action->setCheckable(true);
    menu_action->setChecked(true);
    connect(check, &QCheckBox::toggled, this, [this, l, menu_action](bool on) {
      scene_->set_layer_visible(l, on);
      menu_action->setChecked(on);
    });
    connect(menu_action, &QAction::toggled, check, &QCheckBox::setChecked);
    checks_layout_->addWidget(check);
    checks_ << check;
  }
}

}  // namespace blackstart::gui
