#include "app/file_actions.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

#include "app/user_messages.hpp"
#include "blackstart/io/builtin_scenarios.hpp"
#include "controllers/scenario_document.hpp"

namespace blackstart::gui {

namespace {

constexpr int kMaxRecent = 8;
const char* const kScenarioFilter =
    QT_TRANSLATE_NOOP("FileActions", "Scenarios (*.yaml *.yml);;All files (*)");

QString settings_key_recent() {
  return QStringLiteral("recentFiles");
}

bool is_builtin_name(const QString& name) {
  for (const auto& b : io::builtin_scenarios())
    if (QString::fromStdString(std::string(b.name)) == name) return true;
  return false;
}

}  // namespace

FileActions::FileActions(ScenarioDocument* document, UserMessages* messages, bool remember, QWidget* window)
    : QObject(window), document_(document), messages_(messages), remember_(remember), window_(window) {
  builtin_menu_ = new QMenu(tr("Open &built-in"), window);
  for (const auto& b : io::builtin_scenarios()) {
    const QString name = QString::fromStdString(std::string(b.name));
    builtin_menu_->addAction(name, this, [this, name] { open_path(name); });
  }
  recent_menu_ = new QMenu(tr("Open &recent"), window);
  recent_menu_->setObjectName(QStringLiteral("recentMenu"));
  refresh_recent_menu();
}

bool FileActions::open_path(const QString& path) {
  if (!maybe_save()) return false;
  core::Diagnostics diagnostics;
  bool ok = false;
  QString name = path;
  if (name.startsWith(QStringLiteral("builtin:"))) name = name.mid(8);
  if (QFileInfo::exists(path))
    ok = document_->open_file(path, &diagnostics);
  else if (is_builtin_name(name))
    ok = document_->open_builtin(name, &diagnostics);
  else
    diagnostics.error(path.toStdString(), 0, 0, "no such file (and no built-in scenario of that name)");
  if (!ok) {
    messages_->show_diagnostics(tr("Cannot open %1").arg(QFileInfo(path).fileName()), diagnostics);
    return false;
  }
  log_opened();
  for (const auto& d : diagnostics.items()) messages_->log(QString::fromStdString(core::format(d)));
  if (QFileInfo::exists(path)) add_recent(QFileInfo(path).absoluteFilePath());
  if (document_->scenario()->classic_model)
    // Textbook models run on compact graphs outside the simulator: nothing to draw or play here.
    messages_->announce(
        tr("'%1' runs a textbook cascade model (classic_model), which the window does not draw. "
           "Run it with `blackstart run` or `blackstart sweep`; see docs/classic-models.md.")
            .arg(QString::fromStdString(document_->scenario()->name)));
  return true;
}

void FileActions::log_opened() {
  const auto scenario = document_->scenario();
  std::size_t links = 0;
  for (const auto& e : scenario->network.elements()) links += e.is_link ? 1 : 0;
  messages_->log(tr("Opened %1: '%2', %3 layers, %4 assets, %5 links, %6 dependencies, %7 events.")
                     .arg(document_->display_name(), QString::fromStdString(scenario->name))
                     .arg(scenario->network.layers().size())
                     .arg(scenario->network.size() - links)
                     .arg(links)
                     .arg(scenario->network.dependencies().size())
                     .arg(scenario->events.size()));
  messages_->set_status(tr("Opened %1. Run it with Ctrl+R.").arg(document_->display_name()));
}

void FileActions::open_dialog() {
  QSettings settings;
  const QString dir = settings.value(QStringLiteral("lastDir")).toString();
  const QString path = QFileDialog::getOpenFileName(window_, tr("Open scenario"), dir, tr(kScenarioFilter));
  if (path.isEmpty()) return;
  settings.setValue(QStringLiteral("lastDir"), QFileInfo(path).absolutePath());
  open_path(path);
}

bool FileActions::save() {
  if (!document_->scenario()) return false;
  if (document_->is_builtin()) return save_as_dialog();
  QString error;
  if (!document_->save(&error)) {
    messages_->show_error(tr("Save failed"), error);
    return false;
  }
  messages_->log(tr("Saved %1.").arg(document_->path()));
  return true;
}

bool FileActions::save_as(const QString& path) {
  QString error;
  if (!document_->save_as(path, &error)) {
    messages_->show_error(tr("Save failed"), error);
    return false;
  }
  add_recent(document_->path());
  messages_->log(tr("Saved %1.").arg(document_->path()));
  return true;
}

bool FileActions::save_as_dialog() {
  if (!document_->scenario()) return false;
  const QString suggestion = document_->is_builtin()
                                 ? document_->display_name().mid(8) + QStringLiteral(".yaml")
                                 : document_->path();
  const QString path =
      QFileDialog::getSaveFileName(window_, tr("Save scenario"), suggestion, tr(kScenarioFilter));
  if (path.isEmpty()) return false;
  return save_as(path);
}

bool FileActions::maybe_save() {
  if (!document_->dirty() || !messages_->interactive()) return true;
  const auto answer = QMessageBox::warning(
      window_, tr("Unsaved changes"),
      tr("The scenario %1 has unsaved changes. Save them?").arg(document_->display_name()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void FileActions::refresh_recent_menu() {
  recent_menu_->clear();
  const QStringList files =
      remember_ ? QSettings().value(settings_key_recent()).toStringList() : QStringList();
  for (const auto& f : files) recent_menu_->addAction(f, this, [this, f] { open_path(f); });
  recent_menu_->setEnabled(!files.isEmpty());
}

void FileActions::add_recent(const QString& path) {
  if (!remember_) return;
  QSettings settings;
  QStringList files = settings.value(settings_key_recent()).toStringList();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecent) files.removeLast();
  settings.setValue(settings_key_recent(), files);
  refresh_recent_menu();
}

}  // namespace blackstart::gui
