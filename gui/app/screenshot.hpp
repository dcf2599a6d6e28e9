#pragma once
#include "app/command_line.hpp"

namespace blackstart::gui {

//! Renders the window (or one view) to a PNG, JPEG or BMP (by the file's extension) as the command line asks,
//! without a display; returns the process exit code (0 written, 1 bad input or failed run/write).
int take_screenshot(const CommandLine& command);

}  // namespace blackstart::gui
