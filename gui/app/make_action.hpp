#pragma once

#include <QAction>
#include <QKeySequence>
#include <QString>

namespace blackstart::gui {

//! An action with an object name (tests find it by that), an optional shortcut, and a tooltip that
//! names the shortcut; the status tip is the plain tip.
QAction* make_action(QObject* parent, const QString& name, const QString& text, const QKeySequence& key,
                     const QString& tip);

}  // namespace blackstart::gui
