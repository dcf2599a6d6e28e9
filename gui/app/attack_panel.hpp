#pragma once
#include <QWidget>

#include "controllers/view_state.hpp"

class QGraphicsView;
class QLabel;
class QStackedWidget;

namespace blackstart::gui {

class AttackGraphScene;

//! The Attack dock: the campaign's steps as a graph coloured by status at the chosen time, a line
//! saying where the campaign stands (objectives, first detection, responses), and the key to the
//! colours. A scenario without a campaign gets one sentence saying so instead.
class AttackPanel : public QWidget {
  Q_OBJECT
 public:
  explicit AttackPanel(QWidget* parent = nullptr);
  //! Draws the state's campaign and follows its run, time and selection from now on.
  void follow(const ViewState* state);

  [[nodiscard]] AttackGraphScene* scene() const { return scene_; }
  [[nodiscard]] QGraphicsView* view() const { return view_; }
  //! The one-line summary above the graph ("no campaign" text when there is none).
  [[nodiscard]] QString summary() const;
  [[nodiscard]] bool showing_graph() const;
  //! Marks campaign step `step` in the graph and scrolls it into sight (the cause chain's link to
  //! the step that started it); false when the shown campaign has no such step.
  bool show_step(std::uint32_t step);

 signals:
  //! A step (or the entry) was clicked: select this element on the canvas.
  void elementActivated(blackstart::model::ElementIndex element);

 private:
  void refresh();

  AttackGraphScene* scene_ = nullptr;
  QStackedWidget* pages_ = nullptr;
  QLabel* none_ = nullptr;
  QLabel* summary_ = nullptr;
  QGraphicsView* view_ = nullptr;
};

}  // namespace blackstart::gui
