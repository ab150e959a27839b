#include "jinja/interpreter.h"

#include <charconv>

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/globals.h"
#include "jinja/loop.h"
#include "jinja/macro.h"
#include "jinja/methods.h"
#include "jinja/operators.h"
#include "jinja/template.h"

namespace kiln::jinja {

using namespace ast;

namespace {

// Makes `scope` the interpreter's innermost scope for the lifetime of the guard.
class ScopeGuard {
 public:
  ScopeGuard(Scope*& slot, Scope& scope) : slot_(slot), saved_(slot) { slot_ = &scope; }
  ~ScopeGuard() { slot_ = saved_; }
  ScopeGuard(const ScopeGuard&) = delete;
  ScopeGuard& operator=(const ScopeGuard&) = delete;

 private:
  Scope*& slot_;
  Scope* saved_;
};

// Sends the output of a block to a separate string (set blocks, filter blocks).
class OutputGuard {
 public:
  OutputGuard(std::string*& slot, std::string& out) : slot_(slot), saved_(slot) { slot_ = &out; }
  ~OutputGuard() { slot_ = saved_; }
  OutputGuard(const OutputGuard&) = delete;
  OutputGuard& operator=(const OutputGuard&) = delete;

 private:
  std::string*& slot_;
  std::string* saved_;
};

// Python's tuple unpacking: `for a, b in ...`, `{% set a, b = ... %}`.
std::vector<Value> unpack(const Value& value, size_t expected) {
  if (!value.is_sequence() && !value.is_string() && !value.is_dict() && !value.is_object()) {
    throw Error(ErrorKind::Type,
                "cannot unpack non-iterable " + std::string(value.type_name()) + " object");
  }
  std::vector<Value> items = iterate(value);
  if (items.size() > expected) {
    throw Error(ErrorKind::Value,
                "too many values to unpack (expected " + std::to_string(expected) + ")");
  }
  if (items.size() < expected) {
    throw Error(ErrorKind::Value, "not enough values to unpack (expected " +
                                      std::to_string(expected) + ", got " +
                                      std::to_string(items.size()) + ")");
  }
  return items;
}

CompareOp to_compare_op(CompareKind kind) {
  switch (kind) {
    case CompareKind::Eq:
      return CompareOp::Eq;
    case CompareKind::Ne:
      return CompareOp::Ne;
    case CompareKind::Lt:
      return CompareOp::Lt;
    case CompareKind::Le:
      return CompareOp::Le;
    case CompareKind::Gt:
      return CompareOp::Gt;
    default:
      return CompareOp::Ge;
  }
}

}  // namespace

Interpreter::Interpreter(RootScope& root, const Template& tpl, std::string& out)
    : root_(root), template_(tpl), out_(&out) {}

// ---- statements ------------------------------------------------------------------------

void Interpreter::execute(const Body& body, Scope& scope) {
  ScopeGuard guard(scope_, scope);
  run_body(body);
}

Interpreter::Flow Interpreter::run_body(const Body& body) {
  for (const StmtPtr& stmt : body) {
    Flow flow = run(*stmt);
    if (flow != Flow::Normal) return flow;
  }
  return Flow::Normal;
}

Interpreter::Flow Interpreter::run(const Stmt& stmt) {
  switch (stmt.kind) {
    case StmtKind::Text:
      out_->append(static_cast<const TextStmt&>(stmt).text);
      return Flow::Normal;
    case StmtKind::Print:
      print(eval(*static_cast<const PrintStmt&>(stmt).expr));
      return Flow::Normal;
    case StmtKind::If: {
      const auto& node = static_cast<const IfStmt&>(stmt);
      for (const auto& [test, body] : node.branches) {
        if (eval(*test).truthy()) return run_body(body);
      }
      return run_body(node.otherwise);
    }
    case StmtKind::For:
      run_for(static_cast<const ForStmt&>(stmt));
      return Flow::Normal;
    case StmtKind::Set: {
      const auto& node = static_cast<const SetStmt&>(stmt);
      assign(*node.target, eval(*node.value));
      return Flow::Normal;
    }
    case StmtKind::SetBlock:
      return run_set_block(static_cast<const SetBlockStmt&>(stmt));
    case StmtKind::Macro:
      run_macro_definition(static_cast<const MacroStmt&>(stmt));
      return Flow::Normal;
    case StmtKind::CallBlock:
      run_call_block(static_cast<const CallBlockStmt&>(stmt));
      return Flow::Normal;
    case StmtKind::FilterBlock:
      return run_filter_block(static_cast<const FilterBlockStmt&>(stmt));
    case StmtKind::With:
      return run_with(static_cast<const WithStmt&>(stmt));
    case StmtKind::Do:
      eval(*static_cast<const DoStmt&>(stmt).expr);
      return Flow::Normal;
    case StmtKind::Break:
      return Flow::Break;
    case StmtKind::Continue:
      return Flow::Continue;
  }
  return Flow::Normal;
}

void Interpreter::run_for(const ForStmt& stmt) {
  Value iterable = eval(*stmt.iterable);
  try {
    run_loop(stmt, iterable, 1);
  } catch (Error& e) {
    e.locate(location_of(*stmt.iterable));  // only errors nothing closer has located
    throw;
  }
}

// One level of the loop over `iterable`. A list is walked live, as Python does, so items
// appended by the body are visited; loop.length and friends describe the list as it was.
void Interpreter::run_loop(const ForStmt& stmt, const Value& iterable, size_t depth) {
  std::vector<Value> items = iterate(iterable);
  Scope* outer = scope_;
  Scope loop_scope(outer);
  ScopeGuard guard(scope_, loop_scope);
  if (stmt.filter) items = filter_items(stmt, std::move(items), loop_scope);
  const std::vector<Value>* live =
      iterable.is_list() && !stmt.filter ? &iterable.as_list() : nullptr;
  Value loop_value;
  LoopObject* loop = nullptr;
  if (stmt.uses_loop || stmt.recursive) {
    loop = new LoopObject(std::move(items), depth, recursion(stmt, outer));
    loop_value = Value::object(loop);
  }
  // A `loop` kept past the loop must not re-enter this frame, even after an error.
  struct EndLoop {
    LoopObject* loop;
    ~EndLoop() {
      if (loop) loop->end();
    }
  } end_loop{loop};
  const std::vector<Value>& snapshot = loop ? loop->items() : items;
  // Jinja2 runs `else` unless some iteration reached the end of the body: a break or
  // continue in every iteration still runs it.
  bool completed_an_iteration = false;
  for (size_t i = 0;; ++i) {
    const std::vector<Value>& walk = live ? *live : snapshot;
    if (i >= walk.size()) break;
    Value item = walk[i];  // a copy: the body may grow the list under us
    loop_scope.clear();
    if (loop) {
      loop->set_index(i);
      loop_scope.set("loop", loop_value);
    }
    assign(*stmt.target, std::move(item));
    Flow flow = run_body(stmt.body);
    if (flow == Flow::Normal) completed_an_iteration = true;
    if (flow == Flow::Break) break;
  }
  if (!completed_an_iteration) {
    loop_scope.clear();
    run_body(stmt.otherwise);
  }
}

// `for x in xs if cond`: loop.index and loop.length count only the kept items.
std::vector<Value> Interpreter::filter_items(const ForStmt& stmt, std::vector<Value> items,
                                             Scope& loop_scope) {
  std::vector<Value> kept;
  for (Value& item : items) {
    loop_scope.clear();
    assign(*stmt.target, item);
    if (eval(*stmt.filter).truthy()) kept.push_back(std::move(item));
  }
  return kept;
}

// What loop(children) runs in a `recursive` loop: the same loop one level deeper, in the
// scope around the loop, with its output returned instead of printed.
LoopObject::Recurse Interpreter::recursion(const ForStmt& stmt, Scope* outer) {
  if (!stmt.recursive) return nullptr;
  return [this, &stmt, outer](CallContext&, const Value& iterable, size_t level) {
    std::string text;
    OutputGuard output(out_, text);
    ScopeGuard restore(scope_, *outer);
    run_loop(stmt, iterable, level);
    return Value::string(std::move(text));
  };
}

Interpreter::Flow Interpreter::capture(const Body& body, std::string& text) {
  Scope block_scope(scope_);
  ScopeGuard scope(scope_, block_scope);
  OutputGuard output(out_, text);
  return run_body(body);
}

// Filters of set and filter blocks have no subject expression; their errors point at the
// filter.
Value Interpreter::filter_block_text(const Expr& filter, Value text) {
  try {
    return eval_filter(static_cast<const FilterExpr&>(filter), &text);
  } catch (Error& e) {
    e.locate(location_of(filter));
    throw;
  }
}

// A break or continue inside the block leaves the loop at once: nothing is assigned or
// printed, as in Jinja2.
Interpreter::Flow Interpreter::run_set_block(const SetBlockStmt& stmt) {
  std::string captured;
  if (Flow flow = capture(stmt.body, captured); flow != Flow::Normal) return flow;
  Value text = Value::string(std::move(captured));
  if (stmt.filter) text = filter_block_text(*stmt.filter, std::move(text));
  assign(*stmt.target, std::move(text));
  return Flow::Normal;
}

Interpreter::Flow Interpreter::run_filter_block(const FilterBlockStmt& stmt) {
  std::string captured;
  if (Flow flow = capture(stmt.body, captured); flow != Flow::Normal) return flow;
  print(filter_block_text(*stmt.filter, Value::string(std::move(captured))));
  return Flow::Normal;
}

void Interpreter::run_macro_definition(const MacroStmt& stmt) {
  // At the top level the macro resolves names in the root when called; deeper, it keeps
  // the variables it could see where it was defined.
  bool top_level = scope_ == &root_.vars();
  auto* macro = new Macro(template_.shared_from_this(), stmt.definition, root_.shared_from_this(),
                          top_level ? nullptr : scope_);
  scope_->set(stmt.definition.name, Value::object(macro));
}

void Interpreter::run_call_block(const CallBlockStmt& stmt) {
  bool top_level = scope_ == &root_.vars();
  auto* caller = new Macro(template_.shared_from_this(), stmt.caller, root_.shared_from_this(),
                           top_level ? nullptr : scope_);
  CallArgs extra;
  extra.keyword.emplace_back("caller", Value::object(caller));
  Value result;
  try {
    result = eval_call(*stmt.call, &extra);
  } catch (Error& e) {
    e.locate(location_of(*stmt.call));
    throw;
  }
  print(result);
}

Interpreter::Flow Interpreter::run_with(const WithStmt& stmt) {
  // Values are evaluated outside the block: `{% with a = 1, b = a %}` reads the outer a.
  std::vector<Value> values;
  values.reserve(stmt.assignments.size());
  for (const auto& [target, value] : stmt.assignments)
    values.push_back(eval(*value));
  Scope with_scope(scope_);
  ScopeGuard guard(scope_, with_scope);
  for (size_t i = 0; i < values.size(); ++i)
    assign(*stmt.assignments[i].first, values[i]);
  return run_body(stmt.body);
}

void Interpreter::assign(const Expr& target, Value value) {
  switch (target.kind) {
    case ExprKind::Name:
      scope_->set(static_cast<const NameExpr&>(target).name, std::move(value));
      return;
    case ExprKind::NamespaceRef:
      assign_namespace(static_cast<const NamespaceRefExpr&>(target), std::move(value));
      return;
    case ExprKind::Tuple: {
      const auto& targets = static_cast<const SequenceExpr&>(target).items;
      std::vector<Value> items;
      try {
        items = unpack(value, targets.size());
      } catch (Error& e) {
        e.locate(location_of(target));
        throw;
      }
      for (size_t i = 0; i < targets.size(); ++i)
        assign(*targets[i], std::move(items[i]));
      return;
    }
    default:
      throw Error(ErrorKind::Syntax, "can't assign to this expression", location_of(target));
  }
}

void Interpreter::assign_namespace(const NamespaceRefExpr& target, Value value) {
  Value ns = lookup(target.name);
  Namespace* object = ns.is_object() ? dynamic_cast<Namespace*>(&ns.as_object()) : nullptr;
  if (!object) {
    throw Error(ErrorKind::Runtime, "cannot assign attribute on non-namespace object",
                location_of(target));
  }
  object->set_attr(target.attribute, std::move(value));
}

// ---- output ----------------------------------------------------------------------------

void Interpreter::print(const Value& value) {
  switch (value.kind()) {
    case Kind::String:
      out_->append(value.as_string());
      return;
    case Kind::Undefined:
      return;
    case Kind::Int:
      if (value.int_fits_int64()) {
        char buffer[24];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, value.as_int64());
        out_->append(buffer, result.ptr);
        return;
      }
      break;
    default:
      break;
  }
  out_->append(value.str());
}

