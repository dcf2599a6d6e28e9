#include "app/trace_panel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "blackstart/core/duration.hpp"
#include "canvas/palette.hpp"
#include "canvas/trace_highlight_item.hpp"

namespace blackstart::gui {

namespace {

QString time_text(double t_min) {
  return QString::fromStdString(core::format_duration(core::Duration{t_min}));
}

QString how_text(const model::Network& net, const sim::DownstreamElement& d) {
  // In the element's own layer the local id is enough (the list is grouped by layer).
  const auto& from = net.element(d.via);
  const QString via =
      QString::fromStdString(from.layer == net.element(d.element).layer ? from.local_id : from.id);
  switch (d.link) {
    case sim::SupplyLink::Dependency: {
      const auto& deps = net.dependencies();
      const QString kind = d.dependency < deps.size() ? dependency_label(deps[d.dependency].kind)
                                                      : TracePanel::tr("dependency");
      return TracePanel::tr("needs %1 (%2)").arg(via, kind);
    }
    case sim::SupplyLink::Power:
      return TracePanel::tr("power via %1").arg(via);
    case sim::SupplyLink::Cause:
      return TracePanel::tr("cause via %1").arg(via);
  }
  return via;
}

}  // namespace

TracePanel::TracePanel(const TraceController* trace, QWidget* parent) : QWidget(parent), trace_(trace) {
  setObjectName(QStringLiteral("tracePanel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("traceSummary"));
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::RichText);
  layout->addWidget(summary_);
  list_ = new QTreeWidget(this);
  list_->setObjectName(QStringLiteral("traceList"));
  list_->setHeaderLabels({tr("Element"), tr("How")});
  list_->setUniformRowHeights(true);
  list_->setAlternatingRowColors(true);
  list_->header()->setStretchLastSection(true);
  list_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  list_->setIndentation(10);
  // A narrow dock: no header or sideways scrolling; long texts are cut at the end (tooltips have
  // them whole).
  list_->setHeaderHidden(true);
  list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  list_->setTextElideMode(Qt::ElideRight);
  list_->setToolTip(
      tr("Everything the traced asset holds down at the chosen time: through dependencies, power "
         "carried on through lines and buses, and the run's cause chains. Click a row to inspect it."));
  // On a 1024 x 700 screen the inspector dock is short: two rows are enough to start scrolling.
  list_->setMinimumHeight(list_->fontMetrics().lineSpacing() * 3);
  layout->addWidget(list_, 1);
  connect(list_, &QTreeWidget::itemClicked, this, &TracePanel::on_item);
  connect(list_, &QTreeWidget::itemActivated, this, &TracePanel::on_item);
  connect(trace_, &TraceController::traceChanged, this, &TracePanel::refresh);
  refresh();
}

void TracePanel::on_item(QTreeWidgetItem* item) {
  const QVariant v = item->data(0, ElementRole);
  if (v.isValid()) emit elementActivated(static_cast<ElementIndex>(v.toUInt()));
}

QString TracePanel::summary() const {
  QString text = summary_->text();
  text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
  return text;
}

QStringList TracePanel::listed_ids() const {
  QStringList ids;
  for (int l = 0; l < list_->topLevelItemCount(); ++l) {
    const auto* layer = list_->topLevelItem(l);
    for (int i = 0; i < layer->childCount(); ++i) {
      const auto element = static_cast<ElementIndex>(layer->child(i)->data(0, ElementRole).toUInt());
      ids << QString::fromStdString(trace_->network()->element(element).id);
    }
  }
  return ids;
}

void TracePanel::refresh() {
  list_->clear();
  const auto* reach = trace_->reach();
  if (!trace_->active() || !reach) {
    summary_->setText(
        tr("<i>Select an asset and press <b>What did this take down?</b> (or right-click it on the "
           "canvas) to see everything it holds down at the chosen time.</i>"));
    return;
  }
  const auto& downstream = trace_->downstream();
  if (!trace_->has_run()) {
    summary_->setText(tr("<i>Run the scenario (Ctrl+R) to see what it takes down.</i>"));
    return;
  }
  const auto& net = *trace_->network();
  const QString root = QString::fromStdString(net.element(trace_->root()).id).toHtmlEscaped();
  const QString when = time_text(trace_->time());
  if (downstream.empty()) {
    summary_->setText(tr("<b>%1</b> takes nothing down at %2.").arg(root, when));
    return;
  }
  summary_->setText(tr("<span style='color:%1'>&#9679;</span> <b>%2</b> takes down <b>%3</b> %4 at %5.")
                        .arg(trace_color().name(), root)
                        .arg(downstream.size())
                        .arg(downstream.size() == 1 ? tr("element") : tr("elements"), when));
  std::vector<QTreeWidgetItem*> layers(net.layers().size(), nullptr);
  for (const auto& d : downstream) {
    const auto& e = net.element(d.element);
    auto*& layer = layers[e.layer];
    if (!layer) {
      layer = new QTreeWidgetItem({QString::fromStdString(net.layers()[e.layer].name)});
      layer->setFirstColumnSpanned(false);
    }
    // The state is the chip's colour (and the tooltip); a narrow dock keeps the id and how.
    QString how = how_text(net, d);
    if (d.own_damage) how += tr("; also hit itself");
    // Grouped by layer: the id inside the layer is enough (the tooltip has the full one).
    auto* item = new QTreeWidgetItem(layer, {QString::fromStdString(e.local_id), how});
    item->setData(0, ElementRole, d.element);
    item->setData(0, StateRole, static_cast<int>(d.state));
    item->setIcon(0, [&] {
      QPixmap chip(10, 10);
      chip.fill(state_color(d.state));
      return QIcon(chip);
    }());
    const QString tip =
        QStringLiteral("%1%2: %3")
            .arg(QString::fromStdString(e.id),
                 e.name.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(e.name)),
                 state_label(d.state));
    item->setToolTip(0, tip);
    item->setToolTip(1, how);
  }
  for (std::size_t l = 0; l < layers.size(); ++l) {
    if (!layers[l]) continue;
    layers[l]->setText(0, tr("%1 (%2)").arg(layers[l]->text(0)).arg(layers[l]->childCount()));
    list_->addTopLevelItem(layers[l]);
  }
  list_->expandAll();
}

}  // namespace blackstart::gui
