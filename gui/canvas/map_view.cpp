#include "canvas/map_view.hpp"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>
#include <set>

#include "blackstart/core/duration.hpp"
#include "blackstart/io/backdrop.hpp"
#include "canvas/map_palette.hpp"
#include "controllers/view_state.hpp"

namespace blackstart::gui {

namespace {

constexpr double kMarginPx = 40.0;     // kept free around the network when fitting
constexpr double kScaleBarPx = 140.0;  // longest scale bar
const QColor kBackground(0xF3, 0xF2, 0xEE);

QFont font_px(int pixels, bool bold = false) {
  QFont font = QGuiApplication::font();
  font.setPixelSize(pixels);
  font.setBold(bold);
  return font;
}

//! A legend entry: a swatch (line or symbol) and its text.
struct Entry {
  QColor colour;
  QString text;
  enum class Kind { Line, Dot, Crew } kind;
};

}  // namespace

MapView::MapView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("mapView"));
  setMouseTracking(false);
  setMinimumSize(200, 150);
  setToolTip(tr("Drag to pan, wheel to zoom, click an asset to inspect it, double-click to fit"));
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void MapView::follow(const ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this,
          [this](const ScenarioPtr& scenario) { set_scenario(scenario); });
  connect(state, &ViewState::scenarioEdited, this, [this, state](const ScenarioPtr& scenario) {
    set_scenario(scenario);
    set_time(state->run().get(), state->time());
  });
  auto recolour = [this, state] { set_time(state->run().get(), state->time()); };
  connect(state, &ViewState::runChanged, this, recolour);
  connect(state, &ViewState::timeChanged, this, recolour);
  connect(state, &ViewState::selectionChanged, this, &MapView::set_selected);
}

void MapView::set_scenario(std::shared_ptr<const model::Scenario> scenario) {
  if (!scenario) return;
  backdrop_key_ = io::scenario_backdrop(*scenario);
  const QString backdrop = !backdrop_key_ ? QString()
                                          : QString::fromStdString(backdrop_key_->path.empty()
                                                                       ? "builtin:" + backdrop_key_->written
                                                                       : backdrop_key_->path);
  const bool same_backdrop = scene_.scenario() && backdrop == backdrop_path_;
  backdrop_path_ = backdrop;
  title_ = QString::fromStdString(scenario->name);
  scene_.set_scenario(scenario);
  if (!same_backdrop || backdrop_.empty()) load_backdrop();
  time_text_.clear();
  fitted_ = true;
  fit_all();
}

void MapView::load_backdrop() {
  backdrop_.clear();
  backdrop_error_.clear();
  if (!backdrop_key_) return;
  QString error;
  if (!backdrop_.load(*backdrop_key_, &error)) {
    backdrop_error_ = tr("Map backdrop not shown: %1").arg(error);
    emit problem(backdrop_error_);
  }
}

void MapView::set_time(const RunSnapshot* run, double t_min) {
  scene_.set_time(run, t_min);
  time_text_ = run ? tr("t = %1").arg(QString::fromStdString(core::format_duration(core::Duration{t_min})))
                   : tr("before a run");
  update();
}

void MapView::set_selected(ElementIndex element) {
  scene_.set_selected(element);
  update();
}

void MapView::fit_all() {
  QRectF bounds = scene_.bounds();
  if (scene_.empty() || bounds.isNull()) bounds = backdrop_.bounds();
  if (bounds.isNull()) bounds = QRectF(mercator::project({48.0, 24.0}), QSizeF(1, 1));
  viewport_.fit(bounds, size(), kMarginPx);
  fitted_ = true;
  update();
}

void MapView::zoom_by(double factor) {
  viewport_.zoom_at(factor, QPointF(width() / 2.0, height() / 2.0));
  fitted_ = false;
  update();
}

ScaleBar MapView::scale_bar() const {
  return scale_bar_for(viewport_.pixels_per_metre(), viewport_.centre_latitude(), kScaleBarPx);
}

MapViewport MapView::picture_viewport(const QSize& size) const {
  MapViewport out;
  out.fit(scene_.empty() ? backdrop_.bounds() : scene_.bounds(), size, kMarginPx);
  return out;
}

