#pragma once
#include <QAbstractTableModel>

#include "controllers/ranking_controller.hpp"

namespace blackstart::gui {

//! The rows of a controls ranking as the engine computed them (the `controls` command's CSV):
//! the baseline without controls, each control alone (best first), then the greedy sets k = 1..K.
class ControlsRankingModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Rank, Kind, K, Controls, CustomerHours, Avoided, Interval, Reached, Prevented, ColumnCount };

  explicit ControlsRankingModel(QObject* parent = nullptr);
  void set_ranking(RankingPtr ranking);
  [[nodiscard]] const RankingPtr& ranking() const { return ranking_; }
  //! "mfa-remote-access+it-ot-segmentation", "none" for the baseline.
  [[nodiscard]] static QString controls_text(const study::ControlsRanking& ranking,
                                             const study::ControlsRow& row);

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  RankingPtr ranking_;
  std::vector<int> single_rank_;  // per row: 1.. for singles, 0 otherwise
};

}  // namespace blackstart::gui