// ---- expressions -----------------------------------------------------------------------

Value Interpreter::evaluate(const Expr& expr, Scope& scope) {
  ScopeGuard guard(scope_, scope);
  return eval(expr);
}

// Errors raised by values carry no location; the innermost expression that fails adds its
// own. A try block costs nothing until something throws.
Value Interpreter::eval(const Expr& expr) {
  try {
    return eval_node(expr);
  } catch (Error& e) {
    e.locate(location_of(expr));
    throw;
  }
}

Value Interpreter::eval_node(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::Const:
      return static_cast<const ConstExpr&>(expr).value;
    case ExprKind::Name:
      return eval_name(static_cast<const NameExpr&>(expr));
    case ExprKind::List:
    case ExprKind::Tuple: {
      const auto& items = static_cast<const SequenceExpr&>(expr).items;
      std::vector<Value> values;
      values.reserve(items.size());
      for (const ExprPtr& item : items)
        values.push_back(eval(*item));
      return expr.kind == ExprKind::List ? Value::list(std::move(values))
                                         : Value::tuple(std::move(values));
    }
    case ExprKind::Dict:
      return eval_dict(static_cast<const DictExpr&>(expr));
    case ExprKind::Unary: {
      const auto& node = static_cast<const UnaryExpr&>(expr);
      Value operand = eval(*node.operand);
      if (node.op == UnaryOp::Not) return Value::boolean(!operand.truthy());
      return unary_op(node.op, operand);
    }
    case ExprKind::Binary: {
      const auto& node = static_cast<const BinaryExpr&>(expr);
      Value left = eval(*node.left);
      return binary_op(node.op, left, eval(*node.right));
    }
    case ExprKind::And: {
      const auto& node = static_cast<const LogicalExpr&>(expr);
      Value left = eval(*node.left);
      return left.truthy() ? eval(*node.right) : left;
    }
    case ExprKind::Or: {
      const auto& node = static_cast<const LogicalExpr&>(expr);
      Value left = eval(*node.left);
      return left.truthy() ? left : eval(*node.right);
    }
    case ExprKind::Compare:
      return eval_compare(static_cast<const CompareExpr&>(expr));
    case ExprKind::Getattr: {
      const auto& node = static_cast<const GetattrExpr&>(expr);
      return get_attribute(eval(*node.object), node.attribute);
    }
    case ExprKind::Getitem:
      return eval_getitem(static_cast<const GetitemExpr&>(expr));
    case ExprKind::Call:
      return eval_call(static_cast<const CallExpr&>(expr));
    case ExprKind::Filter:
      return eval_filter(static_cast<const FilterExpr&>(expr));
    case ExprKind::Test:
      return eval_test(static_cast<const TestExpr&>(expr));
    case ExprKind::CondExpr: {
      const auto& node = static_cast<const CondExpr&>(expr);
      if (eval(*node.test).truthy()) return eval(*node.then);
      if (node.otherwise) return eval(*node.otherwise);
      return Value::undefined_with_hint(
          "", "the inline if-expression on line " + std::to_string(node.line) +
                  " evaluated to false and no else section was defined.");
    }
    case ExprKind::Slice:
    case ExprKind::NamespaceRef:
      break;
  }
  throw Error(ErrorKind::Syntax, "this expression cannot be evaluated here");
}

