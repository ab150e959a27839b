// {% %} statements: for, if, set, with, macro, call, filter, do, break/continue, print,
// and their assignment targets.

#include <utility>

#include "jinja/parser_internal.h"

namespace kiln::jinja::parsing {

void Parser::parse_statement(Body& out) {
  NestingGuard nesting(*this);
  const Token& token = cur();
  if (token.kind != TokenKind::Name) fail("tag name expected", token);
  std::string_view tag = token.text;
  tag_stack_.push_back(tag);
  if (tag == "for") {
    out.push_back(parse_for());
  } else if (tag == "if") {
    out.push_back(parse_if());
  } else if (tag == "set") {
    out.push_back(parse_set());
  } else if (tag == "macro") {
    out.push_back(parse_macro());
  } else if (tag == "call") {
    out.push_back(parse_call_block());
  } else if (tag == "filter") {
    out.push_back(parse_filter_block());
  } else if (tag == "with") {
    out.push_back(parse_with());
  } else if (tag == "do") {
    auto node = make_node<DoStmt>(advance());
    node->expr = parse_tuple(TupleOptions{});
    out.push_back(std::move(node));
  } else if (tag == "break" || tag == "continue") {
    out.push_back(parse_loop_control());
  } else if (tag == "print") {
    parse_print(out);
  } else if (const MacroTag* macro_tag = find_macro_tag(tag)) {
    out.push_back(parse_macro_tag(*macro_tag));
  } else if (tag == "extends" || tag == "block" || tag == "include" || tag == "import" ||
             tag == "from" || tag == "autoescape") {
    fail("the '" + std::string(tag) +
             "' tag is not supported: Kiln renders dbt models and macros, which do not use it",
         token);
  } else {
    tag_stack_.pop_back();
    fail_unknown_tag_or_eof(&tag, token);
  }
  tag_stack_.pop_back();
}

StmtPtr Parser::parse_for() {
  auto node = make_node<ForStmt>(advance());
  node->target = parse_assign_target(/*with_tuple=*/true, /*name_only=*/false);
  expect_name("in");
  TupleOptions iterable_options;
  iterable_options.with_condexpr = false;
  node->iterable = parse_tuple(iterable_options);
  if (skip_if_name("if")) node->filter = parse_expression(true);
  node->recursive = skip_if_name("recursive");
  for_stack_.push_back(node.get());
  ++loop_depth_;
  node->body = parse_statements({"endfor", "else"}, false);
  --loop_depth_;
  for_stack_.pop_back();
  if (advance().text != "endfor") node->otherwise = parse_statements({"endfor"}, true);
  return node;
}

StmtPtr Parser::parse_if() {
  auto node = make_node<IfStmt>(advance());
  while (true) {
    TupleOptions test_options;
    test_options.with_condexpr = false;
    ExprPtr test = parse_tuple(test_options);
    Body body = parse_statements({"elif", "else", "endif"}, false);
    node->branches.emplace_back(std::move(test), std::move(body));
    const Token& token = advance();
    if (token.text == "elif") continue;
    if (token.text == "else") node->otherwise = parse_statements({"endif"}, true);
    return node;
  }
}

StmtPtr Parser::parse_set() {
  const Token& set = advance();
  ExprPtr target = parse_assign_target(true, false, /*with_namespace=*/true);
  if (skip_if(TokenKind::Assign)) {
    auto node = make_node<SetStmt>(set);
    node->target = std::move(target);
    node->value = parse_tuple(TupleOptions{});
    return node;
  }
  auto node = make_node<SetBlockStmt>(set);
  node->target = std::move(target);
  node->filter = parse_filter(nullptr, false);
  node->body = parse_statements({"endset"}, true);
  return node;
}

StmtPtr Parser::parse_with() {
  auto node = make_node<WithStmt>(advance());
  while (!at(TokenKind::BlockEnd)) {
    if (!node->assignments.empty()) expect(TokenKind::Comma);
    ExprPtr target = parse_assign_target(true, false);
    expect(TokenKind::Assign);
    node->assignments.emplace_back(std::move(target), parse_expression(true));
  }
  node->body = parse_statements({"endwith"}, true);
  return node;
}

StmtPtr Parser::parse_macro() {
  const Token& open = tokens_[pos_ - 1];
  auto node = make_node<MacroStmt>(advance());
  const Token& name = expect(TokenKind::Name);
  node->definition.name = name.text;
  node->definition.line = node->line;
  parse_signature(node->definition);
  parse_macro_body(node->definition, "endmacro");
  node->text = block_text(open);
  return node;
}

StmtPtr Parser::parse_call_block() {
  auto node = make_node<CallBlockStmt>(advance());
  node->caller.name = kCaller;
  node->caller.line = node->line;
  if (at(TokenKind::LParen)) parse_signature(node->caller);
  ExprPtr call = parse_expression(true);
  if (call->kind != ExprKind::Call) fail("expected call", *node);
  node->call.reset(static_cast<CallExpr*>(call.release()));
  parse_macro_body(node->caller, "endcall");
  return node;
}

void Parser::parse_macro_body(MacroDefinition& definition, std::string_view end_tag) {
  macro_stack_.push_back(&definition);
  int saved_loop_depth = loop_depth_;
  loop_depth_ = 0;
  definition.body = parse_statements({end_tag}, true);
  loop_depth_ = saved_loop_depth;
  macro_stack_.pop_back();
}

void Parser::parse_signature(MacroDefinition& definition) {
  expect(TokenKind::LParen);
  bool has_default = false;
  while (!at(TokenKind::RParen)) {
    if (!definition.parameters.empty()) expect(TokenKind::Comma);
    ExprPtr target = parse_assign_target(false, /*name_only=*/true);
    Parameter parameter;
    parameter.name = static_cast<NameExpr&>(*target).name;
    if (skip_if(TokenKind::Assign)) {
      parameter.default_value = parse_expression(true);
      has_default = true;
    } else if (has_default) {
      fail("non-default argument follows default argument", cur());
    }
    if (parameter.name == kCaller && !parameter.default_value) {
      fail(
          "When defining macros or call blocks the special \"caller\" argument must be "
          "omitted or be given a default.",
          *target);
    }
    definition.parameters.push_back(std::move(parameter));
  }
  expect(TokenKind::RParen);
}

StmtPtr Parser::parse_filter_block() {
  auto node = make_node<FilterBlockStmt>(advance());
  node->filter = parse_filter(nullptr, /*start_inline=*/true);
  node->body = parse_statements({"endfilter"}, true);
  return node;
}

StmtPtr Parser::parse_loop_control() {
  const Token& token = advance();
  // Jinja2 finds these when compiling, after the whole template parsed, so a later
  // syntax error wins. Python's compiler words the two differently.
  if (loop_depth_ == 0 && !misplaced_loop_control_) {
    misplaced_loop_control_.emplace(
        ErrorKind::Syntax,
        token.text == "break" ? "'break' outside loop" : "'continue' not properly in loop",
        SourceLocation{name_, token.line, token.column});
  }
  return std::make_unique<LoopControlStmt>(token.text == "break" ? StmtKind::Break
                                                                 : StmtKind::Continue);
}

void Parser::parse_print(Body& out) {
  advance();
  bool first = true;
  while (!at(TokenKind::BlockEnd)) {
    if (!first) expect(TokenKind::Comma);
    first = false;
    auto print = make_node<PrintStmt>(cur());
    print->expr = parse_expression(true);
    out.push_back(std::move(print));
  }
}

ExprPtr Parser::parse_assign_target(bool with_tuple, bool name_only, bool with_namespace) {
  ExprPtr target;
  if (name_only) {
    const Token& token = expect(TokenKind::Name);
    auto name = make_node<NameExpr>(token);
    name->name = token.text;
    target = std::move(name);
  } else if (with_tuple) {
    TupleOptions options;
    options.simplified = true;
    options.with_namespace = with_namespace;
    target = parse_tuple(options);
  } else {
    target = parse_primary(with_namespace);
  }
  if (!can_assign(*target)) fail("can't assign to " + quoted(node_type_name(*target)), *target);
  return target;
}

bool Parser::can_assign(const Expr& target) {
  switch (target.kind) {
    case ExprKind::Name:
      return true;
    case ExprKind::NamespaceRef:
      return true;
    case ExprKind::Tuple:
      for (const ExprPtr& item : static_cast<const SequenceExpr&>(target).items) {
        if (!can_assign(*item)) return false;
      }
      return true;
    default:
      return false;
  }
}

std::string_view Parser::node_type_name(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Const:
      return "const";
    case ExprKind::List:
      return "list";
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::Dict:
      return "dict";
    default:
      return "expression";
  }
}

}  // namespace kiln::jinja::parsing
