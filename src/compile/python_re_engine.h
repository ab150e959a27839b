#pragma once
// Compiled Python regular expressions (translated to std::wregex) and the matching loop
// every modules.re operation shares: where a match is looked for, how empty matches
// advance (as Python 3.7+: an empty match may follow a non-empty one at the same position,
// but never another empty one), and what positions the groups took.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiln::compile {

struct CompiledRegex {
  std::string pattern;  // as the template wrote it
  int flags = 0;        // Python's: the caller's, the pattern's inline ones, and re.UNICODE
  std::wregex regex;
  size_t group_count = 0;
  std::vector<std::pair<std::string, size_t>> group_names;  // in pattern order

  std::optional<size_t> group_number(std::string_view name) const;
};

// Translates and compiles, reusing recent compilations (templates call re in loops).
// Throws Error naming the pattern when it cannot be translated or compiled.
std::shared_ptr<const CompiledRegex> compile_regex(std::string_view pattern, int flags);

// The text being searched, in UTF-8 (for slices handed back) and UTF-32 (for matching).
struct RegexSubject {
  std::string text;
  std::wstring wide;
};
std::shared_ptr<const RegexSubject> make_subject(std::string text);

// Start and end of group 0..n in code points; {-1, -1} for a group that did not take part.
using GroupSpans = std::vector<std::pair<long, long>>;

enum class MatchMode {
  Search,  // anywhere from `start` (re.search)
  Prefix,  // starting at `start` (re.match)
  Full,    // from `start` to `end` exactly (re.fullmatch)
};

// One match within wide[start, end); positions are relative to the whole string.
std::optional<GroupSpans> find_match(const CompiledRegex& regex, const std::wstring& wide,
                                     size_t start, size_t end, MatchMode mode);

// Calls `on_match` for successive non-overlapping matches within wide[pos, endpos), at most
// `limit` of them (0: no limit).
void for_each_match(const CompiledRegex& regex, const std::wstring& wide, size_t pos, size_t endpos,
                    size_t limit, const std::function<void(const GroupSpans&)>& on_match);

}  // namespace kiln::compile
