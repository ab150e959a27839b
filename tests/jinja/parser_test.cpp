// The parser: AST shapes for each construct and Jinja2's syntax errors with locations.
#include "jinja/parser.h"

#include <gtest/gtest.h>

#include "jinja/error.h"
#include "jinja/template.h"

namespace kiln::jinja {
namespace {

using namespace ast;

std::shared_ptr<const Template> parse(std::string_view source) {
  return Template::parse(source, "t.sql");
}

std::string parse_error(std::string_view source) {
  try {
    parse(source);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Syntax);
    return e.what();
  }
  return "no error";
}

const Expr& printed(const Template& tpl, size_t index = 0) {
  const Stmt& stmt = *tpl.body().at(index);
  EXPECT_EQ(stmt.kind, StmtKind::Print);
  return *static_cast<const PrintStmt&>(stmt).expr;
}

TEST(Parser, PrecedenceOfArithmetic) {
  auto tpl = parse("{{ 1 + 2 * 3 }}");
  const auto& add = static_cast<const BinaryExpr&>(printed(*tpl));
  ASSERT_EQ(add.kind, ExprKind::Binary);
  EXPECT_EQ(add.op, BinaryOp::Add);
  ASSERT_EQ(add.right->kind, ExprKind::Binary);
  EXPECT_EQ(static_cast<const BinaryExpr&>(*add.right).op, BinaryOp::Mul);
}

TEST(Parser, FilterBindsTighterThanUnaryMinus) {
  // Jinja2 parses -1|abs as (-1)|abs.
  auto tpl = parse("{{ -1 | abs }}");
  const auto& filter = static_cast<const FilterExpr&>(printed(*tpl));
  ASSERT_EQ(filter.kind, ExprKind::Filter);
  EXPECT_EQ(filter.name, "abs");
  EXPECT_EQ(filter.subject->kind, ExprKind::Unary);
}

TEST(Parser, ChainedComparisonIsOneNode) {
  auto tpl = parse("{{ a < b <= c not in d }}");
  const auto& cmp = static_cast<const CompareExpr&>(printed(*tpl));
  ASSERT_EQ(cmp.kind, ExprKind::Compare);
  ASSERT_EQ(cmp.rest.size(), 3u);
  EXPECT_EQ(cmp.rest[0].first, CompareKind::Lt);
  EXPECT_EQ(cmp.rest[1].first, CompareKind::Le);
  EXPECT_EQ(cmp.rest[2].first, CompareKind::NotIn);
}

TEST(Parser, TestsWithBareAndParenthesisedArguments) {
  auto tpl = parse("{{ x is divisibleby 3 }}{{ x is not divisibleby(3) }}");
  const auto& test = static_cast<const TestExpr&>(printed(*tpl, 0));
  ASSERT_EQ(test.kind, ExprKind::Test);
  EXPECT_EQ(test.args.positional.size(), 1u);
  const auto& negated = static_cast<const UnaryExpr&>(printed(*tpl, 1));
  ASSERT_EQ(negated.kind, ExprKind::Unary);
  EXPECT_EQ(negated.operand->kind, ExprKind::Test);
}

TEST(Parser, CallArguments) {
  auto tpl = parse("{{ f(1, k=2, *xs, **kw) }}");
  const auto& call = static_cast<const CallExpr&>(printed(*tpl));
  ASSERT_EQ(call.kind, ExprKind::Call);
  EXPECT_EQ(call.args.positional.size(), 1u);
  ASSERT_EQ(call.args.keyword.size(), 1u);
  EXPECT_EQ(call.args.keyword[0].first, "k");
  EXPECT_TRUE(call.args.varargs);
  EXPECT_TRUE(call.args.kwargs);
}

TEST(Parser, SlicesAndAttributes) {
  auto tpl = parse("{{ x[1:2:3] }}{{ x.y.0 }}");
  const auto& item = static_cast<const GetitemExpr&>(printed(*tpl, 0));
  ASSERT_EQ(item.index->kind, ExprKind::Slice);
  const auto& slice = static_cast<const SliceExpr&>(*item.index);
  EXPECT_TRUE(slice.start && slice.stop && slice.step);
  const auto& zero = static_cast<const GetitemExpr&>(printed(*tpl, 1));
  ASSERT_EQ(zero.kind, ExprKind::Getitem);
  EXPECT_EQ(zero.object->kind, ExprKind::Getattr);
}

TEST(Parser, ForLoopParts) {
  auto tpl = parse("{% for k, v in d if v recursive %}{{ loop.index }}{% else %}e{% endfor %}");
  const auto& loop = static_cast<const ForStmt&>(*tpl->body().at(0));
  ASSERT_EQ(loop.kind, StmtKind::For);
  EXPECT_EQ(loop.target->kind, ExprKind::Tuple);
  EXPECT_TRUE(loop.filter);
  EXPECT_TRUE(loop.recursive);
  EXPECT_TRUE(loop.uses_loop);
  EXPECT_EQ(loop.body.size(), 1u);
  EXPECT_EQ(loop.otherwise.size(), 1u);
}

TEST(Parser, LoopWithoutLoopVariableNeedsNoLoopObject) {
  auto tpl = parse("{% for x in xs %}{{ x }}{% endfor %}");
  EXPECT_FALSE(static_cast<const ForStmt&>(*tpl->body().at(0)).uses_loop);
}

TEST(Parser, MacroSignatureAndSpecialNames) {
  auto tpl = parse(
      "{% macro m(a, b=1) %}{{ varargs }}{{ caller() }}{% endmacro %}"
      "\n{% macro n() %}{{ kwargs }}{% endmacro %}");
  ASSERT_EQ(tpl->macros().size(), 2u);
  const MacroDefinition& m = *tpl->macros()[0].definition;
  EXPECT_EQ(m.name, "m");
  ASSERT_EQ(m.parameters.size(), 2u);
  EXPECT_FALSE(m.parameters[0].default_value);
  EXPECT_TRUE(m.parameters[1].default_value);
  EXPECT_TRUE(m.uses_varargs);
  EXPECT_TRUE(m.uses_caller);
  EXPECT_FALSE(m.uses_kwargs);
  EXPECT_EQ(tpl->macros()[1].name, "n");
  EXPECT_EQ(tpl->macros()[1].line, 2u);
  EXPECT_TRUE(tpl->macros()[1].definition->uses_kwargs);
  EXPECT_EQ(tpl->find_macro("n"), tpl->macros()[1].definition);
  EXPECT_EQ(tpl->find_macro("zz"), nullptr);
}

TEST(Parser, SetForms) {
  auto tpl = parse("{% set a = 1 %}{% set ns.x = 2 %}{% set b | upper %}x{% endset %}");
  ASSERT_EQ(tpl->body().size(), 3u);
  EXPECT_EQ(tpl->body()[0]->kind, StmtKind::Set);
  const auto& ns = static_cast<const SetStmt&>(*tpl->body()[1]);
  EXPECT_EQ(ns.target->kind, ExprKind::NamespaceRef);
  const auto& block = static_cast<const SetBlockStmt&>(*tpl->body()[2]);
  EXPECT_EQ(block.kind, StmtKind::SetBlock);
  EXPECT_TRUE(block.filter);
}

TEST(Parser, ErrorsAtEndOfTemplate) {
  EXPECT_EQ(parse_error("{{ x"),
            "t.sql:1:5: unexpected end of template, expected 'end of print statement'.");
  EXPECT_EQ(parse_error("{% if x %}"),
            "t.sql:1:11: Unexpected end of template. Jinja was looking for the following tags: "
            "'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.");
}

TEST(Parser, UnknownAndMisplacedTags) {
  EXPECT_EQ(parse_error("{% for x in y %}\n{% endfo %}"),
            "t.sql:2:4: Encountered unknown tag 'endfo'. Jinja was looking for the following "
            "tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.");
  EXPECT_EQ(parse_error("{% endfor %}"), "t.sql:1:4: Encountered unknown tag 'endfor'.");
  EXPECT_EQ(parse_error("{% if x %}{% endfor %}"),
            "t.sql:1:14: Encountered unknown tag 'endfor'. Jinja was looking for the following "
            "tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is "
            "'if'.");
  EXPECT_EQ(parse_error("{% for x in y %}{% if x %}{% endfor %}"),
            "t.sql:1:30: Encountered unknown tag 'endfor'. You probably made a nesting mistake. "
            "Jinja is expecting this tag, but currently looking for 'elif' or 'else' or 'endif'. "
            "The innermost block that needs to be closed is 'if'.");
  EXPECT_EQ(parse_error("{% %}"), "t.sql:1:4: tag name expected");
}

TEST(Parser, ExpressionErrors) {
  EXPECT_EQ(parse_error("{{ 1 + }}"), "t.sql:1:8: unexpected 'end of print statement'");
  EXPECT_EQ(parse_error("{{ }}"),
            "t.sql:1:4: Expected an expression, got 'end of print statement'");
  EXPECT_EQ(parse_error("{{ f(a=1, 2) }}"),
            "t.sql:1:5: invalid syntax for function call expression");
  EXPECT_EQ(parse_error("{% set 1 = 2 %}"), "t.sql:1:8: can't assign to 'const'");
  EXPECT_EQ(parse_error("{% macro m(a=1, b) %}{% endmacro %}"),
            "t.sql:1:18: non-default argument follows default argument");
  EXPECT_EQ(parse_error("{% for a.b in x %}{% endfor %}"),
            "t.sql:1:9: expected token 'in', got '.'");
  EXPECT_EQ(parse_error("{{ 'a\\x4' }}"), "t.sql:1:4: truncated \\xXX escape");
  EXPECT_EQ(parse_error("{% break %}"), "t.sql:1:4: 'break' outside loop");
  EXPECT_EQ(parse_error("{% for x in y %}{% macro m() %}{% continue %}{% endmacro %}{% endfor %}"),
            "t.sql:1:35: 'continue' not properly in loop");
  EXPECT_EQ(parse_error("{% call x %}{% endcall %}"), "t.sql:1:4: expected call");
  EXPECT_EQ(parse_error("{% macro m(caller) %}{% endmacro %}"),
            "t.sql:1:12: When defining macros or call blocks the special \"caller\" argument "
            "must be omitted or be given a default.");
}

TEST(Parser, SyntaxErrorsWinOverAMisplacedBreak) {
  EXPECT_EQ(parse_error("{% continue -}}"),
            "t.sql:1:13: expected token 'end of statement block', got '-'");
}

TEST(Parser, ForTargetsReadInAsANameAfterAComma) {
  // Jinja2's tuple parser never stops at `in`, so this is an error there too.
  EXPECT_EQ(parse_error("{% for x, in [(1,)] %}{% endfor %}"),
            "t.sql:1:14: expected token 'in', got '['");
}

TEST(Parser, ParseErrorsBeforeALexingErrorWin) {
  // Jinja2 lexes lazily: the parser fails on '%' before the lexer reaches the stray '}'.
  EXPECT_EQ(parse_error("{% macro m( %}{% endmacro %}"),
            "t.sql:1:13: expected token 'name', got '%'");
  EXPECT_EQ(parse_error("{{ x }"), "t.sql:1:6: unexpected '}'");
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
  std::string brackets = "{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}";
  EXPECT_NE(parse_error(brackets).find("nested too deeply"), std::string::npos);
  std::string minuses = "{{ " + std::string(5000, '-') + "1 }}";
  EXPECT_NE(parse_error(minuses).find("nested too deeply"), std::string::npos);
  std::string ifs;
  for (int i = 0; i < 1000; ++i)
    ifs += "{% if x %}";
  EXPECT_NE(parse_error(ifs).find("nested too deeply"), std::string::npos);
  std::string fine = "{{ " + std::string(30, '(') + "1" + std::string(30, ')') + " }}";
  EXPECT_EQ(parse_error(fine), "no error");
}

// The fuzzer's seed: unclosed brackets of every kind stop at the limit, with a location.
TEST(Parser, DeepUnclosedBracketsAreAnErrorNotACrash) {
  for (char open : {'(', '[', '{'}) {
    std::string source = "{{ " + std::string(4000, open);
    std::string message = parse_error(source);
    EXPECT_NE(message.find("nested too deeply"), std::string::npos) << open;
    EXPECT_EQ(message.rfind("t.sql:1:", 0), 0u) << message;
  }
  std::string nots;
  for (int i = 0; i < 2000; ++i)
    nots += "not ";
  EXPECT_NE(parse_error("{{ " + nots + "1 }}").find("nested too deeply"), std::string::npos);
  std::string conditions = "{{ 1";
  for (int i = 0; i < 2000; ++i)
    conditions += " if 1 else 1";
  EXPECT_NE(parse_error(conditions + " }}").find("nested too deeply"), std::string::npos);
}

// Loops build chains without recursing, but the tree is as deep as the chain is long.
// Jinja2 parses chains of 300 links (and renders `+` chains up to about 490 long); chains of
// 1000 raise RecursionError there.
TEST(Parser, LongChainsAreLimitedLikeJinja2) {
  auto repeated = [](std::string_view head, std::string_view link, int n) {
    std::string source = "{{ " + std::string(head);
    for (int i = 0; i < n; ++i)
      source += link;
    return source + " }}";
  };
  for (std::string_view link :
       {" + 1", " ~ 1", " * 1", " or 1", " and 1", "|abs", ".a", "()", " is number()", " ** 1"}) {
    EXPECT_EQ(parse_error(repeated("x", link, 300)), "no error") << link;
    EXPECT_NE(parse_error(repeated("x", link, 1000)).find("nested too deeply"), std::string::npos)
        << link;
  }
  // Each run stays short, but the runs nest: only the depth of the whole tree shows it.
  std::string runs = "1";
  for (int i = 0; i < 60; ++i)
    runs = "(" + runs + " + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1)";
  EXPECT_NE(parse_error("{{ " + runs + " }}").find("expression nested too deeply"),
            std::string::npos);
  std::string alternating = "{{ x";
  for (int i = 0; i < 1000; ++i)
    alternating += "|abs is number";
  EXPECT_NE(parse_error(alternating + " }}").find("nested too deeply"), std::string::npos);
}

TEST(Parser, UnsupportedTagsSayWhich) {
  EXPECT_NE(parse_error("{% include 'x.sql' %}").find("the 'include' tag is not supported"),
            std::string::npos);
  EXPECT_NE(parse_error("{% extends 'x' %}").find("'extends'"), std::string::npos);
}

}  // namespace
}  // namespace kiln::jinja
