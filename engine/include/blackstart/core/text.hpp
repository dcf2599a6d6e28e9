#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace blackstart::core {

//! Levenshtein distance, used for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
//! The closest candidate within a small distance, or empty.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
//! ` (did you mean 'x'?)` or empty: ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
//! Shell-style glob with `*` and `?`.
bool glob_match(std::string_view pattern, std::string_view text);
bool has_glob(std::string_view pattern);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace blackstart::core
