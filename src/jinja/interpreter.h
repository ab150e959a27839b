#pragma once
// The tree-walking interpreter. One Interpreter runs one template body (a render, or one
// macro call) and appends its output to one string; all of its state is per run, so any
// number of interpreters walk the same immutable AST concurrently.

#include <string>
#include <string_view>

#include "jinja/ast.h"
#include "jinja/environment.h"
#include "jinja/loop.h"
#include "jinja/scope.h"

namespace kiln::jinja {

class Template;

class Interpreter final : public CallContext {
 public:
  // `tpl` is the template whose AST runs (it names errors and must outlive the run);
  // output goes to `out`.
  Interpreter(RootScope& root, const Template& tpl, std::string& out);

  // Runs statements with `scope` as the innermost scope.
  void execute(const ast::Body& body, Scope& scope);
  // Evaluates an expression with `scope` as the innermost scope.
  Value evaluate(const ast::Expr& expr, Scope& scope);

  // CallContext
  Value call(const Value& callable, CallArgs args) override;
  Value apply_filter(std::string_view name, const Value& subject, CallArgs args) override;
  bool apply_test(std::string_view name, const Value& subject, CallArgs args) override;
  Value lookup(std::string_view name) override;
  SourceLocation location() const override;
  const Environment& environment() const override { return root_.environment(); }

 private:
  enum class Flow { Normal, Break, Continue };

  Flow run_body(const ast::Body& body);
  Flow run(const ast::Stmt& stmt);
  void run_if(const ast::IfStmt& stmt);
  void run_for(const ast::ForStmt& stmt);
  // One level of a (possibly recursive) for loop over `items`.
  void run_loop(const ast::ForStmt& stmt, const Value& iterable, size_t depth);
  std::vector<Value> filter_items(const ast::ForStmt& stmt, std::vector<Value> items,
                                  Scope& loop_scope);
  LoopObject::Recurse recursion(const ast::ForStmt& stmt, Scope* outer);
  Flow run_set_block(const ast::SetBlockStmt& stmt);
  void run_macro_definition(const ast::MacroStmt& stmt);
  void run_call_block(const ast::CallBlockStmt& stmt);
  Flow run_filter_block(const ast::FilterBlockStmt& stmt);
  Value filter_block_text(const ast::Expr& filter, Value text);
  Flow run_with(const ast::WithStmt& stmt);
  // Renders `body` in a new scope into `text` instead of the output.
  Flow capture(const ast::Body& body, std::string& text);

  void assign(const ast::Expr& target, Value value);
  void assign_namespace(const ast::NamespaceRefExpr& target, Value value);

  Value eval(const ast::Expr& expr);
  Value eval_node(const ast::Expr& expr);
  Value eval_name(const ast::NameExpr& expr);
  Value eval_dict(const ast::DictExpr& expr);
  Value eval_compare(const ast::CompareExpr& expr);
  Value eval_getitem(const ast::GetitemExpr& expr);
  Value eval_call(const ast::CallExpr& expr, CallArgs* extra = nullptr);
  // `subject` replaces the innermost filter's missing subject (filter and set blocks).
  Value eval_filter(const ast::FilterExpr& expr, const Value* block_subject = nullptr);
  Value eval_test(const ast::TestExpr& expr);
  CallArgs eval_args(const ast::CallArguments& args);
  Value call_at(const ast::Node& where, const Value& callable, CallArgs args);

  void print(const Value& value);
  SourceLocation location_of(const ast::Node& node) const;

  RootScope& root_;
  const Template& template_;
  std::string* out_;
  Scope* scope_ = nullptr;              // innermost scope of what runs now
  const ast::Node* current_ = nullptr;  // the call or filter being evaluated, for location()
};

}  // namespace kiln::jinja
