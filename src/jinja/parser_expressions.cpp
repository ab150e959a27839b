// Expressions, by Jinja2's precedence: conditional, or, and, not, comparisons, arithmetic,
// unary, primaries with their postfixes (attributes, subscripts, calls, filters, tests).

#include <cerrno>
#include <cstdlib>
#include <utility>

#include "jinja/bigint.h"
#include "jinja/parser_internal.h"
#include "jinja/string_literal.h"

namespace kiln::jinja::parsing {

namespace {

Value integer_literal(std::string_view text) {
  std::string digits;
  digits.reserve(text.size());
  for (char c : text) {
    if (c != '_') digits += c;
  }
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0') {
    char prefix = static_cast<char>(digits[1] | 0x20);
    base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : prefix == 'b' ? 2 : 10;
    if (base != 10) digits.erase(0, 2);
  }
  errno = 0;
  char* end = nullptr;
  long long small = std::strtoll(digits.c_str(), &end, base);
  if (errno == 0 && *end == '\0') return Value::integer(static_cast<int64_t>(small));
  return Value::integer(*BigInt::parse(digits, base));
}

Value float_literal(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c != '_') digits += c;
  }
  return Value::floating(std::strtod(digits.c_str(), nullptr));
}

}  // namespace

bool Parser::is_tuple_end() const {
  return at(TokenKind::VariableEnd) || at(TokenKind::BlockEnd) || at(TokenKind::RParen);
}

ExprPtr Parser::parse_tuple(const TupleOptions& options) {
  const Token& start = cur();
  std::vector<ExprPtr> items;
  bool is_tuple = false;
  while (true) {
    if (!items.empty()) expect(TokenKind::Comma);
    if (is_tuple_end()) break;
    items.push_back(options.simplified ? parse_primary(options.with_namespace)
                                       : parse_expression(options.with_condexpr));
    if (!at(TokenKind::Comma)) break;
    is_tuple = true;
  }
  if (!is_tuple) {
    if (!items.empty()) return std::move(items.front());
    if (!options.explicit_parentheses) {
      fail("Expected an expression, got " + quoted(describe_token(cur())), cur());
    }
  }
  auto tuple = std::make_unique<SequenceExpr>(ExprKind::Tuple);
  tuple->line = start.line;
  tuple->column = start.column;
  tuple->items = std::move(items);
  return tuple;
}

ExprPtr Parser::parse_expression(bool with_condexpr) {
  NestingGuard nesting(*this);
  const Token& start = cur();
  bool outermost = !in_expression_;
  in_expression_ = true;
  // A syntax error ends the whole parse, so nothing needs resetting when one is thrown.
  ExprPtr expr = with_condexpr ? parse_condexpr() : parse_or();
  if (outermost) {
    in_expression_ = false;
    // Measured once per outermost expression: the nesting counts above cannot see how
    // deep a chain's left operand already was (`((a+b+c)+d+e)+f...`).
    if (expression_depth(*expr) > kMaxExpressionDepth) {
      fail("expression nested too deeply (more than " + std::to_string(kMaxExpressionDepth) +
               " levels)",
           start);
    }
  }
  return expr;
}

ExprPtr Parser::parse_condexpr() {
  ExprPtr expr = parse_or();
  ChainGuard chain(*this);
  while (at_name("if")) {
    chain.link();
    auto cond = make_node<CondExpr>(advance());
    cond->test = parse_or();
    if (skip_if_name("else")) {
      NestingGuard nesting(*this);  // `a if b else c if d else ...` recurses here
      cond->otherwise = parse_condexpr();
    }
    cond->then = std::move(expr);
    expr = std::move(cond);
  }
  return expr;
}

