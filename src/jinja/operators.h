#pragma once
// The operators of Jinja expressions with Python's semantics, as free functions that the
// interpreter and the filters share. Errors are thrown as kiln::jinja::Error carrying
// Python's exception kind and message ("unsupported operand type(s) for +: 'int' and
// 'str'"); the interpreter adds the template location with Error::locate.
//
// Undefined follows Jinja2's default Undefined: arithmetic, attribute and item access and
// calls on it throw ErrorKind::Undefined ("'foo' is undefined" or the hint it carries);
// printing gives '', iterating gives nothing, `==` compares.

#include <cstddef>
#include <string_view>
#include <vector>

#include "jinja/operator_kinds.h"
#include "jinja/value.h"

namespace kiln::jinja {

Value binary_op(BinaryOp op, const Value& a, const Value& b);
Value unary_op(UnaryOp op, const Value& v);
// a == b, a < b, ...: == and != never throw; ordering throws TypeError
// ("'<' not supported between instances of 'int' and 'str'").
bool compare_op(CompareOp op, const Value& a, const Value& b);

// `item in container`: substring for str, element for list/tuple, key for dict,
// Object::iterate otherwise. TypeError "argument of type 'int' is not iterable".
bool contains(const Value& container, const Value& item);

// Jinja2's sandboxed getattr: attribute first (methods of str/list/dict as bound
// callables, Object::get_attr), then item. Names starting with '_' are unsafe and give
// Undefined. Missing gives an Undefined whose later use says
// "'dict object' has no attribute 'bar'".
Value get_attribute(const Value& obj, std::string_view name);
// obj[key]: item first, then attribute when key is a str. Negative indices count from
// the end; out of range or missing gives Undefined (as Jinja2).
Value get_item(const Value& obj, const Value& key);
// obj[start:stop:step] for str, list and tuple; None (or Undefined) means "omitted".
Value slice(const Value& obj, const Value& start, const Value& stop, const Value& step);

// What a for loop walks: list/tuple items, dict keys, str characters (code points),
// Object::iterate, nothing for Undefined; else TypeError "'int' object is not iterable".
std::vector<Value> iterate(const Value& v);
// len(v); TypeError "object of type 'int' has no len()".
size_t length(const Value& v);

// Throws the ErrorKind::Undefined error that using `v` (an Undefined) raises.
[[noreturn]] void throw_undefined(const Value& v);

}  // namespace kiln::jinja
