#pragma once
#include <QAbstractTableModel>
#include <memory>

#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

//! The run's state changes up to the chosen time, oldest first.
class EventLogModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Time, Element, Change, Cause, Detail, ColumnCount };
  //! Qt::UserRole on any cell: the element index; ChangeRole: the index into RunResult::changes.
  static constexpr int ElementRole = Qt::UserRole;
  static constexpr int ChangeRole = Qt::UserRole + 1;

  explicit EventLogModel(QObject* parent = nullptr);
  void set_run(RunPtr run);
  void set_time(double t_min);
  [[nodiscard]] const RunPtr& run() const { return run_; }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  RunPtr run_;
  std::unique_ptr<sim::CauseContext> context_;  // names for the run's causes
  double time_ = 0;
  int rows_ = 0;
};

//! "event pry-open-110", "power dependency on power/x", "restored by crew:kyiv"...
QString describe_cause(const sim::CauseContext& context, const sim::StateChange& change);
//! What happened, e.g. "supply through power/x back".
QString describe_detail(const sim::CauseContext& context, const sim::StateChange& change);
//! "in_service → failed", "loss of control"...
QString describe_change(const sim::StateChange& change);
QString format_time(double minutes);

}  // namespace blackstart::gui
