// re.sub's replacement: a template with Python's escapes and group references, or a
// callable that receives each Match.

#include "compile/python_re_objects.h"
#include "compile/python_re_translate.h"
#include "jinja/error.h"

namespace kiln::compile {

using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

namespace {

// A parsed template: literal text and group numbers, in order.
struct TemplatePiece {
  std::wstring literal;
  long group = -1;  // >= 0: the text of this group instead of `literal`
};

[[noreturn]] void template_error(std::string message, size_t position) {
  throw Error(ErrorKind::Runtime,
              "re.error: " + message + " at position " + std::to_string(position));
}

bool is_digit(wchar_t c) {
  return c >= L'0' && c <= L'9';
}
bool is_octal(wchar_t c) {
  return c >= L'0' && c <= L'7';
}

bool is_octal_escape(std::wstring_view repl, size_t i) {
  if (repl[i] == L'0') return true;
  return i + 2 < repl.size() && is_octal(repl[i]) && is_octal(repl[i + 1]) && is_octal(repl[i + 2]);
}

long group_reference(std::wstring_view name, const CompiledRegex& regex, size_t position) {
  std::string text = narrow(name);
  if (text.empty()) template_error("missing group name", position);
  bool numeric = std::all_of(name.begin(), name.end(), is_digit);
  if (!numeric) {
    if (auto number = regex.group_number(text)) return static_cast<long>(*number);
    throw Error(ErrorKind::Index, "unknown group name " + Value::string(text).repr());
  }
  long number = std::stol(text);
  if (number > static_cast<long>(regex.group_count)) {
    template_error("invalid group reference " + text, position);
  }
  return number;
}

std::vector<TemplatePiece> parse_template(std::wstring_view repl, const CompiledRegex& regex) {
  std::vector<TemplatePiece> pieces(1);
  auto add_group = [&](long number) {
    pieces.push_back({L"", number});
    pieces.emplace_back();
  };
  for (size_t i = 0; i < repl.size(); ++i) {
    wchar_t c = repl[i];
    if (c != L'\\' || i + 1 == repl.size()) {
      pieces.back().literal += c;
      continue;
    }
    size_t at = i;
    wchar_t e = repl[++i];
    if (e == L'g') {
      size_t close = repl.find(L'>', i);
      if (i + 1 >= repl.size() || repl[i + 1] != L'<' || close == std::wstring_view::npos) {
        template_error("missing <", i + 1);
      }
      add_group(group_reference(repl.substr(i + 2, close - i - 2), regex, i + 2));
      i = close;
    } else if (is_octal_escape(repl, i)) {
      // \0 and three octal digits (\101) are characters, not groups.
      wchar_t value = 0;
      size_t end = i;
      while (end < repl.size() && end < i + 3 && is_octal(repl[end]))
        value = value * 8 + (repl[end++] - L'0');
      pieces.back().literal += value;
      i = end - 1;
    } else if (is_digit(e)) {
      size_t end = i + 1;
      if (end < repl.size() && is_digit(repl[end])) ++end;
      add_group(group_reference(repl.substr(i, end - i), regex, at + 1));
      i = end - 1;
    } else if (std::wstring_view(L"ntrfvab\\").find(e) != std::wstring_view::npos) {
      static constexpr std::wstring_view kFrom = L"ntrfvab\\";
      static constexpr std::wstring_view kTo = L"\n\t\r\f\v\a\b\\";
      pieces.back().literal += kTo[kFrom.find(e)];
    } else if ((e >= L'a' && e <= L'z') || (e >= L'A' && e <= L'Z')) {
      template_error(std::string("bad escape \\") + static_cast<char>(e), at);
    } else {
      pieces.back().literal += L'\\';
      pieces.back().literal += e;
    }
  }
  return pieces;
}

void append_expansion(std::wstring& out, const std::vector<TemplatePiece>& pieces,
                      const std::wstring& wide, const GroupSpans& spans) {
  for (const TemplatePiece& piece : pieces) {
    if (piece.group < 0) {
      out += piece.literal;
    } else if (auto [start, end] = spans[piece.group]; start >= 0) {
      out.append(wide, start, end - start);
    }
  }
}

}  // namespace

std::string expand_template(std::string_view repl, const MatchObject& match) {
  std::vector<TemplatePiece> pieces = parse_template(widen(repl), match.regex());
  std::string out;
  for (const TemplatePiece& piece : pieces) {
    if (piece.group < 0) {
      out += narrow(piece.literal);
    } else if (Value text = match.group(piece.group, Value::none()); text.is_string()) {
      out += text.as_string();
    }
  }
  return out;
}

Value regex_sub(jinja::CallContext& ctx, const std::shared_ptr<const CompiledRegex>& regex,
                const Value& repl, std::string subject, size_t count, bool with_count) {
  bool callable = repl.is_callable();
  if (!callable && !repl.is_string()) {
    throw Error(ErrorKind::Type,
                "expected str instance, " + std::string(repl.type_name()) + " found");
  }
  std::vector<TemplatePiece> pieces;
  if (!callable) pieces = parse_template(widen(repl.as_string()), *regex);
  auto text = make_subject(std::move(subject));
  const std::wstring& wide = text->wide;
  std::wstring out;
  long last = 0;
  int64_t replaced = 0;
  for_each_match(*regex, wide, 0, wide.size(), count, [&](const GroupSpans& spans) {
    out.append(wide, last, spans[0].first - last);
    if (callable) {
      Value match = Value::object(new MatchObject(regex, text, spans, 0, wide.size()));
      Value result = ctx.call(repl, jinja::CallArgs{{match}, {}});
      if (!result.is_string()) {
        throw Error(ErrorKind::Type,
                    "expected str instance, " + std::string(result.type_name()) + " found");
      }
      out += widen(result.as_string());
    } else {
      append_expansion(out, pieces, wide, spans);
    }
    last = spans[0].second;
    ++replaced;
  });
  out.append(wide, last, std::wstring::npos);
  Value result = Value::string(narrow(out));
  if (!with_count) return result;
  return Value::tuple({result, Value::integer(replaced)});
}

}  // namespace kiln::compile
