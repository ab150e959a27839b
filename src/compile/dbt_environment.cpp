#include "compile/dbt_environment.h"

#include <charconv>

#include "compile/dbt_block_tags.h"
#include "jinja/dict.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

namespace {

// A small reader for Python literals: numbers, True/False/None, quoted strings, and lists,
// tuples and dicts of them. Returns nullopt when `text` is not entirely one literal.
class LiteralReader {
 public:
  explicit LiteralReader(std::string_view text) : text_(text) {}

  std::optional<Value> read_all() {
    std::optional<Value> v = read();
    skip_space();
    if (!v || pos_ != text_.size()) return std::nullopt;
    return v;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }
  bool eat(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool eat_word(std::string_view w) {
    skip_space();
    if (text_.substr(pos_, w.size()) != w) return false;
    size_t end = pos_ + w.size();
    if (end < text_.size() &&
        (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_')) {
      return false;
    }
    pos_ = end;
    return true;
  }

  std::optional<Value> read() {
    skip_space();
    if (pos_ >= text_.size()) return std::nullopt;
    char c = text_[pos_];
    if (c == '\'' || c == '"') return read_string(c);
    if (c == '[' || c == '(') return read_sequence(c == '[' ? ']' : ')');
    if (c == '{') return read_dict();
    if (eat_word("True")) return Value::boolean(true);
    if (eat_word("False")) return Value::boolean(false);
    if (eat_word("None")) return Value::none();
    return read_number();
  }

  std::optional<Value> read_string(char quote) {
    ++pos_;
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
        char e = text_[++pos_];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        out += text_[pos_];
      }
      ++pos_;
    }
    if (pos_ >= text_.size()) return std::nullopt;
    ++pos_;
    return Value::string(std::move(out));
  }

  std::optional<Value> read_sequence(char close) {
    ++pos_;
    std::vector<Value> items;
    bool trailing_comma = false;
    while (!eat(close)) {
      std::optional<Value> item = read();
      if (!item) return std::nullopt;
      items.push_back(*item);
      trailing_comma = eat(',');
      if (!trailing_comma) {
        if (!eat(close)) return std::nullopt;
        break;
      }
    }
    if (close == ')') {
      if (items.size() == 1 && !trailing_comma) return items[0];  // (x) is just x
      return Value::tuple(std::move(items));
    }
    return Value::list(std::move(items));
  }

  std::optional<Value> read_dict() {
    ++pos_;
    Value dict = Value::dict();
    while (!eat('}')) {
      std::optional<Value> key = read();
      if (!key || !eat(':')) return std::nullopt;
      std::optional<Value> value = read();
      if (!value) return std::nullopt;
      dict.as_dict().set(*key, *value);
      if (!eat(',')) {
        if (!eat('}')) return std::nullopt;
        break;
      }
    }
    return dict;
  }

  std::optional<Value> read_number() {
    size_t start = pos_;
    if (pos_ < text_.size() && (text_[pos_] == '-' || text_[pos_] == '+')) ++pos_;
    bool is_float = false;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (c == '.' || c == 'e' || c == 'E' ||
                 ((c == '-' || c == '+') && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E'))) {
        is_float = true;
        ++pos_;
      } else {
        break;
      }
    }
    std::string_view number = text_.substr(start, pos_ - start);
    if (number.empty() || number == "-" || number == "+") return std::nullopt;
    if (number[0] == '+') number.remove_prefix(1);
    if (!is_float) {
      int64_t i = 0;
      auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), i);
      if (ec == std::errc() && end == number.data() + number.size()) return Value::integer(i);
      return std::nullopt;
    }
    double d = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), d);
    if (ec == std::errc() && end == number.data() + number.size()) return Value::floating(d);
    return std::nullopt;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

Value as_bool(CallContext&, const Value& subject, CallArgs& args) {
  jinja::expect_no_args("as_bool", args);
  if (subject.is_string()) {
    Value v = native_value(subject.as_string());
    if (v.is_bool()) return v;
  }
  return subject;
}

Value as_number(CallContext&, const Value& subject, CallArgs& args) {
  jinja::expect_no_args("as_number", args);
  if (subject.is_string()) {
    Value v = native_value(subject.as_string());
    if (v.is_int() || v.is_float()) return v;
  }
  return subject;
}

Value as_native(CallContext&, const Value& subject, CallArgs& args) {
  jinja::expect_no_args("as_native", args);
  return subject.is_string() ? native_value(subject.as_string()) : subject;
}

Value as_text(CallContext&, const Value& subject, CallArgs& args) {
  jinja::expect_no_args("as_text", args);
  return Value::string(subject.str());
}

}  // namespace

Value native_value(const std::string& rendered) {
  std::optional<Value> literal = LiteralReader(rendered).read_all();
  return literal ? *literal : Value::string(rendered);
}

jinja::Environment make_dbt_environment() {
  jinja::Environment env;
  env.add_filter("as_bool", as_bool);
  env.add_filter("as_number", as_number);
  env.add_filter("as_native", as_native);
  env.add_filter("as_text", as_text);
  add_dbt_block_tags(env);
  return env;
}

}  // namespace kiln::compile
