#include "app/make_action.hpp"

namespace blackstart::gui {

QAction* make_action(QObject* parent, const QString& name, const QString& text, const QKeySequence& key,
                     const QString& tip) {
  auto* action = new QAction(text, parent);
  action->setObjectName(name);
  if (!key.isEmpty()) action->setShortcut(key);
  const QString shortcut =
      key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key.toString(QKeySequence::NativeText));
  action->setToolTip(tip + shortcut);
  action->setStatusTip(tip);
  return action;
}

}  // namespace blackstart::gui
