#include "jinja/parser.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <initializer_list>
#include <utility>
#include <vector>

#include "jinja/bigint.h"
#include "jinja/error.h"
#include "jinja/string_literal.h"

namespace kiln::jinja {

namespace {

using namespace ast;

using EndTags = std::initializer_list<std::string_view>;

// Names Jinja2 looks for in a macro body to decide what the macro accepts.
constexpr std::string_view kVarargs = "varargs";
constexpr std::string_view kKwargs = "kwargs";
constexpr std::string_view kCaller = "caller";

template <typename T>
std::unique_ptr<T> make_node(const Token& at) {
  auto node = std::make_unique<T>();
  node->line = at.line;
  node->column = at.column;
  return node;
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

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

// Deeper nesting than this (brackets, unary operators, blocks) is refused instead of
// exhausting the C++ stack; Python's recursion limit stops Jinja2 at a similar depth.
constexpr int kMaxNesting = 200;
// Chains (`a + b + c`, `x | f | g`, `x.a.b`, `f()()`) are parsed by loops but build trees as
// deep as they are long, and rendering and destroying a tree recurse once per level, so
// every expression's tree is bounded too. Jinja2 (Python's recursion limit) accepts chains
// of about 300 to 490 links and refuses longer ones.
constexpr int kMaxExpressionDepth = 500;

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const std::string& name,
         const std::optional<Error>& lex_error)
      : tokens_(tokens), name_(name), lex_error_(lex_error) {}

  Body parse() {
    check_lexed(0);
    Body body = subparse(nullptr);
    if (misplaced_loop_control_) throw *misplaced_loop_control_;
    return body;
  }

 private:
  // ---- token stream ------------------------------------------------------------------
  const Token& cur() const { return tokens_[pos_]; }
  const Token& peek() const {
    size_t next = pos_ + 1 < tokens_.size() ? pos_ + 1 : pos_;
    check_lexed(next);
    return tokens_[next];
  }
  const Token& advance() {
    const Token& t = tokens_[pos_];
    if (t.kind != TokenKind::Eof) check_lexed(++pos_);
    return t;
  }
  // Reaching the token where lexing failed raises the lexer's error, when Jinja2's lazy
  // lexer would.
  void check_lexed(size_t index) const {
    if (tokens_[index].kind == TokenKind::Error && lex_error_) throw *lex_error_;
  }
  bool at(TokenKind kind) const { return cur().kind == kind; }
  bool at_name(std::string_view name) const { return at(TokenKind::Name) && cur().text == name; }
  bool skip_if(TokenKind kind) {
    if (!at(kind)) return false;
    advance();
    return true;
  }
  bool skip_if_name(std::string_view name) {
    if (!at_name(name)) return false;
    advance();
    return true;
  }

  [[noreturn]] void fail(std::string message, const Token& at) const {
    throw Error(ErrorKind::Syntax, std::move(message), {name_, at.line, at.column});
  }
  [[noreturn]] void fail(std::string message, const Node& at) const {
    throw Error(ErrorKind::Syntax, std::move(message), {name_, at.line, at.column});
  }

  [[noreturn]] void fail_expected(std::string_view expected) const {
    if (at(TokenKind::Eof)) {
      fail("unexpected end of template, expected " + quoted(expected) + ".", cur());
    }
    fail("expected token " + quoted(expected) + ", got " + quoted(describe_token(cur())), cur());
  }
  const Token& expect(TokenKind kind) {
    if (!at(kind)) fail_expected(describe_token_kind(kind));
    return advance();
  }
  const Token& expect_name(std::string_view name) {
    if (!at_name(name)) fail_expected(name);
    return advance();
  }

  // ---- template structure ------------------------------------------------------------
  // Statements and output until one of `end_tags` starts a block (left as the current
  // token) or the template ends.
  Body subparse(const std::vector<std::string_view>* end_tags) {
    Body body;
    if (end_tags) end_stack_.push_back(*end_tags);
    while (!at(TokenKind::Eof)) {
      const Token& token = advance();
      if (token.kind == TokenKind::Data) {
        auto text = make_node<TextStmt>(token);
        text->text = token.text;
        body.push_back(std::move(text));
      } else if (token.kind == TokenKind::VariableBegin) {
        auto print = make_node<PrintStmt>(token);
        print->expr = parse_tuple(TupleOptions{});
        body.push_back(std::move(print));
        expect(TokenKind::VariableEnd);
      } else if (token.kind == TokenKind::BlockBegin) {
        if (end_tags && at(TokenKind::Name) && is_one_of(cur().text, *end_tags)) {
          end_stack_.pop_back();
          return body;
        }
        parse_statement(body);
        expect(TokenKind::BlockEnd);
      } else {
        fail("unexpected " + quoted(describe_token(token)), token);
      }
    }
    if (end_tags) end_stack_.pop_back();
    return body;
  }