Value Interpreter::eval_name(const NameExpr& expr) {
  if (const Value* local = scope_->find(expr.name)) return *local;
  return root_.lookup(expr.name);
}

Value Interpreter::eval_dict(const DictExpr& expr) {
  Value result = Value::dict();
  Dict& dict = result.as_dict();
  for (const auto& [key, value] : expr.items) {
    Value k = eval(*key);
    dict.set(std::move(k), eval(*value));
  }
  return result;
}

// a < b < c is (a < b) and (b < c), with b evaluated once, as in Python.
Value Interpreter::eval_compare(const CompareExpr& expr) {
  Value left = eval(*expr.first);
  for (const auto& [kind, operand] : expr.rest) {
    Value right = eval(*operand);
    bool holds;
    if (kind == CompareKind::In) {
      holds = contains(right, left);
    } else if (kind == CompareKind::NotIn) {
      holds = !contains(right, left);
    } else {
      holds = compare_op(to_compare_op(kind), left, right);
    }
    if (!holds) return Value::boolean(false);
    left = std::move(right);
  }
  return Value::boolean(true);
}

Value Interpreter::eval_getitem(const GetitemExpr& expr) {
  Value object = eval(*expr.object);
  if (expr.index->kind != ExprKind::Slice) return get_item(object, eval(*expr.index));
  const auto& s = static_cast<const SliceExpr&>(*expr.index);
  Value start = s.start ? eval(*s.start) : Value::none();
  Value stop = s.stop ? eval(*s.stop) : Value::none();
  Value step = s.step ? eval(*s.step) : Value::none();
  return slice(object, start, stop, step);
}

