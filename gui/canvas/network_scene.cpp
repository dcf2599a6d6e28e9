#include "canvas/network_scene.hpp"

#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "blackstart/core/duration.hpp"
#include "canvas/trace_highlight_item.hpp"
#include "controllers/view_state.hpp"

namespace blackstart::gui {

namespace {
constexpr qreal kShear = 0.55;            // stacked view: horizontal shift per unit of depth
constexpr qreal kSquash = 0.45;           // stacked view: depth foreshortening
constexpr std::size_t kTileAssets = 160;  // target assets per tile
}  // namespace

NetworkScene::NetworkScene(QObject* parent) : QGraphicsScene(parent) {
  setItemIndexMethod(QGraphicsScene::BspTreeIndex);
  setBackgroundBrush(QColor(0xFB, 0xFB, 0xF8));
  model_.frame = idle_frame(0);
  labels_ = std::make_unique<LabelPlacement>();
  model_.labels = labels_.get();
  sprites_ = std::make_unique<SymbolSprites>();
  model_.sprites = sprites_.get();
}

void NetworkScene::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, [this](const ScenarioPtr& scenario) {
    set_frame(nullptr);
    set_scenario(scenario, false);
  });
  auto recolour = [this, state] {
    if (state->run()) set_frame(frames_.frame(state->run(), state->time()));
  };
  connect(state, &ViewState::runChanged, this, recolour);
  connect(state, &ViewState::timeChanged, this, recolour);
  connect(state, &ViewState::selectionChanged, this, &NetworkScene::set_selected);
}

void NetworkScene::set_scenario(std::shared_ptr<const model::Scenario> scenario, bool same_network) {
  scenario_ = std::move(scenario);
  model_.scenario = scenario_;
  if (!same_network || layout_.position.size() != scenario_->network.size())
    layout_ = compute_layout(scenario_->network);
  const auto layers = scenario_->network.layers().size();
  if (!same_network || model_.layer_visible.size() != layers) model_.layer_visible.assign(layers, true);
  if (!same_network) model_.selected = model::kNoElement;
  if (!same_network) set_highlighted(model::kNoElement, {});
  if (!model_.frame || model_.frame->codes.size() != scenario_->network.size())
    model_.frame = idle_frame(scenario_->network.size());
  model_.symbol.resize(scenario_->network.size());
  for (std::size_t i = 0; i < scenario_->network.size(); ++i) {
    const auto& e = scenario_->network.element(static_cast<ElementIndex>(i));
    model_.symbol[i] = symbol_for(e, scenario_->network.layers()[e.layer].kind);
  }
  labels_->reset();  // names may have changed
  rebuild();
}

void NetworkScene::set_mode(Mode mode) {
  if (mode == mode_) return;
  mode_ = mode;
  if (scenario_) rebuild();
}

void NetworkScene::place() {
  const auto& net = scenario_->network;
  const auto& layers = net.layers();
  const qreal margin = layout_.spacing * 1.5;
  model_.position.assign(net.size(), QPointF());
  planes_.clear();
  std::vector<QPolygonF> planes(layers.size());

  // Each layer's frame: its own box, or one box for all when they share coordinates.
  std::vector<QRectF> box(layers.size());
  QRectF shared;
  for (std::size_t l = 0; l < layers.size(); ++l) shared = shared.united(layout_.layer_bounds[l]);
  for (std::size_t l = 0; l < layers.size(); ++l)
    box[l] =
        (layout_.shared_frame ? shared : layout_.layer_bounds[l]).adjusted(-margin, -margin, margin, margin);

  std::vector<std::function<QPointF(QPointF)>> map(layers.size());
  if (mode_ == Mode::Flat) {
    if (layout_.shared_frame) {
      for (std::size_t l = 0; l < layers.size(); ++l) map[l] = [](QPointF p) { return p; };
      if (!layers.empty()) planes[0] = QPolygonF(shared.adjusted(-margin, -margin, margin, margin));
    } else {
      // Side by side, left to right in file order, tops aligned; small layers spread out (up to
      // 2.5 times) towards the height of the tallest so that they stay readable next to it.
      qreal tallest = 0;
      for (const auto& b : box) tallest = std::max(tallest, b.height());
      qreal x = 0;
      for (std::size_t l = 0; l < layers.size(); ++l) {
        const QRectF b = box[l];
        const qreal grow = std::clamp(tallest * 0.6 / std::max(b.height(), 1.0), 1.0, 2.5);
        const QPointF origin(x, 0);
        const QPointF corner = b.topLeft();
        map[l] = [=](QPointF p) { return origin + (p - corner) * grow; };
        planes[l] = QPolygonF(QRectF(origin, b.size() * grow));
        x += b.width() * grow + layout_.spacing * 3;
      }
    }
  } else {
    // Stacked: every layer on a plane of the same size, seen obliquely; the first layer at the bottom.
    qreal width = 0, height = 0;
    for (const auto& b : box) {
      width = std::max(width, b.width());
      height = std::max(height, b.height());
    }
    const qreal gap = layout_.spacing * 4;
    const qreal step = height * kSquash + gap;
    for (std::size_t l = 0; l < layers.size(); ++l) {
      // Small layers are spread over more of their plane (up to 2.5 times), centred.
      const QRectF b = box[l];
      const qreal grow = std::clamp(
          std::min(width / std::max(b.width(), 1.0), height / std::max(b.height(), 1.0)), 1.0, 2.5);
      const QPointF centre = b.center();
      const QPointF plane_centre(width / 2, height / 2);
      const qreal offset = static_cast<qreal>(layers.size() - 1 - l) * step;
      auto project = [offset](QPointF q) {
        return QPointF(q.x() + q.y() * kShear, q.y() * kSquash + offset);
      };
      map[l] = [=](QPointF p) { return project(plane_centre + (p - centre) * grow); };
      planes[l] << project({0, 0}) << project({width, 0}) << project({width, height}) << project({0, height});
    }
  }
  for (std::size_t i = 0; i < net.size(); ++i) {
    const auto& e = net.element(static_cast<ElementIndex>(i));
    if (!e.is_link) model_.position[i] = map[e.layer](layout_.position[i]);
  }
  for (std::size_t i = 0; i < net.size(); ++i) {
    const auto& e = net.element(static_cast<ElementIndex>(i));
    if (e.is_link) model_.position[i] = (model_.position[e.from] + model_.position[e.to]) / 2.0;
  }
  for (std::size_t l = 0; l < layers.size(); ++l) {
    if (planes[l].isEmpty()) continue;
    const QString name = layout_.shared_frame && mode_ == Mode::Flat ? tr("all layers")
                                                                     : QString::fromStdString(layers[l].name);
    auto* plane = new LayerPlaneItem(planes[l], name, layer_color(layers[l].kind));
    plane->setZValue(-100 + static_cast<qreal>(l));
    plane->setData(0, static_cast<int>(l));
    planes_.push_back(plane);
  }
}

