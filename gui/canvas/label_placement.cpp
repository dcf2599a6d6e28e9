#include "canvas/label_placement.hpp"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "canvas/canvas_items.hpp"

namespace blackstart::gui {

namespace {

constexpr int kFontPixels = 11;      // label text height; readable on a laptop screen
constexpr qreal kPadX = 2.0;         // background margin left and right of the text, pixels
constexpr qreal kMaxTextPx = 150.0;  // longer names are elided
constexpr qreal kGapPx = 2.0;        // kept free between two labels, pixels
constexpr int kStepsPerOctave = 4;   // zoom steps of the placement cache
constexpr qreal kCellPx = 96.0;      // cell of the occupancy grid, pixels

//! A control centre by its type: a word of it names a control system (hmi, scada_server, dms,
//! control_centre...). Types are free text in scenarios, so this is a reading of common names.
bool is_control_centre(const std::string& type) {
  static constexpr std::string_view kWords[] = {"control", "scada", "dms", "ems", "hmi", "dispatch"};
  std::size_t start = 0;
  while (start <= type.size()) {
    const std::size_t end = std::min(type.find_first_of("_- ", start), type.size());
    const std::string_view word(type.data() + start, end - start);
    for (auto w : kWords)
      if (word == w) return true;
    start = end + 1;
  }
  return false;
}

//! Top of a label below its symbol (and the loss-of-control/view rings drawn from 7 px on).
qreal label_offset(qreal symbol_px) {
  return (symbol_px >= 7.0 ? symbol_px * 0.98 : symbol_px * 0.5) + 2.0;
}

}  // namespace

int label_group(const model::Element& e, bool named) {
  if (is_control_centre(e.type)) return 0;
  const bool node = e.role == model::Role::Source || e.role == model::Role::Bus;
  const bool serves = e.role == model::Role::Load || e.role == model::Role::Service || e.customers > 0 ||
                      e.passengers_per_hour > 0;
  if (named && (node || serves)) return 1;
  if (node) return 2;
  if (serves) return 3;
  return named ? 4 : 5;
}

LabelPlacement::LabelPlacement() {
  font_ = QGuiApplication::font();
  font_.setPixelSize(kFontPixels);
  font_.setBold(false);
  bold_ = font_;
  bold_.setBold(true);
  const QFontMetricsF metrics(font_);
  ascent_ = metrics.ascent();
  height_ = std::ceil(metrics.height()) + 1.0;
}

void LabelPlacement::reset() {
  prepared_ = false;
  cache_.clear();
  computations_ = 0;
}

void LabelPlacement::prepare(const model::Network& net) {
  const std::size_t n = net.size();
  std::unordered_map<std::string, int> uses;
  for (const auto& e : net.elements())
    if (!e.is_link && !e.name.empty()) ++uses[e.name];
  // Customers and passengers an asset serves itself or through one link (a substation and its
  // load points), as a measure of importance within a group.
  std::vector<double> weight(n, 0.0);
  std::vector<int> dependents(n, 0);  // what relies on it (a control centre: the substations it runs)
  for (const auto& d : net.dependencies())
    if (d.supplier < n) ++dependents[d.supplier];
  for (std::size_t i = 0; i < n; ++i) {
    const auto& e = net.element(static_cast<ElementIndex>(i));
    weight[i] += e.customers + e.passengers_per_hour;
    if (e.is_link && e.from < n && e.to < n) {
      const auto& a = net.element(e.from);
      const auto& b = net.element(e.to);
      weight[e.from] += b.customers + b.passengers_per_hour;
      weight[e.to] += a.customers + a.passengers_per_hour;
    }
  }
  struct Key {
    int group;
    bool named;
    int priority;
    double weight;
    int dependents;
    ElementIndex element;
  };
  std::vector<Key> keys;
  text_.assign(n, QString());
  static_.clear();
  width_.assign(n, 0.0);
  const QFontMetricsF metrics(font_);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& e = net.element(static_cast<ElementIndex>(i));
    if (e.is_link) continue;
    const bool named = !e.name.empty() && uses[e.name] == 1;
    const QString text = QString::fromStdString(named ? e.name : e.local_id);
    text_[i] = metrics.elidedText(text, Qt::ElideRight, kMaxTextPx);
    width_[i] = metrics.horizontalAdvance(text_[i]);
    keys.push_back(
        {label_group(e, named), named, e.priority, weight[i], dependents[i], static_cast<ElementIndex>(i)});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.group != b.group) return a.group < b.group;
    if (a.named != b.named) return a.named;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.dependents != b.dependents) return a.dependents > b.dependents;
    return a.element < b.element;
  });
  order_.clear();
  order_.reserve(keys.size());
  for (const auto& k : keys) order_.push_back(k.element);
  prepared_ = true;
}

namespace {
//! `start` moved so that [start, start + size] lies within [low, high] when it fits there.
qreal within(qreal start, qreal size, qreal low, qreal high) {
  return high - low <= size ? start : std::clamp(start, low, high - size);
}
}  // namespace

