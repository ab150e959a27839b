#pragma once
// The lexical normal form of compiled SQL that the code fingerprint hashes: two texts that
// differ only in formatting (comments, whitespace, line breaks, the case of keywords and
// unquoted identifiers, redundant quotes around an identifier) normalize to the same text,
// and any other edit, including one inside a string literal, gives a different text.
//
// It is a lexer, not a parser: it needs no dialect, never fails, and runs at the speed of a
// scan (see bench/analyze/). What it does, token by token:
//   - drops `--` line comments and `/* */` block comments (nested, as PostgreSQL nests them);
//   - collapses whitespace: tokens are separated by one space only where two tokens would
//     otherwise run together (two words, two operators, two strings), and by nothing else,
//     so `a+b`, `a + b` and `a\n  +  b` are equal;
//   - lower-cases unquoted identifiers and keywords (ASCII letters only, as PostgreSQL folds);
//   - writes a double-quoted identifier without its quotes when that means the same name:
//     "orders" is orders, but "Orders", "order items" and "select" keep their quotes;
//   - keeps string literals ('it''s', E'a\'b', $tag$...$tag$) and numbers verbatim;
//   - splits operators as PostgreSQL does, so `a=-1` and `a = -1` are equal.
// Unterminated strings, identifiers and comments run to the end of the text.
//
// One known loss: DuckDB keeps the spelling of an unquoted alias in its output column name
// (`select 1 as Total` makes a column "Total"), so a change of case there changes the built
// table's column name but not the normal form. Only the case differs; see docs/analyze.md.

#include <string>
#include <string_view>

namespace kiln::analyze {

std::string normalized_sql(std::string_view sql);

}  // namespace kiln::analyze