CallArgs Interpreter::eval_args(const CallArguments& args) {
  CallArgs result;
  result.positional.reserve(args.positional.size());
  for (const ExprPtr& arg : args.positional)
    result.positional.push_back(eval(*arg));
  if (args.varargs) {
    for (Value& item : iterate(eval(*args.varargs)))
      result.positional.push_back(std::move(item));
  }
  for (const auto& [name, value] : args.keyword) {
    result.keyword.emplace_back(std::string(name), eval(*value));
  }
  if (args.kwargs) {
    Value mapping = eval(*args.kwargs);
    if (!mapping.is_dict()) {
      throw Error(ErrorKind::Type,
                  "argument after ** must be a mapping, not " + std::string(mapping.type_name()));
    }
    for (const Dict::Entry& entry : mapping.as_dict().entries()) {
      if (!entry.key.is_string()) throw Error(ErrorKind::Type, "keywords must be strings");
      result.keyword.emplace_back(entry.key.as_string(), entry.value);
    }
  }
  return result;
}

// `extra` adds arguments after the written ones (a call block's `caller`).
Value Interpreter::eval_call(const CallExpr& expr, CallArgs* extra) {
  Value callee;
  if (expr.callee->kind == ExprKind::Getattr) {
    // s.upper(), xs.append(x), d.items(): call the method without building a bound one.
    const auto& getattr = static_cast<const GetattrExpr&>(*expr.callee);
    Value self = eval(*getattr.object);
    if ((self.is_string() || self.is_list() || self.is_dict()) && !extra &&
        has_method(self, getattr.attribute)) {
      CallArgs args = eval_args(expr.args);
      const ast::Node* saved = current_;
      current_ = &expr;
      std::optional<Value> result = call_method(self, getattr.attribute, args);
      current_ = saved;
      if (result) return std::move(*result);
    }
    try {
      callee = get_attribute(self, getattr.attribute);
    } catch (Error& e) {
      e.locate(location_of(getattr));
      throw;
    }
  } else {
    callee = eval(*expr.callee);
  }
  CallArgs args = eval_args(expr.args);
  if (extra) {
    for (auto& keyword : extra->keyword)
      args.keyword.push_back(std::move(keyword));
  }
  return call_at(expr, callee, std::move(args));
}

