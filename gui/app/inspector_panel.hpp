#pragma once
#include <QWidget>

#include "app/trace_needed_by.hpp"
#include "controllers/explainer.hpp"
#include "controllers/run_snapshot.hpp"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QTabWidget;
class QTextBrowser;
class QUrl;

namespace blackstart::gui {

class Explainer;
class SteadyLabelBox;
class ViewState;
struct Explanation;

//! Everything about one element: attributes, dependencies, its state at the chosen time, its
//! history, and why it is in that state and still down (the engine's explain, worked out off the GUI
//! thread by an Explainer: the chain shows when the answer comes). Clicking a row that names another
//! element asks the window to select it.
class InspectorPanel : public QWidget {
  Q_OBJECT
 public:
  //! Qt::UserRole of tree items that name an element.
  static constexpr int ElementRole = Qt::UserRole;

  explicit InspectorPanel(QWidget* parent = nullptr);
  //! Shows the state's scenario, run, selection and time from now on.
  void follow(const ViewState* state);
  void set_scenario(std::shared_ptr<const model::Scenario> scenario);
  void set_run(RunPtr run);
  void set_time(double t_min);
  void set_element(ElementIndex element);
  [[nodiscard]] ElementIndex element() const { return element_; }

  //! The cause chain as shown: one paragraph per step, each naming its element as a link.
  [[nodiscard]] QTextBrowser* cause_chain() const { return chain_; }
  //! Elements of the chain's steps, from the selected element back to the event.
  [[nodiscard]] const std::vector<ElementIndex>& chain_elements() const { return chain_elements_; }
  //! Plain text of the chain, one line per step.
  [[nodiscard]] QString chain_text() const;
  //! The chain for the current element and time is still being worked out.
  [[nodiscard]] bool explaining() const;
  //! Processes events until the chain is shown, or `timeout_ms` passed.
  bool wait_for_explanation(int timeout_ms = 10000);
  //! Does what clicking step `step` does: asks to select its element.
  void activate_step(std::size_t step);
  [[nodiscard]] QTreeWidget* history() const { return history_; }
  [[nodiscard]] QTreeWidget* attributes() const { return attributes_; }
  [[nodiscard]] QTreeWidget* dependencies() const { return dependencies_; }
  [[nodiscard]] QString state_text() const;
  //! "What did this take down?": `bar` goes under the state line, `list` becomes a tab.
  void add_trace(QWidget* bar, QWidget* list, const QString& title);
  //! Brings the tab of `widget` to the front.
  void show_tab(QWidget* widget);
  //! Does what clicking a link of the chain does (`event:<id>`, `step:<index>`, `element:<index>`).
  void activate_link(const QUrl& url) { on_link(url); }

 signals:
  void elementActivated(blackstart::model::ElementIndex element);
  //! The chain's last step names a scenario event and its link was clicked.
  void eventActivated(const QString& event_id);
  //! A campaign step's link in the chain was clicked (`step:<index into campaign.steps>`).
  void stepActivated(std::uint32_t step);
  //! The chain for the current element and time is shown.
  void explained();

 private:
  void refresh();
  void refresh_attributes();
  void refresh_dynamic();
  void clear_chain();
  void clear_history();
  void set_chain_html(const QString& html);
  void show_explanation(const Explanation& answer);
  void on_item(QTreeWidgetItem* item);
  void on_link(const QUrl& url);

  std::shared_ptr<const model::Scenario> scenario_;
  RunPtr run_;
  double time_ = 0;
  ElementIndex element_ = model::kNoElement;
  QLabel* title_ = nullptr;
  QLabel* state_ = nullptr;
  SteadyLabelBox* state_box_ = nullptr;  // holds state_
  QTreeWidget* attributes_ = nullptr;
  QTextBrowser* chain_ = nullptr;
  Explainer* explainer_ = nullptr;
  RunPtr chain_run_;  // what the shown chain explains
  ElementIndex chain_element_ = model::kNoElement;
  Explanation chain_answer_;  // the shown chain's answer, reused at times with the same answer
  QString chain_html_;        // as set on chain_, not set again when unchanged
  RunPtr history_run_;        // what the history tree lists; only its greying follows the time
  ElementIndex history_element_ = model::kNoElement;
  std::vector<ElementIndex> chain_elements_;
  QStringList chain_lines_;
  QTreeWidget* history_ = nullptr;
  QTreeWidget* dependencies_ = nullptr;
  QTabWidget* tabs_ = nullptr;
  PowerPathRows power_rows_;
};

}  // namespace blackstart::gui