void NetworkScene::rebuild() {
  clear();  // deletes the items
  tiles_.clear();
  planes_.clear();
  dependencies_ = nullptr;
  selection_ = nullptr;
  labels_item_ = nullptr;
  place();
  labels_->invalidate();  // new positions
  for (auto* plane : planes_) addItem(plane);

  // Tiles: a grid over each layer's assets; links go with the tile of their first end.
  const auto& net = scenario_->network;
  for (std::uint32_t l = 0; l < net.layers().size(); ++l) {
    const auto& layer = net.layers()[l];
    if (layer.assets.empty()) continue;
    QRectF b;
    for (auto a : layer.assets) b = b.united(QRectF(model_.position[a], QSizeF(1, 1)));
    const qreal cells = std::max<qreal>(1.0, static_cast<qreal>(layer.assets.size()) / kTileAssets);
    const qreal cell = std::max(b.width(), b.height()) / std::ceil(std::sqrt(cells)) + 1.0;
    std::map<std::pair<int, int>, std::pair<std::vector<ElementIndex>, std::vector<ElementIndex>>> grid;
    auto key = [&](QPointF p) {
      return std::make_pair(static_cast<int>((p.x() - b.left()) / cell),
                            static_cast<int>((p.y() - b.top()) / cell));
    };
    for (auto a : layer.assets) grid[key(model_.position[a])].first.push_back(a);
    for (auto k : layer.links) grid[key(model_.position[net.element(k).from])].second.push_back(k);
    for (auto& [cell_key, content] : grid) {
      auto* tile = new AssetTileItem(&model_, l, std::move(content.first), std::move(content.second));
      tile->setZValue(10 + static_cast<qreal>(l));
      tile->setVisible(model_.layer_visible[l]);
      addItem(tile);
      tiles_.push_back(tile);
    }
  }
  for (auto* plane : planes_)
    plane->setVisible(model_.layer_visible[static_cast<std::size_t>(plane->data(0).toInt())]);
  dependencies_ = new DependencyItem(&model_);
  dependencies_->setZValue(5);  // under the assets, above the planes
  addItem(dependencies_);
  const QRectF all = itemsBoundingRect().adjusted(-layout_.spacing * 2, -layout_.spacing * 2,
                                                  layout_.spacing * 2, layout_.spacing * 2);
  auto* trace = new TraceHighlightItem(&model_, all);
  trace->setZValue(8);  // under the assets, above the dependency arrows
  addItem(trace);
  model_.bounds = all;
  labels_item_ = new LabelItem(&model_, all);
  labels_item_->setZValue(50);  // over every layer's assets, under the selection
  addItem(labels_item_);
  selection_ = new SelectionItem(&model_, all);
  selection_->setZValue(100);
  addItem(selection_);
  setSceneRect(all);
}

void NetworkScene::set_frame(FramePtr frame) {
  FramePtr next = frame ? std::move(frame) : idle_frame(scenario_ ? scenario_->network.size() : 0);
  const auto plan = model_.frame ? repaint_.plan(model_, sceneRect(), *model_.frame, *next)
                                 : FrameRepaint::Plan{true, {}, 0};
  model_.frame = std::move(next);
  if (plan.everything) {
    update();
    return;
  }
  for (const auto& rect : plan.rects) update(rect);
}

