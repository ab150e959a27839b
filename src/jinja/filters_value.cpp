// Filters about a value as a whole: default/d, attr, tojson, pprint.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/filters_common.h"
#include "jinja/methods.h"
#include "jinja/operators.h"
#include "jinja/python_format.h"
#include "jinja/utf8.h"

namespace kiln::jinja {
namespace {

// Undefined (and, with boolean=true, any falsy value) gives way to the default.
Value filter_default(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("default", args, {"default_value", "boolean"});
  const bool boolean = bound.get_or(1, Value::boolean(false)).truthy();
  if (v.is_undefined() || (boolean && !v.truthy())) return bound.get_or(0, Value::string(""));
  return v;
}

// obj|attr(name): the attribute only, never obj[name], and through the sandbox, so names
// starting with '_' are never reachable.
Value filter_attr(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("attr", args, {"name"}, 1);
  const Value& name_value = bound.get(0);
  if (!name_value.is_string()) throw Error(ErrorKind::Type, "attribute name must be string");
  const std::string& name = name_value.as_string();
  if (v.is_undefined()) throw_undefined(v);
  Value found;
  if (!name.empty() && name[0] != '_') {
    if (v.is_object()) {
      found = v.as_object().get_attr(name);
    } else if (v.is_string() || v.is_sequence() || v.is_dict()) {
      found = bound_method(v, name);
    }
  }
  if (!found.is_undefined()) return found;
  return Value::undefined_with_hint(
      name, fmt::format("'{} object' has no attribute '{}'", v.type_name(), name));
}

// ---- tojson ------------------------------------------------------------------------------

// json.dumps(value, sort_keys=True, indent=...) followed by Jinja2's escaping of < > & '
// so the result is safe inside <script> tags and HTML attributes.
class JsonWriter {
 public:
  explicit JsonWriter(std::optional<std::string> indent) : indent_(std::move(indent)) {}

  std::string write(const Value& v) {
    value(v, 0);
    return std::move(out_);
  }

 private:
  void value(const Value& v, size_t depth) {
    switch (v.kind()) {
      case Kind::None:
        out_ += "null";
        return;
      case Kind::Bool:
        out_ += v.as_bool() ? "true" : "false";
        return;
      case Kind::Int:
        out_ += v.str();
        return;
      case Kind::Float:
        number(v.as_double());
        return;
      case Kind::String:
        string(v.as_string());
        return;
      case Kind::List:
      case Kind::Tuple:
        array(v.as_list(), depth);
        return;
      case Kind::Dict:
        object(v.as_dict(), depth);
        return;
      default:
        throw Error(ErrorKind::Type,
                    fmt::format("Object of type {} is not JSON serializable", v.type_name()));
    }
  }

  void number(double d) {
    if (std::isnan(d)) {
      out_ += "NaN";
    } else if (std::isinf(d)) {
      out_ += d > 0 ? "Infinity" : "-Infinity";
    } else {
      out_ += float_repr(d);
    }
  }

  // ensure_ascii: everything outside ASCII as \uXXXX (surrogate pairs above the BMP), and
  // Jinja2's HTML-safety escapes on top.
  void string(std::string_view text) {
    out_ += '"';
    for (size_t pos = 0; pos < text.size();) {
      const uint32_t cp = utf8::decode(text, pos);
      switch (cp) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '<':
        case '>':
        case '&':
        case '\'':
          out_ += fmt::format("\\u{:04x}", cp);
          break;
        default:
          if (cp < 0x20 || (cp >= 0x7f && cp < 0x10000)) {
            out_ += fmt::format("\\u{:04x}", cp);
          } else if (cp >= 0x10000) {
            const uint32_t v = cp - 0x10000;
            out_ += fmt::format("\\u{:04x}\\u{:04x}", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
          } else {
            out_ += static_cast<char>(cp);
          }
      }
    }
    out_ += '"';
  }

  // Between items: ", " on one line, or ",\n" plus indentation when indenting.
  void separator(bool first, size_t depth) {
    if (!first) out_ += indent_ ? "," : ", ";
    newline(depth);
  }
  void newline(size_t depth) {
    if (!indent_) return;
    out_ += '\n';
    for (size_t i = 0; i < depth; ++i)
      out_ += *indent_;
  }

  void array(const std::vector<Value>& items, size_t depth) {
    if (items.empty()) {
      out_ += "[]";
      return;
    }
    Marker marker(*this, &items);
    out_ += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      separator(i == 0, depth + 1);
      value(items[i], depth + 1);
    }
    newline(depth);
    out_ += ']';
  }

  // JSON keys are strings: str keys as they are, numbers, bools and None spelled as JSON.
  std::string key_text(const Value& key) {
    switch (key.kind()) {
      case Kind::String:
        return key.as_string();
      case Kind::None:
        return "null";
      case Kind::Bool:
        return key.as_bool() ? "true" : "false";
      case Kind::Int:
        return key.str();
      case Kind::Float: {
        JsonWriter number_writer(std::nullopt);
        number_writer.number(key.as_double());
        return number_writer.out_;
      }
      default:
        throw Error(
            ErrorKind::Type,
            fmt::format("keys must be str, int, float, bool or None, not {}", key.type_name()));
    }
  }

  void object(const Dict& dict, size_t depth) {
    if (dict.empty()) {
      out_ += "{}";
      return;
    }
    Marker marker(*this, &dict);
    std::vector<Value> keys, entries;
    for (const auto& entry : dict.entries()) {
      keys.push_back(entry.key);
      entries.push_back(Value::tuple({entry.key, entry.value}));
    }
    // sort_keys=True sorts the original keys, so mixed key types raise TypeError.
    entries = sorted_by_keys(std::move(entries), std::move(keys), false);
    out_ += '{';
    for (size_t i = 0; i < entries.size(); ++i) {
      const std::vector<Value>& pair = entries[i].as_list();
      separator(i == 0, depth + 1);
      string(key_text(pair[0]));
      out_ += ": ";
      value(pair[1], depth + 1);
    }
    newline(depth);
    out_ += '}';
  }

