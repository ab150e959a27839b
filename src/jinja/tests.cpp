#include "jinja/tests.h"

#include "jinja/filters_args.h"
#include "jinja/methods.h"
#include "jinja/operators.h"

namespace kiln::jinja {
namespace {

// ---- kinds -------------------------------------------------------------------------------

bool test_defined(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_defined", args);
  return !v.is_undefined();
}
bool test_undefined(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_undefined", args);
  return v.is_undefined();
}
bool test_none(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_none", args);
  return v.is_none();
}
bool test_boolean(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_boolean", args);
  return v.is_bool();
}
bool test_false(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_false", args);
  return v.is_bool() && !v.as_bool();
}
bool test_true(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_true", args);
  return v.is_bool() && v.as_bool();
}
// Python's bool is an int, but Jinja2's `integer` test excludes it on purpose.
bool test_integer(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_integer", args);
  return v.is_int();
}
bool test_float(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_float", args);
  return v.is_float();
}
// numbers.Number: int, float and bool.
bool test_number(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_number", args);
  return v.is_number();
}
bool test_string(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_string", args);
  return v.is_string();
}
bool test_mapping(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_mapping", args);
  return v.is_dict();
}
// Jinja2 asks for len() and __getitem__: str, list, tuple, dict and Undefined (which has
// both) qualify; embedder objects qualify when they have a length.
bool test_sequence(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_sequence", args);
  if (v.is_object()) return v.as_object().length().has_value();
  return v.is_undefined() || v.is_string() || v.is_sequence() || v.is_dict();
}
bool test_iterable(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_iterable", args);
  if (v.is_object()) return v.as_object().iterate().has_value();
  return v.is_undefined() || v.is_string() || v.is_sequence() || v.is_dict();
}
bool test_callable(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("callable", args);
  return v.is_callable() || v.is_undefined();  // Undefined has a __call__ (that raises)
}
// Markup strings have __html__.
bool test_escaped(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_escaped", args);
  return v.is_string() && v.is_safe();
}

// ---- text --------------------------------------------------------------------------------

// str(value).islower() / .isupper(), Python's Unicode-aware definitions.
bool string_method_says(const Value& v, std::string_view method) {
  CallArgs none;
  std::optional<Value> answer = call_method(Value::string(v.str()), method, none);
  return answer && answer->truthy();
}
bool test_lower(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_lower", args);
  return string_method_says(v, "islower");
}
bool test_upper(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_upper", args);
  return string_method_says(v, "isupper");
}

// ---- numbers -----------------------------------------------------------------------------

// value % num == 0, with Python's int and float modulo (and its ZeroDivisionError).
bool remainder_is(const Value& value, const Value& divisor, int64_t expected) {
  return binary_op(BinaryOp::Mod, value, divisor).equals(Value::integer(expected));
}
bool test_odd(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_odd", args);
  return remainder_is(v, Value::integer(2), 1);
}
bool test_even(CallContext&, const Value& v, CallArgs& args) {
  expect_no_args("test_even", args);
  return remainder_is(v, Value::integer(2), 0);
}
bool test_divisibleby(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("test_divisibleby", args, {"num"}, 1);
  return remainder_is(v, bound.get(0), 0);
}

// ---- comparisons -------------------------------------------------------------------------

template <CompareOp op>
bool test_compare(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("compare", args, {"b"}, 1);
  return compare_op(op, v, bound.get(0));
}

bool test_in(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("test_in", args, {"seq"}, 1);
  return contains(bound.get(0), v);
}

// Python's `is`. Heap values compare by address. Among inline scalars, None and the bools
// are singletons and CPython caches the ints -5..256; other numbers are told apart by
// value, which matches the common `x is sameas x` and errs toward "same" elsewhere.
const void* heap_address(const Value& v) {
  switch (v.kind()) {
    case Kind::String:
      return &v.as_string();
    case Kind::List:
    case Kind::Tuple:
      return &v.as_list();
    case Kind::Dict:
      return &v.as_dict();
    case Kind::Object:
      return &v.as_object();
    case Kind::Int:
      return v.int_fits_int64() ? nullptr : &v.as_bigint();
    default:
      return nullptr;
  }
}
bool test_sameas(CallContext&, const Value& v, CallArgs& args) {
  BoundArgs bound("test_sameas", args, {"other"}, 1);
  const Value& other = bound.get(0);
  if (v.kind() != other.kind()) return false;
  if (v.is_undefined()) return false;  // every Undefined is a distinct object
  const void* address = heap_address(v);
  if (address || heap_address(other)) return address == heap_address(other);
  if (v.is_float()) return v.as_double() == other.as_double();
  return v.equals(other);
}

// ---- the environment ---------------------------------------------------------------------

bool test_filter(CallContext& ctx, const Value& v, CallArgs& args) {
  expect_no_args("test_filter", args);
  if (v.is_undefined()) return false;
  v.hash();  // `value in env.filters`: unhashable values raise TypeError
  return v.is_string() && ctx.environment().find_filter(v.as_string()) != nullptr;
}
bool test_test(CallContext& ctx, const Value& v, CallArgs& args) {
  expect_no_args("test_test", args);
  if (v.is_undefined()) return false;
  v.hash();
  return v.is_string() && ctx.environment().find_test(v.as_string()) != nullptr;
}

}  // namespace

const std::vector<std::pair<std::string_view, TestFn>>& builtin_tests() {
  static const std::vector<std::pair<std::string_view, TestFn>> tests = {
      {"odd", test_odd},
      {"even", test_even},
      {"divisibleby", test_divisibleby},
      {"defined", test_defined},
      {"undefined", test_undefined},
      {"filter", test_filter},
      {"test", test_test},
      {"none", test_none},
      {"boolean", test_boolean},
      {"false", test_false},
      {"true", test_true},
      {"integer", test_integer},
      {"float", test_float},
      {"lower", test_lower},
      {"upper", test_upper},
      {"string", test_string},
      {"mapping", test_mapping},
      {"number", test_number},
      {"sequence", test_sequence},
      {"iterable", test_iterable},
      {"callable", test_callable},
      {"sameas", test_sameas},
      {"escaped", test_escaped},
      {"in", test_in},
      {"==", test_compare<CompareOp::Eq>},
      {"eq", test_compare<CompareOp::Eq>},
      {"equalto", test_compare<CompareOp::Eq>},
      {"!=", test_compare<CompareOp::Ne>},
      {"ne", test_compare<CompareOp::Ne>},
      {">", test_compare<CompareOp::Gt>},
      {"gt", test_compare<CompareOp::Gt>},
      {"greaterthan", test_compare<CompareOp::Gt>},
      {"ge", test_compare<CompareOp::Ge>},
      {">=", test_compare<CompareOp::Ge>},
      {"<", test_compare<CompareOp::Lt>},
      {"lt", test_compare<CompareOp::Lt>},
      {"lessthan", test_compare<CompareOp::Lt>},
      {"<=", test_compare<CompareOp::Le>},
      {"le", test_compare<CompareOp::Le>},
  };
  return tests;
}

}  // namespace kiln::jinja
