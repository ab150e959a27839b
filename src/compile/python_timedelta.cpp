#include <cstdlib>
#include <ctime>

#include "compile/python_datetime_types.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::CallArgs;
using jinja::CallContext;
using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

namespace {

// Python's timedelta.max.days.
constexpr int64_t kMaxDays = 999999999;

std::string two_digits(int64_t n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

std::string six_digits(int64_t n) {
  std::string s = std::to_string(n);
  return std::string(6 - s.size(), '0') + s;
}

}  // namespace

Value TimedeltaObject::make(int64_t micros) {
  int64_t days = calendar::floor_div(micros, calendar::kMicrosPerDay);
  if (days > kMaxDays || days < -kMaxDays) {
    throw Error(ErrorKind::Overflow, "days=" + std::to_string(days) +
                                         "; must have magnitude <= " + std::to_string(kMaxDays));
  }
  return Value::object(new TimedeltaObject(micros));
}

int64_t TimedeltaObject::seconds() const {
  return (micros_ - days() * calendar::kMicrosPerDay) / calendar::kMicrosPerSecond;
}

int64_t TimedeltaObject::microseconds() const {
  return (micros_ - days() * calendar::kMicrosPerDay) % calendar::kMicrosPerSecond;
}

Value TimedeltaObject::get_attr(std::string_view name) const {
  if (name == "days") return Value::integer(days());
  if (name == "seconds") return Value::integer(seconds());
  if (name == "microseconds") return Value::integer(microseconds());
  if (name == "total_seconds") {
    int64_t micros = micros_;
    return Value::function("total_seconds", [micros](CallContext&, CallArgs& args) {
      jinja::expect_no_args("total_seconds", args);
      return Value::floating(static_cast<double>(micros) / calendar::kMicrosPerSecond);
    });
  }
  return Value::undefined();
}

// "-1 day, 0:00:05.000007": Python's days, then H:MM:SS of the non-negative remainder.
std::string TimedeltaObject::str() const {
  std::string out;
  if (int64_t d = days(); d != 0) {
    out = std::to_string(d) + (std::llabs(d) == 1 ? " day, " : " days, ");
  }
  int64_t s = seconds();
  out += std::to_string(s / 3600) + ":" + two_digits(s / 60 % 60) + ":" + two_digits(s % 60);
  if (microseconds() != 0) out += "." + six_digits(microseconds());
  return out;
}

std::string TimedeltaObject::repr() const {
  std::string fields;
  auto add = [&](std::string_view name, int64_t value) {
    if (value == 0) return;
    if (!fields.empty()) fields += ", ";
    fields += std::string(name) + "=" + std::to_string(value);
  };
  add("days", days());
  add("seconds", seconds());
  add("microseconds", microseconds());
  return "datetime.timedelta(" + (fields.empty() ? "0" : fields) + ")";
}

bool TimedeltaObject::equals(const jinja::Object& other) const {
  auto* that = dynamic_cast<const TimedeltaObject*>(&other);
  return that && that->micros_ == micros_;
}

std::string format_utc_offset(int64_t offset_micros, std::string_view separator) {
  std::string out = offset_micros < 0 ? "-" : "+";
  int64_t micros = std::llabs(offset_micros);
  int64_t seconds = micros / calendar::kMicrosPerSecond;
  out += two_digits(seconds / 3600) + std::string(separator) + two_digits(seconds / 60 % 60);
  if (micros % (60 * calendar::kMicrosPerSecond) != 0) {
    out += std::string(separator) + two_digits(seconds % 60);
    if (micros % calendar::kMicrosPerSecond != 0) {
      out += "." + six_digits(micros % calendar::kMicrosPerSecond);
    }
  }
  return out;
}

int64_t local_offset_micros(int64_t utc_micros) {
  std::time_t seconds =
      static_cast<std::time_t>(calendar::floor_div(utc_micros, calendar::kMicrosPerSecond));
  std::tm local{};
  if (!localtime_r(&seconds, &local)) return 0;
  return static_cast<int64_t>(local.tm_gmtoff) * calendar::kMicrosPerSecond;
}

int64_t current_utc_micros() {
  std::timespec now{};
  std::timespec_get(&now, TIME_UTC);
  return static_cast<int64_t>(now.tv_sec) * calendar::kMicrosPerSecond + now.tv_nsec / 1000;
}

const TimedeltaObject* as_timedelta(const Value& v) {
  return v.is_object() ? dynamic_cast<const TimedeltaObject*>(&v.as_object()) : nullptr;
}

}  // namespace kiln::compile