  static bool is_one_of(std::string_view name, const std::vector<std::string_view>& names) {
    for (std::string_view n : names) {
      if (n == name) return true;
    }
    return false;
  }

  // The body of a block statement: `%}`, statements, up to one of `end_tags`.
  Body parse_statements(EndTags end_tags, bool drop_needle) {
    std::vector<std::string_view> ends(end_tags);
    skip_if(TokenKind::Colon);
    expect(TokenKind::BlockEnd);
    Body body = subparse(&ends);
    if (at(TokenKind::Eof)) fail_eof(ends);
    if (drop_needle) advance();
    return body;
  }

  [[noreturn]] void fail_eof(const std::vector<std::string_view>& ends) {
    end_stack_.push_back(ends);
    fail_unknown_tag_or_eof(nullptr, cur());
  }

  // Jinja2's explanation of a tag it did not expect, or of a template that ended early.
  [[noreturn]] void fail_unknown_tag_or_eof(const std::string_view* tag, const Token& at) {
    std::string message = tag ? "Encountered unknown tag " + quoted(*tag) + "."
                              : std::string("Unexpected end of template.");
    if (!end_stack_.empty()) {
      std::string looking;
      for (std::string_view end : end_stack_.back()) {
        if (!looking.empty()) looking += " or ";
        looking += quoted(end);
      }
      bool expected_elsewhere = false;
      for (const auto& ends : end_stack_)
        expected_elsewhere |= tag && is_one_of(*tag, ends);
      if (expected_elsewhere) {
        message +=
            " You probably made a nesting mistake. Jinja is expecting this tag, but "
            "currently looking for " +
            looking + ".";
      } else {
        message += " Jinja was looking for the following tags: " + looking + ".";
      }
    }
    if (!tag_stack_.empty()) {
      message +=
          " The innermost block that needs to be closed is " + quoted(tag_stack_.back()) + ".";
    }
    fail(message, at);
  }

  // Counts one level of nesting for its lifetime.
  class NestingGuard {
   public:
    explicit NestingGuard(Parser& parser) : parser_(parser) {
      if (++parser_.nesting_ > kMaxNesting) {
        parser_.fail(
            "template nested too deeply (more than " + std::to_string(kMaxNesting) + " levels)",
            parser_.cur());
      }
    }
    ~NestingGuard() { --parser_.nesting_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    Parser& parser_;
  };

