#pragma once
#include <QString>
#include <QStringList>
#include <optional>

#include "blackstart/model/network.hpp"

namespace blackstart::gui {

//! The element a user means by `text` in the Find box, case-insensitively: an exact id, local id
//! or name first; else the first element (assets before links, in network order) whose id or name
//! contains the text. A completer entry ("id — name") finds its id. Nothing for empty text.
std::optional<model::ElementIndex> find_element(const model::Network& network, const QString& text);

//! The Find box's completer entries: "id — name" for named elements, the id for the others.
QStringList search_entries(const model::Network& network);

}  // namespace blackstart::gui
