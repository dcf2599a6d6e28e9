#pragma once
#include <QDialog>

#include "controllers/ranking_controller.hpp"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace blackstart::gui {

class ControlsRankingModel;
class GreedyChart;

//! Rank controls: how many runs per set and how large a greedy set (a small form), then the study
//! on a worker thread with progress and Cancel, then its table (the `controls` command's rows) and
//! the greedy curve. Save CSV writes exactly what the command line writes.
class RankingDialog : public QDialog {
  Q_OBJECT
 public:
  //! `scenario`: as it would run (mitigations applied); `defaults`: seed and thread count to use.
  RankingDialog(std::shared_ptr<const model::Scenario> scenario, std::vector<model::Control> candidates,
                study::ControlsOptions defaults, QWidget* parent = nullptr);

  //! Starts the study with the form's runs and greedy K (as the Rank button does).
  void start();
  void cancel();
  //! Blocks (processing events) until the study ends, or `timeout_ms` passed.
  bool wait(int timeout_ms = 120000);

  [[nodiscard]] QSpinBox* runs_box() const { return runs_; }
  [[nodiscard]] QSpinBox* greedy_box() const { return greedy_; }
  [[nodiscard]] RankingPtr ranking() const;
  [[nodiscard]] ControlsRankingModel* model() const { return model_; }
  [[nodiscard]] QTableView* table() const { return table_; }
  [[nodiscard]] GreedyChart* chart() const { return chart_; }
  [[nodiscard]] RankingController* controller() const { return controller_; }
  //! The options the last start() used.
  [[nodiscard]] const study::ControlsOptions& options() const { return options_; }

 signals:
  void rankingFinished(const blackstart::gui::RankingPtr& ranking);

 private:
  void save_csv();
  void set_busy(bool busy);

  std::shared_ptr<const model::Scenario> scenario_;
  std::vector<model::Control> candidates_;
  study::ControlsOptions options_;
  RankingController* controller_ = nullptr;
  ControlsRankingModel* model_ = nullptr;
  QSpinBox* runs_ = nullptr;
  QSpinBox* greedy_ = nullptr;
  QPushButton* rank_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* save_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QTableView* table_ = nullptr;
  GreedyChart* chart_ = nullptr;
};

}  // namespace blackstart::gui
