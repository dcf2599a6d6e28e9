#include "controllers/scenario_document.hpp"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoCommand>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/io/scenario_writer.hpp"

namespace blackstart::gui {

namespace {

class TextEdit final : public QUndoCommand {
 public:
  TextEdit(ScenarioDocument* document, std::string before,
           std::shared_ptr<const model::Scenario> before_model, std::string after,
           std::shared_ptr<const model::Scenario> after_model, const QString& text)
      : QUndoCommand(text),
        document_(document),
        before_(std::move(before)),
        after_(std::move(after)),
        before_model_(std::move(before_model)),
        after_model_(std::move(after_model)) {}
  void undo() override { document_->apply(before_, before_model_); }
  void redo() override { document_->apply(after_, after_model_); }

 private:
  ScenarioDocument* document_;
  std::string before_, after_;
  std::shared_ptr<const model::Scenario> before_model_, after_model_;
};

}  // namespace

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent) {
  connect(&undo_, &QUndoStack::cleanChanged, this, [this](bool clean) { emit dirtyChanged(!clean); });
}

QString ScenarioDocument::display_name() const {
  if (!path_.isEmpty()) return QFileInfo(path_).fileName();
  if (!builtin_name_.isEmpty()) return QStringLiteral("builtin:") + builtin_name_;
  return tr("(no scenario)");
}

bool ScenarioDocument::open_file(const QString& path, core::Diagnostics* diagnostics) {
  const std::filesystem::path file = QFileInfo(path).absoluteFilePath().toStdString();
  auto loaded = io::load_scenario_file(file);
  if (diagnostics) *diagnostics = loaded.diagnostics;
  if (!loaded.ok()) return false;
  // The loader read the file itself; keep the same bytes for saving edits back into it.
  QFile in(path);
  if (!in.open(QIODevice::ReadOnly)) {
    if (diagnostics) diagnostics->error(file.string(), 0, 0, "cannot read file");
    return false;
  }
  const QByteArray bytes = in.readAll();
  text_.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
  scenario_ = std::make_shared<const model::Scenario>(std::move(*loaded.scenario));
  path_ = QFileInfo(path).absoluteFilePath();
  builtin_name_.clear();
  undo_.clear();
  undo_.setClean();
  emit pathChanged(path_);
  emit opened();
  emit dirtyChanged(false);
  return true;
}

bool ScenarioDocument::open_builtin(const QString& name, core::Diagnostics* diagnostics) {
  const std::string wanted = name.toStdString();
  for (const auto& builtin : io::builtin_scenarios()) {
    if (builtin.name != wanted) continue;
    auto loaded = io::load_builtin_scenario(builtin.name);
    if (diagnostics) *diagnostics = loaded.diagnostics;
    if (!loaded.ok()) return false;
    text_ = std::string(builtin.text);
    scenario_ = std::make_shared<const model::Scenario>(std::move(*loaded.scenario));
    path_.clear();
    builtin_name_ = name;
    undo_.clear();
    undo_.setClean();
    emit pathChanged(path_);
    emit opened();
    emit dirtyChanged(false);
    return true;
  }
  if (diagnostics) diagnostics->error("builtin:" + wanted, 0, 0, "no built-in scenario of that name");
  return false;
}

std::shared_ptr<const model::Scenario> ScenarioDocument::load_text(const std::string& text,
                                                                   core::Diagnostics* diagnostics) const {
  const std::string name = path_.isEmpty() ? "builtin:" + builtin_name_.toStdString()
                                           : QFileInfo(path_).absoluteFilePath().toStdString();
  const std::filesystem::path dir =
      path_.isEmpty() ? std::filesystem::current_path() : std::filesystem::path(name).parent_path();
  auto loaded = io::load_scenario_text(text, name, dir);
  if (diagnostics) *diagnostics = loaded.diagnostics;
  if (!loaded.ok()) return nullptr;
  return std::make_shared<const model::Scenario>(std::move(*loaded.scenario));
}

bool ScenarioDocument::set_events(const std::vector<model::Event>& events, const QString& description,
                                  core::Diagnostics* diagnostics) {
  if (!scenario_) return false;
  return set_text(io::replace_events(text_, *scenario_, events), description, diagnostics);
}

bool ScenarioDocument::set_text(std::string text, const QString& description, core::Diagnostics* diagnostics,
                                const std::function<bool(const model::Scenario&)>& check) {
  if (!scenario_) return false;
  auto scenario = load_text(text, diagnostics);
  if (!scenario) return false;
  if (scenario->network.size() != scenario_->network.size()) {
    if (diagnostics) diagnostics->error(display_name().toStdString(), 0, 0, "the edit changed the network");
    return false;
  }
  if (check && !check(*scenario)) {
    if (diagnostics)
      diagnostics->error(display_name().toStdString(), 0, 0, "the edit did not do what was asked");
    return false;
  }
  undo_.push(new TextEdit(this, text_, scenario_, std::move(text), std::move(scenario), description));
  return true;
}

void ScenarioDocument::apply(const std::string& text, std::shared_ptr<const model::Scenario> scenario) {
  text_ = text;
  scenario_ = std::move(scenario);
  emit eventsChanged();
}

bool ScenarioDocument::save_as(const QString& path, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  file.write(text_.data(), static_cast<qint64>(text_.size()));
  if (!file.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  const QString absolute = QFileInfo(path).absoluteFilePath();
  if (absolute != path_) {
    path_ = absolute;
    builtin_name_.clear();
    emit pathChanged(path_);
  }
  undo_.setClean();
  return true;
}

bool ScenarioDocument::save(QString* error) {
  if (path_.isEmpty()) {
    if (error) *error = tr("A built-in scenario has no file yet: use Save As.");
    return false;
  }
  return save_as(path_, error);
}

}  // namespace blackstart::gui
