#pragma once
// Decoding of string literals as Jinja2 does it: Python's "unicode-escape" codec applied to
// the text between the quotes. Unknown escapes such as "\d" are kept as written, which is
// what dbt's regex-heavy macros rely on.

#include <string>
#include <string_view>

namespace kiln::jinja {

// `quoted` includes its quotes. Throws Error(ErrorKind::Syntax) without a location for a
// malformed escape ("truncated \xXX escape"); the parser adds the location.
std::string decode_string_literal(std::string_view quoted);

}  // namespace kiln::jinja
