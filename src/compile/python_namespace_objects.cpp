#include "compile/python_namespace_objects.h"

namespace kiln::compile {

using jinja::Value;

Value PythonModule::get_attr(std::string_view name) const {
  auto it = members_.find(name);
  return it == members_.end() ? Value::undefined() : it->second;
}

Value PythonClass::get_attr(std::string_view name) const {
  auto it = members_.find(name);
  return it == members_.end() ? Value::undefined() : it->second;
}

Value PythonClass::call(jinja::CallContext& ctx, jinja::CallArgs args) const {
  return constructor_(ctx, args);
}

}  // namespace kiln::compile