QImage MapView::picture(const QSize& size) {
  const MapViewport kept = viewport_;
  viewport_ = picture_viewport(size);
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(kBackground);
  {
    QPainter painter(&image);
    render(&painter, size);
  }
  viewport_ = kept;
  return image;
}

void MapView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  viewport_.set_size(size());
  render(&painter, size());
}

void MapView::render(QPainter* p, const QSize& size) {
  viewport_.set_size(size);
  p->fillRect(QRect(QPoint(0, 0), size), kBackground);
  p->setRenderHint(QPainter::Antialiasing);
  backdrop_.paint(p, viewport_);

  // Overlays first in the plan, so that labels keep clear of them; drawn last.
  const QFont title_font = font_px(14, true), small = font_px(11);
  const QFontMetricsF tm(title_font), sm(small);
  const QString detail = time_text_.isEmpty() ? tr("before a run") : time_text_;
  const double title_w = std::min<double>(
      size.width() - 80.0, std::max(tm.horizontalAdvance(title_), sm.horizontalAdvance(detail)) + 16);
  const QRectF title_box(8, 8, title_w, tm.height() + sm.height() + 12);
  const QPointF arrow(size.width() - 30.0, 34.0);
  const QRectF arrow_box(arrow.x() - 22, arrow.y() - 26, 44, 52);
  const ScaleBar bar = scale_bar();
  const QPointF bar_at(16, size.height() - 12.0);
  const QRectF bar_box(bar_at.x() - 6, bar_at.y() - 32, bar.pixels + 40, 36);

  std::vector<Entry> legend;
  const bool has_roads = [&] {
    for (ElementIndex x = 0; scene_.scenario() && x < scene_.scenario()->network.size(); ++x)
      if (scene_.road_condition(x) != report::RoadCondition::NotRoad && !scene_.course(x).isEmpty())
        return true;
    return false;
  }();
  if (has_roads)
    for (auto c :
         {report::RoadCondition::Open, report::RoadCondition::DarkSignals, report::RoadCondition::Closed})
      legend.push_back({road_color(c), road_condition_label(c), Entry::Kind::Line});
  if (!scene_.crews().empty()) legend.push_back({crew_color(), tr("crew"), Entry::Kind::Crew});
  if (const auto* s = scene_.scenario(); s && scene_.placed_assets() > 0) {
    // The states placed assets show now, in legend order.
    std::set<sim::State> shown;
    for (ElementIndex x = 0; x < s->network.size() && scene_.has_run(); ++x)
      if (!s->network.element(x).is_link && scene_.position(x)) shown.insert(scene_.state(x));
    if (!scene_.has_run()) legend.push_back({idle_color(), tr("asset (no run yet)"), Entry::Kind::Dot});
    for (auto state : all_states())
      if (shown.count(state)) legend.push_back({state_color(state), state_label(state), Entry::Kind::Dot});
  }
  QString note;
  if (scene_.unplaced_assets() > 0)
    note = scene_.placed_assets() == 0 ? tr("No asset has coordinates (lat/lon): nothing to place on the map")
           : scene_.unplaced_assets() == 1
               ? tr("1 asset without coordinates is not on the map")
               : tr("%1 assets without coordinates are not on the map").arg(scene_.unplaced_assets());
  const double row = sm.height() + 2;
  double legend_w = 0;
  for (const auto& e : legend) legend_w = std::max(legend_w, sm.horizontalAdvance(e.text));
  legend_w += 40;
  if (!note.isEmpty()) legend_w = std::max(legend_w, sm.horizontalAdvance(note) + 16);
  legend_w = std::min(legend_w, size.width() / 2.0);
  const double legend_h = row * static_cast<double>(legend.size() + (note.isEmpty() ? 0 : 1)) + 10;
  const QRectF legend_box(size.width() - legend_w - 8, size.height() - legend_h - 8, legend_w, legend_h);

  std::vector<QRectF> reserved{title_box, arrow_box, bar_box};
  if (!legend.empty() || !note.isEmpty()) reserved.push_back(legend_box);
  labels_drawn_ = scene_.paint(p, viewport_, reserved);

  // Title and time.
  p->setPen(Qt::NoPen);
  p->setBrush(QColor(255, 255, 255, 225));
  p->drawRoundedRect(title_box, 4, 4);
  p->setPen(QColor(15, 15, 15));
  p->setFont(title_font);
  p->drawText(QRectF(title_box.left() + 8, title_box.top() + 5, title_box.width() - 16, tm.height()),
              Qt::AlignLeft | Qt::AlignVCenter,
              tm.elidedText(title_, Qt::ElideRight, title_box.width() - 16));
  p->setFont(small);
  p->setPen(QColor(60, 60, 60));
  p->drawText(
      QRectF(title_box.left() + 8, title_box.top() + 7 + tm.height(), title_box.width() - 16, sm.height()),
      Qt::AlignLeft | Qt::AlignVCenter, detail);
  paint_north_arrow(p, arrow, 40);
  paint_scale_bar(p, bar_at, bar);
  if (!legend.empty() || !note.isEmpty()) {
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(255, 255, 255, 225));
    p->drawRoundedRect(legend_box, 4, 4);
    p->setFont(small);
    double y = legend_box.top() + 5;
    for (const auto& e : legend) {
      const QPointF mid(legend_box.left() + 18, y + row / 2);
      switch (e.kind) {
        case Entry::Kind::Line:
          p->setPen(QPen(e.colour, 4, Qt::SolidLine, Qt::RoundCap));
          p->drawLine(mid - QPointF(9, 0), mid + QPointF(9, 0));
          break;
        case Entry::Kind::Dot:
          p->setPen(QPen(QColor(30, 30, 30), 1));
          p->setBrush(e.colour);
          p->drawEllipse(mid, 5, 5);
          break;
        case Entry::Kind::Crew:
          p->setPen(QPen(Qt::white, 1.5));
          p->setBrush(e.colour);
          p->drawPolygon(QPolygonF{mid + QPointF(0, -6), mid + QPointF(6, 0), mid + QPointF(0, 6),
                                   mid + QPointF(-6, 0)});
          break;
      }
      p->setPen(QColor(20, 20, 20));
      p->drawText(QRectF(legend_box.left() + 34, y, legend_box.width() - 38, row),
                  Qt::AlignLeft | Qt::AlignVCenter, e.text);
      y += row;
    }
    if (!note.isEmpty()) {
      p->setPen(QColor(90, 60, 20));
      p->drawText(QRectF(legend_box.left() + 8, y, legend_box.width() - 12, row),
                  Qt::AlignLeft | Qt::AlignVCenter,
                  sm.elidedText(note, Qt::ElideRight, legend_box.width() - 12));
    }
  }
  if (!backdrop_error_.isEmpty()) {
    p->setFont(small);
    const QRectF box(8, title_box.bottom() + 6,
                     std::min(size.width() - 16.0, sm.horizontalAdvance(backdrop_error_) + 16),
                     sm.height() + 8);
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(255, 235, 225, 235));
    p->drawRoundedRect(box, 4, 4);
    p->setPen(QColor(150, 40, 0));
    p->drawText(box.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter,
                sm.elidedText(backdrop_error_, Qt::ElideRight, box.width() - 16));
  }
}

void MapView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (fitted_)
    fit_all();
  else
    viewport_.set_size(size());
}

void MapView::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return;
  viewport_.zoom_at(std::pow(1.2, steps), event->position());
  fitted_ = false;
  update();
  event->accept();
}

void MapView::mousePressEvent(QMouseEvent* event) {
  press_pos_ = last_pos_ = event->pos();
  dragging_ = event->button() == Qt::LeftButton;
  if (dragging_) setCursor(Qt::ClosedHandCursor);
}

void MapView::mouseMoveEvent(QMouseEvent* event) {
  if (!dragging_) return;
  viewport_.pan(event->pos() - last_pos_);
  last_pos_ = event->pos();
  fitted_ = false;
  update();
}

void MapView::mouseReleaseEvent(QMouseEvent* event) {
  if (!dragging_) return;
  dragging_ = false;
  unsetCursor();
  if ((event->pos() - press_pos_).manhattanLength() > 4) return;  // that was a pan
  emit assetSelected(scene_.asset_at(viewport_, event->position(), 10.0));
}

void MapView::mouseDoubleClickEvent(QMouseEvent*) {
  fit_all();
}

}  // namespace blackstart::gui
