#include "jinja/value.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>

#include "jinja/bigint.h"
#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/gc.h"
#include "jinja/python_format.h"
#include "jinja/utf8.h"

namespace kiln::jinja {

namespace {

// Heap payloads of the built-in kinds. They stay private to this file: everything else
// reaches them through Value's accessors.
struct StringPayload final : HeapObject {
  StringPayload(std::string t, bool s) : text(std::move(t)), safe(s) {}
  std::string text;
  bool safe;
};

struct ListPayload final : HeapObject {
  explicit ListPayload(std::vector<Value> v) : items(std::move(v)) {}
  void gc_traverse(GcVisit visit, void* context) const override {
    for (const Value& item : items)
      Value::gc_visit(item, visit, context);
  }
  void gc_clear() override {
    // Moved out first: dropping an item may free containers that read this one.
    std::vector<Value> doomed = std::move(items);
    items.clear();
  }
  std::vector<Value> items;
};

struct DictPayload final : HeapObject {
  explicit DictPayload(Dict d) : dict(std::move(d)) {}
  void gc_traverse(GcVisit visit, void* context) const override {
    for (const auto& entry : dict.entries()) {
      Value::gc_visit(entry.key, visit, context);
      Value::gc_visit(entry.value, visit, context);
    }
  }
  void gc_clear() override {
    Dict doomed = std::move(dict);
    dict = Dict();
  }
  Dict dict;
};

struct BigIntPayload final : HeapObject {
  explicit BigIntPayload(BigInt v) : value(std::move(v)) {}
  BigInt value;
};

struct UndefinedPayload final : HeapObject {
  UndefinedPayload(std::string n, std::string m, bool u = false)
      : name(std::move(n)), message(std::move(m)), unsafe(u) {}
  std::string name;
  std::string message;  // empty: "'name' is undefined"
  bool unsafe;          // the sandbox refused the attribute: using it is a SecurityError
};

class NativeFunction final : public Object {
 public:
  NativeFunction(std::string name, NativeFn fn) : name_(std::move(name)), fn_(std::move(fn)) {}
  std::string_view type_name() const override { return "function"; }
  bool is_callable() const override { return true; }
  Value call(CallContext& ctx, CallArgs args) const override { return fn_(ctx, args); }
  std::string repr() const override { return "<function " + name_ + ">"; }

