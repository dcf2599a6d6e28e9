#include "app/narration_panel.hpp"

#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>

#include "controllers/view_state.hpp"

namespace blackstart::gui {

namespace {
constexpr int kTimeRole = Qt::UserRole + 1;

QColor line_color(const report::NarrativeGroup& g) {
  switch (g.root) {
    case report::NarrativeGroup::Root::AttackStep:
    case report::NarrativeGroup::Root::Event:
      return g.is_follow_up() ? QColor(0x8a, 0x4b, 0x08) : QColor(0xa3, 0x1d, 0x1d);
    case report::NarrativeGroup::Root::Restoration:
      return QColor(0x1b, 0x6e, 0x2e);
    case report::NarrativeGroup::Root::Response:
      return QColor(0x1f, 0x4e, 0x99);
    case report::NarrativeGroup::Root::Physics:
      break;
  }
  return {};
}
}  // namespace

NarrationPanel::NarrationPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("narrationPanel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  header_ = new QLabel(this);
  header_->setObjectName(QStringLiteral("narrationHeader"));
  header_->setWordWrap(true);
  layout->addWidget(header_);
  list_ = new QListWidget(this);
  list_->setObjectName(QStringLiteral("narrationList"));
  list_->setWordWrap(true);
  list_->setUniformItemSizes(false);
  // Laid out a batch at a time: a large run's story does not hold up the first paint.
  list_->setLayoutMode(QListView::Batched);
  list_->setBatchSize(100);
  list_->setAlternatingRowColors(true);
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  list_->setToolTip(tr("The cascade in order, one line per cause. Click a line to go to its time."));
  layout->addWidget(list_, 1);
  const auto jump = [this](QListWidgetItem* item) {
    if (item && item->data(kTimeRole).isValid()) emit timeRequested(item->data(kTimeRole).toDouble());
  };
  connect(list_, &QListWidget::itemClicked, this, jump);
  connect(list_, &QListWidget::itemActivated, this, jump);
  show_run(nullptr);
}

void NarrationPanel::follow(ViewState* state) {
  connect(state, &ViewState::scenarioOpened, this, [this] { show_run(nullptr); });
  connect(state, &ViewState::runChanged, this, [this, state](const RunPtr& run) {
    show_run(run);
    highlight(state->time());
  });
  connect(state, &ViewState::timeChanged, this, &NarrationPanel::highlight);
  connect(this, &NarrationPanel::timeRequested, state, &ViewState::set_time);
  show_run(state->run());
  highlight(state->time());
}

void NarrationPanel::show_run(const RunPtr& run) {
  groups_.clear();
  lines_.clear();
  list_->clear();
  if (!run || !run->scenario) {
    header_->setText(tr("<i>Run the scenario to see its story.</i>"));
    emit storyChanged();
    return;
  }
  const auto& scenario = *run->scenario;
  groups_ = report::build_narrative(scenario, run->result);
  header_->setText(tr("<b>%1</b>: %n moment(s), each with what followed from it. Click one to go there.",
                      nullptr, static_cast<int>(groups_.size()))
                       .arg(run->label.toHtmlEscaped()));
  for (const auto& g : groups_) {
    const auto line = report::narrative_line(scenario, g);
    const QString text = QString::fromStdString(line.text());
    lines_.push_back(text);
    auto* item = new QListWidgetItem(text, list_);
    item->setData(kTimeRole, g.time_min);
    item->setToolTip(text);
    if (const QColor color = line_color(g); color.isValid()) item->setForeground(color);
  }
  emit storyChanged();
}

int NarrationPanel::row_at(double t_min) const {
  const auto after =
      std::upper_bound(groups_.begin(), groups_.end(), t_min + 1e-9,
                       [](double t, const report::NarrativeGroup& g) { return t < g.time_min; });
  return static_cast<int>(after - groups_.begin()) - 1;
}

void NarrationPanel::highlight(double t_min) {
  const int row = row_at(t_min);
  // Scrubbing within one moment of the story changes nothing here (and leaves the list where the
  // user scrolled it).
  if (row == list_->currentRow() && (row >= 0 || list_->selectedItems().isEmpty())) return;
  const QSignalBlocker block(list_);
  if (row < 0) {
    list_->clearSelection();
    list_->setCurrentRow(-1);
    return;
  }
  list_->setCurrentRow(row);
  list_->scrollToItem(list_->item(row));
}

std::vector<StoryMarker> NarrationPanel::markers() const {
  std::vector<StoryMarker> out;
  out.reserve(groups_.size());
  for (std::size_t i = 0; i < groups_.size(); ++i) out.push_back({groups_[i].time_min, lines_[i]});
  return out;
}

}  // namespace blackstart::gui
