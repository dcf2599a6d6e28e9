#pragma once
// MITRE ATT&CK ids as scenarios write them: techniques (T0831, T1566.001), technique patterns that
// controls and responses match against (T1566*), and mitigations (M0932).
#include <string>
#include <vector>

#include "yaml_reader.hpp"

namespace blackstart::io {

//! A technique id, or a prefix of one followed by '*' (T1566*, T1566.*, T08*).
bool is_technique_pattern(const std::string& text);
//! M and four digits (M0932, M1032).
bool is_mitigation_id(const std::string& text);

//! One technique id; a wrong one is reported and gives "".
std::string read_technique(YamlReader& yaml, const YAML::Node& node);
//! A pattern or a list of patterns, not empty; wrong ones are reported and left out.
std::vector<std::string> read_technique_patterns(YamlReader& yaml, const YAML::Node& node,
                                                 const std::string& what);

}  // namespace blackstart::io
