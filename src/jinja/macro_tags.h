#pragma once
// Block tags that define macros, for an embedder whose templates have block syntax of its
// own. Jinja2 lets an application add tags through extensions; dbt adds three such tags
// ({% test %}, {% materialization %}, {% docs %}), and Kiln's dbt layer registers them with
// Environment::add_macro_tag. The engine itself knows none of their names.
//
// A registered tag reads
//
//     {% <tag> <name> [(<parameters>)] [, <option> [= <literal>]]... %} body {% <end tag> %}
//
// and defines a macro exactly as {% macro %} does, under the name the embedder derives
// from the header. The parameters are a macro's; an option's value is a literal (a string,
// number, boolean, none, or a list or tuple of them).

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/value.h"

namespace kiln::jinja {

struct MacroTagOption {
  std::string_view key;
  bool has_value = false;       // `key = literal` rather than a bare `key`
  Value value = Value::none();  // the literal, when has_value
};

// What the opening tag said, handed to the embedder to name the macro.
struct MacroTagHeader {
  std::string_view name;                // the identifier after the tag
  std::vector<MacroTagOption> options;  // in the order written
};

// Thrown by MacroTag::macro_name to refuse a header; the parser reports it as a syntax
// error at the tag, with this message.
class MacroTagError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MacroTag {
  std::string end_tag;            // "endtest"
  bool takes_parameters = false;  // `name(a, b=1)` as a macro's signature (required then)
  bool takes_options = false;     // `, key` / `, key=literal` after the name
  // The macro's name, from the header. May throw MacroTagError.
  std::function<std::string(const MacroTagHeader&)> macro_name;
};

// Registered tags by tag name.
using MacroTags = std::map<std::string, MacroTag, std::less<>>;

}  // namespace kiln::jinja
