#pragma once
#include <QObject>

class QWidget;

namespace blackstart::gui {

class ChartsPanel;
class NetworkScene;
class RunsModel;
class ScenarioDocument;
class UserMessages;
class ViewState;

//! File ▸ Export and File ▸ Report: asks where to write, then calls the writers in export.hpp
//! (pictures of the canvas and charts, the shown run's data, the runs table, the one-page report).
class ExportActions : public QObject {
  Q_OBJECT
 public:
  struct Sources {
    const ScenarioDocument* document;
    const ViewState* state;
    NetworkScene* scene;
    ChartsPanel* charts;
    const RunsModel* runs;
  };
  ExportActions(Sources sources, UserMessages* messages, QWidget* window);

  void export_canvas(bool svg);
  void export_charts(bool svg);
  //! summary.json, timeline.csv and events.csv of the shown run, as `blackstart run --out` writes them.
  void export_run_data();
  void export_runs_table();
  void export_report(bool pdf);
  void print_report();

 private:
  //! False (with a hint) when there is no run to report on.
  bool have_run();

  Sources sources_;
  UserMessages* messages_;
  QWidget* window_;
};

}  // namespace blackstart::gui
