#pragma once
// Python's text formatting, exactly: float repr, printf-style `%` formatting and the
// format-spec mini-language of str.format() / format().

#include <string>
#include <string_view>

#include "jinja/value.h"

namespace kiln::jinja {

// repr(float) / str(float): shortest text that round-trips: 1.0, 0.1, 1e-07, 1e+16,
// inf, -inf, nan, -0.0.
std::string float_repr(double d);

// `format % args`: args is a tuple (one value per conversion), a dict (for %(name)s) or
// any other single value. Supports %s %r %a %d %i %u %f %F %e %E %g %G %x %X %o %c %%
// with flags (-+ #0), width and precision (including *). Errors as Python
// ("not enough arguments for format string", "%d format: a real number is required, not str").
std::string percent_format(std::string_view format, const Value& args);

// format(value, spec): [[fill]align][sign][#][0][width][,|_][.precision][type] for str,
// int, float and bool as Python applies it ('{:>10}', '{:.2f}', '{:,}', '{:08.3f}').
std::string format_with_spec(const Value& value, std::string_view spec);

// str.format(*args, **kwargs): {} {0} {name} {0.attr} {0[key]} {!r} {!s} {:spec}, {{ }}.
std::string str_format(std::string_view format, const CallArgs& args);

}  // namespace kiln::jinja
