#pragma once
// Variables as a render sees them. A Scope holds the names one block assigns (the body of
// a for loop, a macro call, a with block) and points to the scope around it. The chain
// ends at the RootScope of the render: the template's top-level assignments, then the
// context the embedder passed, then the environment's globals.
//
// Scopes other than the root live on the C++ stack of the interpreter, so entering a loop
// or a macro call allocates nothing until a variable is set. The root is shared (refcounted)
// because macros created by a render keep resolving free names in it after the render,
// exactly as Jinja2's macros resolve names in their template's context.

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "jinja/value.h"

namespace kiln::jinja {

class Environment;

class Scope {
 public:
  explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}
  ~Scope() {
    if (alive_) *alive_ = false;
  }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

  // Names are views into a template source (kept alive by whoever runs the template) or
  // into static strings.
  void set(std::string_view name, Value value);
  // The variable in this scope only, or nullptr.
  const Value* find_local(std::string_view name) const;
  // The variable in this scope or an enclosing one (not the root), or nullptr.
  const Value* find(std::string_view name) const;
  // Clears this scope's own variables (each for-loop iteration starts afresh, as in Jinja2).
  void clear() { vars_.clear(); }

  // Copies every variable visible from here (innermost wins) into `into`: what a macro
  // defined in this scope closes over.
  void capture(Scope& into) const;
  // A flag that stays true while this scope exists: a macro defined here reads the live
  // scope (Python's late-binding closures) while it can, and its captured copy after.
  std::shared_ptr<const bool> liveness() const;

 private:
  const Scope* parent_;
  mutable std::shared_ptr<bool> alive_;  // made only when a macro asks
  std::vector<std::pair<std::string_view, Value>> vars_;
};

class RootScope : public std::enable_shared_from_this<RootScope> {
 public:
  RootScope(const Environment& env, Value context) : env_(env), context_(std::move(context)) {}

  const Environment& environment() const { return env_; }
  // Top-level `{% set %}` and macro definitions of the render.
  Scope& vars() { return vars_; }
  const Scope& vars() const { return vars_; }
  // Top-level variables, then the context (a Dict, or an Object's get_attr), then the
  // environment's globals; an Undefined carrying the name when none has it.
  Value lookup(std::string_view name) const;

 private:
  const Environment& env_;
  Value context_;
  Scope vars_;
};

}  // namespace kiln::jinja
