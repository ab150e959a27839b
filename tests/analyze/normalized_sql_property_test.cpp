// normalized_sql against generated reformattings: re-spacing a query token by token, with
// comments and line breaks between tokens and random case in its words, never changes the
// normal form; changing one character inside a string literal always does.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "analyze/normalized_sql.h"
#include "analyze/sql_lexer.h"

namespace kiln::analyze {
namespace {

const std::vector<std::string> kQueries = {
    "with source as (select * from \"dev\".\"raw\".\"Orders\" where amount>=10.50 and "
    "status<>'Paid ''in'' full') select id, cast(amount as numeric(18,2)) as amount, "
    "j->>'key' as k, a[1:2], x::int from source where note not like '%--%' and y=-1",
    "select count(distinct o.id) filter (where o.s = E'it\\'s') over (partition by c order "
    "by d rows between unbounded preceding and current row) from o qualify $1 > 0.5e-3",
    "insert into t select $body$ Keep -- this /* too */ $body$, X'FF', \"select\", \"a b\", "
    "1_000, .5 from u left join v using (k) where a||b = 'x' and c @> array[1,2]",
};

std::string respaced(const std::string& sql, std::mt19937& random) {
  static const std::vector<std::string> kGaps = {
      " ", "  ", "\n", "\t", "\n  ", " -- note\n", " /* c */ ", "/* multi\nline */", "\r\n"};
  SqlLexer lexer(sql);
  SqlToken token;
  std::string out;
  while (lexer.next(token)) {
    out += kGaps[random() % kGaps.size()];
    std::string text(token.text);
    if (token.kind == TokenKind::Word) {
      for (char& c : text) {
        if (random() % 2 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
    }
    out += text;
  }
  return out + kGaps[random() % kGaps.size()];
}

TEST(NormalizedSqlProperty, RespacingAndCaseNeverChangeTheNormalForm) {
  std::mt19937 random(7);
  for (const auto& query : kQueries) {
    const std::string expected = normalized_sql(query);
    for (int round = 0; round < 200; ++round) {
      std::string variant = respaced(query, random);
      ASSERT_EQ(normalized_sql(variant), expected) << variant;
    }
  }
}

TEST(NormalizedSqlProperty, EditsInsideStringsAlwaysChangeIt) {
  for (const auto& query : kQueries) {
    const std::string expected = normalized_sql(query);
    SqlLexer lexer(query);
    SqlToken token;
    int strings = 0;
    while (lexer.next(token)) {
      if (token.kind != TokenKind::String || token.text.size() < 3) continue;
      ++strings;
      size_t at = static_cast<size_t>(token.text.data() - query.data()) + token.text.size() / 2;
      for (char replacement : {' ', 'Z', 'z'}) {
        std::string edited = query;
        if (edited[at] == replacement || edited[at] == '\'' || edited[at] == '$') continue;
        edited[at] = replacement;
        EXPECT_NE(normalized_sql(edited), expected) << edited;
      }
    }
    EXPECT_GT(strings, 0);
  }
}

}  // namespace
}  // namespace kiln::analyze
