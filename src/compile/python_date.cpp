#include "compile/python_args.h"
#include "compile/python_datetime_types.h"
#include "compile/python_time_format.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

namespace {

// Python's ordinal of 1970-01-01 (date(1, 1, 1).toordinal() is 1).
constexpr int64_t kEpochOrdinal = 719163;

std::string padded(int value, size_t width) {
  std::string s = std::to_string(value);
  return std::string(s.size() < width ? width - s.size() : 0, '0') + s;
}

}  // namespace

Value DateObject::make(int64_t days) {
  if (!calendar::days_in_range(days)) throw Error(ErrorKind::Overflow, "date value out of range");
  return Value::object(new DateObject(days));
}

std::string DateObject::str() const {
  calendar::CivilTime t = calendar::civil_from_days(days_);
  return padded(t.year, 4) + "-" + padded(t.month, 2) + "-" + padded(t.day, 2);
}

std::string DateObject::repr() const {
  calendar::CivilTime t = calendar::civil_from_days(days_);
  return "datetime.date(" + std::to_string(t.year) + ", " + std::to_string(t.month) + ", " +
         std::to_string(t.day) + ")";
}

bool DateObject::equals(const jinja::Object& other) const {
  auto* that = dynamic_cast<const DateObject*>(&other);
  return that && that->days_ == days_;
}

Value DateObject::get_attr(std::string_view name) const {
  calendar::CivilTime t = calendar::civil_from_days(days_);
  if (name == "year") return Value::integer(t.year);
  if (name == "month") return Value::integer(t.month);
  if (name == "day") return Value::integer(t.day);
  return method(name);
}

Value DateObject::method(std::string_view name) const {
  int64_t days = days_;
  std::string text = str();
  if (name == "strftime") {
    return Value::function("strftime", [days](CallContext&, CallArgs& args) {
      BoundArgs bound("strftime", args, {"format"}, 1);
      FormattableTime time{calendar::civil_from_days(days), std::nullopt, ""};
      return Value::string(python_strftime(string_argument(bound.get(0), "strftime"), time));
    });
  }
  if (name == "isoformat") {
    return Value::function("isoformat", [text](CallContext&, CallArgs& args) {
      jinja::expect_no_args("isoformat", args);
      return Value::string(text);
    });
  }
  if (name == "weekday" || name == "isoweekday") {
    int shift = name == "isoweekday" ? 1 : 0;
    return Value::function(std::string(name), [days, shift](CallContext&, CallArgs&) {
      return Value::integer(calendar::weekday(days) + shift);
    });
  }
  if (name == "isocalendar") {
    return Value::function("isocalendar", [days](CallContext&, CallArgs&) {
      calendar::IsoWeek w = calendar::iso_week(days);
      return Value::tuple(
          {Value::integer(w.year), Value::integer(w.week), Value::integer(w.weekday)});
    });
  }
  if (name == "toordinal") {
    return Value::function("toordinal", [days](CallContext&, CallArgs&) {
      return Value::integer(days + kEpochOrdinal);
    });
  }
  if (name == "ctime") {
    return Value::function("ctime", [days](CallContext&, CallArgs&) {
      FormattableTime time{calendar::civil_from_days(days), std::nullopt, ""};
      return Value::string(python_strftime("%c", time));
    });
  }
  if (name == "replace") {
    return Value::function("replace", [days](CallContext&, CallArgs& args) {
      BoundArgs bound("replace", args, {"year", "month", "day"});
      calendar::CivilTime t = calendar::civil_from_days(days);
      if (bound.has(0)) t.year = static_cast<int>(int_argument(bound.get(0)));
      if (bound.has(1)) t.month = static_cast<int>(int_argument(bound.get(1)));
      if (bound.has(2)) t.day = static_cast<int>(int_argument(bound.get(2)));
      if (auto problem = calendar::validate(t); !problem.empty()) {
        throw Error(ErrorKind::Value, std::string(problem));
      }
      return DateObject::make(calendar::days_from_civil(t.year, t.month, t.day));
    });
  }
  return Value::undefined();
}

const DateObject* as_date(const Value& v) {
  return v.is_object() ? dynamic_cast<const DateObject*>(&v.as_object()) : nullptr;
}

}  // namespace kiln::compile
