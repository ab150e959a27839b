#include "analyze/normalized_sql.h"

#include <algorithm>
#include <array>

#include "analyze/sql_lexer.h"

namespace kiln::analyze {

namespace {

// Words that mean something else unquoted: "select" is a column, select is a keyword. The
// reserved words of PostgreSQL and DuckDB, plus the non-reserved ones that change a query's
// shape where a name may also stand (join kinds, window clauses). Sorted, for binary search.
constexpr std::array<std::string_view, 131> kKeywords = {
    "all",
    "analyse",
    "analyze",
    "and",
    "anti",
    "any",
    "array",
    "as",
    "asc",
    "asof",
    "asymmetric",
    "at",
    "authorization",
    "between",
    "binary",
    "both",
    "by",
    "case",
    "cast",
    "check",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "describe",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "exclude",
    "exists",
    "false",
    "fetch",
    "filter",
    "following",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "glob",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "not",
    "notnull",
    "null",
    "nulls",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "over",
    "overlaps",
    "partition",
    "pivot",
    "pivot_longer",
    "pivot_wider",
    "placing",
    "positional",
    "preceding",
    "primary",
    "qualify",
    "range",
    "references",
    "replace",
    "returning",
    "right",
    "rows",
    "select",
    "semi",
    "session_user",
    "similar",
    "some",
    "summarize",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "union_by_name",
    "unique",
    "unpivot",
    "user",
    "using",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
    "within",
    "without",
};
static_assert(std::is_sorted(kKeywords.begin(), kKeywords.end()));

bool is_keyword(std::string_view word) {
  return std::binary_search(kKeywords.begin(), kKeywords.end(), word);
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The name inside "..." when writing it unquoted reads back as the same name: lower case
// ASCII letters, digits and _, not starting with a digit, and not a keyword.
bool quotes_are_redundant(std::string_view name) {
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return false;
  for (char c : name) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!plain) return false;
  }
  return !is_keyword(name);
}

// Whether two tokens written next to each other would lex as something else: two words (or
// quoted names, or strings) would merge, `<` `>` would become `<>`, `:` `:` would become `::`,
// `u` `&` would start a U& string.
bool needs_space(TokenKind before, std::string_view before_text, TokenKind after,
                 std::string_view after_text) {
  auto wordish = [](TokenKind kind) {
    return kind == TokenKind::Word || kind == TokenKind::QuotedIdentifier ||
           kind == TokenKind::String;
  };
  if (wordish(before) && wordish(after)) return true;
  if (before == TokenKind::Operator && after == TokenKind::Operator) return true;
  // `u & 'x'` must not print as U&'x', a unicode-escaped string.
  if (before == TokenKind::Word && (before_text == "u" || before_text == "U") &&
      after_text.starts_with('&')) {
    return true;
  }
  return before == TokenKind::Punctuation && before_text == ":" && after == TokenKind::Punctuation;
}

void append_token(const SqlToken& token, std::string& out) {
  switch (token.kind) {
    case TokenKind::Word:
      for (char c : token.text)
        out += lower(c);
      return;
    case TokenKind::String:
      // The prefix of E'..' / X'..' is a letter of either case; the text is verbatim.
      if (token.text[0] != '\'' && token.text[0] != '$') {
        out += lower(token.text[0]);
        out.append(token.text.substr(1));
        return;
      }
      out.append(token.text);
      return;
    case TokenKind::QuotedIdentifier: {
      bool closed = token.text.size() >= 2 && token.text.back() == '"';
      std::string_view inner = token.text.substr(1, token.text.size() - (closed ? 2 : 1));
      if (closed && quotes_are_redundant(inner)) {
        out.append(inner);
      } else {
        out.append(token.text);
      }
      return;
    }
    case TokenKind::Operator:
    case TokenKind::Punctuation:
      out.append(token.text);
      return;
  }
}

}  // namespace

std::string normalized_sql(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  SqlLexer lexer(sql);
  SqlToken token;
  bool first = true;
  TokenKind previous_kind = TokenKind::Punctuation;
  std::string_view previous_text;
  while (lexer.next(token)) {
    if (!first && needs_space(previous_kind, previous_text, token.kind, token.text)) out += ' ';
    append_token(token, out);
    previous_kind = token.kind;
    previous_text = token.text;
    first = false;
  }
  return out;
}

}  // namespace kiln::analyze
