#pragma once
// The parser's state, shared by the files that implement its grammar:
//   parser.cpp              the token stream, template structure, error explanations
//   parser_statements.cpp   {% %} statements (for, if, set, macro, call, ...)
//   parser_macro_tags.cpp   block tags an embedder registers to define macros (macro_tags.h)
//   parser_expressions.cpp  expressions, by Jinja2's precedence
//   parser_expression_depth.cpp  the height of an expression tree, which the parser bounds
// Internal to those files; everyone else uses parser.h.

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/ast.h"
#include "jinja/error.h"
#include "jinja/macro_tags.h"
#include "jinja/token.h"

namespace kiln::jinja::parsing {

// A private namespace, so the grammar may name the AST's node types unqualified.
using namespace ast;

using EndTags = std::initializer_list<std::string_view>;

// Names Jinja2 looks for in a macro body to decide what the macro accepts.
constexpr std::string_view kVarargs = "varargs";
constexpr std::string_view kKwargs = "kwargs";
constexpr std::string_view kCaller = "caller";

// Deeper nesting than this (brackets, unary operators, blocks) is refused instead of
// exhausting the C++ stack; Python's recursion limit stops Jinja2 at a similar depth.
constexpr int kMaxNesting = 200;
// Chains (`a + b + c`, `x | f | g`, `x.a.b`, `f()()`) are parsed by loops but build trees as
// deep as they are long, and rendering and destroying a tree recurse once per level, so
// every expression's tree is bounded too. Jinja2 (Python's recursion limit) accepts chains
// of about 300 to 490 links and refuses longer ones.
constexpr int kMaxExpressionDepth = 500;

template <typename T>
std::unique_ptr<T> make_node(const Token& at) {
  auto node = std::make_unique<T>();
  node->line = at.line;
  node->column = at.column;
  return node;
}

inline std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const std::string& name,
         const std::optional<Error>& lex_error, const MacroTags* macro_tags)
      : tokens_(tokens), name_(name), lex_error_(lex_error), macro_tags_(macro_tags) {}

  Body parse();

 private:
  // ---- token stream ------------------------------------------------------------------
  const Token& cur() const { return tokens_[pos_]; }
  const Token& peek() const;
  const Token& advance();
  // Reaching the token where lexing failed raises the lexer's error, when Jinja2's lazy
  // lexer would.
  void check_lexed(size_t index) const;
  bool at(TokenKind kind) const { return cur().kind == kind; }
  bool at_name(std::string_view name) const { return at(TokenKind::Name) && cur().text == name; }
  bool skip_if(TokenKind kind);
  bool skip_if_name(std::string_view name);

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
  const Token& expect(TokenKind kind);
  const Token& expect_name(std::string_view name);

  // ---- template structure ------------------------------------------------------------
  // Statements and output until one of `end_tags` starts a block (left as the current
  // token) or the template ends.
  Body subparse(const std::vector<std::string_view>* end_tags);

  static bool is_one_of(std::string_view name, const std::vector<std::string_view>& names);

  // The body of a block statement: `%}`, statements, up to one of `end_tags`.
  Body parse_statements(EndTags end_tags, bool drop_needle);

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
  void parse_statement(Body& out);

  StmtPtr parse_for();

  StmtPtr parse_if();

  StmtPtr parse_set();

  StmtPtr parse_with();

  StmtPtr parse_macro();

  StmtPtr parse_call_block();

  // A macro body is a new function: loops outside it cannot be broken from inside.
  void parse_macro_body(MacroDefinition& definition, std::string_view end_tag);

  void parse_signature(MacroDefinition& definition);

  StmtPtr parse_filter_block();

  StmtPtr parse_loop_control();

  void parse_print(Body& out);

  // The source from `open` (a `{%`) to the end of the current token when it is a `%}`:
  // the whole block just parsed, as written.
  std::string_view block_text(const Token& open) const;

  // ---- macro tags an embedder registered (parser_macro_tags.cpp) ----------------------
  const MacroTag* find_macro_tag(std::string_view tag) const;
  StmtPtr parse_macro_tag(const MacroTag& tag);
  void parse_macro_tag_options(MacroTagHeader& header);

  // ---- assignment targets -------------------------------------------------------------
  ExprPtr parse_assign_target(bool with_tuple, bool name_only, bool with_namespace = false);

  static bool can_assign(const Expr& target);

  // Jinja2 names the node class in "can't assign to 'const'".
  static std::string_view node_type_name(const Expr& e);

  // ---- expressions -------------------------------------------------------------------
  struct TupleOptions {
    bool simplified = false;  // only names and literals (assignment targets)
    bool with_condexpr = true;
    bool explicit_parentheses = false;
    bool with_namespace = false;
  };

  // Jinja2 also passes "extra end rules" (`in` for for-loop targets) here, but its check
  // never matches them, so `{% for x, in y %}` reads `in` as a second target. Same here.
  bool is_tuple_end() const;

  // Expressions separated by commas form a tuple ("{% for a, b in x %}", "{{ 1, 2 }}").
  ExprPtr parse_tuple(const TupleOptions& options);

  ExprPtr parse_expression(bool with_condexpr);

  // The height of an expression tree, walked with an explicit stack: the tree it measures
  // may be too deep for recursion, which is what it checks.
  static int expression_depth(const Expr& root);

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

  ExprPtr parse_condexpr();

  ExprPtr parse_or();

  ExprPtr parse_and();

  ExprPtr parse_not();

  static bool compare_kind(TokenKind token, CompareKind* kind);

  ExprPtr parse_compare();

  ExprPtr binary(const Token& op_token, BinaryOp op, ExprPtr left, ExprPtr right);

  ExprPtr parse_math1();

  ExprPtr parse_concat();

  ExprPtr parse_math2();

  ExprPtr parse_pow();

  ExprPtr parse_unary(bool with_filter);

  ExprPtr constant(const Token& at, Value value);

  ExprPtr parse_primary(bool with_namespace);

  ExprPtr parse_name(bool with_namespace);

  // Jinja2 decides from a macro's body whether it takes extra arguments or a caller, and
  // a for loop needs a loop object only when its body mentions `loop`.
  void note_name_use(std::string_view name);

  // Adjacent string literals concatenate: {{ 'a' 'b' }} is 'ab'.
  ExprPtr parse_strings();

  ExprPtr parse_list();

  ExprPtr parse_dict();

  static void locate(Node& node, const Token& at);

  ExprPtr parse_postfix(ExprPtr node);

  ExprPtr parse_filter_expr(ExprPtr node);

  ExprPtr parse_subscript(ExprPtr object);

  // An index or a slice: a, a:b, a:b:c, :b, ::c ...
  ExprPtr parse_subscribed();

  CallArguments parse_call_args();

  ExprPtr parse_call(ExprPtr callee);

  std::string parse_dotted_name();

  // `| name(args)` repeated; with start_inline the first filter has no pipe (filter blocks).
  ExprPtr parse_filter(ExprPtr subject, bool start_inline);

  // `is [not] name`, `is name(args)` or `is name arg` (one primary argument).
  ExprPtr parse_test(ExprPtr subject);

  bool starts_bare_test_argument() const;

  const std::vector<Token>& tokens_;
  const std::string& name_;
  const std::optional<Error>& lex_error_;
  const MacroTags* macro_tags_;  // the embedder's macro-defining tags, or null
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

}  // namespace kiln::jinja::parsing
