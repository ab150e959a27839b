#pragma once
// Value: the one runtime type of the Jinja engine, modelled on Python's objects as Jinja2
// sees them. A Value is 16 bytes: a kind tag and either an inline scalar (bool, int64,
// double) or a pointer to a reference-counted heap payload. Copying a Value is a refcount
// bump, never a deep copy, so lists and dicts have Python's reference semantics:
// `{% do xs.append(1) %}` is seen by every holder of `xs`.
//
// Refcounts are atomic because parsed templates (whose literals are Values) and the
// globals of a dbt project are shared by many rendering threads.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jinja/operator_kinds.h"

namespace kiln::jinja {

class Value;
class CallContext;

// Base of every heap payload. Not copyable; owned through Value.
class HeapObject {
 public:
  HeapObject() = default;
  HeapObject(const HeapObject&) = delete;
  HeapObject& operator=(const HeapObject&) = delete;
  virtual ~HeapObject() = default;

  void retain() const { refs_.fetch_add(1, std::memory_order_relaxed); }
  // Returns true when this was the last reference (the caller deletes).
  bool release() const { return refs_.fetch_sub(1, std::memory_order_acq_rel) == 1; }
  uint32_t ref_count() const { return refs_.load(std::memory_order_acquire); }

  // Cycle collection (gc.h). Refcounting cannot free a list that contains itself, so the
  // payloads that hold Values (lists, tuples, dicts, and Objects that opt in) report the
  // heap objects they reference and can drop them when the collector proves them garbage.
  using GcVisit = void (*)(const HeapObject* child, void* context);
  // Calls visit once per reference this object holds to a heap object.
  virtual void gc_traverse(GcVisit visit, void* context) const {
    (void)visit;
    (void)context;
  }
  // Drops every Value this object holds (it is garbage: nothing outside its cycle sees it).
  virtual void gc_clear() {}
  // Objects (not the built-in containers, which always are) that hold Values and so may be
  // part of a cycle: the collector tracks them from their first Value::object().
  virtual bool gc_tracked() const { return false; }

 private:
  mutable std::atomic<uint32_t> refs_{0};
};

struct CallArgs;  // defined after Value, which it holds

// Values that the embedder (the dbt stages) defines: relations, the adapter, the graph...
// Every hook has a Python-like default so a subclass overrides only what it supports.
class Object : public HeapObject {
 public:
  // The Python type name shown in errors ("Relation", "function").
  virtual std::string_view type_name() const = 0;
  // obj.name; Undefined when missing (Jinja2 falls back to obj['name'], so do we).
  virtual Value get_attr(std::string_view name) const;
  // obj[key]; Undefined when missing.
  virtual Value get_item(const Value& key) const;
  // obj(...). Objects that are not callable throw TypeError ("'X' object is not callable").
  virtual bool is_callable() const { return false; }
  virtual Value call(CallContext& ctx, CallArgs args) const;
  // for x in obj. nullopt means "not iterable".
  virtual std::optional<std::vector<Value>> iterate() const;
  virtual std::optional<size_t> length() const { return std::nullopt; }
  virtual bool truthy() const { return true; }
  // str(obj): what {{ obj }} prints. Defaults to repr().
  virtual std::string str() const { return repr(); }
  // repr(obj): how it prints inside a list or dict.
  virtual std::string repr() const;
  // Identity unless overridden.
  virtual bool equals(const Object& other) const { return this == &other; }
  // Python's arithmetic hooks (__sub__, __rsub__, ...): `left op right`, where this object
  // is one of the two; nullopt when the type does not support that pair, and the engine
  // raises Python's TypeError. `~` never reaches here: it concatenates what both print.
  virtual std::optional<Value> arithmetic(BinaryOp op, const Value& left, const Value& right) const;
  // Python's ordering hooks (__lt__, ...): -1, 0 or 1 for `left` against `right`, where this
  // object is one of the two; nullopt when unsupported (TypeError).
  virtual std::optional<int> order(const Value& left, const Value& right) const;
};

// A native function exposed to templates (dbt's ref, source, config, run_query...).
using NativeFn = std::function<Value(CallContext& ctx, CallArgs& args)>;

enum class Kind : uint8_t {
  Undefined,  // Jinja2's default Undefined: prints empty, iterates empty, falsy
  None,
  Bool,
  Int,  // arbitrary precision; int64 inline, larger values on the heap
  Float,
  String,  // immutable UTF-8; carries a "safe" (Markup) flag
  List,    // mutable, shared
  Tuple,   // immutable sequence, prints as (a, b)
  Dict,    // insertion-ordered, mutable, shared; keys are hashable Values
  Object,  // embedder objects, native functions, macros, loop/cycler/namespace objects
};

class BigInt;  // arbitrary-precision integer (bigint.h)
class Dict;    // insertion-ordered dict (dict.h)

class Value {
 public:
  // Constructors for every kind. Value() is Undefined.
  Value() noexcept : kind_(Kind::Undefined), heap_(false) { u_.i = 0; }
  static Value undefined(std::string_view name_hint = {});
  // An Undefined whose use raises `message` instead of "'name' is undefined": Jinja2's
  // hint for missing members ("'dict object' has no attribute 'bar'").
  static Value undefined_with_hint(std::string_view name, std::string message);
  // The sandbox's answer to an attribute that exists but is unsafe (''.__class__): prints
  // empty, but any further use raises SecurityError with `message`, as Jinja2's does.
  static Value unsafe_undefined(std::string_view name, std::string message);
  bool undefined_is_unsafe() const;
  static Value none() { return Value(Kind::None); }
  static Value boolean(bool b);
  static Value integer(int64_t i);
  static Value integer(BigInt i);  // normalised: fits int64 -> stored inline
  static Value floating(double d);
  static Value string(std::string s, bool safe = false);
  static Value list(std::vector<Value> items = {});
  static Value tuple(std::vector<Value> items);
  static Value dict();  // empty
  static Value dict(Dict d);
  static Value object(Object* o);  // takes a reference
  static Value function(std::string name, NativeFn fn);

