#pragma once
#include <QAbstractTableModel>
#include <vector>

#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

//! The runs kept for comparison (what-if), one row each with its headline metrics side by side.
//! The check box in the first column puts a run's curves on the charts.
class RunsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    Run,
    Seed,
    Mitigations,
    PeakCustomers,
    CustomerHours,
    EnergyNotServed,
    PeakShed,
    PeakPassengers,
    PeakLossOfControl,
    Restoration,
    Resilience,
    ColumnCount
  };

  explicit RunsModel(QObject* parent = nullptr);
  //! Adds a run (shown on the charts); a run with the same label replaces the older one.
  int add_run(RunPtr run);
  void remove_run(int row);
  void clear();
  void set_current(int row);
  [[nodiscard]] int current() const { return current_; }
  [[nodiscard]] RunPtr run(int row) const;
  [[nodiscard]] const std::vector<RunPtr>& runs() const { return runs_; }
  //! Runs whose curves are on the charts, in table order.
  [[nodiscard]] std::vector<RunPtr> overlay() const;
  //! The table as CSV (header with units), for export.
  [[nodiscard]] QString to_csv() const;

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 signals:
  void overlayChanged();

 private:
  [[nodiscard]] QVariant value(const RunSnapshot& run, int column) const;
  std::vector<RunPtr> runs_;
  std::vector<bool> shown_;
  int current_ = -1;
};

//! Highest total loss-of-control count over the run.
std::uint32_t peak_loss_of_control(const RunSnapshot& run);

}  // namespace blackstart::gui