  // ---- statements --------------------------------------------------------------------
  void parse_statement(Body& out) {
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

  StmtPtr parse_for() {
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

  StmtPtr parse_if() {
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

  StmtPtr parse_set() {
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

  StmtPtr parse_with() {
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

  StmtPtr parse_macro() {
    auto node = make_node<MacroStmt>(advance());
    const Token& name = expect(TokenKind::Name);
    node->definition.name = name.text;
    node->definition.line = node->line;
    parse_signature(node->definition);
    parse_macro_body(node->definition, "endmacro");
    return node;
  }

  StmtPtr parse_call_block() {
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

  // A macro body is a new function: loops outside it cannot be broken from inside.
  void parse_macro_body(MacroDefinition& definition, std::string_view end_tag) {
    macro_stack_.push_back(&definition);
    int saved_loop_depth = loop_depth_;
    loop_depth_ = 0;
    definition.body = parse_statements({end_tag}, true);
    loop_depth_ = saved_loop_depth;
    macro_stack_.pop_back();
  }

  void parse_signature(MacroDefinition& definition) {
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

  StmtPtr parse_filter_block() {
    auto node = make_node<FilterBlockStmt>(advance());
    node->filter = parse_filter(nullptr, /*start_inline=*/true);
    node->body = parse_statements({"endfilter"}, true);
    return node;
  }

  StmtPtr parse_loop_control() {
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

  void parse_print(Body& out) {
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

  // ---- assignment targets -------------------------------------------------------------
  ExprPtr parse_assign_target(bool with_tuple, bool name_only, bool with_namespace = false) {
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

  static bool can_assign(const Expr& target) {
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

  // Jinja2 names the node class in "can't assign to 'const'".
  static std::string_view node_type_name(const Expr& e) {
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

  // ---- expressions -------------------------------------------------------------------
  struct TupleOptions {
    bool simplified = false;  // only names and literals (assignment targets)
    bool with_condexpr = true;
    bool explicit_parentheses = false;
    bool with_namespace = false;
  };

  // Jinja2 also passes "extra end rules" (`in` for for-loop targets) here, but its check
  // never matches them, so `{% for x, in y %}` reads `in` as a second target. Same here.
  bool is_tuple_end() const {
    return at(TokenKind::VariableEnd) || at(TokenKind::BlockEnd) || at(TokenKind::RParen);
  }

  // Expressions separated by commas form a tuple ("{% for a, b in x %}", "{{ 1, 2 }}").
  ExprPtr parse_tuple(const TupleOptions& options) {
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

  ExprPtr parse_expression(bool with_condexpr) {
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

  // The height of an expression tree, walked with an explicit stack: the tree it measures
  // may be too deep for recursion, which is what it checks.
  static int expression_depth(const Expr& root) {
    int deepest = 0;
    std::vector<std::pair<const Expr*, int>> pending{{&root, 1}};
    while (!pending.empty()) {
      // Not a structured binding: clang 14 cannot capture one in the lambda below.
      const Expr* expr = pending.back().first;
      const int depth = pending.back().second;
      pending.pop_back();
      deepest = std::max(deepest, depth);
      auto push = [&pending, depth](const ExprPtr& child) {
        if (child) pending.emplace_back(child.get(), depth + 1);
      };
      auto push_args = [&push](const CallArguments& args) {
        for (const ExprPtr& arg : args.positional)
          push(arg);
        for (const auto& keyword : args.keyword)
          push(keyword.second);
        push(args.varargs);
        push(args.kwargs);
      };
      switch (expr->kind) {
        case ExprKind::Tuple:
        case ExprKind::List:
          for (const ExprPtr& item : static_cast<const SequenceExpr&>(*expr).items)
            push(item);
          break;
        case ExprKind::Dict:
          for (const auto& item : static_cast<const DictExpr&>(*expr).items) {
            push(item.first);
            push(item.second);
          }
          break;
        case ExprKind::Unary:
          push(static_cast<const UnaryExpr&>(*expr).operand);
          break;
        case ExprKind::Binary:
          push(static_cast<const BinaryExpr&>(*expr).left);
          push(static_cast<const BinaryExpr&>(*expr).right);
          break;
        case ExprKind::And:
        case ExprKind::Or:
          push(static_cast<const LogicalExpr&>(*expr).left);
          push(static_cast<const LogicalExpr&>(*expr).right);
          break;
        case ExprKind::Compare: {
          const auto& node = static_cast<const CompareExpr&>(*expr);
          push(node.first);
          for (const auto& operand : node.rest)
            push(operand.second);
          break;
        }
        case ExprKind::Getattr:
          push(static_cast<const GetattrExpr&>(*expr).object);
          break;
        case ExprKind::Getitem:
          push(static_cast<const GetitemExpr&>(*expr).object);
          push(static_cast<const GetitemExpr&>(*expr).index);
          break;
        case ExprKind::Slice: {
          const auto& node = static_cast<const SliceExpr&>(*expr);
          push(node.start);
          push(node.stop);
          push(node.step);
          break;
        }
        case ExprKind::Call:
          push(static_cast<const CallExpr&>(*expr).callee);
          push_args(static_cast<const CallExpr&>(*expr).args);
          break;
        case ExprKind::Filter:
          push(static_cast<const FilterExpr&>(*expr).subject);
          push_args(static_cast<const FilterExpr&>(*expr).args);
          break;
        case ExprKind::Test:
          push(static_cast<const TestExpr&>(*expr).subject);
          push_args(static_cast<const TestExpr&>(*expr).args);
          break;
        case ExprKind::CondExpr: {
          const auto& node = static_cast<const CondExpr&>(*expr);
          push(node.test);
          push(node.then);
          push(node.otherwise);
          break;
        }
        default:  // leaves: constants, names, namespace references
          break;
      }
    }
    return deepest;
  }

  // Counts the links of one chain (`a + b + c`, `x | f | g`) for as long as it is parsed:
  // a loop does not recurse, but the tree it builds is one level deeper per link.
  class ChainGuard {
   public:
    explicit ChainGuard(Parser& parser) : parser_(parser) {}
    ~ChainGuard() { parser_.chain_links_ -= links_; }
    ChainGuard(const ChainGuard&) = delete;
    ChainGuard& operator=(const ChainGuard&) = delete;
    void link() {
      ++links_;
      if (++parser_.chain_links_ > kMaxExpressionDepth) {
        parser_.fail("expression nested too deeply (more than " +
                         std::to_string(kMaxExpressionDepth) + " levels)",
                     parser_.cur());
      }
    }

   private:
    Parser& parser_;
    int links_ = 0;
  };

  ExprPtr parse_condexpr() {
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

  ExprPtr parse_or() {
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

  ExprPtr parse_and() {
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

  ExprPtr parse_not() {
    if (!at_name("not")) return parse_compare();
    NestingGuard nesting(*this);
    auto node = make_node<UnaryExpr>(advance());
    node->op = UnaryOp::Not;
    node->operand = parse_not();
    return node;
  }

  static bool compare_kind(TokenKind token, CompareKind* kind) {
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

  ExprPtr parse_compare() {
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

  ExprPtr binary(const Token& op_token, BinaryOp op, ExprPtr left, ExprPtr right) {
    auto node = make_node<BinaryExpr>(op_token);
    node->op = op;
    node->left = std::move(left);
    node->right = std::move(right);
    return node;
  }

  ExprPtr parse_math1() {
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

  ExprPtr parse_concat() {
    ExprPtr left = parse_math2();
    ChainGuard chain(*this);
    while (at(TokenKind::Tilde)) {
      chain.link();
      const Token& op = advance();
      left = binary(op, BinaryOp::Concat, std::move(left), parse_math2());
    }
    return left;
  }

  ExprPtr parse_math2() {
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

  ExprPtr parse_pow() {
    ExprPtr left = parse_unary(true);
    ChainGuard chain(*this);
    while (at(TokenKind::Pow)) {
      chain.link();
      const Token& op = advance();
      left = binary(op, BinaryOp::Pow, std::move(left), parse_unary(true));
    }
    return left;
  }

  ExprPtr parse_unary(bool with_filter) {
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

  ExprPtr constant(const Token& at, Value value) {
    auto node = make_node<ConstExpr>(at);
    node->value = std::move(value);
    return node;
  }

  ExprPtr parse_primary(bool with_namespace) {
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

  ExprPtr parse_name(bool with_namespace) {
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

  // Jinja2 decides from a macro's body whether it takes extra arguments or a caller, and
  // a for loop needs a loop object only when its body mentions `loop`.
  void note_name_use(std::string_view name) {
    if (name == "loop" && !for_stack_.empty()) for_stack_.back()->uses_loop = true;
    for (MacroDefinition* macro : macro_stack_) {
      if (name == kVarargs) macro->uses_varargs = true;
      if (name == kKwargs) macro->uses_kwargs = true;
      if (name == kCaller) macro->uses_caller = true;
    }
  }

  // Adjacent string literals concatenate: {{ 'a' 'b' }} is 'ab'.
  ExprPtr parse_strings() {
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

  ExprPtr parse_list() {
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

  ExprPtr parse_dict() {
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

  static void locate(Node& node, const Token& at) {
    node.line = at.line;
    node.column = at.column;
  }

  ExprPtr parse_postfix(ExprPtr node) {
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

  ExprPtr parse_filter_expr(ExprPtr node) {
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

  ExprPtr parse_subscript(ExprPtr object) {
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

  // An index or a slice: a, a:b, a:b:c, :b, ::c ...
  ExprPtr parse_subscribed() {
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

  CallArguments parse_call_args() {
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

  ExprPtr parse_call(ExprPtr callee) {
    auto node = make_node<CallExpr>(cur());
    node->callee = std::move(callee);
    node->args = parse_call_args();
    return node;
  }

  std::string parse_dotted_name() {
    std::string name(expect(TokenKind::Name).text);
    while (skip_if(TokenKind::Dot)) {
      name += '.';
      name += expect(TokenKind::Name).text;
    }
    return name;
  }

  // `| name(args)` repeated; with start_inline the first filter has no pipe (filter blocks).
  ExprPtr parse_filter(ExprPtr subject, bool start_inline) {
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

  // `is [not] name`, `is name(args)` or `is name arg` (one primary argument).
  ExprPtr parse_test(ExprPtr subject) {
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

  bool starts_bare_test_argument() const {
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

  const std::vector<Token>& tokens_;
  const std::string& name_;
  const std::optional<Error>& lex_error_;
  size_t pos_ = 0;
  std::vector<std::vector<std::string_view>> end_stack_;  // tags that close open blocks
  std::vector<std::string_view> tag_stack_;               // open statements, innermost last
  std::vector<MacroDefinition*> macro_stack_;             // macro bodies being parsed
  std::vector<ForStmt*> for_stack_;                       // for bodies being parsed
  int loop_depth_ = 0;   // enclosing for loops within the current macro body
  int nesting_ = 0;      // current depth of recursive parsing
  int chain_links_ = 0;  // links of the chains being parsed, which loops add without recursing
  bool in_expression_ = false;  // inside an expression, whose depth the outermost one checks
  std::optional<Error> misplaced_loop_control_;  // the first break/continue outside a loop
};

}  // namespace

ast::Body parse_template(const std::vector<Token>& tokens, const std::string& template_name,
                         const std::optional<Error>& lex_error) {
  return Parser(tokens, template_name, lex_error).parse();
}

}  // namespace kiln::jinja
