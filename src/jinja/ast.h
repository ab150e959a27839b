#pragma once
// The abstract syntax tree of a parsed template. Built once by the parser and never changed
// afterwards, so any number of threads may render it at the same time. Names are views into
// the template's source, which the Template owns; literals are ready-made Values.
//
// Nodes are plain structs with a kind tag; the interpreter switches on the tag and
// static_casts, which is cheaper than virtual dispatch and keeps evaluation in one place.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jinja/environment.h"
#include "jinja/macro_tags.h"
#include "jinja/operators.h"
#include "jinja/value.h"

namespace kiln::jinja::ast {

struct Node {
  uint32_t line = 0;
  uint32_t column = 0;
};

// ---- expressions ---------------------------------------------------------------------

enum class ExprKind : uint8_t {
  Const,
  Name,
  List,
  Tuple,
  Dict,
  Unary,
  Binary,  // arithmetic and ~ (operators.h's BinaryOp)
  And,
  Or,
  Compare,  // a < b < c, in, not in
  Getattr,
  Getitem,
  Slice,  // only as the index of a Getitem
  Call,
  Filter,
  Test,
  CondExpr,
  NamespaceRef,  // `ns.attr` as an assignment target
};

struct Expr : Node {
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  ExprKind kind;
};
using ExprPtr = std::unique_ptr<Expr>;

struct ConstExpr : Expr {
  ConstExpr() : Expr(ExprKind::Const) {}
  Value value;
};

struct NameExpr : Expr {
  NameExpr() : Expr(ExprKind::Name) {}
  std::string_view name;
};

// List and Tuple literals, and tuples as assignment targets.
struct SequenceExpr : Expr {
  explicit SequenceExpr(ExprKind k) : Expr(k) {}
  std::vector<ExprPtr> items;
};

struct DictExpr : Expr {
  DictExpr() : Expr(ExprKind::Dict) {}
  std::vector<std::pair<ExprPtr, ExprPtr>> items;
};

struct UnaryExpr : Expr {
  UnaryExpr() : Expr(ExprKind::Unary) {}
  UnaryOp op = UnaryOp::Not;
  ExprPtr operand;
};

struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprKind::Binary) {}
  BinaryOp op = BinaryOp::Add;
  ExprPtr left;
  ExprPtr right;
};

// `and` / `or`: kind tells which; they short-circuit and return an operand, as in Python.
struct LogicalExpr : Expr {
  explicit LogicalExpr(ExprKind k) : Expr(k) {}
  ExprPtr left;
  ExprPtr right;
};

enum class CompareKind : uint8_t { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };

struct CompareExpr : Expr {
  CompareExpr() : Expr(ExprKind::Compare) {}
  ExprPtr first;
  std::vector<std::pair<CompareKind, ExprPtr>> rest;
};

struct GetattrExpr : Expr {
  GetattrExpr() : Expr(ExprKind::Getattr) {}
  ExprPtr object;
  std::string_view attribute;
};

struct GetitemExpr : Expr {
  GetitemExpr() : Expr(ExprKind::Getitem) {}
  ExprPtr object;
  ExprPtr index;  // may be a SliceExpr
};

struct SliceExpr : Expr {
  SliceExpr() : Expr(ExprKind::Slice) {}
  ExprPtr start;  // each may be null (omitted)
  ExprPtr stop;
  ExprPtr step;
};

// Arguments as written at a call site: f(a, b, k=v, *rest, **more).
struct CallArguments {
  std::vector<ExprPtr> positional;
  std::vector<std::pair<std::string_view, ExprPtr>> keyword;
  ExprPtr varargs;  // *expr, or null
  ExprPtr kwargs;   // **expr, or null
};

struct CallExpr : Expr {
  CallExpr() : Expr(ExprKind::Call) {}
  ExprPtr callee;
  CallArguments args;
};

struct FilterExpr : Expr {
  FilterExpr() : Expr(ExprKind::Filter) {}
  ExprPtr subject;   // null for the filter of a `{% filter %}` or `{% set %}` block
  std::string name;  // may be dotted ("a.b")
  CallArguments args;
};

struct TestExpr : Expr {
  TestExpr() : Expr(ExprKind::Test) {}
  ExprPtr subject;
  std::string name;
  CallArguments args;
};

