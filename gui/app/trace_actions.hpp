#pragma once
#include <QObject>
#include <functional>
#include <optional>

#include "controllers/trace_controller.hpp"
#include "controllers/trace_history.hpp"

class QAction;
class QWidget;

namespace blackstart::gui {

class AttackPanel;
class InspectorPanel;
class NetworkScene;
class ScenarioEventsPanel;
class TracePanel;

//! "What did this take down?" and Back/Forward, wired into the window: the actions (inspector
//! buttons, canvas context menu, Alt+Left / Alt+Right), the trace shown on the canvas and in the
//! inspector's "Taken down" tab, the history of selected assets, and the cause chain's links to its
//! scenario event or campaign step.
class TraceActions : public QObject {
  Q_OBJECT
 public:
  struct Parts {
    ViewState* state = nullptr;
    NetworkScene* scene = nullptr;
    InspectorPanel* inspector = nullptr;
    ScenarioEventsPanel* events = nullptr;
    std::function<void(ElementIndex)> select;  //!< selects everywhere (the window's select_element)
    std::function<void()> show_events;         //!< brings the scenario events to the front
    AttackPanel* attack = nullptr;             //!< the campaign's steps (optional)
    std::function<void()> show_attack;         //!< brings the Attack view to the front
  };
  //! The actions are children of `window` (actionTakenDown, actionBack, actionForward,
  //! actionClearTrace), so that their shortcuts work everywhere in it.
  TraceActions(Parts parts, QWidget* window);

  //! Traces `element` (the selection when kNoElement) and shows the list.
  void trace(ElementIndex element = model::kNoElement);
  bool go_back();
  bool go_forward();
  //! Selects the scenario event with this id in the (time-sorted) events table.
  bool show_event(const QString& id);
  //! Brings the Attack view to the front with campaign step `step` marked in it (a chain that ends
  //! at an attack step links there); false without an Attack view or such a step.
  bool show_step(std::uint32_t step);

  [[nodiscard]] TraceController* controller() { return &controller_; }
  [[nodiscard]] const SelectionHistory& history() const { return history_; }
  [[nodiscard]] TracePanel* panel() const { return panel_; }
  [[nodiscard]] QAction* taken_down_action() const { return taken_down_; }

 private:
  void refresh_actions();
  bool go_to(std::optional<ElementIndex> to);  // one step through the history

  Parts parts_;
  TraceController controller_;
  SelectionHistory history_;
  bool navigating_ = false;  // Back/Forward select without recording a visit
  TracePanel* panel_ = nullptr;
  QAction* taken_down_ = nullptr;
  QAction* back_ = nullptr;
  QAction* forward_ = nullptr;
  QAction* clear_ = nullptr;
};

}  // namespace blackstart::gui
