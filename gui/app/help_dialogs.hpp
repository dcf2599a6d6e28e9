#pragma once

class QWidget;

namespace blackstart::gui {

//! Help ▸ About: version, what the program does, where the numbers come from.
void show_about(QWidget* parent);
//! Help ▸ Guide: the five steps of a session and the main shortcuts.
void show_guide(QWidget* parent);

}  // namespace blackstart::gui
