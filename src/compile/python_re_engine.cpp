#include "compile/python_re_engine.h"

#include <locale>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "compile/python_re_translate.h"
#include "jinja/error.h"
#include "jinja/value.h"

namespace kiln::compile {

namespace {

using WideMatch = std::match_results<std::wstring::const_iterator>;

// Compilations kept; like Python's own cache, it is simply emptied when full.
constexpr size_t kCacheCapacity = 512;

// Python's str patterns are Unicode-aware: \w matches 'é' and IGNORECASE folds 'É'. The
// regex traits classify characters through the regex's locale, and the classic "C" locale
// knows only ASCII, so use the C library's UTF-8 locale when the system has one.
const std::locale& unicode_locale() {
  static const std::locale locale = [] {
    for (const char* name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
      try {
        return std::locale(name);
      } catch (const std::runtime_error&) {
      }
    }
    return std::locale::classic();
  }();
  return locale;
}

std::shared_ptr<const CompiledRegex> compile_uncached(std::string_view pattern, int flags) {
  TranslatedRegex translated = translate_python_regex(pattern, flags);
  auto compiled = std::make_shared<CompiledRegex>();
  compiled->pattern = std::string(pattern);
  compiled->flags = translated.flags;
  if (!(compiled->flags & re_flags::kAscii)) compiled->flags |= re_flags::kUnicode;
  compiled->group_count = translated.group_count;
  compiled->group_names = std::move(translated.group_names);
  auto options = std::regex::ECMAScript;
  if (translated.flags & re_flags::kIgnoreCase) options |= std::regex::icase;
  if (translated.flags & re_flags::kMultiline) options |= std::regex::multiline;
  try {
    compiled->regex.imbue(unicode_locale());
    compiled->regex.assign(translated.ecmascript, options);
  } catch (const std::regex_error& e) {
    throw jinja::Error(jinja::ErrorKind::Runtime,
                       "re.error: " + std::string(e.what()) + " in pattern " +
                           jinja::Value::string(std::string(pattern)).repr());
  }
  return compiled;
}

GroupSpans spans_of(const WideMatch& m, const std::wstring& wide, size_t groups) {
  GroupSpans spans(groups + 1, {-1, -1});
  for (size_t i = 0; i <= groups && i < m.size(); ++i) {
    if (!m[i].matched) continue;
    spans[i] = {static_cast<long>(m[i].first - wide.begin()),
                static_cast<long>(m[i].second - wide.begin())};
  }
  return spans;
}

// `extra` adds flags such as match_not_null; a start past the string's beginning makes
// the character before it visible to ^ and \b, as Python's pos does.
std::optional<GroupSpans> run(const CompiledRegex& regex, const std::wstring& wide, size_t start,
                              size_t end, MatchMode mode,
                              std::regex_constants::match_flag_type extra) {
  auto flags = extra;
  if (start > 0) flags |= std::regex_constants::match_prev_avail;
  WideMatch m;
  auto first = wide.begin() + static_cast<long>(start);
  auto last = wide.begin() + static_cast<long>(end);
  bool found = false;
  if (mode == MatchMode::Full) {
    found = std::regex_match(first, last, m, regex.regex, flags);
  } else {
    if (mode == MatchMode::Prefix) flags |= std::regex_constants::match_continuous;
    found = std::regex_search(first, last, m, regex.regex, flags);
  }
  if (!found) return std::nullopt;
  return spans_of(m, wide, regex.group_count);
}

}  // namespace

std::optional<size_t> CompiledRegex::group_number(std::string_view name) const {
  for (const auto& [group_name, number] : group_names) {
    if (group_name == name) return number;
  }
  return std::nullopt;
}

std::shared_ptr<const CompiledRegex> compile_regex(std::string_view pattern, int flags) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<const CompiledRegex>> cache;
  std::string key = std::to_string(flags) + ":" + std::string(pattern);
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto compiled = compile_uncached(pattern, flags);
  std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() >= kCacheCapacity) cache.clear();
  cache.emplace(std::move(key), compiled);
  return compiled;
}

std::shared_ptr<const RegexSubject> make_subject(std::string text) {
  auto subject = std::make_shared<RegexSubject>();
  subject->wide = widen(text);
  subject->text = std::move(text);
  return subject;
}

std::optional<GroupSpans> find_match(const CompiledRegex& regex, const std::wstring& wide,
                                     size_t start, size_t end, MatchMode mode) {
  end = std::min(end, wide.size());
  if (start > end) return std::nullopt;
  return run(regex, wide, start, end, mode, std::regex_constants::match_default);
}

void for_each_match(const CompiledRegex& regex, const std::wstring& wide, size_t pos, size_t endpos,
                    size_t limit, const std::function<void(const GroupSpans&)>& on_match) {
  endpos = std::min(endpos, wide.size());
  size_t count = 0;
  bool last_was_empty = false;
  while (pos <= endpos && (limit == 0 || count < limit)) {
    std::optional<GroupSpans> found;
    if (last_was_empty) {
      // Not another empty match here: a non-empty one starting here, else look further on.
      found =
          run(regex, wide, pos, endpos, MatchMode::Prefix, std::regex_constants::match_not_null);
      if (!found) {
        if (pos == endpos) return;
        found = run(regex, wide, pos + 1, endpos, MatchMode::Search,
                    std::regex_constants::match_default);
      }
    } else {
      found = run(regex, wide, pos, endpos, MatchMode::Search, std::regex_constants::match_default);
    }
    if (!found) return;
    on_match(*found);
    ++count;
    last_was_empty = (*found)[0].first == (*found)[0].second;
    pos = static_cast<size_t>((*found)[0].second);
  }
}

}  // namespace kiln::compile
