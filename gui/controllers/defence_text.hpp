#pragma once
// Small edits of a scenario's YAML text that switch its defences: a control or response playbook on
// or off, a library control added by name. Everything else in the file (comments, order, layout)
// stays byte for byte. The caller loads the result with the engine's loader and checks it did what
// was asked before keeping it; these functions only find the place in the text.
#include <optional>
#include <string>
#include <string_view>

namespace blackstart::gui {

//! The text with `enabled: true|false` set in the mapping that starts at `line`, `column` (1-based,
//! as the loader records an item's SourceLocation): a block mapping (`- name: x` and keys below it)
//! or a flow mapping (`- {use: x, block: 0.5}`). The mapping must mention `name` (its name or the
//! library name it uses), so that a stale location edits nothing. Nullopt when it cannot be found.
std::optional<std::string> set_enabled_in_text(std::string_view text, int line, int column,
                                               std::string_view name, bool enabled);

//! The text with `- {use: NAME}` appended to its top-level block list `controls:`, or a new
//! `controls:` block at the end when there is none. Nullopt for a list written inline (`[...]`).
std::optional<std::string> add_library_control_to_text(std::string_view text, std::string_view name);

}  // namespace blackstart::gui
