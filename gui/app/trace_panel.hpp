#pragma once
#include <QWidget>

#include "controllers/trace_controller.hpp"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace blackstart::gui {

//! The list behind "What did this take down?": what the traced asset holds down at the chosen
//! time, by layer, each with its state and the element it was reached through. Clicking a row asks
//! to select that element; the canvas shows the same set highlighted.
class TracePanel : public QWidget {
  Q_OBJECT
 public:
  //! Qt::UserRole of rows that name an element.
  static constexpr int ElementRole = Qt::UserRole;
  //! Qt::UserRole + 1 of element rows: the sim::State shown by the row's chip.
  static constexpr int StateRole = Qt::UserRole + 1;

  explicit TracePanel(const TraceController* trace, QWidget* parent = nullptr);
  [[nodiscard]] QTreeWidget* list() const { return list_; }
  //! The summary line above the list (plain text).
  [[nodiscard]] QString summary() const;
  //! The full ids listed, in list order.
  [[nodiscard]] QStringList listed_ids() const;

 signals:
  void elementActivated(blackstart::model::ElementIndex element);

 private:
  void refresh();
  void on_item(QTreeWidgetItem* item);

  const TraceController* trace_;
  QLabel* summary_ = nullptr;
  QTreeWidget* list_ = nullptr;
};

}  // namespace blackstart::gui
