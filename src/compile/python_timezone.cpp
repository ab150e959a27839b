#include "compile/python_datetime_types.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::BoundArgs;
using jinja::CallArgs;
using jinja::CallContext;
using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

Value TimezoneObject::make_standard(int64_t offset_micros, std::optional<std::string> name) {
  return Value::object(new TimezoneObject(offset_micros, std::move(name), Flavor::Standard));
}

Value TimezoneObject::utc(Flavor flavor) {
  return Value::object(new TimezoneObject(0, std::nullopt, flavor));
}

Value TimezoneObject::pytz_fixed(int64_t minutes) {
  // pytz.FixedOffset(0) is pytz.utc; other offsets have no name.
  if (minutes == 0) return utc(Flavor::Pytz);
  return Value::object(
      new TimezoneObject(minutes * 60 * calendar::kMicrosPerSecond, std::nullopt, Flavor::Pytz));
}

std::optional<std::string> TimezoneObject::tzname() const {
  if (name_) return name_;
  if (offset_micros_ == 0) return std::string("UTC");
  if (flavor_ == Flavor::Pytz) return std::nullopt;
  return "UTC" + format_utc_offset(offset_micros_, ":");
}

std::string_view TimezoneObject::type_name() const {
  if (flavor_ == Flavor::Standard) return "datetime.timezone";
  return offset_micros_ == 0 ? "UTC" : "_FixedOffset";
}

std::string TimezoneObject::str() const {
  if (flavor_ == Flavor::Pytz && offset_micros_ != 0) return repr();
  return tzname().value_or("");
}

std::string TimezoneObject::repr() const {
  if (flavor_ == Flavor::Pytz) {
    if (offset_micros_ == 0) return "<UTC>";
    return "pytz.FixedOffset(" +
           std::to_string(offset_micros_ / (60 * calendar::kMicrosPerSecond)) + ")";
  }
  if (is_utc()) return "datetime.timezone.utc";
  std::string out = "datetime.timezone(" + TimedeltaObject(offset_micros_).repr();
  if (name_) out += ", " + Value::string(*name_).repr();
  return out + ")";
}

bool TimezoneObject::equals(const jinja::Object& other) const {
  auto* that = dynamic_cast<const TimezoneObject*>(&other);
  return that && that->flavor_ == flavor_ && that->offset_micros_ == offset_micros_;
}

Value TimezoneObject::get_attr(std::string_view name) const {
  int64_t offset = offset_micros_;
  std::optional<std::string> tzname_value = tzname();
  bool pytz = flavor_ == Flavor::Pytz;
  if (name == "zone" && pytz) return offset == 0 ? Value::string("UTC") : Value::none();
  if (name == "utcoffset") {
    return Value::function(
        "utcoffset", [offset](CallContext&, CallArgs&) { return TimedeltaObject::make(offset); });
  }
  if (name == "tzname") {
    return Value::function("tzname", [tzname_value](CallContext&, CallArgs&) {
      return tzname_value ? Value::string(*tzname_value) : Value::none();
    });
  }
  if (name == "dst") {
    return Value::function("dst", [pytz](CallContext&, CallArgs&) {
      return pytz ? TimedeltaObject::make(0) : Value::none();
    });
  }
  // Only the pytz methods need the zone itself; they hold it through a Value.
  Value self = pytz ? Value::object(const_cast<TimezoneObject*>(this)) : Value();
  if (name == "localize" && pytz) {
    // pytz's way to attach a zone to a naive datetime.
    return Value::function("localize", [self](CallContext&, CallArgs& args) {
      BoundArgs bound("localize", args, {"dt", "is_dst"}, 1);
      const DateTimeObject* dt = as_datetime(bound.get(0));
      if (!dt) throw Error(ErrorKind::Type, "localize() expects a datetime");
      if (dt->is_aware())
        throw Error(ErrorKind::Value, "Not naive datetime (tzinfo is already set)");
      return DateTimeObject::make(dt->local_micros(), self);
    });
  }
  if (name == "normalize" && pytz) {
    return Value::function("normalize", [self, offset](CallContext&, CallArgs& args) {
      BoundArgs bound("normalize", args, {"dt", "is_dst"}, 1);
      const DateTimeObject* dt = as_datetime(bound.get(0));
      if (!dt || !dt->is_aware()) throw Error(ErrorKind::Value, "Naive time - no tzinfo set");
      return DateTimeObject::make(dt->utc_micros() + offset, self);
    });
  }
  return Value::undefined();
}

const TimezoneObject* as_timezone(const Value& v) {
  return v.is_object() ? dynamic_cast<const TimezoneObject*>(&v.as_object()) : nullptr;
}

Value tzinfo_argument(const Value& v) {
  if (v.is_none() || as_timezone(v)) return v;
  throw Error(ErrorKind::Type, "tzinfo argument must be None or of a tzinfo subclass, not type '" +
                                   std::string(v.type_name()) + "'");
}

}  // namespace kiln::compile
