#include "controllers/asset_search.hpp"

namespace blackstart::gui {

namespace {
const QString kSeparator = QStringLiteral(" — ");
}  // namespace

QStringList search_entries(const model::Network& network) {
  QStringList entries;
  entries.reserve(static_cast<qsizetype>(network.size()));
  for (const auto& e : network.elements()) {
    QString entry = QString::fromStdString(e.id);
    if (!e.name.empty()) entry += kSeparator + QString::fromStdString(e.name);
    entries << entry;
  }
  return entries;
}

std::optional<model::ElementIndex> find_element(const model::Network& network, const QString& input) {
  QString text = input.trimmed();
  if (text.isEmpty()) return std::nullopt;
  // A completer entry: its id.
  if (const auto cut = text.indexOf(kSeparator); cut > 0) {
    if (auto found = network.find(text.left(cut).toStdString())) return found;
  }
  if (auto found = network.find(text.toStdString())) return found;
  const auto n = static_cast<model::ElementIndex>(network.size());
  auto id = [&](model::ElementIndex i) { return QString::fromStdString(network.element(i).id); };
  auto name = [&](model::ElementIndex i) { return QString::fromStdString(network.element(i).name); };
  auto local = [&](model::ElementIndex i) { return QString::fromStdString(network.element(i).local_id); };
  // Passes from the most to the least specific; within each, assets before links.
  const auto passes = {
      +[](const QString& t, const QString& id, const QString& local, const QString& name) {
        return id.compare(t, Qt::CaseInsensitive) == 0 || local.compare(t, Qt::CaseInsensitive) == 0 ||
               name.compare(t, Qt::CaseInsensitive) == 0;
      },
      +[](const QString& t, const QString& id, const QString& /*local*/, const QString& name) {
        return id.contains(t, Qt::CaseInsensitive) || name.contains(t, Qt::CaseInsensitive);
      },
  };
  for (const auto& matches : passes)
    for (const bool links : {false, true})
      for (model::ElementIndex i = 0; i < n; ++i)
        if (network.element(i).is_link == links && matches(text, id(i), local(i), name(i))) return i;
  return std::nullopt;
}

}  // namespace blackstart::gui