struct CondExpr : Expr {
  CondExpr() : Expr(ExprKind::CondExpr) {}
  ExprPtr test;
  ExprPtr then;
  ExprPtr otherwise;  // null: `a if c` gives Undefined when c is false
};

struct NamespaceRefExpr : Expr {
  NamespaceRefExpr() : Expr(ExprKind::NamespaceRef) {}
  std::string_view name;
  std::string_view attribute;
};

// ---- statements ----------------------------------------------------------------------

enum class StmtKind : uint8_t {
  Text,   // template data
  Print,  // {{ expr }}
  If,
  For,
  Set,       // {% set target = expr %}
  SetBlock,  // {% set target | filters %}...{% endset %}
  Macro,
  CallBlock,
  FilterBlock,
  With,
  Do,
  Break,
  Continue,
};

struct Stmt : Node {
  explicit Stmt(StmtKind k) : kind(k) {}
  virtual ~Stmt() = default;
  StmtKind kind;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

struct TextStmt : Stmt {
  TextStmt() : Stmt(StmtKind::Text) {}
  std::string_view text;
};

struct PrintStmt : Stmt {
  PrintStmt() : Stmt(StmtKind::Print) {}
  ExprPtr expr;
};

struct IfStmt : Stmt {
  IfStmt() : Stmt(StmtKind::If) {}
  // `if` and each `elif`, in order; the first true test's body runs.
  std::vector<std::pair<ExprPtr, Body>> branches;
  Body otherwise;
};

struct ForStmt : Stmt {
  ForStmt() : Stmt(StmtKind::For) {}
  ExprPtr target;  // NameExpr or a Tuple of targets
  ExprPtr iterable;
  ExprPtr filter;  // `if` clause, or null
  bool recursive = false;
  bool uses_loop = false;  // the body mentions `loop`; otherwise no loop object is made
  Body body;
  Body otherwise;  // runs when no item was iterated
};

struct SetStmt : Stmt {
  SetStmt() : Stmt(StmtKind::Set) {}
  ExprPtr target;  // Name, NamespaceRef or Tuple
  ExprPtr value;
};

struct SetBlockStmt : Stmt {
  SetBlockStmt() : Stmt(StmtKind::SetBlock) {}
  ExprPtr target;
  ExprPtr filter;  // FilterExpr chain with a null innermost subject, or null
  Body body;
};

struct Parameter {
  std::string_view name;
  ExprPtr default_value;  // null when required
};

// What a macro (or a call block's caller) is: a signature and a body. Jinja2 decides from
// the body whether extra arguments are accepted: only when it mentions `varargs`/`kwargs`.
struct MacroDefinition {
  std::string_view name;  // "caller" for call blocks
  uint32_t line = 0;
  std::vector<Parameter> parameters;
  bool uses_varargs = false;
  bool uses_kwargs = false;
  bool uses_caller = false;
  Body body;
};

struct MacroStmt : Stmt {
  MacroStmt() : Stmt(StmtKind::Macro) {}
  MacroDefinition definition;
  // "macro", or the embedder's tag that defined it (macro_tags.h). A view into the source.
  std::string_view tag = "macro";
  // For an embedder's tag: the macro's name, which definition.name views, and the options
  // its header gave.
  std::string tag_macro_name;
  std::vector<MacroTagOption> options;
  // The whole block as written, from the opening `{%` to the end tag's `%}`.
  std::string_view text;
};

struct CallBlockStmt : Stmt {
  CallBlockStmt() : Stmt(StmtKind::CallBlock) {}
  std::unique_ptr<CallExpr> call;
  MacroDefinition caller;
};

struct FilterBlockStmt : Stmt {
  FilterBlockStmt() : Stmt(StmtKind::FilterBlock) {}
  ExprPtr filter;  // FilterExpr chain with a null innermost subject
  Body body;
};

struct WithStmt : Stmt {
  WithStmt() : Stmt(StmtKind::With) {}
  std::vector<std::pair<ExprPtr, ExprPtr>> assignments;  // target = value, in order
  Body body;
};

struct DoStmt : Stmt {
  DoStmt() : Stmt(StmtKind::Do) {}
  ExprPtr expr;
};

struct LoopControlStmt : Stmt {
  explicit LoopControlStmt(StmtKind k) : Stmt(k) {}
};

}  // namespace kiln::jinja::ast
