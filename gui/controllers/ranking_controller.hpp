#pragma once
#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

#include "blackstart/study/controls_ranking.hpp"

namespace blackstart::gui {

using RankingPtr = std::shared_ptr<const study::ControlsRanking>;

//! What to rank: the scenario as it would run (mitigations applied), its candidate controls, and
//! the study's options (runs, greedy K, seed).
struct RankingRequest {
  std::shared_ptr<const model::Scenario> scenario;
  std::vector<model::Control> candidates;
  study::ControlsOptions options;
};

//! Runs study::rank_controls off the GUI thread, one ranking at a time, with progress and cancel
//! as for runs. The result is the engine's, unchanged.
class RankingController : public QObject {
  Q_OBJECT
 public:
  explicit RankingController(QObject* parent = nullptr);
  ~RankingController() override;

  //! Starts a ranking; false if one is running.
  bool start(RankingRequest request);
  //! Stops the ranking at the next finished run; cancelled() follows.
  void cancel();
  [[nodiscard]] bool busy() const { return busy_; }
  //! Blocks (processing events) until no ranking runs, or `timeout_ms` passed.
  bool wait(int timeout_ms);

 signals:
  void progressChanged(long done, long total);
  void finished(const blackstart::gui::RankingPtr& ranking);
  void failed(const QString& message);
  void cancelled();

 private:
  QThread thread_;
  QObject* worker_ = nullptr;  // lives on thread_, deleted when it finishes
  std::shared_ptr<std::atomic<bool>> cancel_;
  bool busy_ = false;
};

}  // namespace blackstart::gui

Q_DECLARE_METATYPE(blackstart::gui::RankingPtr)