  Value(const Value& other) noexcept;
  Value(Value&& other) noexcept;
  Value& operator=(const Value& other) noexcept;
  Value& operator=(Value&& other) noexcept;
  ~Value();

  Kind kind() const { return kind_; }
  bool is_undefined() const { return kind_ == Kind::Undefined; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_int() const { return kind_ == Kind::Int; }
  bool is_float() const { return kind_ == Kind::Float; }
  bool is_number() const { return is_int() || is_float() || is_bool(); }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_tuple() const { return kind_ == Kind::Tuple; }
  bool is_sequence() const { return is_list() || is_tuple(); }
  bool is_dict() const { return kind_ == Kind::Dict; }
  bool is_object() const { return kind_ == Kind::Object; }
  bool is_callable() const;

  // Accessors: valid only for the matching kind (checked with assert in debug builds).
  bool as_bool() const { return u_.b; }
  bool int_fits_int64() const { return kind_ == Kind::Int && !heap_; }
  int64_t as_int64() const { return u_.i; }  // only when int_fits_int64()
  const BigInt& as_bigint() const;           // only for heap ints
  BigInt to_bigint() const;                  // any Int or Bool
  double as_double() const { return u_.d; }
  double to_double() const;  // Int, Float or Bool as a double
  const std::string& as_string() const;
  bool is_safe() const;                 // a Markup string
  std::vector<Value>& as_list() const;  // List and Tuple
  Dict& as_dict() const;
  Object& as_object() const;
  // The name an Undefined was created for ("'foo' is undefined"), empty if unknown.
  std::string_view undefined_name() const;
  // The message of the UndefinedError that using this Undefined raises.
  std::string undefined_message() const;

  // Python semantics.
  bool truthy() const;
  std::string str() const;   // str(x): what {{ x }} prints
  std::string repr() const;  // repr(x): how x prints inside a container
  // Appends str(x) / repr(x) to `out`: the renderer's path, no temporary for strings.
  void append_str(std::string& out) const;
  void append_repr(std::string& out) const;
  std::string_view type_name() const;     // Python's type name: 'int', 'str', 'list', ...
  size_t hash() const;                    // hash(x); throws TypeError for unhashable kinds
  bool equals(const Value& other) const;  // x == y (1 == 1.0 == True)
  // Python's ordering for < <= > >=; throws TypeError when the kinds do not compare.
  int compare(const Value& other) const;
  // The same, naming `op_symbol` ("<=", ">") in the TypeError.
  int compare(const Value& other, std::string_view op_symbol) const;

  // The heap payload this Value holds a reference to, nullptr for inline scalars: what
  // HeapObject::gc_traverse reports.
  const HeapObject* heap_object() const { return heap_ ? u_.p : nullptr; }
  // gc_traverse's helper: visits v's payload if it has one.
  static void gc_visit(const Value& v, HeapObject::GcVisit visit, void* context) {
    if (v.heap_) visit(v.u_.p, context);
  }

 private:
  explicit Value(Kind k) noexcept : kind_(k), heap_(false) { u_.i = 0; }
  void drop() noexcept;

  Kind kind_;
  bool heap_;  // u_.p is a HeapObject we hold a reference to
  union {
    bool b;
    int64_t i;
    double d;
    HeapObject* p;
  } u_;
};

// Defined here because it needs Value complete (clang insists).
inline std::optional<std::vector<Value>> Object::iterate() const {
  return std::nullopt;
}

// Arguments of a call, as Python sees them: positional, then keyword in call order.
struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keyword;
};

}  // namespace kiln::jinja