 private:
  std::string name_;
  NativeFn fn_;
};

template <typename Payload>
Payload& payload(HeapObject* p) {
  return *static_cast<Payload*>(p);
}

}  // namespace

// ---- Object defaults -------------------------------------------------------------------

std::optional<Value> Object::arithmetic(BinaryOp, const Value&, const Value&) const {
  return std::nullopt;
}

std::optional<int> Object::order(const Value&, const Value&) const {
  return std::nullopt;
}

Value Object::get_attr(std::string_view) const {
  return Value();
}
Value Object::get_item(const Value&) const {
  return Value();
}

Value Object::call(CallContext&, CallArgs) const {
  throw Error(ErrorKind::Type, "'" + std::string(type_name()) + "' object is not callable");
}

std::string Object::repr() const {
  return "<" + std::string(type_name()) + " object>";
}

// ---- construction ----------------------------------------------------------------------

Value Value::undefined(std::string_view name_hint) {
  if (name_hint.empty()) return Value();
  return undefined_with_hint(name_hint, {});
}

Value Value::undefined_with_hint(std::string_view name, std::string message) {
  Value v(Kind::Undefined);
  auto* p = new UndefinedPayload(std::string(name), std::move(message));
  p->retain();
  v.heap_ = true;
  v.u_.p = p;
  return v;
}

Value Value::boolean(bool b) {
  Value v(Kind::Bool);
  v.u_.b = b;
  return v;
}

Value Value::integer(int64_t i) {
  Value v(Kind::Int);
  v.u_.i = i;
  return v;
}

Value Value::integer(BigInt i) {
  if (i.fits_int64()) return integer(i.to_int64());
  Value v(Kind::Int);
  auto* p = new BigIntPayload(std::move(i));
  p->retain();
  v.heap_ = true;
  v.u_.p = p;
  return v;
}

Value Value::floating(double d) {
  Value v(Kind::Float);
  v.u_.d = d;
  return v;
}

Value Value::string(std::string s, bool safe) {
  Value v(Kind::String);
  auto* p = new StringPayload(std::move(s), safe);
  p->retain();
  v.heap_ = true;
  v.u_.p = p;
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v(Kind::List);
  auto* p = new ListPayload(std::move(items));
  p->retain();
  v.heap_ = true;
  v.u_.p = p;
  gc::track(p);  // a list (or tuple) can come to contain itself
  return v;
}

Value Value::tuple(std::vector<Value> items) {
  Value v = list(std::move(items));
  v.kind_ = Kind::Tuple;
  return v;
}

Value Value::dict() {
  return dict(Dict());
}

Value Value::dict(Dict d) {
  Value v(Kind::Dict);
  auto* p = new DictPayload(std::move(d));
  p->retain();
  v.heap_ = true;
  v.u_.p = p;
  gc::track(p);
  return v;
}

Value Value::object(Object* o) {
  assert(o != nullptr);
  Value v(Kind::Object);
  // The first reference is taken when the object is created: the one moment to track it.
  const bool created = o->ref_count() == 0;
  o->retain();
  if (created && o->gc_tracked()) gc::track(o);
  v.heap_ = true;
  v.u_.p = o;
  return v;
}

Value Value::function(std::string name, NativeFn fn) {
  return object(new NativeFunction(std::move(name), std::move(fn)));
}

// ---- copy, move, drop ------------------------------------------------------------------

Value::Value(const Value& other) noexcept : kind_(other.kind_), heap_(other.heap_), u_(other.u_) {
  if (heap_) u_.p->retain();
}

Value::Value(Value&& other) noexcept : kind_(other.kind_), heap_(other.heap_), u_(other.u_) {
  other.kind_ = Kind::Undefined;
  other.heap_ = false;
  other.u_.i = 0;
}

Value& Value::operator=(const Value& other) noexcept {
  if (this == &other) return *this;
  if (other.heap_) other.u_.p->retain();
  drop();
  kind_ = other.kind_;
  heap_ = other.heap_;
  u_ = other.u_;
  return *this;
}

Value& Value::operator=(Value&& other) noexcept {
  if (this == &other) return *this;
  drop();
  kind_ = other.kind_;
  heap_ = other.heap_;
  u_ = other.u_;
  other.kind_ = Kind::Undefined;
  other.heap_ = false;
  other.u_.i = 0;
  return *this;
}

Value::~Value() {
  drop();
}

void Value::drop() noexcept {
  if (heap_ && u_.p->release()) delete u_.p;
  heap_ = false;
}

// ---- accessors -------------------------------------------------------------------------

bool Value::is_callable() const {
  return is_object() && as_object().is_callable();
}

const BigInt& Value::as_bigint() const {
  assert(kind_ == Kind::Int && heap_);
  return payload<BigIntPayload>(u_.p).value;
}

BigInt Value::to_bigint() const {
  if (kind_ == Kind::Bool) return BigInt(u_.b ? 1 : 0);
  assert(kind_ == Kind::Int);
  return heap_ ? as_bigint() : BigInt(u_.i);
}

double Value::to_double() const {
  switch (kind_) {
    case Kind::Bool:
      return u_.b ? 1.0 : 0.0;
    case Kind::Int:
      return heap_ ? as_bigint().to_double() : static_cast<double>(u_.i);
    case Kind::Float:
      return u_.d;
    default:
      assert(false && "to_double on a non-number");
      return 0.0;
  }
}

const std::string& Value::as_string() const {
  assert(kind_ == Kind::String);
  return payload<StringPayload>(u_.p).text;
}

bool Value::is_safe() const {
  return kind_ == Kind::String && payload<StringPayload>(u_.p).safe;
}

std::vector<Value>& Value::as_list() const {
  assert(kind_ == Kind::List || kind_ == Kind::Tuple);
  return payload<ListPayload>(u_.p).items;
}

Dict& Value::as_dict() const {
  assert(kind_ == Kind::Dict);
  return payload<DictPayload>(u_.p).dict;
}

Object& Value::as_object() const {
  assert(kind_ == Kind::Object);
  return *static_cast<Object*>(u_.p);
}

std::string_view Value::undefined_name() const {
  if (kind_ != Kind::Undefined || !heap_) return {};
  return payload<UndefinedPayload>(u_.p).name;
}

Value Value::unsafe_undefined(std::string_view name, std::string message) {
  Value v(Kind::Undefined);
  auto* p = new UndefinedPayload(std::string(name), std::move(message), true);
  p->retain();
  v.heap_ = true;
  v.u_.p = p;
  return v;
}

bool Value::undefined_is_unsafe() const {
  return kind_ == Kind::Undefined && heap_ && payload<UndefinedPayload>(u_.p).unsafe;
}

std::string Value::undefined_message() const {
  if (kind_ == Kind::Undefined && heap_) {
    const auto& p = payload<UndefinedPayload>(u_.p);
    if (!p.message.empty()) return p.message;
    return "'" + p.name + "' is undefined";
  }
  return "None is undefined";  // Jinja2's wording for an Undefined that knows no name
}

// ---- Python semantics ------------------------------------------------------------------

bool Value::truthy() const {
  switch (kind_) {
    case Kind::Undefined:
    case Kind::None:
      return false;
    case Kind::Bool:
      return u_.b;
    case Kind::Int:
      return heap_ || u_.i != 0;  // a heap int never fits int64, so non-zero
    case Kind::Float:
      return u_.d != 0.0;
    case Kind::String:
      return !as_string().empty();
    case Kind::List:
    case Kind::Tuple:
      return !as_list().empty();
    case Kind::Dict:
      return !as_dict().empty();
    case Kind::Object:
      return as_object().truthy();
  }
  return false;
}

std::string_view Value::type_name() const {
  switch (kind_) {
    case Kind::Undefined:
      return "Undefined";
    case Kind::None:
      return "NoneType";
    case Kind::Bool:
      return "bool";
    case Kind::Int:
      return "int";
    case Kind::Float:
      return "float";
    case Kind::String:
      return "str";
    case Kind::List:
      return "list";
    case Kind::Tuple:
      return "tuple";
    case Kind::Dict:
      return "dict";
    case Kind::Object:
      return as_object().type_name();
  }
  return "object";
}

namespace {

// Python's str.isprintable() for the code points templates meet: control characters,
// the separators other than ' ' and the common format characters are not printable.
bool is_printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0)) return false;
  if (cp == 0xAD || cp == 0x1680 || cp == 0x180E || cp == 0x3000 || cp == 0xFEFF) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F)) return false;
  if (cp >= 0x205F && cp <= 0x206F) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
  if (cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF) return false;
  return true;
}

