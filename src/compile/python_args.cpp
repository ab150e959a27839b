#include "compile/python_args.h"

#include "jinja/error.h"

namespace kiln::compile {

using jinja::Error;
using jinja::ErrorKind;
using jinja::Value;

int64_t int_argument(const Value& v) {
  if (v.is_bool()) return v.as_bool() ? 1 : 0;
  if (v.int_fits_int64()) return v.as_int64();
  if (v.is_int()) throw Error(ErrorKind::Overflow, "Python int too large to convert to C long");
  throw Error(ErrorKind::Type,
              "'" + std::string(v.type_name()) + "' object cannot be interpreted as an integer");
}

double number_argument(const Value& v, std::string_view function) {
  if (v.is_number()) return v.to_double();
  throw Error(ErrorKind::Type, std::string(function) + "() argument must be a number, not '" +
                                   std::string(v.type_name()) + "'");
}

const std::string& string_argument(const Value& v, std::string_view function) {
  if (v.is_string()) return v.as_string();
  throw Error(ErrorKind::Type, std::string(function) + "() argument must be str, not '" +
                                   std::string(v.type_name()) + "'");
}

}  // namespace kiln::compile
