#include "app/user_messages.hpp"

#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTime>
#include <iostream>

namespace blackstart::gui {

UserMessages::UserMessages(QMainWindow* window, bool interactive)
    : QObject(window), window_(window), interactive_(interactive) {
  log_ = new QPlainTextEdit(window);
  log_->setObjectName(QStringLiteral("messages"));
  log_->setReadOnly(true);
  log_->setMaximumBlockCount(5000);
  status_ = new QLabel(window);
  window->statusBar()->addWidget(status_, 1);
}

QMessageBox* UserMessages::error_dialog() const {
  return error_dialog_;
}

void UserMessages::log(const QString& text, bool error) {
  const QString line =
      QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text);
  log_->appendPlainText(line);
  if (!interactive_ && error) std::cerr << text.toStdString() << '\n';
}

void UserMessages::set_status(const QString& text) {
  status_->setText(text);
}

void UserMessages::announce(const QString& text) {
  log(text);
  window_->statusBar()->showMessage(text);
}

void UserMessages::open_dialog(QMessageBox* box) {
  if (error_dialog_) error_dialog_->deleteLater();
  box->setObjectName(QStringLiteral("errorDialog"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(Qt::WindowModal);
  error_dialog_ = box;
  box->open();
}

void UserMessages::show_error(const QString& title, const QString& text) {
  log(text, true);
  set_status(title);
  if (!interactive_) return;
  open_dialog(new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, window_));
}

void UserMessages::show_diagnostics(const QString& title, const core::Diagnostics& diagnostics) {
  QStringList lines;
  for (const auto& d : diagnostics.items()) lines << QString::fromStdString(core::format(d));
  for (const auto& line : lines) log(line, true);
  set_status(title);
  if (!interactive_) return;
  // The first error in full; its offending line and caret in a fixed-width font, so the caret
  // stays under the column.
  QString first;
  for (const auto& d : diagnostics.items())
    if (d.severity == core::Severity::Error) {
      core::Diagnostic message_only = d;
      message_only.source_line.clear();
      first =
          QStringLiteral("<p>%1</p>").arg(QString::fromStdString(core::format(message_only)).toHtmlEscaped());
      const auto snippet = QString::fromStdString(core::format_snippet(d));
      if (!snippet.isEmpty()) first += QStringLiteral("<pre>%1</pre>").arg(snippet.toHtmlEscaped());
      break;
    }
  const auto count = diagnostics.error_count();
  auto* box = new QMessageBox(
      QMessageBox::Critical, title,
      QStringLiteral("<p>%1</p>")
              .arg(tr("%n error(s); nothing was changed.", nullptr, static_cast<int>(count))) +
          first,
      QMessageBox::Ok, window_);
  box->setTextFormat(Qt::RichText);
  box->setDetailedText(lines.join(QLatin1Char('\n')));
  open_dialog(box);
}

}  // namespace blackstart::gui
