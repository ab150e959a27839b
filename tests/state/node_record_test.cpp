// Input versions as JSON text, run ids, and the timestamp text of the store.

#include "state/node_record.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "state/timestamp_text.h"

namespace kiln::state {
namespace {

using namespace std::chrono_literals;

TEST(Versions, EncodeIsSortedAndDecodeRoundTrips) {
  DataVersions versions = {{"source.p.raw.b", "1:2"}, {"model.p.a", "view:\"x\"\n"}};
  std::string text = encode_versions(versions);
  EXPECT_EQ(text, R"({"model.p.a":"view:\"x\"\n","source.p.raw.b":"1:2"})");
  EXPECT_EQ(decode_versions(text), versions);
  EXPECT_EQ(encode_versions({}), "{}");
  EXPECT_TRUE(decode_versions("{}").empty());
}

TEST(Versions, DecodeRejectsOtherJson) {
  for (const char* text : {"", "[]", "null", "{\"a\": 1}", "{bad"}) {
    EXPECT_THROW(decode_versions(text), std::runtime_error) << text;
  }
}

TEST(RunId, IsRandomHex) {
  std::set<std::string> ids;
  for (int i = 0; i < 100; ++i) {
    std::string id = new_run_id();
    EXPECT_EQ(id.size(), 32u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 100u);
}

TEST(TimestampText, FormatsWithMicroseconds) {
  auto epoch = std::chrono::system_clock::time_point{};
  EXPECT_EQ(format_timestamp(epoch), "1970-01-01 00:00:00.000000");
  EXPECT_EQ(format_timestamp(epoch + 24h * 20'000 + 1h + 2min + 3s + 4567us),
            "2024-10-04 01:02:03.004567");
}

TEST(TimestampText, ParsesTheEnginesText) {
  auto expected = parse_timestamp("2024-10-04 01:02:03.004567").value();
  EXPECT_EQ(format_timestamp(expected), "2024-10-04 01:02:03.004567");
  EXPECT_EQ(parse_timestamp("2024-10-04T01:02:03.004567Z"), expected);
  EXPECT_EQ(parse_timestamp("2024-10-04 01:02:03.004567+00"), expected);
  EXPECT_EQ(format_timestamp(parse_timestamp("2024-10-04 01:02:03").value()),
            "2024-10-04 01:02:03.000000");
  EXPECT_EQ(format_timestamp(parse_timestamp("2024-10-04 01:02:03.5").value()),
            "2024-10-04 01:02:03.500000");
}

TEST(TimestampText, RejectsOtherText) {
  for (const char* text :
       {"", "2024-10-04", "2024-13-01 00:00:00", "2024-02-30 00:00:00", "2024-10-04 25:00:00",
        "2024-10-04 01:02:03.", "2024-10-04 01:02:03+02", "yesterday"}) {
    EXPECT_FALSE(parse_timestamp(text)) << text;
  }
}

}  // namespace
}  // namespace kiln::state
