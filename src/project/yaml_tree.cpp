#include "project/yaml_tree.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "project/yaml_scalar.h"

namespace kiln::project {
namespace {

// Anchors can make a document refer to itself; PyYAML would build a cyclic object,
// dbt would then fail. We stop at a depth no real project reaches.
constexpr int kMaxDepth = 200;

const std::string kMergeKey = "<<";

class Converter {
 public:
  Converter(const std::string& display_path, std::vector<Warning>& warnings)
      : path_(display_path), warnings_(warnings) {}

  YamlNode convert(const YAML::Node& node, int depth) {
    YamlNode out;
    out.pos = position(node);
    if (depth > kMaxDepth)
      throw ProjectError(out.pos, "YAML nests too deeply (is an anchor used inside itself?)");
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = YamlNode::Kind::Null;
        break;
      case YAML::NodeType::Scalar:
        convert_scalar(node, out);
        break;
      case YAML::NodeType::Sequence:
        out.kind = YamlNode::Kind::Sequence;
        for (const auto& item : node)
          out.items.push_back(convert(item, depth + 1));
        break;
      case YAML::NodeType::Map:
        out.kind = YamlNode::Kind::Map;
        convert_map(node, out, depth);
        break;
    }
    return out;
  }

 private:
  SourcePos position(const YAML::Node& node) const {
    YAML::Mark mark = node.Mark();
    if (mark.is_null()) return SourcePos{path_, 0, 0};
    return SourcePos{path_, mark.line + 1, mark.column + 1};
  }

  void convert_scalar(const YAML::Node& node, YamlNode& out) {
    const std::string& text = node.Scalar();
    const std::string& tag = node.Tag();
    nlohmann::ordered_json value;
    if (tag == "?") {
      value = resolve_plain_scalar(text);  // plain scalar: typed by its spelling
    } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
               tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
      value = resolve_plain_scalar(text);
    } else {
      value = text;  // quoted, block, or !!str: always a string
    }
    if (value.is_null()) {
      out.kind = YamlNode::Kind::Null;
    } else {
      out.kind = YamlNode::Kind::Scalar;
      out.scalar = std::move(value);
    }
  }

  // Sets `key` unless an explicit key already set it; merged (<<) keys never override.
  void put(YamlNode& map, std::string key, YamlNode value, bool from_merge) {
    for (auto& entry : map.entries) {
      if (entry.first != key) continue;
      if (from_merge) return;
      warnings_.push_back(Warning{value.pos, fmt::format("duplicate key '{}' in YAML mapping: "
                                                         "the last value is used",
                                                         key)});
      entry.second = std::move(value);
      return;
    }
    map.entries.emplace_back(std::move(key), std::move(value));
  }

  void merge_into(YamlNode& map, const YamlNode& source) {
    if (source.is_map()) {
      for (const auto& [key, value] : source.entries)
        put(map, key, value, true);
    } else if (source.is_sequence()) {
      for (const auto& item : source.items) {
        if (!item.is_map())
          throw ProjectError(item.pos, "a '<<' merge key takes a mapping or a list of mappings");
        for (const auto& [key, value] : item.entries)
          put(map, key, value, true);
      }
    } else {
      throw ProjectError(source.pos, "a '<<' merge key takes a mapping or a list of mappings");
    }
  }

  void convert_map(const YAML::Node& node, YamlNode& out, int depth) {
    // YAML 1.1: explicit keys win over merged ones wherever they appear, so merges are
    // applied after the explicit keys.
    std::vector<YamlNode> merges;
    for (const auto& kv : node) {
      if (!kv.first.IsScalar()) {
        throw ProjectError(position(kv.first), "a YAML mapping key must be a plain value");
      }
      const std::string& key = kv.first.Scalar();
      YamlNode value = convert(kv.second, depth + 1);
      if (key == kMergeKey && kv.first.Tag() == "?") {
        merges.push_back(std::move(value));
      } else {
        put(out, key, std::move(value), false);
      }
    }
    for (const auto& merge : merges)
      merge_into(out, merge);
  }

  const std::string& path_;
  std::vector<Warning>& warnings_;
};

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  if (kind != Kind::Map) return nullptr;
  for (const auto& entry : entries)
    if (entry.first == key) return &entry.second;
  return nullptr;
}

std::string YamlNode::as_string(std::string_view what) const {
  if (kind == Kind::Scalar) {
    if (scalar.is_string()) return scalar.get<std::string>();
    if (scalar.is_boolean()) return scalar.get<bool>() ? "True" : "False";
    return scalar.dump();
  }
  throw ProjectError(pos, fmt::format("{} must be a string, not {}", what, kind_name()));
}

std::string_view YamlNode::kind_name() const {
  switch (kind) {
    case Kind::Null:
      return "null";
    case Kind::Sequence:
      return "a list";
    case Kind::Map:
      return "a mapping";
    case Kind::Scalar:
      if (scalar.is_string()) return "a string";
      if (scalar.is_boolean()) return "a boolean";
      return "a number";
  }
  return "a value";
}

nlohmann::ordered_json YamlNode::to_json() const {
  switch (kind) {
    case Kind::Null:
      return nullptr;
    case Kind::Scalar:
      return scalar;
    case Kind::Sequence: {
      auto out = nlohmann::ordered_json::array();
      for (const auto& item : items)
        out.push_back(item.to_json());
      return out;
    }
    case Kind::Map: {
      auto out = nlohmann::ordered_json::object();
      for (const auto& [key, value] : entries)
        out[key] = value.to_json();
      return out;
    }
  }
  return nullptr;
}

YamlDocument parse_yaml(std::string_view text, const std::string& display_path) {
  YamlDocument doc;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    SourcePos where{display_path, e.mark.is_null() ? 0 : e.mark.line + 1,
                    e.mark.is_null() ? 0 : e.mark.column + 1};
    throw ProjectError(where, fmt::format("invalid YAML: {}; fix the syntax at this line", e.msg));
  }
  Converter converter(display_path, doc.warnings);
  doc.root = converter.convert(root, 0);
  if (doc.root.pos.line == 0) doc.root.pos = SourcePos{display_path, 1, 1};
  return doc;
}

std::string read_text_file(const std::filesystem::path& path, const std::string& display_path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ProjectError(SourcePos{display_path}, "cannot read this file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

YamlDocument read_yaml_file(const std::filesystem::path& path, const std::string& display_path) {
  return parse_yaml(read_text_file(path, display_path), display_path);
}

}  // namespace kiln::project
