// Python's operators on datetime, date and timedelta values.

#include <cmath>

#include "compile/python_datetime.h"
#include "compile/python_datetime_types.h"
#include "jinja/error.h"

namespace kiln::compile {

using jinja::BinaryOp;
using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

namespace {

int64_t add_checked(int64_t a, int64_t b) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum))
    throw Error(ErrorKind::Overflow, "date value out of range");
  return sum;
}

int sign(int64_t difference) {
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

[[noreturn]] void divide_by_zero() {
  throw Error(ErrorKind::ZeroDivision, "integer division or modulo by zero");
}

// timedelta (op) timedelta.
std::optional<Value> timedeltas(BinaryOp op, int64_t a, int64_t b) {
  switch (op) {
    case BinaryOp::Add:
      return TimedeltaObject::make(add_checked(a, b));
    case BinaryOp::Sub:
      return TimedeltaObject::make(add_checked(a, -b));
    case BinaryOp::Div:
      if (b == 0) throw Error(ErrorKind::ZeroDivision, "division by zero");
      return Value::floating(static_cast<double>(a) / static_cast<double>(b));
    case BinaryOp::FloorDiv:
      if (b == 0) divide_by_zero();
      return Value::integer(calendar::floor_div(a, b));
    case BinaryOp::Mod:
      if (b == 0) divide_by_zero();
      return TimedeltaObject::make(a - calendar::floor_div(a, b) * b);
    default:
      return std::nullopt;
  }
}

int64_t whole_number(const Value& n) {
  return n.is_bool() ? (n.as_bool() ? 1 : 0) : n.as_int64();
}

// timedelta * number, timedelta / number, timedelta // int.
std::optional<Value> scaled(BinaryOp op, int64_t micros, const Value& n) {
  if (!n.is_number()) return std::nullopt;
  if (!n.is_float() && !n.is_bool() && !n.int_fits_int64()) {
    throw Error(ErrorKind::Overflow, "timedelta out of range");
  }
  if (op == BinaryOp::Mul && !n.is_float()) {
    int64_t product = 0;
    if (__builtin_mul_overflow(micros, whole_number(n), &product)) {
      throw Error(ErrorKind::Overflow, "timedelta out of range");
    }
    return TimedeltaObject::make(product);
  }
  if (op == BinaryOp::FloorDiv && !n.is_float()) {
    int64_t divisor = whole_number(n);
    if (divisor == 0) divide_by_zero();
    return TimedeltaObject::make(calendar::floor_div(micros, divisor));
  }
  if (op != BinaryOp::Mul && op != BinaryOp::Div) return std::nullopt;
  double factor = n.to_double();
  if (op == BinaryOp::Div && factor == 0) throw Error(ErrorKind::ZeroDivision, "division by zero");
  double result = op == BinaryOp::Mul ? micros * factor : micros / factor;
  if (!std::isfinite(result) || std::fabs(result) > 9.0e18) {
    throw Error(ErrorKind::Overflow, "timedelta out of range");
  }
  return TimedeltaObject::make(static_cast<int64_t>(std::nearbyint(result)));
}

// datetime - datetime: both naive (wall clocks) or both aware (instants).
Value datetime_difference(const DateTimeObject& a, const DateTimeObject& b) {
  if (a.is_aware() != b.is_aware()) {
    throw Error(ErrorKind::Type, "can't subtract offset-naive and offset-aware datetimes");
  }
  if (a.is_aware()) return TimedeltaObject::make(add_checked(a.utc_micros(), -b.utc_micros()));
  return TimedeltaObject::make(add_checked(a.local_micros(), -b.local_micros()));
}

}  // namespace

std::optional<Value> datetime_binary_op(BinaryOp op, const Value& a, const Value& b) {
  const TimedeltaObject* delta_a = as_timedelta(a);
  const TimedeltaObject* delta_b = as_timedelta(b);
  if (delta_a && delta_b) return timedeltas(op, delta_a->micros(), delta_b->micros());
  if (delta_a && op == BinaryOp::Add && (as_datetime(b) || as_date(b))) {
    return datetime_binary_op(op, b, a);  // timedelta + datetime is datetime + timedelta
  }
  if (delta_a) return scaled(op, delta_a->micros(), b);
  const DateTimeObject* dt_a = as_datetime(a);
  const DateObject* date_a = as_date(a);
  if (delta_b && (op == BinaryOp::Add || op == BinaryOp::Sub)) {
    int64_t micros = op == BinaryOp::Add ? delta_b->micros() : -delta_b->micros();
    if (dt_a)
      return DateTimeObject::make(add_checked(dt_a->local_micros(), micros), dt_a->tzinfo());
    // A date moves by the timedelta's days only, as in Python: date - timedelta(hours=36)
    // is one day earlier.
    if (date_a)
      return DateObject::make(date_a->days() + (op == BinaryOp::Add ? 1 : -1) * delta_b->days());
    return std::nullopt;
  }
  if (delta_b && op == BinaryOp::Mul) return scaled(op, delta_b->micros(), a);
  if (op == BinaryOp::Sub) {
    if (const DateTimeObject* dt_b = as_datetime(b); dt_a && dt_b)
      return datetime_difference(*dt_a, *dt_b);
    if (const DateObject* date_b = as_date(b); date_a && date_b) {
      return TimedeltaObject::make((date_a->days() - date_b->days()) * calendar::kMicrosPerDay);
    }
  }
  return std::nullopt;
}

std::optional<int> datetime_compare(const Value& a, const Value& b) {
  if (auto* x = as_timedelta(a), *y = as_timedelta(b); x && y)
    return sign(x->micros() - y->micros());
  if (auto* x = as_date(a), *y = as_date(b); x && y) return sign(x->days() - y->days());
  const DateTimeObject* x = as_datetime(a);
  const DateTimeObject* y = as_datetime(b);
  if (x && y) {
    if (x->is_aware() != y->is_aware()) {
      throw Error(ErrorKind::Type, "can't compare offset-naive and offset-aware datetimes");
    }
    return x->is_aware() ? sign(x->utc_micros() - y->utc_micros())
                         : sign(x->local_micros() - y->local_micros());
  }
  if ((x && as_date(b)) || (as_date(a) && y)) {
    throw Error(ErrorKind::Type, std::string("can't compare datetime.") +
                                     (x ? "datetime" : "date") + " to datetime." +
                                     (y ? "datetime" : "date"));
  }
  return std::nullopt;
}

std::optional<Value> TimeValueObject::arithmetic(BinaryOp op, const Value& left,
                                                 const Value& right) const {
  return datetime_binary_op(op, left, right);
}

std::optional<int> TimeValueObject::order(const Value& left, const Value& right) const {
  return datetime_compare(left, right);
}

}  // namespace kiln::compile
