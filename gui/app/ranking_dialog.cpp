#include "app/ranking_dialog.hpp"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "app/greedy_chart.hpp"
#include "models/controls_ranking_model.hpp"

namespace blackstart::gui {

RankingDialog::RankingDialog(std::shared_ptr<const model::Scenario> scenario,
                             std::vector<model::Control> candidates, study::ControlsOptions defaults,
                             QWidget* parent)
    : QDialog(parent),
      scenario_(std::move(scenario)),
      candidates_(std::move(candidates)),
      options_(defaults) {
  setObjectName(QStringLiteral("rankingDialog"));
  setWindowTitle(tr("Rank controls — %1").arg(QString::fromStdString(scenario_->name)));
  controller_ = new RankingController(this);
  model_ = new ControlsRankingModel(this);

  // The form: runs per set, greedy K, and the button that starts it.
  runs_ = new QSpinBox(this);
  runs_->setObjectName(QStringLiteral("rankingRuns"));
  runs_->setRange(1, 100000);
  runs_->setValue(std::max(1, defaults.runs));
  runs_->setToolTip(
      tr("Seeded runs for every set of controls; the same runs (common random numbers) for all"));
  greedy_ = new QSpinBox(this);
  greedy_->setObjectName(QStringLiteral("rankingGreedy"));
  const int count = static_cast<int>(candidates_.size());
  greedy_->setRange(0, count);
  greedy_->setValue(std::clamp(defaults.greedy, 0, count));
  greedy_->setToolTip(tr("Also find the best set of 1..K controls, adding one control per round (0: none)"));
  rank_ = new QPushButton(tr("&Rank"), this);
  rank_->setObjectName(QStringLiteral("rankingStart"));
  rank_->setDefault(true);
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setObjectName(QStringLiteral("rankingCancel"));
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 100);
  status_ =
      new QLabel(tr("%n candidate control(s): the scenario's and the library's that counter its campaign.",
                    nullptr, count),
                 this);
  status_->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("Runs per set"), runs_);
  form->addRow(tr("Greedy set up to K"), greedy_);
  auto* top = new QHBoxLayout;
  top->addLayout(form);
  auto* actions = new QVBoxLayout;
  actions->addWidget(rank_);
  actions->addWidget(cancel_);
  top->addLayout(actions);
  auto* state = new QVBoxLayout;
  state->addWidget(progress_);
  state->addWidget(status_);
  top->addLayout(state, 1);

  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("rankingTable"));
  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(ControlsRankingModel::Controls, QHeaderView::Stretch);
  chart_ = new GreedyChart(this);
  chart_->setMinimumHeight(260);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(table_);
  split->addWidget(chart_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  save_ = buttons->addButton(tr("Save CSV…"), QDialogButtonBox::ActionRole);
  save_->setObjectName(QStringLiteral("rankingSave"));
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(save_, &QPushButton::clicked, this, &RankingDialog::save_csv);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(split, 1);
  layout->addWidget(buttons);

  connect(rank_, &QPushButton::clicked, this, &RankingDialog::start);
  connect(cancel_, &QPushButton::clicked, this, &RankingDialog::cancel);
  connect(controller_, &RankingController::progressChanged, this, [this](long done, long total) {
    progress_->setValue(total > 0 ? static_cast<int>(100 * done / total) : 0);
    if (total > 0) status_->setText(tr("%1 of %2 runs").arg(done).arg(total));
  });
  connect(controller_, &RankingController::finished, this, [this](const RankingPtr& ranking) {
    model_->set_ranking(ranking);
    chart_->set_ranking(ranking);
    set_busy(false);
    progress_->setValue(100);
    status_->setText(tr("%1 controls ranked over %2 runs each (seed %3).")
                         .arg(ranking->candidates.size())
                         .arg(ranking->runs)
                         .arg(ranking->root_seed));
    emit rankingFinished(ranking);
  });
  connect(controller_, &RankingController::cancelled, this, [this] {
    set_busy(false);
    status_->setText(tr("Cancelled."));
  });
  connect(controller_, &RankingController::failed, this, [this](const QString& message) {
    set_busy(false);
    status_->setText(tr("Failed: %1").arg(message));
  });
  set_busy(false);
  resize(980, 640);
}

void RankingDialog::set_busy(bool busy) {
  rank_->setEnabled(!busy && !candidates_.empty());
  cancel_->setEnabled(busy);
  runs_->setEnabled(!busy);
  greedy_->setEnabled(!busy);
  save_->setEnabled(!busy && model_->ranking() != nullptr);
  progress_->setVisible(busy || model_->ranking() != nullptr);
}

void RankingDialog::start() {
  if (controller_->busy()) return;
  options_.runs = runs_->value();
  options_.greedy = greedy_->value();
  set_busy(true);
  progress_->setValue(0);
  status_->setText(tr("Running…"));
  controller_->start({scenario_, candidates_, options_});
}

void RankingDialog::cancel() {
  controller_->cancel();
}

bool RankingDialog::wait(int timeout_ms) {
  return controller_->wait(timeout_ms);
}

RankingPtr RankingDialog::ranking() const {
  return model_->ranking();
}

void RankingDialog::save_csv() {
  if (!ranking()) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Save controls ranking"),
                                                    QStringLiteral("controls.csv"), tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  QSaveFile file(path);
  const std::string csv = study::controls_csv(*ranking());
  if (!file.open(QIODevice::WriteOnly) || file.write(csv.data(), static_cast<qint64>(csv.size())) < 0 ||
      !file.commit())
    status_->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
  else
    status_->setText(tr("Wrote %1.").arg(path));
}

}  // namespace blackstart::gui