Value Interpreter::call_at(const Node& where, const Value& callable, CallArgs args) {
  const Node* saved = current_;
  current_ = &where;
  Value result = call(callable, std::move(args));
  current_ = saved;
  return result;
}

Value Interpreter::eval_filter(const FilterExpr& expr, const Value* block_subject) {
  Value subject;
  if (expr.subject) {
    const Expr& inner = *expr.subject;
    subject = inner.kind == ExprKind::Filter
                  ? eval_filter(static_cast<const FilterExpr&>(inner), block_subject)
                  : eval(inner);
  } else if (block_subject) {
    subject = *block_subject;
  }
  CallArgs args = eval_args(expr.args);
  const Node* saved = current_;
  current_ = &expr;
  Value result = apply_filter(expr.name, subject, std::move(args));
  current_ = saved;
  return result;
}

Value Interpreter::eval_test(const TestExpr& expr) {
  Value subject = eval(*expr.subject);
  CallArgs args = eval_args(expr.args);
  const Node* saved = current_;
  current_ = &expr;
  bool result = apply_test(expr.name, subject, std::move(args));
  current_ = saved;
  return Value::boolean(result);
}

// ---- CallContext -----------------------------------------------------------------------

Value Interpreter::call(const Value& callable, CallArgs args) {
  if (callable.is_object()) {
    const Object& object = callable.as_object();
    if (object.is_callable()) return object.call(*this, std::move(args));
  }
  if (callable.is_undefined()) throw_undefined(callable);
  throw Error(ErrorKind::Type,
              "'" + std::string(callable.type_name()) + "' object is not callable");
}

Value Interpreter::apply_filter(std::string_view name, const Value& subject, CallArgs args) {
  const FilterFn* filter = environment().find_filter(name);
  if (!filter) throw Error(ErrorKind::Syntax, "No filter named '" + std::string(name) + "'.");
  return (*filter)(*this, subject, args);
}

bool Interpreter::apply_test(std::string_view name, const Value& subject, CallArgs args) {
  const TestFn* test = environment().find_test(name);
  if (!test) throw Error(ErrorKind::Syntax, "No test named '" + std::string(name) + "'.");
  return (*test)(*this, subject, args);
}

Value Interpreter::lookup(std::string_view name) {
  if (scope_) {
    if (const Value* local = scope_->find(name)) return *local;
  }
  return root_.lookup(name);
}

SourceLocation Interpreter::location() const {
  if (!current_) return {template_.name(), 0, 0};
  return location_of(*current_);
}

SourceLocation Interpreter::location_of(const Node& node) const {
  return {template_.name(), node.line, node.column};
}

}  // namespace kiln::jinja