ExprPtr Parser::parse_or() {
  ExprPtr left = parse_and();
  ChainGuard chain(*this);
  while (at_name("or")) {
    chain.link();
    auto node = std::make_unique<LogicalExpr>(ExprKind::Or);
    locate(*node, advance());
    node->left = std::move(left);
    node->right = parse_and();
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_and() {
  ExprPtr left = parse_not();
  ChainGuard chain(*this);
  while (at_name("and")) {
    chain.link();
    auto node = std::make_unique<LogicalExpr>(ExprKind::And);
    locate(*node, advance());
    node->left = std::move(left);
    node->right = parse_not();
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_not() {
  if (!at_name("not")) return parse_compare();
  NestingGuard nesting(*this);
  auto node = make_node<UnaryExpr>(advance());
  node->op = UnaryOp::Not;
  node->operand = parse_not();
  return node;
}

bool Parser::compare_kind(TokenKind token, CompareKind* kind) {
  switch (token) {
    case TokenKind::Eq:
      *kind = CompareKind::Eq;
      return true;
    case TokenKind::Ne:
      *kind = CompareKind::Ne;
      return true;
    case TokenKind::Lt:
      *kind = CompareKind::Lt;
      return true;
    case TokenKind::LtEq:
      *kind = CompareKind::Le;
      return true;
    case TokenKind::Gt:
      *kind = CompareKind::Gt;
      return true;
    case TokenKind::GtEq:
      *kind = CompareKind::Ge;
      return true;
    default:
      return false;
  }
}

ExprPtr Parser::parse_compare() {
  const Token& start = cur();
  ExprPtr first = parse_math1();
  std::unique_ptr<CompareExpr> node;
  while (true) {
    CompareKind kind;
    const Token& op = cur();
    if (compare_kind(op.kind, &kind)) {
      advance();
    } else if (at_name("in")) {
      advance();
      kind = CompareKind::In;
    } else if (at_name("not") && peek().kind == TokenKind::Name && peek().text == "in") {
      advance();
      advance();
      kind = CompareKind::NotIn;
    } else {
      break;
    }
    if (!node) {
      node = make_node<CompareExpr>(start);
      node->first = std::move(first);
    }
    node->rest.emplace_back(kind, parse_math1());
  }
  if (!node) return first;
  return node;
}

ExprPtr Parser::binary(const Token& op_token, BinaryOp op, ExprPtr left, ExprPtr right) {
  auto node = make_node<BinaryExpr>(op_token);
  node->op = op;
  node->left = std::move(left);
  node->right = std::move(right);
  return node;
}

ExprPtr Parser::parse_math1() {
  ExprPtr left = parse_concat();
  ChainGuard chain(*this);
  while (at(TokenKind::Add) || at(TokenKind::Sub)) {
    chain.link();
    const Token& op = advance();
    BinaryOp kind = op.kind == TokenKind::Add ? BinaryOp::Add : BinaryOp::Sub;
    left = binary(op, kind, std::move(left), parse_concat());
  }
  return left;
}

ExprPtr Parser::parse_concat() {
  ExprPtr left = parse_math2();
  ChainGuard chain(*this);
  while (at(TokenKind::Tilde)) {
    chain.link();
    const Token& op = advance();
    left = binary(op, BinaryOp::Concat, std::move(left), parse_math2());
  }
  return left;
}

ExprPtr Parser::parse_math2() {
  ExprPtr left = parse_pow();
  ChainGuard chain(*this);
  while (true) {
    BinaryOp kind;
    switch (cur().kind) {
      case TokenKind::Mul:
        kind = BinaryOp::Mul;
        break;
      case TokenKind::Div:
        kind = BinaryOp::Div;
        break;
      case TokenKind::FloorDiv:
        kind = BinaryOp::FloorDiv;
        break;
      case TokenKind::Mod:
        kind = BinaryOp::Mod;
        break;
      default:
        return left;
    }
    chain.link();
    const Token& op = advance();
    left = binary(op, kind, std::move(left), parse_pow());
  }
}

ExprPtr Parser::parse_pow() {
  ExprPtr left = parse_unary(true);
  ChainGuard chain(*this);
  while (at(TokenKind::Pow)) {
    chain.link();
    const Token& op = advance();
    left = binary(op, BinaryOp::Pow, std::move(left), parse_unary(true));
  }
  return left;
}

ExprPtr Parser::parse_unary(bool with_filter) {
  NestingGuard nesting(*this);
  ExprPtr node;
  if (at(TokenKind::Sub) || at(TokenKind::Add)) {
    auto unary = make_node<UnaryExpr>(cur());
    unary->op = advance().kind == TokenKind::Sub ? UnaryOp::Neg : UnaryOp::Pos;
    unary->operand = parse_unary(false);
    node = std::move(unary);
  } else {
    node = parse_primary(false);
  }
  node = parse_postfix(std::move(node));
  if (with_filter) node = parse_filter_expr(std::move(node));
  return node;
}

ExprPtr Parser::constant(const Token& at, Value value) {
  auto node = make_node<ConstExpr>(at);
  node->value = std::move(value);
  return node;
}

ExprPtr Parser::parse_primary(bool with_namespace) {
  const Token& token = cur();
  switch (token.kind) {
    case TokenKind::Name:
      return parse_name(with_namespace);
    case TokenKind::String:
      return parse_strings();
    case TokenKind::Integer:
      advance();
      return constant(token, integer_literal(token.text));
    case TokenKind::Float:
      advance();
      return constant(token, float_literal(token.text));
    case TokenKind::LParen: {
      advance();
      TupleOptions options;
      options.explicit_parentheses = true;
      ExprPtr inner = parse_tuple(options);
      expect(TokenKind::RParen);
      return inner;
    }
    case TokenKind::LBracket:
      return parse_list();
    case TokenKind::LBrace:
      return parse_dict();
    default:
      fail("unexpected " + quoted(describe_token(token)), token);
  }
}

ExprPtr Parser::parse_name(bool with_namespace) {
  const Token& token = advance();
  std::string_view text = token.text;
  if (text == "true" || text == "True") return constant(token, Value::boolean(true));
  if (text == "false" || text == "False") return constant(token, Value::boolean(false));
  if (text == "none" || text == "None") return constant(token, Value::none());
  if (with_namespace && at(TokenKind::Dot)) {
    advance();
    auto ref = make_node<NamespaceRefExpr>(token);
    ref->name = text;
    ref->attribute = expect(TokenKind::Name).text;
    return ref;
  }
  note_name_use(text);
  auto name = make_node<NameExpr>(token);
  name->name = text;
  return name;
}

void Parser::note_name_use(std::string_view name) {
  if (name == "loop" && !for_stack_.empty()) for_stack_.back()->uses_loop = true;
  for (MacroDefinition* macro : macro_stack_) {
    if (name == kVarargs) macro->uses_varargs = true;
    if (name == kKwargs) macro->uses_kwargs = true;
    if (name == kCaller) macro->uses_caller = true;
  }
}

ExprPtr Parser::parse_strings() {
  const Token& first = cur();
  std::string text;
  while (at(TokenKind::String)) {
    const Token& token = advance();
    try {
      text += decode_string_literal(token.text);
    } catch (Error& e) {
      e.locate({name_, token.line, token.column});
      throw;
    }
  }
  return constant(first, Value::string(std::move(text)));
}

ExprPtr Parser::parse_list() {
  auto list = std::make_unique<SequenceExpr>(ExprKind::List);
  locate(*list, expect(TokenKind::LBracket));
  while (!at(TokenKind::RBracket)) {
    if (!list->items.empty()) expect(TokenKind::Comma);
    if (at(TokenKind::RBracket)) break;
    list->items.push_back(parse_expression(true));
  }
  expect(TokenKind::RBracket);
  return list;
}

ExprPtr Parser::parse_dict() {
  auto dict = make_node<DictExpr>(expect(TokenKind::LBrace));
  while (!at(TokenKind::RBrace)) {
    if (!dict->items.empty()) expect(TokenKind::Comma);
    if (at(TokenKind::RBrace)) break;
    ExprPtr key = parse_expression(true);
    expect(TokenKind::Colon);
    dict->items.emplace_back(std::move(key), parse_expression(true));
  }
  expect(TokenKind::RBrace);
  return dict;
}

void Parser::locate(Node& node, const Token& at) {
  node.line = at.line;
  node.column = at.column;
}

ExprPtr Parser::parse_postfix(ExprPtr node) {
  ChainGuard chain(*this);
  while (true) {
    if (at(TokenKind::Dot) || at(TokenKind::LBracket)) {
      chain.link();
      node = parse_subscript(std::move(node));
    } else if (at(TokenKind::LParen)) {
      chain.link();
      node = parse_call(std::move(node));
    } else {
      return node;
    }
  }
}

ExprPtr Parser::parse_filter_expr(ExprPtr node) {
  ChainGuard chain(*this);
  while (true) {
    if (at(TokenKind::Pipe)) {
      // parse_filter counts the filters in a row; this counts runs of them between tests.
      chain.link();
      node = parse_filter(std::move(node), false);
    } else if (at_name("is")) {
      chain.link();
      node = parse_test(std::move(node));
    } else if (at(TokenKind::LParen)) {
      chain.link();
      node = parse_call(std::move(node));
    } else {
      return node;
    }
  }
}

ExprPtr Parser::parse_subscript(ExprPtr object) {
  const Token& token = advance();
  if (token.kind == TokenKind::Dot) {
    const Token& attribute = advance();
    if (attribute.kind == TokenKind::Name) {
      auto node = make_node<GetattrExpr>(token);
      node->object = std::move(object);
      node->attribute = attribute.text;
      return node;
    }
    if (attribute.kind != TokenKind::Integer) fail("expected name or number", attribute);
    auto node = make_node<GetitemExpr>(token);
    node->object = std::move(object);
    node->index = constant(attribute, integer_literal(attribute.text));
    return node;
  }
  std::vector<ExprPtr> indices;
  while (!at(TokenKind::RBracket)) {
    if (!indices.empty()) expect(TokenKind::Comma);
    indices.push_back(parse_subscribed());
  }
  expect(TokenKind::RBracket);
  auto node = make_node<GetitemExpr>(token);
  node->object = std::move(object);
  if (indices.size() == 1) {
    node->index = std::move(indices.front());
  } else {
    auto tuple = std::make_unique<SequenceExpr>(ExprKind::Tuple);
    locate(*tuple, token);
    tuple->items = std::move(indices);
    node->index = std::move(tuple);
  }
  return node;
}

ExprPtr Parser::parse_subscribed() {
  const Token& start = cur();
  ExprPtr first;
  if (!skip_if(TokenKind::Colon)) {
    first = parse_expression(true);
    if (!skip_if(TokenKind::Colon)) return first;
  }
  auto slice = make_node<SliceExpr>(start);
  slice->start = std::move(first);
  auto ends_part = [this] {
    return at(TokenKind::RBracket) || at(TokenKind::Comma) || at(TokenKind::Colon);
  };
  if (!ends_part()) slice->stop = parse_expression(true);
  if (skip_if(TokenKind::Colon)) {
    if (!at(TokenKind::RBracket) && !at(TokenKind::Comma)) slice->step = parse_expression(true);
  }
  return slice;
}

CallArguments Parser::parse_call_args() {
  const Token& open = expect(TokenKind::LParen);
  CallArguments args;
  auto ensure = [&](bool ok) {
    if (!ok) fail("invalid syntax for function call expression", open);
  };
  bool require_comma = false;
  while (!at(TokenKind::RParen)) {
    if (require_comma) {
      expect(TokenKind::Comma);
      if (at(TokenKind::RParen)) break;  // trailing comma
    }
    if (at(TokenKind::Mul)) {
      ensure(!args.varargs && !args.kwargs);
      advance();
      args.varargs = parse_expression(true);
    } else if (at(TokenKind::Pow)) {
      ensure(!args.kwargs);
      advance();
      args.kwargs = parse_expression(true);
    } else if (at(TokenKind::Name) && peek().kind == TokenKind::Assign) {
      ensure(!args.kwargs);
      std::string_view key = advance().text;
      advance();
      args.keyword.emplace_back(key, parse_expression(true));
    } else {
      ensure(!args.varargs && !args.kwargs && args.keyword.empty());
      args.positional.push_back(parse_expression(true));
    }
    require_comma = true;
  }
  expect(TokenKind::RParen);
  return args;
}

ExprPtr Parser::parse_call(ExprPtr callee) {
  auto node = make_node<CallExpr>(cur());
  node->callee = std::move(callee);
  node->args = parse_call_args();
  return node;
}

std::string Parser::parse_dotted_name() {
  std::string name(expect(TokenKind::Name).text);
  while (skip_if(TokenKind::Dot)) {
    name += '.';
    name += expect(TokenKind::Name).text;
  }
  return name;
}

ExprPtr Parser::parse_filter(ExprPtr subject, bool start_inline) {
  ChainGuard chain(*this);
  while (at(TokenKind::Pipe) || start_inline) {
    chain.link();
    if (!start_inline) advance();
    start_inline = false;
    auto node = make_node<FilterExpr>(cur());
    node->name = parse_dotted_name();
    if (at(TokenKind::LParen)) node->args = parse_call_args();
    node->subject = std::move(subject);
    subject = std::move(node);
  }
  return subject;
}

ExprPtr Parser::parse_test(ExprPtr subject) {
  const Token& is = advance();
  bool negated = skip_if_name("not");
  auto node = make_node<TestExpr>(is);
  node->subject = std::move(subject);
  node->name = parse_dotted_name();
  if (at(TokenKind::LParen)) {
    node->args = parse_call_args();
  } else if (starts_bare_test_argument()) {
    if (at_name("is")) fail("You cannot chain multiple tests with is", cur());
    node->args.positional.push_back(parse_postfix(parse_primary(false)));
  }
  if (!negated) return node;
  auto negation = make_node<UnaryExpr>(is);
  negation->op = UnaryOp::Not;
  negation->operand = std::move(node);
  return negation;
}

bool Parser::starts_bare_test_argument() const {
  switch (cur().kind) {
    case TokenKind::Name:
      return !at_name("else") && !at_name("or") && !at_name("and");
    case TokenKind::String:
    case TokenKind::Integer:
    case TokenKind::Float:
    case TokenKind::LBracket:
    case TokenKind::LBrace:
      return true;
    default:
      return false;
  }
}

}  // namespace kiln::jinja::parsing