const QStaticText& LabelPlacement::static_text(ElementIndex element) {
  if (static_.size() != text_.size()) static_.assign(text_.size(), QStaticText());
  QStaticText& text = static_[element];
  if (text.text().isEmpty() && !text_[element].isEmpty()) {
    text.setText(text_[element]);
    text.setTextFormat(Qt::PlainText);
    text.setPerformanceHint(QStaticText::AggressiveCaching);
    text.prepare(QTransform(), font_);
  }
  return text;
}

QRectF LabelPlacement::rect(ElementIndex element, QPointF anchor, qreal symbol_px,
                            const QRectF& bounds) const {
  const qreal w = width_[element] + 2 * kPadX;
  return QRectF(within(anchor.x() - w / 2, w, bounds.left(), bounds.right()),
                within(anchor.y() + label_offset(symbol_px), height_, bounds.top(), bounds.bottom()), w,
                height_);
}

QPointF LabelPlacement::text_origin(const QRectF& rect) const {
  return QPointF(rect.left() + kPadX, rect.top() + ascent_ + 0.5);
}

QPointF LabelPlacement::static_origin(const QRectF& rect) const {
  return QPointF(rect.left() + kPadX, rect.top() + 0.5);
}

const std::vector<ElementIndex>& LabelPlacement::placed_at(const CanvasModel& model, qreal lod) {
  if (!prepared_) prepare(model.network());
  const int step = static_cast<int>(std::floor(std::log2(std::max(lod, 1e-9)) * kStepsPerOctave));
  auto it = cache_.find(step);
  if (it != cache_.end()) return it->second;
  std::vector<ElementIndex> placed;
  // At the step's smallest zoom: at any larger zoom of the step assets are farther apart on screen
  // while labels keep their size, so what does not overlap here does not overlap there.
  place(model, std::exp2(static_cast<qreal>(step) / kStepsPerOctave), &placed);
  ++computations_;
  return cache_.emplace(step, std::move(placed)).first->second;
}

void LabelPlacement::place(const CanvasModel& m, qreal lod, std::vector<ElementIndex>* placed) const {
  placed->clear();
  const qreal px = m.pixels_at(lod);
  const QRectF bounds(m.bounds.topLeft() * lod, m.bounds.size() * lod);
  std::unordered_map<std::int64_t, std::vector<QRectF>> grid;
  auto cells = [](const QRectF& r, auto&& visit) {
    const auto x0 = static_cast<std::int64_t>(std::floor(r.left() / kCellPx));
    const auto x1 = static_cast<std::int64_t>(std::floor(r.right() / kCellPx));
    const auto y0 = static_cast<std::int64_t>(std::floor(r.top() / kCellPx));
    const auto y1 = static_cast<std::int64_t>(std::floor(r.bottom() / kCellPx));
    for (auto x = x0; x <= x1; ++x)
      for (auto y = y0; y <= y1; ++y)
        if (!visit((x << 32) ^ (y & 0xffffffff))) return false;
    return true;
  };
  for (const auto e : order_) {
    if (!m.visible(e)) continue;
    const QPointF anchor = m.position[e] * lod;
    const QRectF label = rect(e, anchor, px, bounds).adjusted(-kGapPx, -kGapPx, kGapPx, kGapPx);
    const bool free = cells(label, [&](std::int64_t key) {
      const auto found = grid.find(key);
      if (found == grid.end()) return true;
      return std::none_of(found->second.begin(), found->second.end(),
                          [&](const QRectF& r) { return r.intersects(label); });
    });
    if (!free) continue;
    placed->push_back(e);
    // Its label, and its symbol, which later labels must not cover.
    const QRectF symbol(anchor.x() - px / 2, anchor.y() - px / 2, px, px);
    for (const QRectF& r : {label, symbol})
      cells(r, [&](std::int64_t key) {
        grid[key].push_back(r);
        return true;
      });
  }
}

LabelPlacement::Selected LabelPlacement::selected(const CanvasModel& m, const QTransform& world) {
  Selected out;
  if (m.selected == model::kNoElement || m.selected >= m.position.size()) return out;
  const auto& e = m.network().element(m.selected);
  if (e.is_link || !m.visible(m.selected)) return out;
  if (!prepared_) prepare(m.network());
  const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(world);
  const QPointF anchor = world.map(m.position[m.selected]);
  // The ring of SelectionItem (radius 2.3 symbol radii) with its 5 px halo.
  const qreal ring = m.radius_at(lod) * lod * 2.3 + 2.5;
  out.ring = QRectF(anchor.x() - ring, anchor.y() - ring, 2 * ring, 2 * ring);
  out.text = text_[m.selected];
  const qreal w = QFontMetricsF(bold_).horizontalAdvance(out.text) + 2 * kPadX;
  const QRectF bounds = world.mapRect(m.bounds);
  out.label = QRectF(within(anchor.x() - w / 2, w, bounds.left(), bounds.right()), anchor.y() + ring + 2.0, w,
                     height_);
  return out;
}

}  // namespace blackstart::gui
