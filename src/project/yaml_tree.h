#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/error.h"
#include "project/source_pos.h"

namespace kiln::project {

// A parsed YAML document that remembers where every value was written, so that every
// error about a dbt file can name its line. Values are typed as PyYAML's SafeLoader
// (YAML 1.1) types them, because that is what dbt sees: `yes` is true, `1e5` is a
// string, `0755` is octal, `<<` merges maps.
class YamlNode {
 public:
  enum class Kind { Null, Scalar, Sequence, Map };
  using Entry = std::pair<std::string, YamlNode>;

  Kind kind = Kind::Null;
  SourcePos pos;
  nlohmann::ordered_json scalar;  // Kind::Scalar: a string, integer, float or boolean
  std::vector<YamlNode> items;    // Kind::Sequence
  std::vector<Entry> entries;     // Kind::Map, in first-seen key order

  bool is_null() const { return kind == Kind::Null; }
  bool is_map() const { return kind == Kind::Map; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_string() const { return kind == Kind::Scalar && scalar.is_string(); }

  // The value under `key` in a map; nullptr when absent or when this is not a map.
  const YamlNode* find(std::string_view key) const;
  // The string of a string scalar; other scalars in their YAML spelling (as dbt's
  // str() would, e.g. `true` -> "True"); throws for maps and sequences.
  std::string as_string(std::string_view what) const;
  // "a mapping", "a list", "a string", ...: for error messages.
  std::string_view kind_name() const;

  nlohmann::ordered_json to_json() const;
};

struct YamlDocument {
  YamlNode root;
  std::vector<Warning> warnings;  // duplicate keys: PyYAML keeps the last, dbt warns
};

// Parses `text`; `display_path` is used in positions and errors. A syntax error throws
// ProjectError at the line yaml-cpp reports.
YamlDocument parse_yaml(std::string_view text, const std::string& display_path);

// Reads and parses a file; a missing or unreadable file throws ProjectError.
YamlDocument read_yaml_file(const std::filesystem::path& path, const std::string& display_path);

// Reads a whole file into a string; throws ProjectError naming `display_path`.
std::string read_text_file(const std::filesystem::path& path, const std::string& display_path);

}  // namespace kiln::project
