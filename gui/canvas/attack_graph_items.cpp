#include "canvas/attack_graph_items.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include "canvas/canvas_items.hpp"

namespace blackstart::gui {

QColor step_status_color(StepStatus status) {
  switch (status) {
    case StepStatus::NotStarted:
      return {0xE4, 0xE4, 0xE4};
    case StepStatus::InProgress:
      return {0xF0, 0xE4, 0x42};  // yellow
    case StepStatus::Succeeded:
      return {0xD5, 0x5E, 0x00};  // vermillion: the attacker got it
    case StepStatus::Failed:
      return {0xA6, 0xA6, 0xA6};
    case StepStatus::Blocked:
      return {0x00, 0x9E, 0x73};  // bluish green: a defence held
    case StepStatus::Detected:
      return {0x56, 0xB4, 0xE9};  // sky blue
    case StepStatus::Evicted:
      return {0x00, 0x72, 0xB2};  // blue: taken back
  }
  return Qt::gray;
}

QString step_status_label(StepStatus status) {
  return QString::fromLatin1(to_string(status).data(), static_cast<qsizetype>(to_string(status).size()));
}

namespace {

bool is_dark(const QColor& c) {
  return 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue() < 140;
}

void draw_shield(QPainter* p, QPointF centre, qreal r) {
  QPainterPath shield;
  shield.moveTo(centre + QPointF(0, -r));
  shield.lineTo(centre + QPointF(r * 0.85, -r * 0.6));
  shield.quadTo(centre + QPointF(r * 0.8, r * 0.6), centre + QPointF(0, r));
  shield.quadTo(centre + QPointF(-r * 0.8, r * 0.6), centre + QPointF(-r * 0.85, -r * 0.6));
  shield.closeSubpath();
  p->setBrush(step_status_color(StepStatus::Blocked));
  p->setPen(QPen(QColor(0x00, 0x5E, 0x45), 1.0));
  p->drawPath(shield);
}

void draw_eye(QPainter* p, QPointF centre, qreal r) {
  QPainterPath eye;
  eye.moveTo(centre + QPointF(-r, 0));
  eye.quadTo(centre + QPointF(0, -r * 1.1), centre + QPointF(r, 0));
  eye.quadTo(centre + QPointF(0, r * 1.1), centre + QPointF(-r, 0));
  p->setBrush(Qt::white);
  p->setPen(QPen(QColor(0x1F, 0x4E, 0x79), 1.3));
  p->drawPath(eye);
  p->setBrush(QColor(0x1F, 0x4E, 0x79));
  p->drawEllipse(centre, r * 0.35, r * 0.35);
}

}  // namespace

// ------------------------------------------------------------------------------------------ nodes

AttackNodeItem::AttackNodeItem(AttackNodeFace face, std::uint32_t index)
    : face_(std::move(face)), index_(index) {
  setAcceptHoverEvents(true);
  setCursor(face_.kind == AttackNodeFace::Kind::Step ? Qt::PointingHandCursor : Qt::ArrowCursor);
  setZValue(1);
}

QRectF AttackNodeItem::boundingRect() const {
  return {-kWidth / 2 - 3, -kHeight / 2 - 9, kWidth + 12, kHeight + 12};
}

void AttackNodeItem::set_face(AttackNodeFace face) {
  face_ = std::move(face);
  update();
}

void AttackNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  const QRectF box(-kWidth / 2, -kHeight / 2, kWidth, kHeight);
  painter->setRenderHint(QPainter::Antialiasing);
  if (face_.chosen) {  // the canvas selection's yellow, around the box (within the bounding rect)
    painter->setPen(QPen(QColor(255, 200, 0, 230), 4.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(box.adjusted(-1, -1, 1, 1), 9, 9);
  }
  QPen outline(face_.selected ? QColor(0x1F, 0x4E, 0x79) : QColor(0x55, 0x55, 0x55),
               face_.selected ? 3.0 : 1.0);
  if (face_.kind == AttackNodeFace::Kind::Objective) outline.setWidthF(outline.widthF() + 1.0);
  painter->setPen(outline);
  painter->setBrush(face_.fill);
  const qreal round = face_.kind == AttackNodeFace::Kind::Step ? 8 : kHeight / 2;
  painter->drawRoundedRect(box, round, round);

  const QColor ink = is_dark(face_.fill) ? Qt::white : QColor(0x1A, 0x1A, 0x1A);
  painter->setPen(ink);
  const qreal pad = face_.kind == AttackNodeFace::Kind::Step ? 8 : 16;
  const qreal badges = (face_.blocked ? 20 : 0) + (face_.detected ? 20 : 0);
  QFont font = painter->font();
  font.setPixelSize(13);
  font.setBold(true);
  painter->setFont(font);
  QFontMetricsF bold(font);
  const QRectF title(box.left() + pad, box.top() + 4, box.width() - 2 * pad - badges, 18);
  painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                    bold.elidedText(face_.title, Qt::ElideRight, title.width()));
  font.setBold(false);
  font.setPixelSize(11);
  painter->setFont(font);
  QFontMetricsF plain(font);
  const QRectF line2(box.left() + pad, box.top() + 22, box.width() - 2 * pad, 16);
  const QRectF line3(box.left() + pad, box.top() + 39, box.width() - 2 * pad, 16);
  painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                    plain.elidedText(face_.subtitle, Qt::ElideRight, line2.width()));
  painter->drawText(line3, Qt::AlignLeft | Qt::AlignVCenter,
                    plain.elidedText(face_.status, Qt::ElideRight, line3.width()));
  if (!face_.defence.isEmpty()) {
    font.setItalic(true);
    font.setPixelSize(10);
    painter->setFont(font);
    const QFontMetricsF small(font);
    const QRectF line4(box.left() + pad, box.top() + 56, box.width() - 2 * pad, 16);
    painter->drawText(line4, Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(face_.defence, Qt::ElideRight, line4.width()));
  }

