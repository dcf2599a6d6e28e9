#include "app/distribution_text.hpp"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <charconv>

#include "blackstart/io/scenario_writer.hpp"

namespace blackstart::gui {

namespace {

using Dist = core::DurationDistribution;

QString tr(const char* text) {
  return QCoreApplication::translate("EventDialog", text);
}

//! The shortest text that reads back as the same double.
QString number_text(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? QString::fromLatin1(buffer, static_cast<int>(end - buffer))
                           : QString::number(value);
}

QString duration_text(double minutes) {
  return QString::fromStdString(io::duration_to_yaml(minutes));
}

//! `kind(a, b, c)` split into kind and arguments; a plain value gives an empty kind and one argument.
struct Call {
  QString kind;
  QStringList args;
};

std::optional<Call> split_call(const QString& text) {
  static const QRegularExpression call(QStringLiteral(R"(^\s*([a-z]+)\s*\((.*)\)\s*$)"));
  const auto match = call.match(text);
  if (!match.hasMatch()) {
    if (text.contains(QLatin1Char('(')) || text.trimmed().isEmpty()) return std::nullopt;
    return Call{QString(), {text.trimmed()}};
  }
  Call result{match.captured(1), match.captured(2).split(QLatin1Char(','))};
  for (auto& arg : result.args) arg = arg.trimmed();
  return result;
}

std::optional<double> parse_number(const QString& text) {
  bool ok = false;
  const double value = text.toDouble(&ok);  // C locale: a dot, as in scenario files
  return ok ? std::optional<double>(value) : std::nullopt;
}

}  // namespace

QString duration_distribution_text(const Dist& d) {
  switch (d.kind) {
    case Dist::Kind::Uniform:
      return QStringLiteral("uniform(%1, %2)").arg(duration_text(d.a_min), duration_text(d.b_min));
    case Dist::Kind::Triangular:
      return QStringLiteral("triangular(%1, %2, %3)")
          .arg(duration_text(d.a_min), duration_text(d.b_min), duration_text(d.c_min));
    case Dist::Kind::Lognormal:
      return QStringLiteral("lognormal(%1, %2)").arg(duration_text(d.a_min), number_text(d.sigma));
    case Dist::Kind::Fixed:
      break;
  }
  return duration_text(d.a_min);
}

std::optional<Dist> parse_duration_distribution(const QString& text, QString* why) {
  const auto call = split_call(text);
  if (!call) {
    *why = tr(
        "Write a duration (2h) or uniform(MIN, MAX), triangular(MIN, MODE, MAX), lognormal(MEDIAN, SIGMA).");
    return std::nullopt;
  }
  const bool lognormal = call->kind == QStringLiteral("lognormal");
  std::vector<double> values;
  for (int i = 0; i < call->args.size(); ++i) {
    if (lognormal && i == 1) {
      const auto sigma = parse_number(call->args[i]);
      if (!sigma || *sigma < 0 || *sigma > 10) {
        *why = tr("The lognormal's sigma must be a number from 0 to 10.");
        return std::nullopt;
      }
      values.push_back(*sigma);
      continue;
    }
    std::string error;
    const auto d = core::parse_duration(call->args[i].toStdString(), &error);
    if (!d) {
      *why = QString::fromStdString(error);
      return std::nullopt;
    }
    if (d->minutes <= 0) {
      *why = tr("Durations must be positive.");
      return std::nullopt;
    }
    values.push_back(d->minutes);
  }
  auto need = [&](qsizetype count) {
    if (values.size() == static_cast<std::size_t>(count)) return true;
    *why = tr("%1 needs %2 values.").arg(call->kind.isEmpty() ? tr("A duration") : call->kind).arg(count);
    return false;
  };
  if (call->kind.isEmpty()) return need(1) ? std::optional<Dist>(Dist::fixed(values[0])) : std::nullopt;
  if (call->kind == QStringLiteral("uniform")) {
    if (!need(2)) return std::nullopt;
    if (values[1] < values[0]) {
      *why = tr("uniform: the maximum must not be below the minimum.");
      return std::nullopt;
    }
    return Dist{Dist::Kind::Uniform, values[0], values[1], 0, 0};
  }
  if (call->kind == QStringLiteral("triangular")) {
    if (!need(3)) return std::nullopt;
    if (!(values[0] <= values[1] && values[1] <= values[2])) {
      *why = tr("triangular needs MIN <= MODE <= MAX.");
      return std::nullopt;
    }
    return Dist{Dist::Kind::Triangular, values[0], values[1], values[2], 0};
  }
  if (lognormal) {
    if (!need(2)) return std::nullopt;
    return Dist{Dist::Kind::Lognormal, values[0], 0, 0, values[1]};
  }
  *why = tr("Unknown distribution '%1': use uniform, triangular or lognormal.").arg(call->kind);
  return std::nullopt;
}

QString probability_text(const Dist& p) {
  switch (p.kind) {
    case Dist::Kind::Uniform:
      return QStringLiteral("uniform(%1, %2)").arg(number_text(p.a_min), number_text(p.b_min));
    case Dist::Kind::Triangular:
      return QStringLiteral("triangular(%1, %2, %3)")
          .arg(number_text(p.a_min), number_text(p.b_min), number_text(p.c_min));
    case Dist::Kind::Fixed:
    case Dist::Kind::Lognormal:  // scenario files have no lognormal probability
      break;
  }
  return number_text(p.a_min);
}

std::optional<Dist> parse_probability(const QString& text, QString* why) {
  const auto call = split_call(text);
  if (!call) {
    *why = tr("Write a probability from 0 to 1, or uniform(MIN, MAX), triangular(MIN, MODE, MAX).");
    return std::nullopt;
  }
  std::vector<double> values;
  for (const auto& arg : call->args) {
    const auto value = parse_number(arg);
    if (!value || *value < 0 || *value > 1) {
      *why = tr("A probability is a number from 0 to 1, not '%1'.").arg(arg);
      return std::nullopt;
    }
    values.push_back(*value);
  }
  const auto count = values.size();
  if (call->kind.isEmpty() && count == 1) return Dist::fixed(values[0]);
  if (call->kind == QStringLiteral("uniform") && count == 2 && values[0] <= values[1])
    return Dist{Dist::Kind::Uniform, values[0], values[1], 0, 0};
  if (call->kind == QStringLiteral("triangular") && count == 3 && values[0] <= values[1] &&
      values[1] <= values[2])
    return Dist{Dist::Kind::Triangular, values[0], values[1], values[2], 0};
  *why =
      tr("Write a probability from 0 to 1, or uniform(MIN, MAX) with MIN <= MAX, or "
         "triangular(MIN, MODE, MAX) with MIN <= MODE <= MAX.");
  return std::nullopt;
}

}  // namespace blackstart::gui
