#pragma once
// UTF-8 helpers for Python's code-point view of str: len('é') is 1, 'héllo'[1] is 'é'.
// Strings that are pure ASCII (almost all of dbt's SQL) take byte-indexed fast paths.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiln::jinja::utf8 {

bool is_ascii(std::string_view text);
// Number of code points.
size_t length(std::string_view text);
// Decodes the code point at text[pos] and advances pos. Bytes that are not valid UTF-8
// decode as themselves (Latin-1), so no input is ever rejected.
uint32_t decode(std::string_view text, size_t& pos);
void append(std::string& out, uint32_t code_point);
// Byte offset of code point number `index` (text.size() when index >= length).
size_t offset_of(std::string_view text, size_t index);

// Python's str.isspace() for one code point.
bool is_space(uint32_t cp);
// Case mapping for ASCII, Latin-1, Greek and Cyrillic (what SQL identifiers and dbt
// messages contain); other code points are returned unchanged.
uint32_t to_upper(uint32_t cp);
uint32_t to_lower(uint32_t cp);
bool is_upper(uint32_t cp);
bool is_lower(uint32_t cp);
bool is_alpha(uint32_t cp);
bool is_digit(uint32_t cp);

}  // namespace kiln::jinja::utf8
