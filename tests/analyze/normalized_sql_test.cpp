// normalized_sql: formatting-only edits must normalize to the same text; edits that change
// what the SQL means (logic, literals, the case inside strings or quoted names) must not.

#include "analyze/normalized_sql.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace kiln::analyze {
namespace {

using Pair = std::pair<std::string, std::string>;

TEST(NormalizedSql, ExactOutputForATypicalModel) {
  EXPECT_EQ(normalized_sql("SELECT  Id,\n  \"Name\" -- the name\nFROM \"raw\".\"Orders\"  o\n"
                           "WHERE o.amount >= 10.50 /* cents? */ AND status = 'Paid';\n"),
            "select id,\"Name\" from raw.\"Orders\" o where o.amount>=10.50 and status='Paid';");
}

TEST(NormalizedSql, FormattingOnlyEditsAreEqual) {
  const std::vector<Pair> cases = {
      {"select a, b from t", "SELECT a,b FROM t"},
      {"select a, b from t", "select\n\ta ,\n\tb\nfrom\n\tt"},
      {"select a+b from t", "select a + b from t"},
      {"select count(*) from t", "select count ( * ) from t"},
      {"select 1 -- one\n", "select 1"},
      {"select /* a\nmulti-line\ncomment */ 1", "select 1"},
      {"select /* outer /* nested */ still comment */ 1", "select 1"},
      {"select Amount from Orders", "select amount from orders"},
      {"select \"orders\".id from \"orders\"", "select orders.id from orders"},
      {"select \"_x1\" from t", "select _x1 from t"},
      {"select a from t where x=-1", "select a from t where x = - 1"},
      {"select a::int from t", "select a :: int from t"},
      {"select 'x'as y", "select 'x' as y"},
      {"select date '2024-01-01'", "select date'2024-01-01'"},
      {"with a as (select 1) select * from a", "WITH a AS (\n  SELECT 1\n)\nSELECT *\nFROM a"},
      {"select e'a\\'b'", "select E'a\\'b'"},
      {"select x from t\r\n", "select x from t"},
      {"select a<>b from t", "select a <> b from t"},
      {"select a from t;", "select a from t ;"},
      {"select $1 from t", "select $1\nfrom t"},
      {"", "  -- nothing but a comment\n  "},
  };
  for (const auto& [a, b] : cases) {
    EXPECT_EQ(normalized_sql(a), normalized_sql(b)) << a << "\n  vs\n" << b;
  }
}

TEST(NormalizedSql, MeaningfulEditsDiffer) {
  const std::vector<Pair> cases = {
      {"select a from t", "select b from t"},
      {"select a from t where x > 1", "select a from t where x >= 1"},
      {"select 'Paid'", "select 'paid'"},
      {"select 'a  b'", "select 'a b'"},
      {"select 'a\nb'", "select 'a b'"},
      {"select 1.50", "select 1.5"},
      {"select 1", "select 2"},
      {"select \"Orders\" from t", "select orders from t"},
      {"select \"order items\" from t", "select order_items from t"},
      {"select \"select\" from t", "select select from t"},
      {"select distinct x from t", "select \"distinct\" x from t"},
      {"select 'a' 'b'", "select 'a''b'"},
      {"select \"a\" \"b\"", "select \"a\"\"b\""},
      {"select a - -1", "select a -- -1\n"},
      {"select a < > b", "select a <> b"},
      {"select $$ a $$", "select $$a$$"},
      {"select $tag$ -- not a comment $tag$", "select $tag$$tag$"},
      {"select '-- not a comment'", "select ''"},
      {"select '/* not a comment */'", "select ''"},
      {"select x from t", "select x from t limit 1"},
      {"select e 'x'", "select e'x'"},
      {"select a from t1 join t2 using (k)", "select a from t1 left join t2 using (k)"},
  };
  for (const auto& [a, b] : cases) {
    EXPECT_NE(normalized_sql(a), normalized_sql(b)) << a << "\n  vs\n" << b;
  }
}

TEST(NormalizedSql, StringsAndDollarQuotesAreVerbatim) {
  EXPECT_EQ(normalized_sql("SELECT 'It''s  OK'"), "select 'It''s  OK'");
  EXPECT_EQ(normalized_sql("select $body$ Keep  THIS -- too $body$"),
            "select $body$ Keep  THIS -- too $body$");
  EXPECT_EQ(normalized_sql("select X'FF', B'101'"), "select x'FF',b'101'");
  EXPECT_EQ(normalized_sql("select E'\\n' as nl"), "select e'\\n' as nl");
  EXPECT_EQ(normalized_sql("select U&'d\\0061t'"), "select u&'d\\0061t'");
  EXPECT_NE(normalized_sql("select U&'x'"), normalized_sql("select u & 'x'"));
}

TEST(NormalizedSql, QuotedIdentifiersKeepQuotesWhenTheyMatter) {
  EXPECT_EQ(normalized_sql("\"orders\""), "orders");
  EXPECT_EQ(normalized_sql("\"Orders\""), "\"Orders\"");
  EXPECT_EQ(normalized_sql("\"order\""), "\"order\"");
  EXPECT_EQ(normalized_sql("\"1st\""), "\"1st\"");
  EXPECT_EQ(normalized_sql("\"a\"\"b\""), "\"a\"\"b\"");
  EXPECT_EQ(normalized_sql("\"caf\xc3\xa9\""), "\"caf\xc3\xa9\"");
  EXPECT_EQ(normalized_sql("\"a$b\""), "\"a$b\"");
  EXPECT_EQ(normalized_sql("\"\""), "\"\"");
}

TEST(NormalizedSql, NumbersKeepTheirSpelling) {
  EXPECT_EQ(normalized_sql("select 1E5, 1e-5, .5, 0x1F, 1_000"), "select 1e5,1e-5,.5,0x1f,1_000");
  EXPECT_EQ(normalized_sql("select a[1:2]"), "select a[1:2]");
  EXPECT_EQ(normalized_sql("select 1..2"), "select 1..2");
}

TEST(NormalizedSql, OperatorsSplitAsPostgresSplitsThem) {
  EXPECT_EQ(normalized_sql("select a=-1"), "select a= -1");
  EXPECT_EQ(normalized_sql("select a*-b"), "select a* -b");
  EXPECT_EQ(normalized_sql("select j->>'k'"), "select j->>'k'");
  EXPECT_EQ(normalized_sql("select a @- b"), "select a@-b");  // contains @: kept whole
  EXPECT_EQ(normalized_sql("select a|| -- c\n b"), "select a||b");
}

TEST(NormalizedSql, NonAsciiNamesFoldOnlyTheirAsciiLetters) {
  EXPECT_EQ(normalized_sql("SELECT Gr\xc3\xb6\xc3\x9f"
                           "e FROM t"),
            "select gr\xc3\xb6\xc3\x9f"
            "e from t");
  EXPECT_NE(normalized_sql("select \xc3\x96l"), normalized_sql("select \xc3\xb6l"));
}

TEST(NormalizedSql, UnterminatedTextRunsToTheEnd) {
  EXPECT_EQ(normalized_sql("select 'abc"), "select 'abc");
  EXPECT_EQ(normalized_sql("select \"abc"), "select \"abc");
  EXPECT_EQ(normalized_sql("select 1 /* open"), "select 1");
  EXPECT_EQ(normalized_sql("select $$open"), "select $$open");
  EXPECT_EQ(normalized_sql("select e'\\"), "select e'\\");
}

TEST(NormalizedSql, IsIdempotent) {
  const std::vector<std::string> inputs = {
      "SELECT a , \"B\" , 'x  y' FROM \"t\" -- c\n WHERE a=-1 AND b <> $$q$$",
      "with x as (select * from {{ ref }}) select 1.0e3 :: numeric(10,2)",
      "select a[1:2], j->>'k', $1 from t",
  };
  for (const auto& sql : inputs) {
    std::string once = normalized_sql(sql);
    EXPECT_EQ(normalized_sql(once), once) << sql;
  }
}

}  // namespace
}  // namespace kiln::analyze
