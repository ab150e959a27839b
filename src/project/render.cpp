#include "project/render.h"

namespace kiln::project {
namespace {

void render_at(YamlNode& node, const RenderValue& render, const RenderFilter& filter,
               std::vector<std::string>& keypath) {
  if (filter && !filter(keypath)) return;
  if (node.is_string()) {
    const std::string text = node.scalar.get<std::string>();
    if (has_jinja(text)) node = yaml_from_json(render(text, node.pos), node.pos);
    return;
  }
  if (node.is_sequence()) {
    for (size_t i = 0; i < node.items.size(); ++i) {
      keypath.push_back(std::to_string(i));
      render_at(node.items[i], render, filter, keypath);
      keypath.pop_back();
    }
  } else if (node.is_map()) {
    for (auto& [key, value] : node.entries) {
      keypath.push_back(key);
      render_at(value, render, filter, keypath);
      keypath.pop_back();
    }
  }
}

}  // namespace

bool has_jinja(std::string_view text) {
  return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos ||
         text.find("{#") != std::string_view::npos;
}

void render_yaml(YamlNode& node, const RenderValue& render, const RenderFilter& filter) {
  std::vector<std::string> keypath;
  render_at(node, render, filter, keypath);
}

YamlNode yaml_from_json(const nlohmann::ordered_json& value, const SourcePos& pos) {
  YamlNode out;
  out.pos = pos;
  if (value.is_null()) {
    out.kind = YamlNode::Kind::Null;
  } else if (value.is_array()) {
    out.kind = YamlNode::Kind::Sequence;
    for (const auto& item : value)
      out.items.push_back(yaml_from_json(item, pos));
  } else if (value.is_object()) {
    out.kind = YamlNode::Kind::Map;
    for (const auto& item : value.items())
      out.entries.emplace_back(item.key(), yaml_from_json(item.value(), pos));
  } else {
    out.kind = YamlNode::Kind::Scalar;
    out.scalar = value;
  }
  return out;
}

}  // namespace kiln::project