  // Badges at the top right, on white discs so they read on any fill: a shield where a defence
  // blocked, an eye where one detected.
  qreal x = box.right() - 12;
  painter->setPen(QPen(QColor(0x55, 0x55, 0x55), 0.8));
  painter->setBrush(Qt::white);
  for (int b = 0; b < (face_.detected ? 1 : 0) + (face_.blocked ? 1 : 0); ++b)
    painter->drawEllipse(QPointF(x - 20 * b, box.top() + 12), 9.5, 9.5);
  if (face_.detected) {
    draw_eye(painter, QPointF(x, box.top() + 12), 7);
    x -= 20;
  }
  if (face_.blocked) draw_shield(painter, QPointF(x, box.top() + 12), 6.5);
}

// ------------------------------------------------------------------------------------------ edges

AttackEdgeItem::AttackEdgeItem(const AttackNodeItem* from, const AttackNodeItem* to, Style style)
    : from_(from), to_(to), style_(style) {
  setZValue(0);
}

QPainterPath AttackEdgeItem::path() const {
  const QPointF a = from_->out_port();
  const QPointF b = to_->in_port() - QPointF(2, 0);
  const qreal bend = std::max<qreal>(30, (b.x() - a.x()) / 2);
  QPainterPath path(a);
  path.cubicTo(a + QPointF(bend, 0), b - QPointF(bend, 0), b);
  return path;
}

QRectF AttackEdgeItem::boundingRect() const {
  return path().boundingRect().adjusted(-8, -8, 8, 8);
}

void AttackEdgeItem::set_active(bool active) {
  if (active == active_) return;
  active_ = active;
  update();
}

void AttackEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  painter->setRenderHint(QPainter::Antialiasing);
  const QColor color = active_ ? QColor(0x8B, 0x2E, 0x00) : QColor(0x8C, 0x8C, 0x8C);
  QPen pen(color, active_ ? 2.2 : 1.4);
  if (style_ == Style::Any) pen.setDashPattern({6, 4});
  if (style_ == Style::Objective) pen.setDashPattern({1.5, 3});
  pen.setCapStyle(Qt::FlatCap);
  painter->setPen(pen);
  painter->setBrush(Qt::NoBrush);
  const QPainterPath p = path();
  painter->drawPath(p);
  painter->setPen(QPen(color, 1));
  painter->setBrush(color);
  draw_arrow_head(painter, p.pointAtPercent(0.97), p.pointAtPercent(1.0), 9);
}

}  // namespace blackstart::gui
