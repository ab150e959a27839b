#include "compile/python_datetime.h"

#include <cmath>

#include "compile/python_args.h"
#include "compile/python_datetime_types.h"
#include "compile/python_namespace_objects.h"
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

using Members = std::map<std::string, Value, std::less<>>;

Value standard_zone(std::optional<int64_t> offset_micros) {
  if (!offset_micros) return Value::none();
  return TimezoneObject::make_standard(*offset_micros, std::nullopt);
}

int64_t checked_micros(const calendar::CivilTime& t) {
  if (auto problem = calendar::validate(t); !problem.empty()) {
    throw Error(ErrorKind::Value, std::string(problem));
  }
  return calendar::micros_from_civil(t);
}

// A POSIX timestamp (seconds, maybe fractional) in microseconds, rounded half to even as
// Python rounds it.
int64_t timestamp_micros(const Value& v, std::string_view function) {
  if (v.is_int() || v.is_bool()) return int_argument(v) * calendar::kMicrosPerSecond;
  double seconds = number_argument(v, function);
  if (!std::isfinite(seconds) || std::fabs(seconds) > 3e11) {
    throw Error(ErrorKind::Overflow, "timestamp out of range for platform time_t");
  }
  return static_cast<int64_t>(std::nearbyint(seconds * calendar::kMicrosPerSecond));
}

// The wall clock of `tz` (a timezone, or None for the machine's zone) at a UTC instant.
Value datetime_at(int64_t utc_micros, const Value& tz) {
  if (const TimezoneObject* zone = as_timezone(tz)) {
    return DateTimeObject::make(utc_micros + zone->offset_micros(), tz);
  }
  return DateTimeObject::make(utc_micros + local_offset_micros(utc_micros), Value::none());
}

