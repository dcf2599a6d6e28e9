#pragma once
// The pieces of the attack view: a box per campaign step (and one for the entry point and each
// objective), coloured by status, with badges for the controls that blocked or detected it; and the
// arrows between them. They only paint what the AttackGraphScene gives them.
#include <QGraphicsItem>
#include <QString>

#include "controllers/attack_progress.hpp"

namespace blackstart::gui {

//! Fill colour of a step status (Okabe–Ito: the attacker's gains warm, the defender's cool).
QColor step_status_color(StepStatus status);
//! "not started", "succeeded"... for legends and tooltips.
QString step_status_label(StepStatus status);

//! What one box shows.
struct AttackNodeFace {
  enum class Kind : std::uint8_t { Entry, Step, Objective };
  Kind kind = Kind::Step;
  QString title;     //!< step id, "entry", objective id
  QString subtitle;  //!< technique and effect; the entry assets; what the objective needs
  QString status;    //!< "succeeded · 3/12 targets", "reached at 1h35min"
  QString defence;   //!< "blocked by mfa · detected 1h10min by ids"; empty: no fourth line
  QColor fill;
  bool blocked = false;   //!< shield badge
  bool detected = false;  //!< eye badge
  bool selected = false;
  bool chosen = false;  //!< the step a cause chain led to (inspector's link): a yellow halo
};

class AttackNodeItem final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 20 };
  static constexpr qreal kWidth = 168;
  static constexpr qreal kHeight = 76;

  //! `index`: the step or objective index (0 for the entry).
  AttackNodeItem(AttackNodeFace face, std::uint32_t index);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  void set_face(AttackNodeFace face);
  [[nodiscard]] const AttackNodeFace& face() const { return face_; }
  [[nodiscard]] std::uint32_t index() const { return index_; }
  //! Where arrows leave (right edge) and arrive (left edge), in scene coordinates.
  [[nodiscard]] QPointF out_port() const { return mapToScene(QPointF(kWidth / 2, 0)); }
  [[nodiscard]] QPointF in_port() const { return mapToScene(QPointF(-kWidth / 2, 0)); }

 private:
  AttackNodeFace face_;
  std::uint32_t index_;
};

//! A prerequisite: solid when the step needs all of its prerequisites, dashed when any one will do
//! (also used, dotted, from a step to the objective it counts for).
class AttackEdgeItem final : public QGraphicsItem {
 public:
  enum { Type = QGraphicsItem::UserType + 21 };
  enum class Style : std::uint8_t { All, Any, Objective };
  AttackEdgeItem(const AttackNodeItem* from, const AttackNodeItem* to, Style style);
  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
  //! Drawn strong once the attacker has what it carries (its source succeeded).
  void set_active(bool active);
  [[nodiscard]] Style style() const { return style_; }

 private:
  [[nodiscard]] QPainterPath path() const;
  const AttackNodeItem* from_;
  const AttackNodeItem* to_;
  Style style_;
  bool active_ = false;
};

}  // namespace blackstart::gui
