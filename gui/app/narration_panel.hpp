#pragma once
#include <QWidget>
#include <vector>

#include "blackstart/report/narrative.hpp"
#include "controllers/run_snapshot.hpp"

class QLabel;
class QListWidget;

namespace blackstart::gui {

class ViewState;

//! A moment worth marking on the timeline: a line of the story.
struct StoryMarker {
  double time_min = 0.0;
  QString text;
};

//! "Story": the shown run told in order, one line per root cause (scenario event, attack step,
//! response, restoration) with what followed from it. Built by the engine's report::build_narrative
//! from the cause records. Clicking a line moves the time there; the line in effect at the current
//! time is highlighted.
class NarrationPanel : public QWidget {
  Q_OBJECT
 public:
  explicit NarrationPanel(QWidget* parent = nullptr);
  //! Tells the state's run and follows its time; clicks go to the state's time.
  void follow(ViewState* state);

  [[nodiscard]] QListWidget* list() const { return list_; }
  [[nodiscard]] const std::vector<report::NarrativeGroup>& groups() const { return groups_; }
  //! One marker per line, for the timeline.
  [[nodiscard]] std::vector<StoryMarker> markers() const;
  //! Row of the line in effect at `t_min` (the last one at or before it), -1 before the first.
  [[nodiscard]] int row_at(double t_min) const;

 signals:
  //! A line was clicked: show the run at its time.
  void timeRequested(double t_min);
  //! The story was rebuilt (new run or none).
  void storyChanged();

 private:
  void show_run(const RunPtr& run);
  void highlight(double t_min);

  QLabel* header_ = nullptr;
  QListWidget* list_ = nullptr;
  std::vector<report::NarrativeGroup> groups_;
  std::vector<QString> lines_;
};

}  // namespace blackstart::gui
