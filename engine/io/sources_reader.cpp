#include "sources_reader.hpp"

namespace blackstart::io {

void read_sources(YamlReader& yaml, const YAML::Node& node, std::vector<model::SourceRef>& sources) {
  if (!node.IsSequence()) {
    yaml.error(node, "'sources' must be a list of {title, url, note}");
    return;
  }
  for (const auto& item : node) {
    if (item.IsScalar()) {
      sources.push_back({item.Scalar(), "", ""});
      continue;
    }
    if (!yaml.expect_map(item, "a source", {"title", "url", "note"})) continue;
    model::SourceRef ref;
    if (!item["title"])
      yaml.error(item, "a source needs a 'title'");
    else
      ref.title = yaml.string_of(item["title"], "title").value_or("");
    if (item["url"]) ref.url = yaml.string_of(item["url"], "url").value_or("");
    if (item["note"]) ref.note = yaml.string_of(item["note"], "note").value_or("");
    sources.push_back(std::move(ref));
  }
}

}  // namespace blackstart::io
