#include "app/live_readout.hpp"

#include <QAction>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

#include "app/performance_plot.hpp"
#include "controllers/view_state.hpp"
#include "models/event_log_model.hpp"

namespace blackstart::gui {

namespace {
QLabel* figure(QWidget* parent, const QString& name, const QString& tip) {
  auto* label = new QLabel(parent);
  label->setObjectName(name);
  label->setToolTip(tip);
  return label;
}
}  // namespace

LiveReadout::LiveReadout(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("liveReadout"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 0);
  layout->setSpacing(8);
  // Two short lines in a slightly smaller font: the strip stays low on a laptop screen.
  QFont small = font();
  small.setPointSizeF(small.pointSizeF() * 0.88);
  auto* figures = new QGridLayout;
  figures->setHorizontalSpacing(10);
  figures->setVerticalSpacing(0);
  q_ = figure(this, QStringLiteral("readoutPerformance"),
              tr("Service performance Q at the chosen time: the mean share of service the power and "
                 "transport layers deliver (1 = normal; docs/metrics.md)"));
  customers_label_ = figure(this, QStringLiteral("readoutCustomers"),
                            tr("Customers without power at the chosen time, all layers"));
  mw_label_ = figure(this, QStringLiteral("readoutShedMw"),
                     tr("Demand not served at the chosen time (MW), all layers"));
  passengers_label_ =
      figure(this, QStringLiteral("readoutPassengers"),
             tr("Passengers per hour whose service is stopped or reduced at the chosen time"));
  // Wide enough for the largest figures, so that nothing moves while the time changes; of a fixed
  // size, so that a new time does not lay out the window (a label whose size may change asks its
  // parents' layouts up to the main window to recompute).
  const QFontMetrics metrics(small);
  const int left = metrics.horizontalAdvance(QStringLiteral("0,000.0 MW shed"));
  const int right = metrics.horizontalAdvance(QStringLiteral("000,000 customers off"));
  int row = 0;
  for (QLabel* label : {q_, customers_label_, mw_label_, passengers_label_}) {
    label->setFont(small);
    label->setFixedSize(row % 2 == 0 ? left : right, metrics.height() + 2);
    figures->addWidget(label, row / 2, row % 2);
    ++row;
  }
  layout->addLayout(figures);

  // The curve, under a caption that says what its marked point is, and the zoom toggle.
  auto* plot_column = new QVBoxLayout;
  plot_column->setSpacing(0);
  auto* caption_row = new QHBoxLayout;
  caption_row->setSpacing(4);
  worst_ = new QLabel(this);
  worst_->setObjectName(QStringLiteral("readoutWorst"));
  worst_->setFont(small);
  worst_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  caption_row->addWidget(worst_, 1);
  buttons_ = new QHBoxLayout;
  caption_row->addLayout(buttons_);
  plot_column->addLayout(caption_row);
  plot_ = new PerformancePlot(this);
  plot_column->addWidget(plot_, 1);
  layout->addLayout(plot_column, 1);
  set_run(nullptr);
}

void LiveReadout::add_button(QAction* action) {
  auto* button = new QToolButton(this);
  button->setDefaultAction(action);
  button->setToolButtonStyle(Qt::ToolButtonTextOnly);
  button->setAutoRaise(true);
  QFont small = button->font();
  small.setPointSizeF(small.pointSizeF() * 0.88);
  button->setFont(small);
  buttons_->addWidget(button);
}

void LiveReadout::follow(ViewState* state) {
  auto show = [this, state] {
    set_run(state->run());
    plot_->set_window(state->time_window().from_min, state->time_window().to_min);
    set_time(state->time());
  };
  connect(state, &ViewState::scenarioOpened, this, show);
  connect(state, &ViewState::runChanged, this, show);
  connect(state, &ViewState::timeChanged, this, &LiveReadout::set_time);
  connect(state, &ViewState::timeWindowChanged, plot_, &PerformancePlot::set_window);
  connect(plot_, &PerformancePlot::timeChosen, state, &ViewState::set_time);
}

void LiveReadout::set_run(const RunPtr& run) {
  run_ = run;
  plot_->set_run(run);
  if (run) {
    // Said next to the curve, because the customer peak is what one expects "worst" to mean.
    worst_->setToolTip(
        tr("Worst impact = the minimum of Q(t), not the customer peak: the time the mean service "
           "performance of the power and transport layers is lowest, %1 at %2. The most customers "
           "without power (%3) may come at another time; Q also counts load shed and passengers.")
            .arg(plot_->worst_performance(), 0, 'f', 3)
            .arg(format_time(plot_->worst_time()))
            .arg(QLocale().toString(run->summary.peak_customers_without_power, 'f', 0)));
  } else {
    worst_->setToolTip({});
  }
  fit_caption();
  show_values();
}

void LiveReadout::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fit_caption();
}

void LiveReadout::fit_caption() {
  // The longest wording that fits; each says the marked point is the minimum of Q.
  if (!run_) {
    worst_->setText(tr("Q(t), service performance: run the scenario (Ctrl+R)"));
    return;
  }
  const QString when = format_time(plot_->worst_time());
  const QString q = QString::number(plot_->worst_performance(), 'f', 2);
  const QStringList wordings{
      tr("● worst impact at %1: Q = %2, the minimum of Q — not the customer peak").arg(when, q),
      tr("● worst impact %1 = minimum of Q (%2), not the customer peak").arg(when, q),
      tr("● worst %1 = min of Q, not customer peak").arg(when), tr("● worst %1 = min of Q").arg(when)};
  const int room = worst_->width();
  for (const auto& text : wordings)
    if (worst_->fontMetrics().horizontalAdvance(text) <= room || &text == &wordings.back()) {
      worst_->setText(text);
      return;
    }
}

void LiveReadout::set_time(double t_min) {
  time_ = t_min;
  plot_->set_time(t_min);
  show_values();
}

void LiveReadout::show_values() {
  const bool has_values = run_ && !run_->result.trace.empty();
  if (has_values) {
    const auto& point = metrics::point_at(run_->result, time_);
    const auto totals = total_of(point);
    customers_ = totals.customers_without_power;
    shed_mw_ = totals.shed_mw;
    passengers_ = totals.passengers_affected;
    performance_ = metrics::overall_performance(run_->result, point);
  } else {
    customers_ = shed_mw_ = passengers_ = 0;
    performance_ = 1;
  }
  const QLocale locale;
  const QString none = QStringLiteral("–");
  q_->setText(has_values ? tr("Q = %1").arg(performance_, 0, 'f', 3) : tr("Q = %1").arg(none));
  customers_label_->setText(
      tr("%1 customers off").arg(has_values ? locale.toString(customers_, 'f', 0) : none));
  mw_label_->setText(tr("%1 MW shed").arg(has_values ? locale.toString(shed_mw_, 'f', 1) : none));
  passengers_label_->setText(
      tr("%1 passengers/h").arg(has_values ? locale.toString(passengers_, 'f', 0) : none));
}

}  // namespace blackstart::gui
