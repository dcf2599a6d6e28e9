#pragma once
#include <QAbstractTableModel>
#include <memory>

#include "blackstart/model/scenario.hpp"

namespace blackstart::gui {

//! The scenario's events (the attack timeline) as written in the file, for the editor.
class ScenarioEventsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { At, Id, Action, Targets, Technique, Description, ColumnCount };
  explicit ScenarioEventsModel(QObject* parent = nullptr);
  void set_scenario(std::shared_ptr<const model::Scenario> scenario);

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  std::shared_ptr<const model::Scenario> scenario_;
};

//! Targets as the user wrote them: the pattern, or the ids of a list.
QString targets_text(const model::Event& event, const model::Network& network);

}  // namespace blackstart::gui
