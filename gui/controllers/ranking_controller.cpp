#include "controllers/ranking_controller.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

namespace blackstart::gui {

namespace {

//! Thrown from the progress callback to stop the study: the engine's parallel loop passes it on.
struct Stop {};

}  // namespace

RankingController::RankingController(QObject* parent) : QObject(parent) {
  qRegisterMetaType<RankingPtr>();
  worker_ = new QObject;
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  thread_.setObjectName(QStringLiteral("blackstart-controls-ranking"));
  thread_.start();
}

RankingController::~RankingController() {
  if (cancel_) cancel_->store(true);
  thread_.quit();
  thread_.wait();
}

bool RankingController::start(RankingRequest request) {
  if (busy_) return false;
  busy_ = true;
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  emit progressChanged(0, 0);
  QMetaObject::invokeMethod(
      worker_,
      [this, request = std::move(request), flag = cancel_] {
        // Progress at most once per whole percent, queued to the GUI thread.
        int last_percent = -1;
        const auto progress = [&](long done, long total) {
          if (flag->load(std::memory_order_relaxed)) throw Stop{};
          const int percent = total > 0 ? static_cast<int>(100 * done / total) : 0;
          if (percent == last_percent) return;
          last_percent = percent;
          QMetaObject::invokeMethod(
              this, [this, done, total] { emit progressChanged(done, total); }, Qt::QueuedConnection);
        };
        RankingPtr ranking;
        QString error;
        bool stopped = false;
        try {
          ranking = std::make_shared<const study::ControlsRanking>(
              study::rank_controls(*request.scenario, request.candidates, request.options, {}, progress));
        } catch (const Stop&) {
          stopped = true;
        } catch (const std::exception& e) {
          error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, ranking, error, stopped] {
              busy_ = false;
              cancel_.reset();
              if (stopped)
                emit cancelled();
              else if (!ranking)
                emit failed(error);
              else
                emit finished(ranking);
            },
            Qt::QueuedConnection);
      },
      Qt::QueuedConnection);
  return true;
}

void RankingController::cancel() {
  if (cancel_) cancel_->store(true);
}

bool RankingController::wait(int timeout_ms) {
  QElapsedTimer timer;
  timer.start();
  while (busy_) {
    if (timer.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return true;
}

}  // namespace blackstart::gui
