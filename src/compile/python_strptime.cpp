#include <cctype>
#include <map>
#include <regex>
#include <vector>

#include "compile/python_time_format.h"
#include "jinja/error.h"
#include "jinja/value.h"

namespace kiln::compile {

namespace {

using calendar::CivilTime;
using jinja::Error;
using jinja::ErrorKind;

std::string py_repr(std::string_view text) {
  return jinja::Value::string(std::string(text)).repr();
}

std::string name_alternatives(bool months) {
  // Full names before abbreviations, so "March" is not read as "Mar" + "ch".
  std::string full, abbreviated;
  for (int i = 0; i < (months ? 12 : 7); ++i) {
    std::string_view name = months ? calendar::month_name(i + 1) : calendar::weekday_name(i);
    full += std::string(name) + "|";
    abbreviated += std::string(name.substr(0, 3)) + (i + 1 < (months ? 12 : 7) ? "|" : "");
  }
  return "(" + full + abbreviated + ")";
}

// The text each directive accepts, as Python's _strptime accepts it.
const std::map<char, std::string>& directive_patterns() {
  static const std::map<char, std::string> patterns = {
      {'d', R"((3[01]|[12]\d|0[1-9]|[1-9]| [1-9]))"},
      {'f', R"((\d{1,6}))"},
      {'H', R"((2[0-3]|[01]\d|\d))"},
      {'I', R"((1[0-2]|0[1-9]|[1-9]))"},
      {'j', R"((36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]))"},
      {'m', R"((1[0-2]|0[1-9]|[1-9]))"},
      {'M', R"(([0-5]\d|\d))"},
      {'S', R"((6[01]|[0-5]\d|\d))"},
      {'U', R"((5[0-3]|[0-4]\d|\d))"},
      {'W', R"((5[0-3]|[0-4]\d|\d))"},
      {'V', R"((5[0-3]|0[1-9]|[1-4]\d|\d))"},
      {'w', R"(([0-6]))"},
      {'u', R"(([1-7]))"},
      {'y', R"((\d\d))"},
      {'Y', R"((\d\d\d\d))"},
      {'G', R"((\d\d\d\d))"},
      {'z', R"(([+-]\d\d:?[0-5]\d(?::?[0-5]\d(?:\.\d{1,6})?)?|Z))"},
      {'a', name_alternatives(false)},
      {'A', name_alternatives(false)},
      {'b', name_alternatives(true)},
      {'B', name_alternatives(true)},
      {'p', "(am|pm)"},
      {'Z', "(utc|gmt)"},
  };
  return patterns;
}

// Turns a strptime format into a regex; `fields` receives the directive of each group.
std::string format_to_regex(std::string_view format, std::string& fields) {
  std::string regex;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      while (i + 1 < format.size() && std::isspace(static_cast<unsigned char>(format[i + 1])))
        ++i;
      regex += "\\s+";
    } else if (c != '%') {
      if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) regex += '\\';
      regex += c;
    } else if (i + 1 == format.size()) {
      throw Error(ErrorKind::Value, "stray % in format " + py_repr(format));
    } else {
      char d = format[++i];
      if (d == '%') {
        regex += '%';
      } else if (d == 'c' || d == 'x' || d == 'X') {
        std::string_view expansion = d == 'c'   ? "%a %b %d %H:%M:%S %Y"
                                     : d == 'x' ? "%m/%d/%y"
                                                : "%H:%M:%S";
        regex += format_to_regex(expansion, fields);
      } else if (auto it = directive_patterns().find(d); it != directive_patterns().end()) {
        regex += it->second;
        fields += d;
      } else {
        throw Error(ErrorKind::Value,
                    "'" + std::string(1, d) + "' is a bad directive in format " + py_repr(format));
      }
    }
  }
  return regex;
}

int name_index(const std::string& text, bool months) {
  for (int i = 0; i < (months ? 12 : 7); ++i) {
    std::string_view name = months ? calendar::month_name(i + 1) : calendar::weekday_name(i);
    std::string lower;
    for (char c : name)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string given;
    for (char c : text)
      given += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (given == lower || given == lower.substr(0, 3)) return i;
  }
  return 0;
}

