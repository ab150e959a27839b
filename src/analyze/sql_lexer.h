#pragma once
// A lexer for the SQL that dbt compiles, as PostgreSQL and DuckDB split it into tokens. It
// exists for normalized_sql: it knows where strings, quoted identifiers, comments and
// operators begin and end, and nothing about grammar. It never fails; an unterminated string,
// identifier or comment runs to the end of the text.

#include <cstddef>
#include <string_view>

namespace kiln::analyze {

enum class TokenKind {
  Word,              // keyword, unquoted identifier, number, $1 parameter
  QuotedIdentifier,  // "..." with "" inside
  String,            // '...', E'...', X'...', U&'...', $tag$...$tag$ (text includes any prefix)
  Operator,          // + - * / < > = ~ ! @ # % ^ & | ` ? and their combinations
  Punctuation,       // ( ) , ; . [ ] { } : :: and anything else
};

struct SqlToken {
  TokenKind kind = TokenKind::Punctuation;
  std::string_view text;  // a view into the lexed SQL
};

class SqlLexer {
 public:
  explicit SqlLexer(std::string_view sql) : sql_(sql) {}

  // The next token, skipping whitespace and comments; false at the end of the text.
  bool next(SqlToken& token);

 private:
  void skip_blanks_and_comments();
  size_t end_of_word(size_t from) const;
  size_t end_of_number(size_t from) const;
  size_t end_of_quoted(size_t from, char quote, bool backslash_escapes) const;
  size_t end_of_dollar_string(size_t from) const;
  size_t end_of_operator(size_t from) const;

  std::string_view sql_;
  size_t pos_ = 0;
};

}  // namespace kiln::analyze
