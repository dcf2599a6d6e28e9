// Traction lines in the simulation: the service rule, and how a line's sections enter its
// availability when the network settles (Simulation::apply_traction, called from evaluate()).
#include "traction.hpp"

#include <algorithm>

#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

LineService line_service(const model::TractionLine& line, double dark_factor,
                         const std::function<bool(ElementIndex)>& works) {
  LineService out;
  if (line.sections.empty()) return out;
  double sum = 0.0, cap = 1.0;
  LineService first_short, through_short;
  for (const auto& section : line.sections) {
    double f = 1.0;
    LineService why;
    const bool powered =
        std::any_of(section.fed_by.begin(), section.fed_by.end(), [&](ElementIndex x) { return works(x); });
    if (!powered) {
      f = 0.0;
      why.culprit = section.fed_by.front();
    } else if (section.signal_zone != kNoElement && !works(section.signal_zone)) {
      f = dark_factor;
      why.culprit = section.signal_zone;
      why.signals = true;
    }
    sum += f;
    if (f < 1.0 && first_short.culprit == kNoElement) first_short = why;
    if (section.through && f < cap) {
      cap = f;
      through_short = why;
    }
  }
  const double mean = sum / static_cast<double>(line.sections.size());
  if (cap < mean) {
    out = through_short;
    out.fraction = cap;
  } else {
    out = first_short;
    out.fraction = mean;
  }
  return out;
}

TractionLines::TractionLines(const model::TractionSettings& settings, std::size_t elements)
    : settings_(settings), line_index_(elements, -1), readers_(elements) {
  for (std::size_t l = 0; l < settings.lines.size(); ++l) {
    const auto& line = settings.lines[l];
    line_index_[line.line] = static_cast<int>(l);
    for (const auto& section : line.sections) {
      auto add = [&](ElementIndex x) {
        auto& readers = readers_[x];
        if (std::find(readers.begin(), readers.end(), line.line) == readers.end())
          readers.push_back(line.line);
      };
      for (ElementIndex f : section.fed_by) add(f);
      if (section.signal_zone != kNoElement) add(section.signal_zone);
    }
  }
}

void Simulation::apply_traction(ElementIndex x, bool& failed, double& factor, Cause& fail_cause,
                                Cause& degrade_cause) const {
  const model::TractionLine* line = traction_->line_of(x);
  if (!line) return;
  const LineService service = line_service(*line, traction_->dark_factor(*line),
                                           [this](ElementIndex e) { return rt_[e].operational; });
  if (service.fraction >= 1.0) return;
  Cause cause;
  cause.kind = CauseKind::Dependency;
  cause.reason = Reason::SupplierFailed;
  cause.element = service.culprit;
  cause.via = service.signals ? model::DependencyKind::Control : model::DependencyKind::Power;
  if (service.fraction <= 0.0) {
    if (!failed) {
      failed = true;
      fail_cause = cause;
    }
    return;
  }
  if (factor >= 1.0) degrade_cause = cause;
  factor *= service.fraction;
}

}  // namespace blackstart::sim
