// dbt's JSON log line (dbt_common/events/logger.py _JsonLogger): json.dumps(MessageToDict(msg),
// sort_keys=True), with proto3's JSON spellings.
#include <gtest/gtest.h>

#include "cli/json_log_line.h"

namespace kiln::cli {
namespace {

using std::chrono::microseconds;

artifacts::TimePoint at_micros(int64_t micros) {
  return artifacts::TimePoint(microseconds(micros));
}

TEST(ProtoTimestamp, PrintsZeroThreeOrSixFractionalDigits) {
  // 2024-09-24T15:24:36Z is 1727191476 seconds after the epoch.
  EXPECT_EQ(proto_timestamp(at_micros(1727191476000000)), "2024-09-24T15:24:36Z");
  EXPECT_EQ(proto_timestamp(at_micros(1727191476246000)), "2024-09-24T15:24:36.246Z");
  EXPECT_EQ(proto_timestamp(at_micros(1727191476246406)), "2024-09-24T15:24:36.246406Z");
}

TEST(ProtoFloat, IsTheShortestDecimalOfTheSingleFloat) {
  EXPECT_EQ(proto_float(0.1).dump(), "0.1");
  EXPECT_EQ(proto_float(0.052345678901).dump(), "0.05234568");
  EXPECT_EQ(proto_float(2.0).dump(), "2.0");
}

TEST(SortedKeys, SortsEveryLevel) {
  nlohmann::ordered_json value = {{"b", 1}, {"a", {{"d", 1}, {"c", {{"f", 1}, {"e", 2}}}}}};
  EXPECT_EQ(sorted_keys(value).dump(), R"({"a":{"c":{"e":2,"f":1},"d":1},"b":1})");
}

TEST(JsonLogLine, HasDbtsInfoFieldsSortedWithPythonSeparators) {
  LogEvent event{"StatsLine", "Z023", LogLevel::Info, "Done.", {{"stats", {{"pass", 1}}}}};
  JsonLogContext context{"5f1b2e2c-0000-4000-8000-000000000000", 42, {{"RUN", "nightly"}}};
  std::string line = json_log_line(event, context, at_micros(1727191476246406));
  EXPECT_EQ(
      line,
      R"({"data": {"stats": {"pass": 1}}, "info": {"category": "", "code": "Z023", )"
      R"("extra": {"RUN": "nightly"}, "invocation_id": "5f1b2e2c-0000-4000-8000-000000000000", )"
      R"("level": "info", "msg": "Done.", "name": "StatsLine", "pid": 42, )"
      R"("thread": "MainThread", "ts": "2024-09-24T15:24:36.246406Z"}})");
}

TEST(JsonLogLine, EscapesNonAsciiAsPythonDoes) {
  LogEvent event = note("caf\xc3\xa9");
  std::string line = json_log_line(event, {}, at_micros(0));
  EXPECT_NE(line.find(R"("msg": "caf\u00e9")"), std::string::npos) << line;
}

}  // namespace
}  // namespace kiln::cli