void append_hex_escape(std::string& out, uint32_t cp) {
  static constexpr char kHex[] = "0123456789abcdef";
  int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
  out += '\\';
  out += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out += kHex[(cp >> shift) & 0xF];
}

void append_string_repr(std::string& out, std::string_view text) {
  // Python prefers single quotes and switches to double quotes only when that avoids
  // escaping: the text has a ' and no ".
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out += quote;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    uint32_t cp = utf8::decode(text, i);
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (!is_printable(cp)) {
      append_hex_escape(out, cp);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  out += quote;
}

void append_int(std::string& out, const Value& v) {
  if (v.int_fits_int64()) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.as_int64());
    out.append(buf, end);
  } else {
    out += v.as_bigint().to_string();
  }
}

// Containers whose repr is being written on this thread: a list that holds itself
// (`{% do xs.append(xs) %}`) prints as [[...]] as in Python instead of recursing forever.
class ReprGuard {
 public:
  explicit ReprGuard(const void* container) {
    entered_ = std::find(active().begin(), active().end(), container) == active().end();
    if (entered_) active().push_back(container);
  }
  ~ReprGuard() {
    if (entered_) active().pop_back();
  }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  bool recursive() const { return !entered_; }

 private:
  static std::vector<const void*>& active() {
    thread_local std::vector<const void*> containers;
    return containers;
  }
  bool entered_;
};

void append_sequence_repr(std::string& out, const std::vector<Value>& items, bool tuple) {
  ReprGuard guard(&items);
  if (guard.recursive()) {
    out += tuple ? "(...)" : "[...]";
    return;
  }
  out += tuple ? '(' : '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    items[i].append_repr(out);
  }
  if (tuple && items.size() == 1) out += ',';
  out += tuple ? ')' : ']';
}

void append_dict_repr(std::string& out, const Dict& dict) {
  ReprGuard guard(&dict);
  if (guard.recursive()) {
    out += "{...}";
    return;
  }
  out += '{';
  bool first = true;
  for (const auto& entry : dict.entries()) {
    if (!first) out += ", ";
    first = false;
    entry.key.append_repr(out);
    out += ": ";
    entry.value.append_repr(out);
  }
  out += '}';
}

}  // namespace

void Value::append_str(std::string& out) const {
  switch (kind_) {
    case Kind::Undefined:
      return;
    case Kind::String:
      out += as_string();
      return;
    case Kind::Object:
      out += as_object().str();
      return;
    default:
      append_repr(out);
  }
}

