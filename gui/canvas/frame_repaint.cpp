#include "canvas/frame_repaint.hpp"

#include <QLineF>
#include <algorithm>
#include <cmath>
#include <optional>

namespace blackstart::gui {

namespace {

//! The grid of cells over the scene and the marking of dirty places on it.
class Grid {
 public:
  Grid(QRectF scene, std::vector<std::uint8_t>* marked) : scene_(scene), marked_(marked) {
    cell_ = std::max(scene.width(), scene.height()) / FrameRepaint::kGrid;
    if (cell_ <= 0) cell_ = 1;
    cols_ = std::max(1, static_cast<int>(std::ceil(scene.width() / cell_)));
    rows_ = std::max(1, static_cast<int>(std::ceil(scene.height() / cell_)));
    marked_->assign(static_cast<std::size_t>(cols_ * rows_), 0);
  }
  [[nodiscard]] qreal cell() const { return cell_; }

  //! Marks the cells that `r` touches.
  void mark(const QRectF& r) {
    const int c0 = col(r.left()), c1 = col(r.right()), r0 = row(r.top()), r1 = row(r.bottom());
    for (int y = r0; y <= r1; ++y)
      for (int x = c0; x <= c1; ++x) {
        auto& m = (*marked_)[static_cast<std::size_t>(y * cols_ + x)];
        count_ += m ? 0 : 1;
        m = 1;
      }
  }
  //! Marks the cells within `pad` of the segment a–b (sampled every half cell).
  void mark_line(QPointF a, QPointF b, qreal pad) {
    const qreal length = QLineF(a, b).length();
    const int steps = std::max(1, static_cast<int>(std::ceil(length / (cell_ / 2))));
    for (int i = 0; i <= steps; ++i) {
      const QPointF p = a + (b - a) * (static_cast<qreal>(i) / steps);
      mark(QRectF(p.x() - pad, p.y() - pad, 2 * pad, 2 * pad));
    }
  }
  [[nodiscard]] double share() const { return static_cast<double>(count_) / (cols_ * rows_); }

  //! The marked cells as rectangles: runs along each row, merged with identical runs below them.
  [[nodiscard]] std::vector<QRectF> rects() const {
    struct Run {
      int x0, x1, y0, y1;
    };
    std::vector<Run> done, open;
    for (int y = 0; y < rows_; ++y) {
      std::vector<Run> row_runs;
      for (int x = 0; x < cols_;) {
        if (!(*marked_)[static_cast<std::size_t>(y * cols_ + x)]) {
          ++x;
          continue;
        }
        int end = x;
        while (end + 1 < cols_ && (*marked_)[static_cast<std::size_t>(y * cols_ + end + 1)]) ++end;
        row_runs.push_back({x, end, y, y});
        x = end + 1;
      }
      std::vector<Run> next;
      for (auto run : row_runs) {
        auto above = std::find_if(open.begin(), open.end(),
                                  [&](const Run& o) { return o.x0 == run.x0 && o.x1 == run.x1; });
        if (above != open.end()) {
          run.y0 = above->y0;
          open.erase(above);
        }
        next.push_back(run);
      }
      done.insert(done.end(), open.begin(), open.end());
      open = std::move(next);
    }
    done.insert(done.end(), open.begin(), open.end());
    std::vector<QRectF> out;
    out.reserve(done.size());
    for (const auto& r : done)
      out.emplace_back(scene_.left() + r.x0 * cell_, scene_.top() + r.y0 * cell_, (r.x1 - r.x0 + 1) * cell_,
                       (r.y1 - r.y0 + 1) * cell_);
    return out;
  }

 private:
  [[nodiscard]] int col(qreal x) const {
    return std::clamp(static_cast<int>(std::floor((x - scene_.left()) / cell_)), 0, cols_ - 1);
  }
  [[nodiscard]] int row(qreal y) const {
    return std::clamp(static_cast<int>(std::floor((y - scene_.top()) / cell_)), 0, rows_ - 1);
  }

  QRectF scene_;
  std::vector<std::uint8_t>* marked_;
  qreal cell_ = 1;
  int cols_ = 1, rows_ = 1;
  std::size_t count_ = 0;
};

}  // namespace

void FrameRepaint::index(const CanvasModel& model) {
  indexed_ = model.scenario;
  const auto& net = model.network();
  const auto& deps = net.dependencies();
  first_.assign(net.size() + 1, 0);
  for (const auto& d : deps)
    if (d.supplier < net.size()) ++first_[d.supplier + 1];
  for (std::size_t e = 0; e < net.size(); ++e) first_[e + 1] += first_[e];
  dependencies_.assign(first_.back(), 0);
  std::vector<std::uint32_t> next(first_.begin(), first_.end() - 1);
  for (std::uint32_t i = 0; i < deps.size(); ++i)
    if (deps[i].supplier < net.size()) dependencies_[next[deps[i].supplier]++] = i;
}

FrameRepaint::Plan FrameRepaint::plan(const CanvasModel& model, QRectF scene, const StateFrame& before,
                                      const StateFrame& after) {
  Plan plan;
  if (!model.scenario || before.has_run != after.has_run || before.codes.size() != after.codes.size() ||
      after.codes.size() != model.network().size() || model.position.size() != after.codes.size() ||
      scene.isEmpty()) {
    plan.everything = true;
    return plan;
  }
  if (indexed_ != model.scenario) index(model);
  const auto& net = model.network();
  const auto& deps = net.dependencies();
  // Room for what a tile paints around an asset at any zoom (symbol at its largest, the loss of
  // control and view rings, the label below: as AssetTileItem's bounds) and around an arrow (its
  // sideways offset by kind, width and head; also enough for a link's widest pen).
  const qreal pad = model.symbol_size * 6.0;
  const qreal arrow = model.symbol_size * 3.0;
  std::optional<Grid> grid;
  const auto n = after.codes.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (before.codes[i] == after.codes[i]) continue;
    if (!grid) grid.emplace(scene, &marked_);
    ++plan.changed;
    const auto e = static_cast<ElementIndex>(i);
    const auto& element = net.element(e);
    if (element.is_link)
      grid->mark_line(model.position[element.from], model.position[element.to], arrow);
    else
      grid->mark(QRectF(model.position[i].x() - pad, model.position[i].y() - pad, 2 * pad, 2 * pad));
    // The arrows it supplies change strength only when it goes in or out of operation.
    if (sim::is_operational(before.state(e)) != sim::is_operational(after.state(e)))
      for (auto k = first_[i]; k < first_[i + 1]; ++k) {
        const auto& d = deps[dependencies_[k]];
        grid->mark_line(model.position[d.supplier], model.position[d.dependent], arrow);
      }
  }
  if (!grid) return plan;
  if (grid->share() > kEverythingShare) {
    plan.everything = true;
    return plan;
  }
  plan.rects = grid->rects();
  return plan;
}

}  // namespace blackstart::gui
