#include <gtest/gtest.h>

#include "project/source_freshness.h"

namespace kiln::project {
namespace {

using Json = nlohmann::ordered_json;

Freshness written(const char* json) {
  return freshness_from_yaml(Json::parse(json));
}
Freshness absent() {
  return freshness_from_yaml(std::nullopt);
}

TEST(SourceFreshness, TableOverridesSourceFieldByField) {
  Freshness merged = merge_source_freshness(
      {written(R"({"warn_after": {"count": 12, "period": "hour"}, "filter": "x"})"), absent(),
       written(R"({"error_after": {"count": 1, "period": "day"}})"), absent()});
  ASSERT_TRUE(merged);
  EXPECT_EQ((*merged)["warn_after"], (Json{{"count", 12}, {"period", "hour"}}));
  EXPECT_EQ((*merged)["error_after"], (Json{{"count", 1}, {"period", "day"}}));
  EXPECT_EQ((*merged)["filter"], "x");
}

TEST(SourceFreshness, NullTurnsItOff) {
  Freshness merged =
      merge_source_freshness({written(R"({"warn_after": {"count": 12, "period": "hour"}})"),
                              absent(), written("null"), absent()});
  EXPECT_FALSE(merged);
  EXPECT_FALSE(freshness_is_set(absent()));
}

}  // namespace
}  // namespace kiln::project
