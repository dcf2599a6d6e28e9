#pragma once
#include <QWidget>

#include "blackstart/model/types.hpp"

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace blackstart::gui {

class EventLogModel;
class ViewState;

//! The Event log panel: every change of the shown run up to the chosen time, latest in view, with a
//! filter box, emptied when another scenario opens. Clicking a row asks to select its element.
class EventLogPanel : public QWidget {
  Q_OBJECT
 public:
  explicit EventLogPanel(QWidget* parent = nullptr);
  //! Lists the state's run up to its time from now on.
  void follow(const ViewState* state);
  [[nodiscard]] EventLogModel* model() const { return model_; }
  [[nodiscard]] QTableView* view() const { return view_; }
  [[nodiscard]] QLineEdit* filter_edit() const { return filter_edit_; }

 signals:
  void elementActivated(blackstart::model::ElementIndex element);

 private:
  void fit_columns();

  EventLogModel* model_ = nullptr;
  QLineEdit* filter_edit_ = nullptr;
  QSortFilterProxyModel* filter_ = nullptr;
  QTableView* view_ = nullptr;
};

}  // namespace blackstart::gui
