#pragma once
// The instances of Python's datetime module as template values: timedelta, timezone (and
// pytz's fixed zones), date and datetime. Each prints, compares and answers attributes and
// methods as its Python counterpart does; python_datetime.cpp exposes the classes that
// build them.

#include <cstdint>
#include <optional>
#include <string>

#include "compile/python_calendar.h"
#include "jinja/value.h"

namespace kiln::compile {

// Type names are qualified ("datetime.datetime") because that is how CPython's datetime types
// name themselves in error messages.
//
// What timedelta, date and datetime share: Python's arithmetic between them (datetime -
// timedelta, date - date, timedelta * 2, ...) and their ordering, through the engine's
// Object hooks. The rules are in python_datetime_arithmetic.cpp.
class TimeValueObject : public jinja::Object {
 public:
  std::optional<jinja::Value> arithmetic(jinja::BinaryOp op, const jinja::Value& left,
                                         const jinja::Value& right) const override;
  std::optional<int> order(const jinja::Value& left, const jinja::Value& right) const override;
};

// datetime.timedelta, normalised to a whole number of microseconds (Python's days, seconds
// and microseconds are derived from it).
class TimedeltaObject : public TimeValueObject {
 public:
  explicit TimedeltaObject(int64_t micros) : micros_(micros) {}
  // Throws OverflowError beyond Python's range (|days| <= 999999999) or int64's.
  static jinja::Value make(int64_t micros);

  int64_t micros() const { return micros_; }
  int64_t days() const { return calendar::floor_div(micros_, calendar::kMicrosPerDay); }
  int64_t seconds() const;
  int64_t microseconds() const;

  std::string_view type_name() const override { return "datetime.timedelta"; }
  jinja::Value get_attr(std::string_view name) const override;
  bool truthy() const override { return micros_ != 0; }
  std::string str() const override;
  std::string repr() const override;
  bool equals(const jinja::Object& other) const override;

 private:
  int64_t micros_;
};

// A fixed-offset tzinfo. `Standard` is datetime.timezone (timezone.utc, timezone(offset,
// name)); `Pytz` is pytz's UTC singleton or pytz.FixedOffset(minutes): same arithmetic,
// different names and reprs. Kiln has no zone database, so no zone with DST exists here.
class TimezoneObject : public jinja::Object {
 public:
  enum class Flavor { Standard, Pytz };

  TimezoneObject(int64_t offset_micros, std::optional<std::string> name, Flavor flavor)
      : offset_micros_(offset_micros), name_(std::move(name)), flavor_(flavor) {}
  // datetime.timezone(offset, name): an offset of zero without a name is timezone.utc.
  static jinja::Value make_standard(int64_t offset_micros, std::optional<std::string> name);
  static jinja::Value utc(Flavor flavor);
  // pytz.FixedOffset(minutes): zero is pytz.utc.
  static jinja::Value pytz_fixed(int64_t minutes);

  int64_t offset_micros() const { return offset_micros_; }
  // tzname(dt): None for pytz.FixedOffset, "UTC+01:00" for an unnamed timezone.
  std::optional<std::string> tzname() const;

  std::string_view type_name() const override;
  jinja::Value get_attr(std::string_view name) const override;
  std::string str() const override;
  std::string repr() const override;
  bool equals(const jinja::Object& other) const override;

 private:
  bool is_utc() const { return offset_micros_ == 0 && !name_; }

  int64_t offset_micros_;
  std::optional<std::string> name_;
  Flavor flavor_;
};

// datetime.date: a day, counted from 1970-01-01.
class DateObject : public TimeValueObject {
 public:
  explicit DateObject(int64_t days) : days_(days) {}
  // Throws OverflowError "date value out of range" outside years 1..9999.
  static jinja::Value make(int64_t days);

  int64_t days() const { return days_; }

  std::string_view type_name() const override { return "datetime.date"; }
  jinja::Value get_attr(std::string_view name) const override;
  std::string str() const override;
  std::string repr() const override;
  bool equals(const jinja::Object& other) const override;

 private:
  jinja::Value method(std::string_view name) const;

  int64_t days_;
};

// datetime.datetime: a wall-clock time (microseconds since 1970-01-01 00:00 as read on the
// clock) and a tzinfo (None when naive, else a TimezoneObject).
class DateTimeObject : public TimeValueObject {
 public:
  DateTimeObject(int64_t local_micros, jinja::Value tzinfo)
      : local_micros_(local_micros), tzinfo_(std::move(tzinfo)) {}
  // Throws OverflowError "date value out of range" outside years 1..9999.
  static jinja::Value make(int64_t local_micros, jinja::Value tzinfo);

  int64_t local_micros() const { return local_micros_; }
  const jinja::Value& tzinfo() const { return tzinfo_; }
  const TimezoneObject* timezone() const;
  bool is_aware() const { return timezone() != nullptr; }
  // The instant in microseconds since the Unix epoch (UTC); for a naive datetime, its
  // wall-clock reading taken as the machine's local time, as Python's timestamp() does.
  int64_t utc_micros() const;

  std::string_view type_name() const override { return "datetime.datetime"; }
  jinja::Value get_attr(std::string_view name) const override;
  std::string str() const override { return isoformat(' '); }
  std::string repr() const override;
  bool equals(const jinja::Object& other) const override;

  std::string isoformat(char separator) const;

 private:
  jinja::Value method(std::string_view name) const;

  int64_t local_micros_;
  jinja::Value tzinfo_;
};

// The object behind `v`, or nullptr when `v` is something else.
const TimedeltaObject* as_timedelta(const jinja::Value& v);
const TimezoneObject* as_timezone(const jinja::Value& v);
const DateObject* as_date(const jinja::Value& v);
const DateTimeObject* as_datetime(const jinja::Value& v);

// A tzinfo argument: None, or a timezone; TypeError otherwise.
jinja::Value tzinfo_argument(const jinja::Value& v);

// "+05:30", "-00:00:10.000001": how isoformat() and str() print a UTC offset, with
// `separator` between the fields (":" there, "" for strftime's %z).
std::string format_utc_offset(int64_t offset_micros, std::string_view separator);

// The machine's local offset from UTC at `utc_micros` (for naive timestamps and now()).
int64_t local_offset_micros(int64_t utc_micros);
// The current time in microseconds since the Unix epoch.
int64_t current_utc_micros();

}  // namespace kiln::compile
