#include <ctime>

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

std::string padded(int64_t value, size_t width) {
  std::string s = std::to_string(value);
  return std::string(s.size() < width ? width - s.size() : 0, '0') + s;
}

// isoformat's timespec: how much of the time of day to print.
std::string format_clock(const calendar::CivilTime& t, std::string_view timespec) {
  std::string out = padded(t.hour, 2);
  if (timespec == "hours") return out;
  out += ":" + padded(t.minute, 2);
  if (timespec == "minutes") return out;
  out += ":" + padded(t.second, 2);
  if (timespec == "milliseconds") return out + "." + padded(t.microsecond / 1000, 3);
  if (timespec == "microseconds" || (timespec == "auto" && t.microsecond != 0)) {
    out += "." + padded(t.microsecond, 6);
  } else if (timespec != "auto" && timespec != "seconds") {
    throw Error(ErrorKind::Value, "Unknown timespec value");
  }
  return out;
}

std::string format_iso(const DateTimeObject& dt, char separator, std::string_view timespec) {
  calendar::CivilTime t = calendar::civil_from_micros(dt.local_micros());
  std::string out = padded(t.year, 4) + "-" + padded(t.month, 2) + "-" + padded(t.day, 2);
  out += separator;
  out += format_clock(t, timespec);
  if (const TimezoneObject* tz = dt.timezone()) out += format_utc_offset(tz->offset_micros(), ":");
  return out;
}

FormattableTime formattable(const DateTimeObject& dt) {
  FormattableTime time{calendar::civil_from_micros(dt.local_micros()), std::nullopt, ""};
  if (const TimezoneObject* tz = dt.timezone()) {
    time.utc_offset_micros = tz->offset_micros();
    time.tzname = tz->tzname().value_or("");
  }
  return time;
}

