#include "jinja/lexer.h"

#include <gtest/gtest.h>

#include "jinja/error.h"

namespace kiln::jinja {
namespace {

struct Lexed {
  std::string source;
  std::vector<Token> tokens;
};

Lexed lex(std::string_view text) {
  Lexed out{normalize_template_source(text), {}};
  out.tokens = tokenize(out.source, "t.sql");
  return out;
}

std::vector<TokenKind> kinds(const std::vector<Token>& tokens) {
  std::vector<TokenKind> out;
  for (const Token& t : tokens)
    out.push_back(t.kind);
  return out;
}

std::string lex_error(std::string_view text) {
  try {
    lex(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

using K = TokenKind;

TEST(Lexer, DataAndPrintTags) {
  Lexed l = lex("select {{ x }} from t");
  EXPECT_EQ(kinds(l.tokens),
            (std::vector<K>{K::Data, K::VariableBegin, K::Name, K::VariableEnd, K::Data, K::Eof}));
  EXPECT_EQ(l.tokens[0].text, "select ");
  EXPECT_EQ(l.tokens[2].text, "x");
  EXPECT_EQ(l.tokens[4].text, " from t");
}

TEST(Lexer, TracksLinesAndColumns) {
  Lexed l = lex("a\nbc {{ x\n + y }}");
  ASSERT_EQ(l.tokens[2].text, "x");
  EXPECT_EQ(l.tokens[2].line, 2u);
  EXPECT_EQ(l.tokens[2].column, 7u);
  EXPECT_EQ(l.tokens[3].kind, K::Add);
  EXPECT_EQ(l.tokens[3].line, 3u);
  EXPECT_EQ(l.tokens[3].column, 2u);
}

TEST(Lexer, NormalisesNewlinesAndDropsOneTrailingNewline) {
  EXPECT_EQ(normalize_template_source("a\r\nb\rc\n\n"), "a\nb\nc\n");
  EXPECT_EQ(normalize_template_source("x\n"), "x");
  EXPECT_EQ(normalize_template_source(""), "");
}

TEST(Lexer, MinusStripsWhitespaceOnEitherSide) {
  Lexed l = lex("a  \n {%- if x -%}  \n b");
  ASSERT_EQ(l.tokens.front().kind, K::Data);
  EXPECT_EQ(l.tokens.front().text, "a");
  EXPECT_EQ(l.tokens[l.tokens.size() - 2].text, "b");
}

TEST(Lexer, PlusKeepsWhitespace) {
  Lexed l = lex("a \n{%+ if x +%}\n b");
  EXPECT_EQ(l.tokens.front().text, "a \n");
  EXPECT_EQ(l.tokens[l.tokens.size() - 2].text, "\n b");
}

TEST(Lexer, CommentsVanishAndCanStrip) {
  Lexed l = lex("a {#- note {{ x }} -#}  b");
  EXPECT_EQ(kinds(l.tokens), (std::vector<K>{K::Data, K::Data, K::Eof}));
  EXPECT_EQ(l.tokens[0].text, "a");
  EXPECT_EQ(l.tokens[1].text, "b");
}

TEST(Lexer, RawBlockIsData) {
  Lexed l = lex("{% raw %}{{ x }}{% endraw %}");
  ASSERT_EQ(kinds(l.tokens), (std::vector<K>{K::Data, K::Eof}));
  EXPECT_EQ(l.tokens[0].text, "{{ x }}");
  Lexed stripped = lex("{%- raw -%}  {{ y }}  {%- endraw %}");
  EXPECT_EQ(stripped.tokens[0].text, "{{ y }}");
}

TEST(Lexer, Numbers) {
  Lexed l = lex("{{ 1_000 0x1F 0o17 0b101 1.5 1e3 2E-2 1_0.2_5 }}");
  std::vector<K> expected{K::VariableBegin, K::Integer,     K::Integer, K::Integer,
                          K::Integer,       K::Float,       K::Float,   K::Float,
                          K::Float,         K::VariableEnd, K::Eof};
  EXPECT_EQ(kinds(l.tokens), expected);
  EXPECT_EQ(l.tokens[1].text, "1_000");
  EXPECT_EQ(l.tokens[8].text, "1_0.2_5");
}

TEST(Lexer, DotAfterNameMakesIntegerNotFloat) {
  Lexed l = lex("{{ x.0.1 }}");
  EXPECT_EQ(kinds(l.tokens), (std::vector<K>{K::VariableBegin, K::Name, K::Dot, K::Integer, K::Dot,
                                             K::Integer, K::VariableEnd, K::Eof}));
}

TEST(Lexer, StringsWithEscapesAndNewlines) {
  Lexed l = lex("{{ 'it\\'s' \"a\nb\" }}");
  EXPECT_EQ(l.tokens[1].kind, K::String);
  EXPECT_EQ(l.tokens[1].text, "'it\\'s'");
  EXPECT_EQ(l.tokens[2].text, "\"a\nb\"");
}

TEST(Lexer, OperatorsLongestFirst) {
  Lexed l = lex("{{ a ** b // c != d >= e <= f == g }}");
  std::vector<K> expected{
      K::VariableBegin, K::Name, K::Pow,  K::Name, K::FloorDiv, K::Name, K::Ne,          K::Name,
      K::GtEq,          K::Name, K::LtEq, K::Name, K::Eq,       K::Name, K::VariableEnd, K::Eof};
  EXPECT_EQ(kinds(l.tokens), expected);
}

TEST(Lexer, NestedBracesDoNotEndTheTag) {
  Lexed l = lex("{{ {'a': {'b': 1}} }}");
  EXPECT_EQ(l.tokens[l.tokens.size() - 2].kind, K::VariableEnd);
  EXPECT_EQ(l.tokens[l.tokens.size() - 3].kind, K::RBrace);
}

TEST(Lexer, ErrorsUseJinjaWording) {
  EXPECT_EQ(lex_error("{{ x }"), "t.sql:1:6: unexpected '}'");
  EXPECT_EQ(lex_error("{{ (1 }}"), "t.sql:1:7: unexpected '}', expected ')'");
  EXPECT_EQ(lex_error("{{ @ }}"), "t.sql:1:4: unexpected char '@' at 3");
  EXPECT_EQ(lex_error("\n{{ 'abc }}"), "t.sql:2:4: unexpected char \"'\" at 4");
  EXPECT_EQ(lex_error("{# open"), "t.sql:1:3: Missing end of comment tag");
  EXPECT_EQ(lex_error("{% raw %}x"), "t.sql:1:10: Missing end of raw directive");
}

TEST(Lexer, UnclosedCommentOrRawAtTheVeryEndVanishes) {
  EXPECT_EQ(kinds(lex("a {#").tokens), (std::vector<K>{K::Data, K::Eof}));
  EXPECT_EQ(kinds(lex("a {% raw %}").tokens), (std::vector<K>{K::Data, K::Eof}));
}

TEST(Lexer, EndOfTemplateInsideATagLeavesItToTheParser) {
  Lexed l = lex("{{ x");
  EXPECT_EQ(kinds(l.tokens), (std::vector<K>{K::VariableBegin, K::Name, K::Eof}));
}

}  // namespace
}  // namespace kiln::jinja
