#pragma once
// Translates a Python regular expression into the ECMAScript dialect of std::regex, for
// modules.re. The dialects agree on most syntax; where they differ the translation keeps
// Python's meaning:
//   (?P<name>...)  -> a numbered group plus a name table      (?P=name) -> \N
//   (?aiLmsux) at the start -> flags                           (?#...)  -> removed
//   \A -> ^   \Z -> $   $ -> end or before a final newline    . -> any char but \n
//   {,n} -> {0,n}   a '{' that is no quantifier -> literal     re.VERBOSE: spacing dropped
// Constructs std::regex cannot express (lookbehind, scoped flags, atomic groups,
// possessive quantifiers, conditionals) raise an Error naming the pattern.
//
// The result is UTF-32 (std::wstring: wchar_t is 32-bit on the platforms Kiln supports), so
// '.' matches a code point and positions are Python's str indices.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiln::compile {

// Python's re flag values.
namespace re_flags {
inline constexpr int kIgnoreCase = 2;
inline constexpr int kLocale = 4;
inline constexpr int kMultiline = 8;
inline constexpr int kDotAll = 16;
inline constexpr int kUnicode = 32;
inline constexpr int kVerbose = 64;
inline constexpr int kAscii = 256;
}  // namespace re_flags

struct TranslatedRegex {
  std::wstring ecmascript;
  int flags = 0;  // the caller's flags plus the pattern's inline ones
  size_t group_count = 0;
  std::vector<std::pair<std::string, size_t>> group_names;  // name -> group number
};

TranslatedRegex translate_python_regex(std::string_view pattern, int flags);

// UTF-8 <-> UTF-32.
std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view wide);

}  // namespace kiln::compile