Value construct_datetime(CallContext&, CallArgs& args) {
  BoundArgs bound(
      "datetime", args,
      {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 3,
      false);
  calendar::CivilTime t;
  int* fields[] = {&t.year, &t.month, &t.day, &t.hour, &t.minute, &t.second, &t.microsecond};
  for (size_t i = 0; i < 7; ++i) {
    *fields[i] = bound.has(i) ? static_cast<int>(int_argument(bound.get(i))) : 0;
  }
  Value tz = bound.has(7) ? tzinfo_argument(bound.get(7)) : Value::none();
  return DateTimeObject::make(checked_micros(t), tz);
}

Value parsed_datetime(const ParsedTime& parsed) {
  return DateTimeObject::make(checked_micros(parsed.civil),
                              standard_zone(parsed.utc_offset_micros));
}

Members datetime_members() {
  Members m;
  m["now"] = Value::function("now", [](CallContext&, CallArgs& args) {
    BoundArgs bound("now", args, {"tz"}, 0, false);
    Value tz = bound.has(0) ? tzinfo_argument(bound.get(0)) : Value::none();
    return datetime_at(current_utc_micros(), tz);
  });
  m["today"] = Value::function("today", [](CallContext&, CallArgs& args) {
    jinja::expect_no_args("today", args, false);
    return datetime_at(current_utc_micros(), Value::none());
  });
  m["utcnow"] = Value::function("utcnow", [](CallContext&, CallArgs& args) {
    jinja::expect_no_args("utcnow", args, false);
    return DateTimeObject::make(current_utc_micros(), Value::none());
  });
  m["fromisoformat"] = Value::function("fromisoformat", [](CallContext&, CallArgs& args) {
    BoundArgs bound("fromisoformat", args, {"date_string"}, 1, false);
    return parsed_datetime(parse_iso_datetime(string_argument(bound.get(0), "fromisoformat")));
  });
  m["strptime"] = Value::function("strptime", [](CallContext&, CallArgs& args) {
    BoundArgs bound("strptime", args, {"date_string", "format"}, 2, false);
    return parsed_datetime(python_strptime(string_argument(bound.get(0), "strptime"),
                                           string_argument(bound.get(1), "strptime")));
  });
  m["fromtimestamp"] = Value::function("fromtimestamp", [](CallContext&, CallArgs& args) {
    BoundArgs bound("fromtimestamp", args, {"timestamp", "tz"}, 1, false);
    Value tz = bound.has(1) ? tzinfo_argument(bound.get(1)) : Value::none();
    return datetime_at(timestamp_micros(bound.get(0), "fromtimestamp"), tz);
  });
  m["utcfromtimestamp"] = Value::function("utcfromtimestamp", [](CallContext&, CallArgs& args) {
    BoundArgs bound("utcfromtimestamp", args, {"timestamp"}, 1, false);
    return DateTimeObject::make(timestamp_micros(bound.get(0), "utcfromtimestamp"), Value::none());
  });
  m["combine"] = Value::function("combine", [](CallContext&, CallArgs& args) {
    // Kiln has no time class, so combine takes a date and a datetime whose clock it keeps.
    BoundArgs bound("combine", args, {"date", "time", "tzinfo"}, 2, false);
    const DateObject* day = as_date(bound.get(0));
    const DateTimeObject* clock = as_datetime(bound.get(1));
    if (!day || !clock) throw Error(ErrorKind::Type, "combine() expects a date and a datetime");
    int64_t of_day = clock->local_micros() -
                     calendar::floor_div(clock->local_micros(), calendar::kMicrosPerDay) *
                         calendar::kMicrosPerDay;
    Value tz = bound.has(2) ? tzinfo_argument(bound.get(2)) : clock->tzinfo();
    return DateTimeObject::make(day->days() * calendar::kMicrosPerDay + of_day, tz);
  });
  m["min"] =
      DateTimeObject::make(calendar::micros_from_civil({1, 1, 1, 0, 0, 0, 0}), Value::none());
  m["max"] = DateTimeObject::make(calendar::micros_from_civil({9999, 12, 31, 23, 59, 59, 999999}),
                                  Value::none());
  return m;
}

Value construct_date(CallContext&, CallArgs& args) {
  BoundArgs bound("date", args, {"year", "month", "day"}, 3, false);
  calendar::CivilTime t;
  t.year = static_cast<int>(int_argument(bound.get(0)));
  t.month = static_cast<int>(int_argument(bound.get(1)));
  t.day = static_cast<int>(int_argument(bound.get(2)));
  return DateObject::make(calendar::floor_div(checked_micros(t), calendar::kMicrosPerDay));
}

Members date_members() {
  Members m;
  m["today"] = Value::function("today", [](CallContext&, CallArgs& args) {
    jinja::expect_no_args("today", args, false);
    int64_t now = current_utc_micros();
    return DateObject::make(
        calendar::floor_div(now + local_offset_micros(now), calendar::kMicrosPerDay));
  });
  m["fromisoformat"] = Value::function("fromisoformat", [](CallContext&, CallArgs& args) {
    BoundArgs bound("fromisoformat", args, {"date_string"}, 1, false);
    calendar::CivilTime t = parse_iso_date(string_argument(bound.get(0), "fromisoformat"));
    return DateObject::make(calendar::days_from_civil(t.year, t.month, t.day));
  });
  m["fromtimestamp"] = Value::function("fromtimestamp", [](CallContext&, CallArgs& args) {
    BoundArgs bound("fromtimestamp", args, {"timestamp"}, 1, false);
    int64_t utc = timestamp_micros(bound.get(0), "fromtimestamp");
    return DateObject::make(
        calendar::floor_div(utc + local_offset_micros(utc), calendar::kMicrosPerDay));
  });
  m["fromordinal"] = Value::function("fromordinal", [](CallContext&, CallArgs& args) {
    BoundArgs bound("fromordinal", args, {"ordinal"}, 1, false);
    int64_t ordinal = int_argument(bound.get(0));
    if (ordinal < 1) throw Error(ErrorKind::Value, "ordinal must be >= 1");
    return DateObject::make(ordinal - 719163);
  });
  m["min"] = DateObject::make(calendar::days_from_civil(1, 1, 1));
  m["max"] = DateObject::make(calendar::days_from_civil(9999, 12, 31));
  return m;
}

// timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks): the sum in
// microseconds, exact for ints and rounded half to even when a float takes part.
Value construct_timedelta(CallContext&, CallArgs& args) {
  BoundArgs bound("timedelta", args,
                  {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"},
                  0, false);
  constexpr int64_t kScale[] = {calendar::kMicrosPerDay,
                                calendar::kMicrosPerSecond,
                                1,
                                1000,
                                60 * calendar::kMicrosPerSecond,
                                3600 * calendar::kMicrosPerSecond,
                                7 * calendar::kMicrosPerDay};
  __int128 exact = 0;
  long double inexact = 0;
  bool any_float = false;
  for (size_t i = 0; i < 7; ++i) {
    if (!bound.has(i)) continue;
    const Value& v = bound.get(i);
    if (v.is_float()) {
      any_float = true;
      inexact += static_cast<long double>(v.as_double()) * kScale[i];
    } else {
      if (!v.is_int() && !v.is_bool()) {
        throw Error(ErrorKind::Type, "unsupported type for timedelta " +
                                         std::string(i == 0 ? "days" : "argument") +
                                         " component: " + std::string(v.type_name()));
      }
      exact += static_cast<__int128>(int_argument(v)) * kScale[i];
    }
  }
  long double total = static_cast<long double>(exact) + (any_float ? std::nearbyint(inexact) : 0);
  if (!std::isfinite(total) || std::fabs(total) > 9.0e18L) {
    throw Error(ErrorKind::Overflow, "timedelta out of range");
  }
  return TimedeltaObject::make(any_float ? static_cast<int64_t>(total)
                                         : static_cast<int64_t>(exact));
}

Value construct_timezone(CallContext&, CallArgs& args) {
  BoundArgs bound("timezone", args, {"offset", "name"}, 1, false);
  const TimedeltaObject* offset = as_timedelta(bound.get(0));
  if (!offset) {
    throw Error(ErrorKind::Type, "timezone() argument 1 must be datetime.timedelta, not " +
                                     std::string(bound.get(0).type_name()));
  }
  if (offset->micros() <= -calendar::kMicrosPerDay || offset->micros() >= calendar::kMicrosPerDay) {
    throw Error(ErrorKind::Value,
                "offset must be a timedelta strictly between -timedelta(hours=24) and "
                "timedelta(hours=24).");
  }
  std::optional<std::string> name;
  if (bound.has(1)) name = string_argument(bound.get(1), "timezone");
  if (offset->micros() == 0 && !name) return TimezoneObject::utc(TimezoneObject::Flavor::Standard);
  return TimezoneObject::make_standard(offset->micros(), name);
}

Value make_class(std::string name, jinja::NativeFn constructor, Members members) {
  return Value::object(
      new PythonClass(std::move(name), std::move(constructor), std::move(members)));
}

}  // namespace

Value pytz_utc_datetime(std::string_view iso_utc) {
  ParsedTime parsed = parse_iso_datetime(iso_utc);
  int64_t utc_micros = checked_micros(parsed.civil) - parsed.utc_offset_micros.value_or(0);
  return DateTimeObject::make(utc_micros, TimezoneObject::utc(TimezoneObject::Flavor::Pytz));
}

Value make_datetime_module() {
  Members members;
  members["datetime"] = make_class("datetime.datetime", construct_datetime, datetime_members());
  members["date"] = make_class("datetime.date", construct_date, date_members());
  members["timedelta"] = make_class("datetime.timedelta", construct_timedelta,
                                    {{"resolution", TimedeltaObject::make(1)}});
  members["timezone"] =
      make_class("datetime.timezone", construct_timezone,
                 {{"utc", TimezoneObject::utc(TimezoneObject::Flavor::Standard)}});
  members["MINYEAR"] = Value::integer(calendar::kMinYear);
  members["MAXYEAR"] = Value::integer(calendar::kMaxYear);
  return Value::object(new PythonModule("datetime", std::move(members)));
}

}  // namespace kiln::compile