  // Python's json keeps the ids of the containers being encoded ("markers"): meeting one
  // again means the value contains itself, which would otherwise recurse until the C++ stack
  // overflows. Deep but acyclic nesting stops at Python's recursion limit instead.
  class Marker {
   public:
    Marker(JsonWriter& writer, const void* container) : writer_(writer) {
      auto& open = writer_.open_;
      if (std::find(open.begin(), open.end(), container) != open.end())
        throw Error(ErrorKind::Value, "Circular reference detected");
      if (open.size() >= kMaxDepth)
        throw Error(ErrorKind::Runtime,
                    "maximum recursion depth exceeded while encoding a JSON object");
      open.push_back(container);
    }
    ~Marker() { writer_.open_.pop_back(); }
    Marker(const Marker&) = delete;
    Marker& operator=(const Marker&) = delete;

   private:
    JsonWriter& writer_;
  };
  static constexpr size_t kMaxDepth = 900;  // below Python's default limit of 1000

  std::optional<std::string> indent_;  // nullopt: everything on one line
  std::string out_;
  std::vector<const void*> open_;  // containers being written, outermost first
};

Value filter_tojson(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("tojson", args, {"indent"});
  const Value indent = bound.get_or(0, Value::none());
  std::optional<std::string> indentation;
  if (indent.is_string()) {
    indentation = indent.as_string();
  } else if (!indent.is_none()) {
    indentation = std::string(std::max<int64_t>(0, python_index(indent)), ' ');
  }
  return Value::string(JsonWriter(std::move(indentation)).write(v), true);
}

// ---- pprint ------------------------------------------------------------------------------

// Python's pprint.pformat(value) with its defaults (width 80, one space per level, dicts
// sorted by key): the repr when it fits, otherwise one item per line. Long strings are not
// split into parenthesised pieces as pprint does.
class PrettyPrinter {
 public:
  std::string format(const Value& v) {
    write(v, 0, 0);
    return std::move(out_);
  }

 private:
  static constexpr int64_t kWidth = 80;

  // Dict entries ordered as pprint orders them: by key, with keys that do not compare
  // ordered by type name.
  static std::vector<std::pair<Value, Value>> sorted_entries(const Dict& dict) {
    std::vector<std::pair<Value, Value>> entries;
    for (const auto& entry : dict.entries())
      entries.emplace_back(entry.key, entry.value);
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      try {
        return compare_op(CompareOp::Lt, a.first, b.first);
      } catch (const Error&) {
        return a.first.type_name() < b.first.type_name();
      }
    });
    return entries;
  }

  // repr(), with dicts sorted at every depth.
  static std::string flat(const Value& v) {
    if (v.is_dict()) {
      std::string out = "{";
      bool first = true;
      for (const auto& [key, value] : sorted_entries(v.as_dict())) {
        if (!first) out += ", ";
        first = false;
        out += flat(key) + ": " + flat(value);
      }
      return out + "}";
    }
    if (v.is_sequence()) {
      const std::vector<Value>& items = v.as_list();
      std::string out = v.is_list() ? "[" : "(";
      for (size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + flat(items[i]);
      if (v.is_tuple() && items.size() == 1) out += ",";
      return out + (v.is_list() ? "]" : ")");
    }
    return v.repr();
  }

  void write(const Value& v, int64_t indent, int64_t allowance) {
    std::string rep = flat(v);
    const bool fits = static_cast<int64_t>(utf8::length(rep)) <= kWidth - indent - allowance;
    if (fits || !(v.is_dict() || v.is_sequence()) || (v.is_dict() && v.as_dict().empty()) ||
        (v.is_sequence() && v.as_list().empty())) {
      out_ += rep;
      return;
    }
    if (v.is_dict()) {
      out_ += '{';
      dict_items(sorted_entries(v.as_dict()), indent, allowance + 1);
      out_ += '}';
      return;
    }
    const std::vector<Value>& items = v.as_list();
    const std::string close = v.is_list() ? "]" : (items.size() == 1 ? ",)" : ")");
    out_ += v.is_list() ? '[' : '(';
    sequence_items(items, indent, allowance + static_cast<int64_t>(close.size()));
    out_ += close;
  }

  void sequence_items(const std::vector<Value>& items, int64_t indent, int64_t allowance) {
    indent += 1;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ += ",\n" + std::string(indent, ' ');
      write(items[i], indent, i + 1 == items.size() ? allowance : 1);
    }
  }

  void dict_items(const std::vector<std::pair<Value, Value>>& entries, int64_t indent,
                  int64_t allowance) {
    indent += 1;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i > 0) out_ += ",\n" + std::string(indent, ' ');
      const std::string key = flat(entries[i].first);
      out_ += key + ": ";
      const int64_t key_width = static_cast<int64_t>(utf8::length(key)) + 2;
      write(entries[i].second, indent + key_width, i + 1 == entries.size() ? allowance : 1);
    }
  }

  std::string out_;
};

Value filter_pprint(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("pprint", args);
  return Value::string(PrettyPrinter().format(v));
}

}  // namespace

void add_value_filters(FilterList& out) {
  out.insert(out.end(), {
                            {"default", filter_default},
                            {"d", filter_default},
                            {"attr", filter_attr},
                            {"tojson", filter_tojson},
                            {"pprint", filter_pprint},
                        });
}

}  // namespace kiln::jinja
