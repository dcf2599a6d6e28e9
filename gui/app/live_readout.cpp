#include "app/live_readout.hpp"

#include <QAction>
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
QLabel* figure(QWidget* parent, const QString& name, const QString& widest, const QString& tip) {
  auto* label = new QLabel(parent);
  label->setObjectName(name);
  label->setToolTip(tip);
  // Wide enough for the largest figure, so that nothing moves while the time changes.
  label->setMinimumWidth(label->fontMetrics().horizontalAdvance(widest));
  return label;
}
}  // namespace

LiveReadout::LiveReadout(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("liveReadout"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 0);
  layout->setSpacing(8);
  auto* figures = new QGridLayout;
  figures->setHorizontalSpacing(10);
  figures->setVerticalSpacing(0);
  q_ = figure(this, QStringLiteral("readoutPerformance"), QStringLiteral("Q = 0.000"),
              tr("Service performance Q at the chosen time: the mean share of service the power and "
                 "transport layers deliver (1 = normal; docs/metrics.md)"));
  customers_label_ = figure(this, QStringLiteral("readoutCustomers"), QStringLiteral("000,000 customers off"),
                            tr("Customers without power at the chosen time, all layers"));
  mw_label_ = figure(this, QStringLiteral("readoutShedMw"), QStringLiteral("0,000.0 MW shed"),
                     tr("Demand not served at the chosen time (MW), all layers"));
  passengers_label_ =
      figure(this, QStringLiteral("readoutPassengers"), QStringLiteral("000,000 passengers/h"),
             tr("Passengers per hour whose service is stopped or reduced at the chosen time"));
  figures->addWidget(q_, 0, 0);
  figures->addWidget(customers_label_, 0, 1);
  figures->addWidget(mw_label_, 1, 0);
  figures->addWidget(passengers_label_, 1, 1);
  layout->addLayout(figures);

  auto* plot_column = new QVBoxLayout;
  plot_column->setSpacing(0);
  worst_ = new QLabel(this);
  worst_->setObjectName(QStringLiteral("readoutWorst"));
  QFont small = worst_->font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  worst_->setFont(small);
  worst_->setMinimumWidth(0);
  worst_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  plot_column->addWidget(worst_);
  plot_ = new PerformancePlot(this);
  plot_column->addWidget(plot_, 1);
  layout->addLayout(plot_column, 1);
  buttons_ = new QHBoxLayout;
  layout->addLayout(buttons_);
  set_run(nullptr);
}

void LiveReadout::add_button(QAction* action) {
  auto* button = new QToolButton(this);
  button->setDefaultAction(action);
  button->setToolButtonStyle(Qt::ToolButtonTextOnly);
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
    const QString text = tr("● worst impact %1 = minimum of Q (%2), not the customer peak")
                             .arg(format_time(plot_->worst_time()))
                             .arg(plot_->worst_performance(), 0, 'f', 2);
    worst_->setText(text);
    worst_->setToolTip(
        tr("The worst impact is the time Q(t), the mean service performance of the power and transport "
           "layers, is lowest: %1 at %2. The most customers without power (%3) may come at another "
           "time; Q also counts load shed and passengers.")
            .arg(plot_->worst_performance(), 0, 'f', 3)
            .arg(format_time(plot_->worst_time()))
            .arg(QLocale().toString(run->summary.peak_customers_without_power, 'f', 0)));
  } else {
    worst_->setText(tr("Q(t), service performance: run the scenario (Ctrl+R)"));
    worst_->setToolTip({});
  }
  show_values();
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