// replace(year=.., ..., tzinfo=..): a copy with the named fields changed.
Value replace_fields(const DateTimeObject& dt, CallArgs& args) {
  BoundArgs bound(
      "replace", args,
      {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"});
  calendar::CivilTime t = calendar::civil_from_micros(dt.local_micros());
  int* fields[] = {&t.year, &t.month, &t.day, &t.hour, &t.minute, &t.second, &t.microsecond};
  for (size_t i = 0; i < 7; ++i) {
    if (bound.has(i)) *fields[i] = static_cast<int>(int_argument(bound.get(i)));
  }
  if (auto problem = calendar::validate(t); !problem.empty()) {
    throw Error(ErrorKind::Value, std::string(problem));
  }
  Value tz = bound.has(7) ? tzinfo_argument(bound.get(7)) : dt.tzinfo();
  return DateTimeObject::make(calendar::micros_from_civil(t), tz);
}

// astimezone(tz=None): the same instant on another zone's clock; None means the machine's.
Value convert_zone(const DateTimeObject& dt, CallArgs& args) {
  BoundArgs bound("astimezone", args, {"tz"});
  Value tz = bound.has(0) ? tzinfo_argument(bound.get(0)) : Value::none();
  int64_t instant = dt.utc_micros();
  if (tz.is_none()) {
    int64_t offset = local_offset_micros(instant);
    std::time_t seconds =
        static_cast<std::time_t>(calendar::floor_div(instant, calendar::kMicrosPerSecond));
    std::tm local{};
    localtime_r(&seconds, &local);
    tz = TimezoneObject::make_standard(
        offset, local.tm_zone ? std::optional<std::string>(local.tm_zone) : std::nullopt);
  }
  return DateTimeObject::make(instant + as_timezone(tz)->offset_micros(), tz);
}

}  // namespace

Value DateTimeObject::make(int64_t local_micros, Value tzinfo) {
  if (!calendar::days_in_range(calendar::floor_div(local_micros, calendar::kMicrosPerDay))) {
    throw Error(ErrorKind::Overflow, "date value out of range");
  }
  return Value::object(new DateTimeObject(local_micros, std::move(tzinfo)));
}

const TimezoneObject* DateTimeObject::timezone() const {
  return as_timezone(tzinfo_);
}

int64_t DateTimeObject::utc_micros() const {
  if (const TimezoneObject* tz = timezone()) return local_micros_ - tz->offset_micros();
  // The wall clock read as local time: find the offset in force at that instant.
  int64_t guess = local_micros_ - local_offset_micros(local_micros_);
  return local_micros_ - local_offset_micros(guess);
}

std::string DateTimeObject::isoformat(char separator) const {
  return format_iso(*this, separator, "auto");
}

// datetime.datetime(2024, 1, 2, 3, 4, 5[, 6][, tzinfo=...]): seconds and microseconds are
// left out when zero, as Python does.
std::string DateTimeObject::repr() const {
  calendar::CivilTime t = calendar::civil_from_micros(local_micros_);
  std::string out = "datetime.datetime(" + std::to_string(t.year) + ", " + std::to_string(t.month) +
                    ", " + std::to_string(t.day) + ", " + std::to_string(t.hour) + ", " +
                    std::to_string(t.minute);
  if (t.second != 0 || t.microsecond != 0) out += ", " + std::to_string(t.second);
  if (t.microsecond != 0) out += ", " + std::to_string(t.microsecond);
  if (!tzinfo_.is_none()) out += ", tzinfo=" + tzinfo_.repr();
  return out + ")";
}

bool DateTimeObject::equals(const jinja::Object& other) const {
  auto* that = dynamic_cast<const DateTimeObject*>(&other);
  if (!that || that->is_aware() != is_aware()) return false;
  return is_aware() ? that->utc_micros() == utc_micros() : that->local_micros_ == local_micros_;
}

Value DateTimeObject::get_attr(std::string_view name) const {
  calendar::CivilTime t = calendar::civil_from_micros(local_micros_);
  if (name == "year") return Value::integer(t.year);
  if (name == "month") return Value::integer(t.month);
  if (name == "day") return Value::integer(t.day);
  if (name == "hour") return Value::integer(t.hour);
  if (name == "minute") return Value::integer(t.minute);
  if (name == "second") return Value::integer(t.second);
  if (name == "microsecond") return Value::integer(t.microsecond);
  if (name == "tzinfo") return tzinfo_;
  if (name == "fold") return Value::integer(0);
  return method(name);
}

Value DateTimeObject::method(std::string_view name) const {
  // The methods keep the datetime alive through a Value of it.
  Value held = Value::object(const_cast<DateTimeObject*>(this));
  auto self = [held]() -> const DateTimeObject& { return *as_datetime(held); };
  int64_t days = calendar::floor_div(local_micros_, calendar::kMicrosPerDay);
  if (name == "strftime") {
    return Value::function("strftime", [self](CallContext&, CallArgs& args) {
      BoundArgs bound("strftime", args, {"format"}, 1);
      return Value::string(
          python_strftime(string_argument(bound.get(0), "strftime"), formattable(self())));
    });
  }
  if (name == "isoformat") {
    return Value::function("isoformat", [self](CallContext&, CallArgs& args) {
      BoundArgs bound("isoformat", args, {"sep", "timespec"});
      std::string sep = bound.has(0) ? string_argument(bound.get(0), "isoformat") : "T";
      if (sep.size() != 1)
        throw Error(ErrorKind::Type, "isoformat() argument 1 must be a unicode character");
      std::string timespec = bound.has(1) ? string_argument(bound.get(1), "isoformat") : "auto";
      return Value::string(format_iso(self(), sep[0], timespec));
    });
  }
  if (name == "ctime") {
    return Value::function("ctime", [self](CallContext&, CallArgs&) {
      return Value::string(python_strftime("%c", formattable(self())));
    });
  }
  if (name == "date") {
    return Value::function("date",
                           [days](CallContext&, CallArgs&) { return DateObject::make(days); });
  }
  if (name == "replace") {
    return Value::function(
        "replace", [self](CallContext&, CallArgs& args) { return replace_fields(self(), args); });
  }
  if (name == "astimezone") {
    return Value::function(
        "astimezone", [self](CallContext&, CallArgs& args) { return convert_zone(self(), args); });
  }
  if (name == "timestamp") {
    return Value::function("timestamp", [self](CallContext&, CallArgs&) {
      return Value::floating(static_cast<double>(self().utc_micros()) / calendar::kMicrosPerSecond);
    });
  }
  if (name == "utcoffset" || name == "tzname") {
    bool offset = name == "utcoffset";
    return Value::function(std::string(name), [self, offset](CallContext&, CallArgs&) {
      const TimezoneObject* tz = self().timezone();
      if (!tz) return Value::none();
      if (offset) return TimedeltaObject::make(tz->offset_micros());
      auto tzname = tz->tzname();
      return tzname ? Value::string(*tzname) : Value::none();
    });
  }
  // The calendar methods are the date's.
  if (name == "weekday" || name == "isoweekday" || name == "isocalendar" || name == "toordinal") {
    return DateObject(days).get_attr(name);
  }
  return Value::undefined();
}

const DateTimeObject* as_datetime(const Value& v) {
  return v.is_object() ? dynamic_cast<const DateTimeObject*>(&v.as_object()) : nullptr;
}

}  // namespace kiln::compile
