#pragma once
// modules.datetime and modules.pytz: Python's datetime module (datetime, date, timedelta,
// timezone) and the part of pytz that needs no zone database (UTC and fixed offsets).

#include <optional>

#include "jinja/operators.h"
#include "jinja/value.h"

namespace kiln::compile {

jinja::Value make_datetime_module();
jinja::Value make_pytz_module();

// An aware datetime in pytz's UTC from an ISO-8601 UTC timestamp ("2024-01-02T03:04:05.6Z"):
// dbt's `run_started_at`, which templates format with strftime or shift with astimezone.
jinja::Value pytz_utc_datetime(std::string_view iso_utc);

// Python's arithmetic on datetimes, dates and timedeltas (datetime - timedelta,
// datetime - datetime, timedelta * int, ...); nullopt when the operands are not ones these
// operators apply to. Templates reach it through the engine's Object::arithmetic hook.
std::optional<jinja::Value> datetime_binary_op(jinja::BinaryOp op, const jinja::Value& a,
                                               const jinja::Value& b);
// Python's ordering of two datetimes, dates or timedeltas (-1, 0, 1); nullopt when they are
// not such a pair. Throws TypeError for naive against aware datetimes, as Python does.
std::optional<int> datetime_compare(const jinja::Value& a, const jinja::Value& b);

}  // namespace kiln::compile
