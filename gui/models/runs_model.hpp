#pragma once
#include <QAbstractTableModel>
#include <optional>
#include <vector>

#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

//! The runs kept for comparison (what-if), one row each with its headline metrics side by side, and
//! the differences of each run to the baseline (a run the user marks; the first by default), coloured
//! better or worse. The check box in the first column puts a run's curves on the charts.
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
    LossOfControlHours,
    LossOfViewHours,
    Restoration,
    Resilience,
    DeltaCustomerHours,  //!< Δ vs baseline: this run's figure minus the baseline's
    DeltaLossOfControlHours,
    DeltaLossOfViewHours,
    DeltaResilience,
    ColumnCount
  };

  explicit RunsModel(QObject* parent = nullptr);
  //! Adds a run (shown on the charts); a run with the same label replaces the older one.
  int add_run(RunPtr run);
  void remove_run(int row);
  void clear();
  void set_current(int row);
  [[nodiscard]] int current() const { return current_; }
  //! The run the Δ columns compare with; -1 without runs. The first run unless the user marks another.
  [[nodiscard]] int baseline() const;
  void set_baseline(int row);
  //! This run's figure minus the baseline's, for a Δ column; nullopt for other columns, without a
  //! baseline, or when either figure is missing (not restored by the horizon).
  [[nodiscard]] std::optional<double> delta(int row, int column) const;
  //! +1 when the row is better than the baseline in a Δ column, -1 when worse, 0 when equal or none.
  [[nodiscard]] int verdict(int row, int column) const;
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
  void baselineChanged(int row);

 private:
  [[nodiscard]] QVariant value(const RunSnapshot& run, int column) const;
  std::vector<RunPtr> runs_;
  std::vector<bool> shown_;
  int current_ = -1;
  int baseline_ = 0;  // meaningful only when there are runs
};

//! Highest total loss-of-control count over the run.
std::uint32_t peak_loss_of_control(const RunSnapshot& run);

}  // namespace blackstart::gui
