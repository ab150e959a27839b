// modules.pytz without a zone database: UTC and fixed offsets. dbt projects mostly use
// pytz.utc / pytz.timezone('UTC'); a named zone with daylight saving time would need the
// tz database, which Kiln does not ship, so asking for one fails with what to do instead.

#include <algorithm>
#include <cctype>

#include "compile/python_args.h"
#include "compile/python_datetime.h"
#include "compile/python_datetime_types.h"
#include "compile/python_namespace_objects.h"
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

bool names_utc(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return name == "UTC";
}

Value timezone_by_name(CallContext&, CallArgs& args) {
  BoundArgs bound("timezone", args, {"zone"}, 1, false);
  const std::string& name = string_argument(bound.get(0), "timezone");
  if (names_utc(name)) return TimezoneObject::utc(TimezoneObject::Flavor::Pytz);
  // pytz raises UnknownTimeZoneError, a KeyError.
  throw Error(ErrorKind::Key,
              "pytz.timezone(" + Value::string(name).repr() +
                  "): Kiln has no time zone database, so only 'UTC' is available "
                  "(use pytz.FixedOffset(minutes) for a fixed offset, or convert time zones "
                  "in SQL, e.g. with AT TIME ZONE)");
}

Value fixed_offset(CallContext&, CallArgs& args) {
  BoundArgs bound("FixedOffset", args, {"offset"}, 1, false);
  int64_t minutes = int_argument(bound.get(0));
  if (minutes <= -24 * 60 || minutes >= 24 * 60) {
    throw Error(ErrorKind::Value, "absolute offset is too large");
  }
  return TimezoneObject::pytz_fixed(minutes);
}

}  // namespace

Value make_pytz_module() {
  Value utc = TimezoneObject::utc(TimezoneObject::Flavor::Pytz);
  std::map<std::string, Value, std::less<>> members;
  members["utc"] = utc;
  members["UTC"] = utc;
  members["timezone"] = Value::function("timezone", timezone_by_name);
  members["FixedOffset"] = Value::function("FixedOffset", fixed_offset);
  return Value::object(new PythonModule("pytz", std::move(members)));
}

}  // namespace kiln::compile
