#include "blackstart/geodata/features.hpp"

namespace blackstart::geodata {

const PropertyValue* Feature::find(std::string_view name) const {
  for (const auto& p : properties)
    if (p.name == name) return &p.value;
  return nullptr;
}

std::string feature_place(const std::string& file, std::size_t number, const std::string& id) {
  std::string out = file;
  out += ": feature ";
  out += std::to_string(number);
  if (!id.empty()) {
    out += " (id ";
    out += id;
    out += ')';
  }
  return out;
}

core::Diagnostics bounded(const core::Diagnostics& all, std::size_t max_errors) {
  core::Diagnostics out;
  std::size_t errors = 0;
  std::string file;
  for (const auto& d : all.items()) {
    if (d.severity == core::Severity::Error) {
      if (errors++ >= max_errors) continue;
      if (file.empty()) file = d.file;
    }
    out.add(d);
  }
  if (errors > max_errors) {
    const auto cut = file.find(": feature ");
    out.error(cut == std::string::npos ? file : file.substr(0, cut), 0, 0,
              std::to_string(errors - max_errors) + " more errors not shown (" + std::to_string(errors) +
                  " in all)");
  }
  return out;
}

}  // namespace blackstart::geodata