void Value::append_repr(std::string& out) const {
  switch (kind_) {
    case Kind::Undefined:
      out += "Undefined";
      return;
    case Kind::None:
      out += "None";
      return;
    case Kind::Bool:
      out += u_.b ? "True" : "False";
      return;
    case Kind::Int:
      append_int(out, *this);
      return;
    case Kind::Float:
      out += float_repr(u_.d);
      return;
    case Kind::String:
      if (is_safe()) {
        out += "Markup(";
        append_string_repr(out, as_string());
        out += ')';
      } else {
        append_string_repr(out, as_string());
      }
      return;
    case Kind::List:
    case Kind::Tuple:
      append_sequence_repr(out, as_list(), kind_ == Kind::Tuple);
      return;
    case Kind::Dict:
      append_dict_repr(out, as_dict());
      return;
    case Kind::Object:
      out += as_object().repr();
      return;
  }
}

std::string Value::str() const {
  if (kind_ == Kind::String) return as_string();
  std::string out;
  append_str(out);
  return out;
}

std::string Value::repr() const {
  std::string out;
  append_repr(out);
  return out;
}

// ---- hashing ---------------------------------------------------------------------------

namespace {

constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;

int64_t python_int_hash(int64_t i) {
  uint64_t mag = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  auto h = static_cast<int64_t>(mag % kHashModulus);
  if (i < 0) h = -h;
  return h == -1 ? -2 : h;
}

// Python's hash(float), so that hash(2.0) == hash(2) and 2.0 finds the key 2.
int64_t python_float_hash(double d) {
  if (std::isnan(d)) return 0;
  if (std::isinf(d)) return d > 0 ? 314159 : -314159;
  int exponent = 0;
  double mantissa = std::frexp(std::fabs(d), &exponent);
  uint64_t h = 0;
  while (mantissa != 0) {
    h = ((h << 28) & kHashModulus) | h >> (61 - 28);
    mantissa *= 268435456.0;  // 2**28
    exponent -= 28;
    auto digit = static_cast<uint64_t>(mantissa);
    mantissa -= static_cast<double>(digit);
    h += digit;
    if (h >= kHashModulus) h -= kHashModulus;
  }
  int shift = exponent >= 0 ? exponent % 61 : 60 - ((-1 - exponent) % 61);
  h = ((h << shift) & kHashModulus) | h >> (61 - shift);
  auto result = static_cast<int64_t>(h);
  if (d < 0) result = -result;
  return result == -1 ? -2 : result;
}

[[noreturn]] void throw_unhashable(const Value& v) {
  throw Error(ErrorKind::Type, "unhashable type: '" + std::string(v.type_name()) + "'");
}

}  // namespace

size_t Value::hash() const {
  switch (kind_) {
    case Kind::Undefined:
      return 0x5eed;
    case Kind::None:
      return 0x0e0e;
    case Kind::Bool:
      return u_.b ? 1 : 0;
    case Kind::Int:
      return static_cast<size_t>(heap_ ? as_bigint().python_hash() : python_int_hash(u_.i));
    case Kind::Float:
      return static_cast<size_t>(python_float_hash(u_.d));
    case Kind::String:
      return hash_string(as_string());
    case Kind::Tuple: {
      size_t h = 0x345678;
      for (const Value& item : as_list())
        h = (h ^ item.hash()) * 1000003 + 97531;
      return h;
    }
    case Kind::Object:
      return std::hash<const void*>{}(u_.p);
    case Kind::List:
    case Kind::Dict:
      break;
  }
  throw_unhashable(*this);
}

// ---- equality and ordering -------------------------------------------------------------

