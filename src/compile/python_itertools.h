#pragma once
// modules.itertools. Python's functions return lazy iterators; templates only ever loop
// over them or pass them to filters, so these return lists (as Kiln's filters do for
// Python's iterators). The infinite ones (count, cycle, repeat without times) raise an
// error instead of looping forever.

#include "jinja/value.h"

namespace kiln::compile {

jinja::Value make_itertools_module();

}  // namespace kiln::compile