void NetworkScene::set_layer_visible(std::uint32_t layer, bool visible) {
  if (layer >= model_.layer_visible.size()) return;
  model_.layer_visible[layer] = visible;
  labels_->invalidate();  // hidden layers leave room for the labels of the others
  for (auto* tile : tiles_)
    if (tile->layer() == layer) tile->setVisible(visible);
  if (!layout_.shared_frame || mode_ == Mode::Stacked)
    for (auto* plane : planes_)
      if (static_cast<std::uint32_t>(plane->data(0).toInt()) == layer) plane->setVisible(visible);
  update();
}

bool NetworkScene::layer_visible(std::uint32_t layer) const {
  return layer < model_.layer_visible.size() && model_.layer_visible[layer];
}

void NetworkScene::set_dependencies_visible(bool visible) {
  model_.show_dependencies = visible;
  update();
}

void NetworkScene::set_labels_visible(bool visible) {
  model_.show_labels = visible;
  update();
}

void NetworkScene::set_stamped_symbols(bool stamped) {
  model_.sprites = stamped ? sprites_.get() : nullptr;
  update();
}

void NetworkScene::set_selected(ElementIndex element) {
  model_.selected = element;
  update();
}

void NetworkScene::set_highlighted(ElementIndex root, std::vector<ElementIndex> elements) {
  model_.trace_root = root;
  model_.highlighted = root == model::kNoElement ? std::vector<ElementIndex>{} : std::move(elements);
  update();
}

ElementIndex NetworkScene::element_at(QPointF scene_point, qreal radius) const {
  ElementIndex best = model::kNoElement;
  qreal best_distance = 1e300;
  const QRectF probe(scene_point - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
  for (auto* item : items(probe, Qt::IntersectsItemBoundingRect)) {
    if (item->type() != AssetTileItem::Type || !item->isVisible()) continue;
    qreal distance = 0;
    const auto found = static_cast<AssetTileItem*>(item)->element_at(scene_point, radius, &distance);
    if (found != model::kNoElement && distance < best_distance) {
      best = found;
      best_distance = distance;
    }
  }
  return best;
}

std::vector<LabelItem::Label> NetworkScene::shown_labels(const QTransform& world,
                                                         const QRectF& scene_area) const {
  std::vector<LabelItem::Label> out;
  if (labels_item_) labels_item_->collect(world, world.mapRect(scene_area), &out);
  return out;
}

LabelPlacement::Selected NetworkScene::selected_label(const QTransform& world) const {
  if (!scenario_ || !model_.show_labels) return {};
  return labels_->selected(model_, world);
}

QPointF NetworkScene::position_of(ElementIndex element) const {
  return element < model_.position.size() ? model_.position[element] : QPointF();
}

QString NetworkScene::describe(ElementIndex element) const {
  if (!scenario_ || element >= scenario_->network.size()) return {};
  const auto& e = scenario_->network.element(element);
  QString text = QStringLiteral("<b>%1</b>").arg(QString::fromStdString(e.id).toHtmlEscaped());
  if (!e.name.empty()) text += QStringLiteral("<br>%1").arg(QString::fromStdString(e.name).toHtmlEscaped());
  text +=
      QStringLiteral("<br>%1%2").arg(QString::fromStdString(e.type), e.is_link ? tr(" (link)") : QString());
  const auto& frame = *model_.frame;
  if (frame.has_run) {
    text += tr("<br>at %1: <b>%2</b>")
                .arg(QString::fromStdString(core::format_duration(core::Duration{frame.time_min})),
                     state_label(frame.state(element)));
    if (frame.lost_control(element)) text += tr(", loss of control");
    if (frame.lost_view(element)) text += tr(", loss of view");
  }
  return text;
}

qreal NetworkScene::pick_radius(QWidget* viewport) const {
  const auto* view = viewport ? qobject_cast<const QGraphicsView*>(viewport->parentWidget()) : nullptr;
  const qreal scale = view ? std::max(1e-6, std::abs(view->transform().m11())) : 1.0;
  return std::max(model_.radius_at(scale) * 1.2, 6.0 / scale);
}

void NetworkScene::click(QPointF scene_point, qreal radius) {
  emit assetSelected(element_at(scene_point, radius));
}

void NetworkScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
  const auto element = element_at(event->scenePos(), pick_radius(event->widget()));
  emit assetContextMenuRequested(element, event->screenPos());
  event->accept();
}

void NetworkScene::helpEvent(QGraphicsSceneHelpEvent* event) {
  const auto element = element_at(event->scenePos(), pick_radius(event->widget()));
  if (element == model::kNoElement) {
    QToolTip::hideText();
    event->ignore();
    return;
  }
  QToolTip::showText(event->screenPos(), describe(element), event->widget());
  event->accept();
}

void NetworkScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
  const auto element = element_at(event->scenePos(), pick_radius(event->widget()));
  if (element != model::kNoElement) emit assetActivated(element);
  event->accept();
}

}  // namespace blackstart::gui