namespace {

// Exact comparison of an int with a float, as Python does (no rounding of the int).
// nullopt when d is nan (unordered).
std::optional<int> compare_int_float(const Value& i, double d) {
  if (std::isnan(d)) return std::nullopt;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  double whole = std::trunc(d);
  int by_whole;
  if (i.int_fits_int64() && std::fabs(whole) < 9.2e18) {
    auto w = static_cast<int64_t>(whole);
    by_whole = i.as_int64() < w ? -1 : i.as_int64() > w ? 1 : 0;
  } else {
    by_whole = BigInt::compare(i.to_bigint(), BigInt::from_double(whole));
  }
  if (by_whole != 0) return by_whole;
  double fraction = d - whole;
  return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
}

int compare_ints(const Value& a, const Value& b) {
  if (a.int_fits_int64() && b.int_fits_int64()) {
    return a.as_int64() < b.as_int64() ? -1 : a.as_int64() > b.as_int64() ? 1 : 0;
  }
  return BigInt::compare(a.to_bigint(), b.to_bigint());
}

// Bools act as the ints 0 and 1.
Value as_int_value(const Value& v) {
  return v.is_bool() ? Value::integer(v.as_bool() ? 1 : 0) : v;
}

// nullopt when unordered (nan).
std::optional<int> compare_numbers(const Value& a_in, const Value& b_in) {
  Value a = as_int_value(a_in);
  Value b = as_int_value(b_in);
  if (a.is_float() && b.is_float()) {
    double x = a.as_double(), y = b.as_double();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.is_float()) {
    auto r = compare_int_float(b, a.as_double());
    if (!r) return r;
    return -*r;
  }
  if (b.is_float()) return compare_int_float(a, b.as_double());
  return compare_ints(a, b);
}

// Python's recursion limit: comparing containers that contain themselves
// ([1, xs] == [1, ys] where xs and ys each hold themselves) or that nest very deeply raises
// RecursionError in Python instead of recursing until the C++ stack overflows. Only container
// comparisons count, so the cost is one thread-local increment per nested list or dict.
constexpr int kMaxCompareDepth = 900;  // below Python's default limit of 1000
thread_local int compare_depth = 0;

class CompareDepthGuard {
 public:
  CompareDepthGuard() {
    if (compare_depth >= kMaxCompareDepth)
      throw Error(ErrorKind::Runtime, "maximum recursion depth exceeded in comparison");
    ++compare_depth;
  }
  ~CompareDepthGuard() { --compare_depth; }
  CompareDepthGuard(const CompareDepthGuard&) = delete;
  CompareDepthGuard& operator=(const CompareDepthGuard&) = delete;
};

bool sequences_equal(const std::vector<Value>& a, const std::vector<Value>& b) {
  if (a.size() != b.size()) return false;
  CompareDepthGuard guard;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i].equals(b[i])) return false;
  }
  return true;
}

bool dicts_equal(const Dict& a, const Dict& b) {
  if (a.size() != b.size()) return false;
  CompareDepthGuard guard;
  for (const auto& entry : a.entries()) {
    const Value* other = b.find(entry.key);
    if (!other || !entry.value.equals(*other)) return false;
  }
  return true;
}

}  // namespace

bool Value::equals(const Value& other) const {
  if (is_number() && other.is_number()) {
    auto r = compare_numbers(*this, other);
    return r && *r == 0;
  }
  if (kind_ != other.kind_) return false;
  switch (kind_) {
    case Kind::Undefined:
    case Kind::None:
      return true;
    case Kind::String:
      return u_.p == other.u_.p || as_string() == other.as_string();
    case Kind::List:
    case Kind::Tuple:
      return u_.p == other.u_.p || sequences_equal(as_list(), other.as_list());
    case Kind::Dict:
      return u_.p == other.u_.p || dicts_equal(as_dict(), other.as_dict());
    case Kind::Object:
      return as_object().equals(other.as_object());
    default:
      return false;
  }
}

int Value::compare(const Value& other) const {
  return compare(other, "<");
}

int Value::compare(const Value& other, std::string_view op_symbol) const {
  if (is_number() && other.is_number()) {
    // nan is unordered; callers that care (compare_op) test for it first.
    return compare_numbers(*this, other).value_or(1);
  }
  if (kind_ == other.kind_) {
    if (kind_ == Kind::String) {
      int c = as_string().compare(other.as_string());  // UTF-8 byte order = code point order
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (kind_ == Kind::List || kind_ == Kind::Tuple) {
      const auto& a = as_list();
      const auto& b = other.as_list();
      CompareDepthGuard guard;
      for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        // Python finds the first unequal pair with ==, then orders just that pair.
        if (!a[i].equals(b[i])) return a[i].compare(b[i], op_symbol);
      }
      return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
    }
  }
  if (is_object()) {
    if (auto order = as_object().order(*this, other)) return *order;
  }
  if (other.is_object()) {
    if (auto order = other.as_object().order(*this, other)) return *order;
  }
  throw Error(ErrorKind::Type,
              "'" + std::string(op_symbol) + "' not supported between instances of '" +
                  std::string(type_name()) + "' and '" + std::string(other.type_name()) + "'");
}

}  // namespace kiln::jinja
