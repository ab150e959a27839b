#pragma once
// Shell-style wildcards exactly as Python's fnmatch.fnmatch on POSIX, which dbt uses for
// tags, packages, sources, file names and fqn parts: `*` matches any run of characters
// (including '.' and '/'), `?` one character, `[abc]`, `[a-z]`, `[!abc]` one character of (or
// not of) a set; a `[` without a closing `]` is a literal. Case-sensitive.

#include <string_view>

namespace kiln::graph {

bool fnmatch(std::string_view text, std::string_view pattern);

// Whether `pattern` uses any of the characters dbt treats as wildcards in fqn selectors.
bool has_wildcard(std::string_view pattern);

}  // namespace kiln::graph
