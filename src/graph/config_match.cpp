#include "graph/config_match.h"

#include <cctype>
#include <cstdlib>

namespace kiln::graph {

namespace {

std::string upper(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool equal_ignoring_case(const std::string& a, const std::string& b) {
  return upper(a) == upper(b);
}

// The selector as Python sees it: a str from the command line, or a YAML scalar.
struct Wanted {
  std::string text;
  ValueKind kind;
  bool case_insensitive;  // config.severity

  double number() const { return std::strtod(text.c_str(), nullptr); }
  bool boolean() const {
    return upper(text) == "TRUE" || upper(text) == "YES" || upper(text) == "ON";
  }
  // CaseInsensitive(selector) == "true": a YAML true prints as "True".
  bool says_true() const { return kind == ValueKind::Boolean ? boolean() : upper(text) == "TRUE"; }
  bool says_false() const {
    return kind == ValueKind::Boolean ? !boolean() : upper(text) == "FALSE";
  }
};

// Python's `wanted == value`, where bool is an int (True == 1).
bool python_equals(const Wanted& wanted, const nlohmann::json& value) {
  switch (wanted.kind) {
    case ValueKind::Text:
      if (!value.is_string()) return false;
      return wanted.case_insensitive ? equal_ignoring_case(value.get<std::string>(), wanted.text)
                                     : value.get<std::string>() == wanted.text;
    case ValueKind::Integer:
    case ValueKind::Float:
      if (value.is_number()) return value.get<double>() == wanted.number();
      if (value.is_boolean()) return (value.get<bool>() ? 1.0 : 0.0) == wanted.number();
      return false;
    case ValueKind::Boolean:
      if (value.is_boolean()) return value.get<bool>() == wanted.boolean();
      if (value.is_number()) return value.get<double>() == (wanted.boolean() ? 1.0 : 0.0);
      return false;
  }
  return false;
}

bool list_contains(const nlohmann::json& list, const Wanted& wanted) {
  Wanted true_value{"True", ValueKind::Boolean, false};
  Wanted false_value{"False", ValueKind::Boolean, false};
  for (const nlohmann::json& element : list) {
    if (python_equals(wanted, element)) return true;
    if (wanted.says_true() && python_equals(true_value, element)) return true;
    if (wanted.says_false() && python_equals(false_value, element)) return true;
  }
  return false;
}

bool scalar_matches(const nlohmann::json& value, const Wanted& wanted) {
  // `value is True` is identity: only a real boolean, not 1.
  return python_equals(wanted, value) ||
         (wanted.says_true() && value.is_boolean() && value.get<bool>()) ||
         (wanted.says_false() && value.is_boolean() && !value.get<bool>());
}

}  // namespace

bool config_matches(const nlohmann::json& config, const std::vector<std::string>& key_path,
                    const std::string& value, ValueKind value_kind) {
  const nlohmann::json* current = &config;
  for (const std::string& key : key_path) {
    if (!current->is_object()) return false;
    auto it = current->find(key);
    if (it == current->end()) return false;
    current = &*it;
  }
  Wanted wanted{value, value_kind, key_path.size() == 1 && key_path[0] == "severity"};
  return current->is_array() ? list_contains(*current, wanted) : scalar_matches(*current, wanted);
}

}  // namespace kiln::graph
