#include "artifacts/timestamp.h"

#include <gtest/gtest.h>

namespace kiln::artifacts {
namespace {

TimePoint at_micros(long long micros) {
  return TimePoint(std::chrono::microseconds(micros));
}

TEST(Timestamp, FormatsLikeDbtGeneratedAt) {
  EXPECT_EQ(format_utc_z(at_micros(1727191476246406)), "2024-09-24T15:24:36.246406Z");
}

TEST(Timestamp, FormatsAwareDatetimesWithOffset) {
  EXPECT_EQ(format_utc_offset(at_micros(1727191476246406)), "2024-09-24T15:24:36.246406+00:00");
}

TEST(Timestamp, KeepsLeadingZerosOfMicrosecondsAndLeapDays) {
  EXPECT_EQ(format_utc_z(at_micros(951782400000005)), "2000-02-29T00:00:00.000005Z");
}

TEST(Timestamp, EpochSecondsKeepsMicroseconds) {
  EXPECT_DOUBLE_EQ(epoch_seconds(at_micros(1727191476246406)), 1727191476.246406);
}

}  // namespace
}  // namespace kiln::artifacts
