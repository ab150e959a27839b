#include "jinja/macro.h"

#include <optional>

#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/interpreter.h"
#include "jinja/template.h"

namespace kiln::jinja {

namespace {

// Python's recursion limit stops runaway recursive macros long before the C++ stack ends;
// this does the same (a macro call costs a few C++ frames, as it costs Jinja2 a few
// Python frames).
constexpr int kMaxMacroDepth = 250;
thread_local int macro_depth = 0;

struct DepthGuard {
  DepthGuard() {
    if (++macro_depth > kMaxMacroDepth) {
      --macro_depth;
      throw Error(ErrorKind::Runtime, "maximum recursion depth exceeded");
    }
  }
  ~DepthGuard() { --macro_depth; }
};

std::optional<Value> take_keyword(CallArgs& args, std::string_view name) {
  for (auto it = args.keyword.begin(); it != args.keyword.end(); ++it) {
    if (it->first == name) {
      Value value = std::move(it->second);
      args.keyword.erase(it);
      return value;
    }
  }
  return std::nullopt;
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

}  // namespace

Macro::Macro(std::shared_ptr<const Template> tpl, const ast::MacroDefinition& definition,
             std::shared_ptr<RootScope> root, const Scope* defined_in)
    : template_(std::move(tpl)),
      definition_(definition),
      root_(std::move(root)),
      defined_in_(defined_in) {
  if (!defined_in) return;
  defined_in_alive_ = defined_in->liveness();
  defined_in->capture(closure_);
}

Value Macro::get_attr(std::string_view name) const {
  if (name == "name") return Value::string(std::string(definition_.name));
  if (name == "arguments") {
    std::vector<Value> names;
    for (const ast::Parameter& p : definition_.parameters) {
      names.push_back(Value::string(std::string(p.name)));
    }
    return Value::tuple(std::move(names));
  }
  if (name == "catch_kwargs") return Value::boolean(definition_.uses_kwargs);
  if (name == "catch_varargs") return Value::boolean(definition_.uses_varargs);
  if (name == "caller") return Value::boolean(definition_.uses_caller);
  return Value::undefined_with_hint(name,
                                    "'Macro object' has no attribute '" + std::string(name) + "'");
}

Value Macro::call(CallContext&, CallArgs args) const {
  DepthGuard depth;
  std::string out;
  Interpreter interpreter(*root_, *template_, out);
  bool live = defined_in_ && *defined_in_alive_;
  Scope frame(live ? defined_in_ : &closure_);
  bind_arguments(interpreter, frame, args);
  try {
    interpreter.execute(definition_.body, frame);
  } catch (MacroReturn& returned) {
    return std::move(returned.value);
  }
  return Value::string(std::move(out));
}

// Jinja2's rules: positionals fill parameters in order, keywords fill the rest by name,
// missing ones take their default (which may use earlier parameters) or are Undefined.
void Macro::bind_arguments(Interpreter& interpreter, Scope& frame, CallArgs& args) const {
  const auto& params = definition_.parameters;
  size_t positional = std::min(args.positional.size(), params.size());
  bool found_caller = false;
  std::vector<const ast::Parameter*> defaulted;
  for (size_t i = 0; i < params.size(); ++i) {
    std::string_view name = params[i].name;
    if (name == "caller") found_caller = true;
    if (i < positional) {
      frame.set(name, args.positional[i]);
    } else if (std::optional<Value> keyword = take_keyword(args, name)) {
      frame.set(name, std::move(*keyword));
    } else if (params[i].default_value) {
      defaulted.push_back(&params[i]);
    } else {
      frame.set(name, Value::undefined_with_hint(
                          name, "parameter " + quoted(name) + " was not provided"));
    }
  }
  for (const ast::Parameter* p : defaulted) {
    frame.set(p->name, interpreter.evaluate(*p->default_value, frame));
  }
  bind_extra_arguments(frame, args, found_caller);
}

// caller, **kwargs and *varargs exist only when the body mentions them; otherwise extra
// arguments are errors, with Jinja2's messages.
void Macro::bind_extra_arguments(Scope& frame, CallArgs& args, bool found_caller) const {
  if (definition_.uses_caller && !found_caller) {
    std::optional<Value> caller = take_keyword(args, "caller");
    frame.set("caller", caller ? std::move(*caller)
                               : Value::undefined_with_hint("caller", "No caller defined"));
  }
  if (definition_.uses_kwargs) {
    Value kwargs = Value::dict();
    for (auto& [key, value] : args.keyword)
      kwargs.as_dict().set(key, std::move(value));
    frame.set("kwargs", std::move(kwargs));
  } else if (!args.keyword.empty()) {
    for (const auto& [key, value] : args.keyword) {
      if (key == "caller") {
        throw Error(ErrorKind::Type, "macro " + quoted(definition_.name) +
                                         " was invoked with two values for the special caller "
                                         "argument. This is most likely a bug.");
      }
    }
    throw Error(ErrorKind::Type, "macro " + quoted(definition_.name) +
                                     " takes no keyword argument " +
                                     quoted(args.keyword.front().first));
  }
  size_t count = definition_.parameters.size();
  if (definition_.uses_varargs) {
    std::vector<Value> rest;
    for (size_t i = count; i < args.positional.size(); ++i)
      rest.push_back(args.positional[i]);
    frame.set("varargs", Value::tuple(std::move(rest)));
  } else if (args.positional.size() > count) {
    throw Error(ErrorKind::Type, "macro " + quoted(definition_.name) + " takes not more than " +
                                     std::to_string(count) + " argument(s)");
  }
}

}  // namespace kiln::jinja
