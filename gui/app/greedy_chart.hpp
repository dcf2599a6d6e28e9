#pragma once
#include <QChartView>

#include "controllers/ranking_controller.hpp"

class QAreaSeries;
class QLineSeries;
class QValueAxis;

namespace blackstart::gui {

//! The greedy curve of a controls ranking: the best set of k controls (k = 0..K) against the
//! customer-hours it avoids per run, with the 95% interval as a band — how much the first few
//! simple actions buy on this scenario. Hover a point for the control that round added.
class GreedyChart : public QChartView {
  Q_OBJECT
 public:
  explicit GreedyChart(QWidget* parent = nullptr);
  void set_ranking(const RankingPtr& ranking);

  [[nodiscard]] QLineSeries* mean_series() const { return mean_; }
  [[nodiscard]] QAreaSeries* band() const { return band_; }
  //! "k = 2: + it-ot-segmentation — 1,234 customer-hours avoided (95%: 1,100 – 1,350)".
  [[nodiscard]] QString point_text(int k) const;

 private:
  RankingPtr ranking_;
  QLineSeries* mean_ = nullptr;
  QLineSeries* low_ = nullptr;
  QLineSeries* high_ = nullptr;
  QAreaSeries* band_ = nullptr;
  QValueAxis* x_ = nullptr;
  QValueAxis* y_ = nullptr;
};

}  // namespace blackstart::gui
