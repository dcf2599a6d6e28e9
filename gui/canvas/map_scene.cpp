#include "canvas/map_scene.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "canvas/canvas_items.hpp"
#include "canvas/map_palette.hpp"

namespace blackstart::gui {

namespace {

constexpr double kCellPx = 96.0;  // occupancy grid of the label placement
constexpr double kGapPx = 2.0;

//! Screen rectangles already taken, by grid cell.
class Occupancy {
 public:
  [[nodiscard]] bool free(const QRectF& r) const {
    bool ok = true;
    cells(r, [&](std::int64_t key) {
      const auto found = grid_.find(key);
      if (found != grid_.end())
        for (const auto& other : found->second)
          if (other.intersects(r)) ok = false;
    });
    return ok;
  }
  void take(const QRectF& r) {
    cells(r, [&](std::int64_t key) { grid_[key].push_back(r); });
  }

 private:
  template <class Visit>
  static void cells(const QRectF& r, Visit&& visit) {
    const auto x0 = static_cast<std::int64_t>(std::floor(r.left() / kCellPx));
    const auto x1 = static_cast<std::int64_t>(std::floor(r.right() / kCellPx));
    const auto y0 = static_cast<std::int64_t>(std::floor(r.top() / kCellPx));
    const auto y1 = static_cast<std::int64_t>(std::floor(r.bottom() / kCellPx));
    for (auto x = x0; x <= x1; ++x)
      for (auto y = y0; y <= y1; ++y) visit((x << 32) ^ (y & 0xffffffff));
  }
  std::unordered_map<std::int64_t, std::vector<QRectF>> grid_;
};

bool is_junction(const model::Network& net, const model::Element& e) {
  return !e.is_link && net.layers()[e.layer].kind == model::LayerKind::Transport &&
         (e.type == "road_segment" || e.type == "junction");
}

}  // namespace

MapScene::MapScene() = default;

void MapScene::set_scenario(std::shared_ptr<const model::Scenario> scenario) {
  scenario_ = std::move(scenario);
  labels_.reset();
  const auto& net = scenario_->network;
  const std::size_t n = net.size();
  position_.assign(n, QPointF());
  has_position_.assign(n, 0);
  course_.assign(n, QPolygonF());
  symbol_.assign(n, Symbol::Equipment);
  junction_.assign(n, 0);
  links_.clear();
  roads_.clear();
  assets_.clear();
  bounds_ = QRectF();
  placed_ = unplaced_ = 0;
  selected_ = model::kNoElement;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool any = false;
  auto grow = [&](const QPointF& p) {
    x0 = any ? std::min(x0, p.x()) : p.x();
    x1 = any ? std::max(x1, p.x()) : p.x();
    y0 = any ? std::min(y0, p.y()) : p.y();
    y1 = any ? std::max(y1, p.y()) : p.y();
    any = true;
  };

  for (ElementIndex x = 0; x < n; ++x) {
    const auto& e = net.element(x);
    if (e.is_link) continue;
    symbol_[x] = symbol_for(e, net.layers()[e.layer].kind);
    junction_[x] = is_junction(net, e);
    if (e.geo) {
      position_[x] = mercator::project(*e.geo);
      has_position_[x] = 1;
      assets_.push_back(x);
      grow(position_[x]);
      ++placed_;
    } else {
      ++unplaced_;
    }
  }
  for (ElementIndex x = 0; x < n; ++x) {
    const auto& e = net.element(x);
    if (!e.is_link) continue;
    QPolygonF line;
    if (e.path.size() >= 2) {
      for (const auto& p : e.path) line << mercator::project(p);
    } else if (has_position_[e.from] && has_position_[e.to]) {
      line << position_[e.from] << position_[e.to];
    }
    if (line.isEmpty()) continue;
    for (const auto& p : line) grow(p);
    course_[x] = line;
    (report::is_road(net, x) ? roads_ : links_).push_back(x);
  }
  if (any) bounds_ = QRectF(QPointF(x0, y0), QPointF(x1, y1));
  // The canvas's label priority (LabelPlacement): asked of a layout where every asset stands 1000 px
  // from the next, so that all labels fit and come back in priority order.
  CanvasModel spread;
  spread.scenario = scenario_;
  spread.position.resize(n);
  for (std::size_t i = 0; i < n; ++i) spread.position[i] = QPointF(static_cast<double>(i) * 1000.0, 0.0);
  spread.layer_visible.assign(net.layers().size(), true);
  spread.symbol_size = 1.0;
  spread.labels = &labels_;
  spread.bounds = QRectF(-1000.0, -1000.0, static_cast<double>(n) * 1000.0 + 2000.0, 2000.0);
  label_order_ = labels_.placed_at(spread, 1.0);
  frame_ = idle_frame(n);
  roads_now_ = report::road_conditions(net, [](ElementIndex) { return true; });
  crews_.clear();
}

void MapScene::set_time(const RunSnapshot* run, double t_min) {
  if (!scenario_) return;
  const auto& net = scenario_->network;
  crews_.clear();
  if (!run || run->state_history.size() != net.size()) {
    frame_ = idle_frame(net.size());
    roads_now_ = report::road_conditions(net, [](ElementIndex) { return true; });
    return;
  }
  frame_ = run->frame_at(t_min);
  const StateFrame& frame = *frame_;
  roads_now_ =
      report::road_conditions(net, [&](ElementIndex x) { return sim::is_operational(frame.state(x)); });
  for (const auto& p : report::crew_positions(net, run->result, t_min))
    crews_.push_back(
        {QString::fromStdString(run->result.crews[p.crew].name), mercator::project(p.place), p.driving});
}

std::optional<QPointF> MapScene::position(ElementIndex element) const {
  if (element >= has_position_.size() || !has_position_[element]) return std::nullopt;
  return position_[element];
}

report::RoadCondition MapScene::road_condition(ElementIndex link) const {
  return link < roads_now_.size() ? roads_now_[link] : report::RoadCondition::NotRoad;
}

QColor MapScene::link_colour(ElementIndex link) const {
  const auto condition = road_condition(link);
  if (condition != report::RoadCondition::NotRoad) return road_color(condition);
  if (!frame_ || !frame_->has_run) return link_color();
  const auto state = frame_->state(link);
  return state == sim::State::InService ? link_color() : state_color(state);
}

QColor MapScene::asset_colour(ElementIndex asset) const {
  if (!frame_ || !frame_->has_run) return idle_color();
  return state_color(frame_->state(asset));
}

int MapScene::paint(QPainter* p, const MapViewport& viewport, const std::vector<QRectF>& reserved) {
  if (!scenario_) return 0;
  const auto& net = scenario_->network;
  const QRectF screen(QPointF(0, 0), viewport.size());
  const QRectF seen = screen.adjusted(-40, -40, 40, 40);
  auto screen_line = [&](ElementIndex x) {
    QPolygonF out;
    out.reserve(course_[x].size());
    for (const auto& q : course_[x]) out << viewport.to_screen(q);
    return out;
  };
  p->save();
  p->setRenderHint(QPainter::Antialiasing);
  // Links of other kinds first (power lines, cables), thin.
  for (const auto x : links_) {
    const QPolygonF line = screen_line(x);
    if (!line.boundingRect().intersects(seen)) continue;
    const bool normal = !frame_->has_run || frame_->state(x) == sim::State::InService;
    p->setPen(QPen(link_colour(x), normal ? 1.5 : 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->drawPolyline(line);
  }
  // Roads: a white casing under the colour of their condition.
  std::vector<QPolygonF> road_lines;
  road_lines.reserve(roads_.size());
  for (const auto x : roads_) road_lines.push_back(screen_line(x));
  p->setPen(QPen(Qt::white, 6.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  for (const auto& line : road_lines)
    if (line.boundingRect().intersects(seen)) p->drawPolyline(line);
  for (std::size_t i = 0; i < roads_.size(); ++i) {
    if (!road_lines[i].boundingRect().intersects(seen)) continue;
    const auto condition = road_condition(roads_[i]);
    p->setPen(QPen(road_color(condition), condition == report::RoadCondition::Open ? 3.0 : 4.0, Qt::SolidLine,
                   Qt::RoundCap, Qt::RoundJoin));
    p->drawPolyline(road_lines[i]);
  }
  // Crew names first: each at the first free corner around its marker.
  Occupancy taken;
  for (const auto& r : reserved) taken.take(r);
  QFont bold = labels_.selected_font();
  const QFontMetricsF bold_metrics(bold);
  std::vector<QRectF> crew_boxes(crews_.size());
  for (std::size_t i = 0; i < crews_.size(); ++i) {
    const QPointF at = viewport.to_screen(crews_[i].at);
    const double w = bold_metrics.horizontalAdvance(crews_[i].name) + 6, h = bold_metrics.height() + 2;
    taken.take(QRectF(at.x() - 8, at.y() - 8, 16, 16));
    for (const QPointF corner :
         {QPointF(10, -h - 2), QPointF(10, 2), QPointF(-10 - w, -h - 2), QPointF(-10 - w, 2)}) {
      const QRectF box(at + corner, QSizeF(w, h));
      if (!screen.contains(box) || !taken.free(box)) continue;
      crew_boxes[i] = box;
      taken.take(box.adjusted(-kGapPx, -kGapPx, kGapPx, kGapPx));
      break;
    }
  }
  // Assets: junctions as small dots, the rest as the canvas's symbols in their state's colour.
  const double radius = kSymbolPx / 2;
  for (const auto x : assets_) {
    const QPointF at = viewport.to_screen(position_[x]);
    if (!seen.contains(at)) continue;
    if (junction_[x]) {
      p->setPen(QPen(QColor(60, 60, 60), 1.0));
      p->setBrush(asset_colour(x));
      p->drawEllipse(at, 3.0, 3.0);
      continue;
    }
    p->setPen(QPen(QColor(30, 30, 30), 1.0));
    p->setBrush(asset_colour(x));
    draw_symbol(p, symbol_[x], at, radius);
    taken.take(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius));
  }
  if (selected_ != model::kNoElement && selected_ < has_position_.size() && has_position_[selected_]) {
    const QPointF at = viewport.to_screen(position_[selected_]);
    p->setBrush(Qt::NoBrush);
    p->setPen(QPen(QColor(255, 255, 255, 220), 5.0));
    p->drawEllipse(at, radius * 2, radius * 2);
    p->setPen(QPen(QColor(0x20, 0x20, 0x20), 2.0));
    p->drawEllipse(at, radius * 2, radius * 2);
  }
  // Crews on top: black diamonds with a white rim, and their names.
  int drawn = 0;
  for (std::size_t i = 0; i < crews_.size(); ++i) {
    const QPointF at = viewport.to_screen(crews_[i].at);
    const QPolygonF diamond{at + QPointF(0, -8), at + QPointF(8, 0), at + QPointF(0, 8), at + QPointF(-8, 0)};
    p->setPen(QPen(Qt::white, 2.0));
    p->setBrush(crew_color());
    p->drawPolygon(diamond);
    if (crew_boxes[i].isEmpty()) continue;
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(30, 30, 30, 225));
    p->drawRoundedRect(crew_boxes[i], 3, 3);
    p->setPen(Qt::white);
    p->setFont(bold);
    p->drawText(crew_boxes[i], Qt::AlignCenter, crews_[i].name);
    ++drawn;
  }
  // Asset labels in the canvas's priority order, each where no other label or symbol is.
  p->setFont(labels_.font());
  for (const auto x : label_order_) {
    if (!has_position_[x] || (junction_[x] && net.element(x).name.empty())) continue;
    const QPointF at = viewport.to_screen(position_[x]);
    if (!screen.contains(at)) continue;
    // Below the symbol as on the canvas; else above, right or left of it.
    const QRectF below = labels_.rect(x, at, kSymbolPx, screen);
    const double drop = below.top() - at.y(), w = below.width(), h = below.height();
    const std::array<QRectF, 4> candidates{below, QRectF(below.left(), at.y() - drop - h, w, h),
                                           QRectF(at.x() + drop, at.y() - h / 2, w, h),
                                           QRectF(at.x() - drop - w, at.y() - h / 2, w, h)};
    QRectF box;
    for (const auto& candidate : candidates) {
      const QRectF padded = candidate.adjusted(-kGapPx, -kGapPx, kGapPx, kGapPx);
      if (!screen.contains(candidate) || !taken.free(padded)) continue;
      box = candidate;
      taken.take(padded);
      break;
    }
    if (box.isEmpty()) continue;
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(255, 255, 255, 215));
    p->drawRoundedRect(box, 2, 2);
    p->setPen(QColor(20, 20, 20));
    p->drawText(labels_.text_origin(box), labels_.text(x));
    ++drawn;
  }
  p->restore();
  return drawn;
}

ElementIndex MapScene::asset_at(const MapViewport& viewport, QPointF screen, double radius_px) const {
  ElementIndex best = model::kNoElement;
  double best_d = radius_px;
  for (const auto x : assets_) {
    const QPointF d = viewport.to_screen(position_[x]) - screen;
    const double dist = std::hypot(d.x(), d.y());
    if (dist <= best_d) {
      best_d = dist;
      best = x;
    }
  }
  return best;
}

}  // namespace blackstart::gui
