#pragma once
// dbt's `modules` context variable: the Python modules dbt exposes to templates,
// reimplemented natively. A dict with
//   datetime   datetime, date, timedelta, timezone        (python_datetime.h)
//   pytz       utc/UTC, timezone('UTC'), FixedOffset       (python_datetime.h)
//   re         match, search, sub, split, compile, ...     (python_re.h)
//   itertools  chain, product, combinations, groupby, ...  (python_itertools.h)
// as in dbt's get_context_modules().

#include "jinja/value.h"

namespace kiln::compile {

jinja::Value make_python_modules();

}  // namespace kiln::compile
