#include "technique_reader.hpp"

#include <cctype>

#include "events_reader.hpp"

namespace blackstart::io {

namespace {
bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
}  // namespace

bool is_technique_pattern(const std::string& text) {
  if (text.empty() || text.back() != '*') return is_attack_technique_id(text);
  const std::string prefix = text.substr(0, text.size() - 1);
  if (prefix.empty() || prefix.size() > 9 || prefix[0] != 'T') return false;
  for (std::size_t i = 1; i < prefix.size(); ++i)
    if (i == 5 ? prefix[i] != '.' : !is_digit(prefix[i])) return false;
  return true;
}

bool is_mitigation_id(const std::string& text) {
  if (text.size() != 5 || text[0] != 'M') return false;
  for (std::size_t i = 1; i < 5; ++i)
    if (!is_digit(text[i])) return false;
  return true;
}

std::string read_technique(YamlReader& yaml, const YAML::Node& node) {
  std::string technique = yaml.text(node, "technique");
  if (!node.IsScalar()) return "";
  if (!is_attack_technique_id(technique)) {
    yaml.error(node, "technique '" + technique + "' is not a MITRE ATT&CK id such as T0831");
    return "";
  }
  return technique;
}

std::vector<std::string> read_technique_patterns(YamlReader& yaml, const YAML::Node& node,
                                                 const std::string& what) {
  std::vector<std::string> out;
  auto one = [&](const YAML::Node& item) {
    if (!item.IsScalar()) {
      yaml.error(item, what + " must be technique ids such as T0831 or patterns such as T1566*");
      return;
    }
    const std::string& text = item.Scalar();
    if (!is_technique_pattern(text)) {
      yaml.error(item, "technique '" + text +
                           "' is not a MITRE ATT&CK id such as T0831, nor a prefix pattern such as T1566*");
      return;
    }
    out.push_back(text);
  };
  if (node.IsSequence()) {
    if (node.size() == 0) yaml.error(node, what + " list is empty: name at least one technique");
    for (const auto& item : node) one(item);
  } else {
    one(node);
  }
  return out;
}

}  // namespace blackstart::io
