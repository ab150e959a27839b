#include "jinja/scope.h"

#include "jinja/dict.h"
#include "jinja/environment.h"

namespace kiln::jinja {

void Scope::set(std::string_view name, Value value) {
  for (auto& [key, existing] : vars_) {
    if (key == name) {
      existing = std::move(value);
      return;
    }
  }
  vars_.emplace_back(name, std::move(value));
}

const Value* Scope::find_local(std::string_view name) const {
  for (const auto& [key, value] : vars_) {
    if (key == name) return &value;
  }
  return nullptr;
}

const Value* Scope::find(std::string_view name) const {
  for (const Scope* scope = this; scope != nullptr; scope = scope->parent_) {
    if (const Value* value = scope->find_local(name)) return value;
  }
  return nullptr;
}

void Scope::capture(Scope& into) const {
  for (const Scope* scope = this; scope != nullptr; scope = scope->parent_) {
    for (const auto& [key, value] : scope->vars_) {
      if (!into.find_local(key)) into.vars_.emplace_back(key, value);
    }
  }
}

std::shared_ptr<const bool> Scope::liveness() const {
  if (!alive_) alive_ = std::make_shared<bool>(true);
  return alive_;
}

Value RootScope::lookup(std::string_view name) const {
  if (const Value* value = vars_.find_local(name)) return *value;
  if (context_.is_dict()) {
    if (const Value* value = context_.as_dict().find(name)) return *value;
  } else if (context_.is_object()) {
    Value value = context_.as_object().get_attr(name);
    if (!value.is_undefined()) return value;
  }
  if (const Value* global = env_.find_global(name)) return *global;
  return Value::undefined(name);
}

}  // namespace kiln::jinja