int to_int(std::string_view digits) {
  int n = 0;
  for (char c : digits) {
    if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
  }
  return n;
}

// "123" -> 123000 microseconds: a fraction's digits scaled to six.
int fraction_micros(std::string_view digits) {
  std::string six(digits.substr(0, 6));
  six.resize(6, '0');
  return to_int(six);
}

// "+05:30", "-0530", "+05:30:10.5", "Z" -> microseconds east of UTC.
int64_t parse_offset(std::string_view text) {
  if (text == "Z" || text == "z") return 0;
  std::string digits;
  std::string_view fraction;
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '.') {
      fraction = text.substr(i + 1);
      break;
    }
    if (text[i] != ':') digits += text[i];
  }
  int64_t seconds = to_int(digits.substr(0, 2)) * 3600 +
                    (digits.size() >= 4 ? to_int(digits.substr(2, 2)) * 60 : 0) +
                    (digits.size() >= 6 ? to_int(digits.substr(4, 2)) : 0);
  int64_t micros = seconds * calendar::kMicrosPerSecond + fraction_micros(fraction);
  return text[0] == '-' ? -micros : micros;
}

struct StrptimeFields {
  std::map<char, std::string> values;
  bool has(char d) const { return values.count(d) != 0; }
  int number(char d, int fallback) const { return has(d) ? to_int(values.at(d)) : fallback; }
};

ParsedTime assemble(const StrptimeFields& f) {
  ParsedTime parsed;
  CivilTime& t = parsed.civil;
  t.year = 1900;
  if (f.has('Y')) t.year = f.number('Y', 1900);
  if (f.has('y')) t.year = f.number('y', 0) + (f.number('y', 0) < 69 ? 2000 : 1900);
  t.month = f.has('b') ? name_index(f.values.at('b'), true) + 1 : f.number('m', 1);
  if (f.has('B')) t.month = name_index(f.values.at('B'), true) + 1;
  t.day = f.number('d', 1);
  t.hour = f.has('I') ? f.number('I', 12) % 12 : f.number('H', 0);
  if (f.has('I') && f.has('p') && (f.values.at('p')[0] == 'p' || f.values.at('p')[0] == 'P')) {
    t.hour += 12;
  } else if (f.has('I') && !f.has('p')) {
    t.hour = f.number('I', 12);
  }
  t.minute = f.number('M', 0);
  t.second = f.number('S', 0);
  if (f.has('f')) t.microsecond = fraction_micros(f.values.at('f'));
  if (f.has('z')) parsed.utc_offset_micros = parse_offset(f.values.at('z'));
  if (f.has('G') && f.has('V') && f.has('u')) {
    int64_t days = calendar::iso_week_one_monday(f.number('G', 1900)) + (f.number('V', 1) - 1) * 7 +
                   f.number('u', 1) - 1;
    CivilTime date = calendar::civil_from_days(days);
    t.year = date.year, t.month = date.month, t.day = date.day;
  } else if (f.has('j')) {
    CivilTime date =
        calendar::civil_from_days(calendar::days_from_civil(t.year, 1, 1) + f.number('j', 1) - 1);
    t.month = date.month, t.day = date.day;
  }
  if (auto problem = calendar::validate(t); !problem.empty()) {
    throw Error(ErrorKind::Value, std::string(problem));
  }
  return parsed;
}

}  // namespace

ParsedTime python_strptime(std::string_view text, std::string_view format) {
  std::string fields;
  std::regex pattern(format_to_regex(format, fields), std::regex::ECMAScript | std::regex::icase);
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(text.begin(), text.end(), match, pattern,
                         std::regex_constants::match_continuous)) {
    throw Error(ErrorKind::Value,
                "time data " + py_repr(text) + " does not match format " + py_repr(format));
  }
  if (static_cast<size_t>(match.length(0)) != text.size()) {
    throw Error(ErrorKind::Value,
                "unconverted data remains: " + std::string(text.substr(match.length(0))));
  }
  StrptimeFields parsed;
  for (size_t i = 0; i < fields.size(); ++i)
    parsed.values[fields[i]] = match.str(i + 1);
  return assemble(parsed);
}

}  // namespace kiln::compile
