// Freshness configs in both dbt spellings, durations, and humantime-style formatting.

#include "state/freshness.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kiln::state {
namespace {

using Json = nlohmann::ordered_json;
using std::chrono::seconds;

TEST(Freshness, NoneConfiguredMeansNoWaiting) {
  Freshness f = freshness_from_config(Json::parse(R"({"materialized": "table"})"));
  EXPECT_FALSE(f.window);
  EXPECT_EQ(f.updates_on, UpdatesOn::Any);
  EXPECT_FALSE(freshness_from_config(Json()).window);
  EXPECT_FALSE(freshness_from_config(Json::parse(R"({"freshness": null})")).window);
}

TEST(Freshness, BuildAfter) {
  Freshness f = freshness_from_config(Json::parse(
      R"({"freshness": {"build_after": {"count": 4, "period": "hour", "updates_on": "all"}}})"));
  EXPECT_EQ(f.window, seconds(4 * 3600));
  EXPECT_EQ(f.updates_on, UpdatesOn::All);
  EXPECT_EQ(f.config_name, "build_after");
  EXPECT_EQ(freshness_from_config(
                Json::parse(R"({"freshness": {"build_after": {"count": 30, "period": "minute"}}})"))
                .window,
            seconds(1800));
  EXPECT_EQ(freshness_from_config(
                Json::parse(R"({"freshness": {"build_after": {"count": 2, "period": "day"}}})"))
                .window,
            seconds(2 * 86400));
}

TEST(Freshness, BuildAfterZeroMeansNoWaiting) {
  Freshness f = freshness_from_config(
      Json::parse(R"({"freshness": {"build_after": {"count": 0, "period": "hour"}}})"));
  EXPECT_FALSE(f.window);
}

TEST(Freshness, UpdatesOnAloneStillApplies) {
  Freshness f = freshness_from_config(
      Json::parse(R"({"freshness": {"build_after": {"updates_on": "all"}}})"));
  EXPECT_FALSE(f.window);
  EXPECT_EQ(f.updates_on, UpdatesOn::All);
}

TEST(Freshness, StateLagTolerance) {
  Freshness f = freshness_from_config(
      Json::parse(R"({"state": {"lag_tolerance": "4h", "require_fresh_data_from": "all"}})"));
  EXPECT_EQ(f.window, seconds(4 * 3600));
  EXPECT_EQ(f.updates_on, UpdatesOn::All);
  EXPECT_EQ(f.config_name, "lag_tolerance");
}

TEST(Freshness, StateWinsOverBuildAfter) {
  Freshness f = freshness_from_config(Json::parse(
      R"({"state": {"lag_tolerance": "45m"},
          "freshness": {"build_after": {"count": 4, "period": "hour", "updates_on": "all"}}})"));
  EXPECT_EQ(f.window, seconds(45 * 60));
  EXPECT_EQ(f.updates_on, UpdatesOn::Any);
}

TEST(Freshness, BadValuesAreErrors) {
  for (
      const char* text : {
          R"({"freshness": {"build_after": {"count": 4, "period": "week"}}})",
          R"({"freshness": {"build_after": {"count": -1, "period": "hour"}}})",
          R"({"freshness": {"build_after": {"count": "4", "period": "hour"}}})",
          R"({"freshness": {"build_after": {"count": 4, "period": "hour", "updates_on": "some"}}})",
          R"({"state": {"lag_tolerance": "soon"}})",
          R"({"state": {"lag_tolerance": 4}})",
          R"({"state": {"require_fresh_data_from": "most"}})",
      }) {
    EXPECT_THROW(freshness_from_config(Json::parse(text)), std::invalid_argument) << text;
  }
}

TEST(Duration, Parses) {
  EXPECT_EQ(parse_duration("45m"), seconds(2700));
  EXPECT_EQ(parse_duration("4h"), seconds(14400));
  EXPECT_EQ(parse_duration("7d"), seconds(7 * 86400));
  EXPECT_EQ(parse_duration("30s"), seconds(30));
  EXPECT_EQ(parse_duration("1h30m"), seconds(5400));
  EXPECT_EQ(parse_duration("1h 30m"), seconds(5400));
  EXPECT_EQ(parse_duration("2 days"), seconds(2 * 86400));
  EXPECT_EQ(parse_duration("1w"), seconds(604800));
  EXPECT_EQ(parse_duration("0m"), seconds(0));
}

TEST(Duration, RejectsNonsense) {
  for (const char* text : {"", " ", "h", "4", "4x", "4 h m", "-4h", "4.5h", "1234567890123h"}) {
    EXPECT_FALSE(parse_duration(text)) << text;
  }
}

TEST(Duration, FormatsAsDbtFusionPrints) {
  EXPECT_EQ(format_duration(seconds(0)), "0s");
  EXPECT_EQ(format_duration(seconds(-5)), "0s");
  EXPECT_EQ(format_duration(seconds(4 * 3600)), "4h");
  EXPECT_EQ(format_duration(seconds(42 * 60 + 20)), "42m 20s");
  EXPECT_EQ(format_duration(seconds(3600 + 1)), "1h 1s");
  EXPECT_EQ(format_duration(seconds(86400)), "1day");
  EXPECT_EQ(format_duration(seconds(2 * 86400 + 7200)), "2days 2h");
  EXPECT_EQ(format_duration(seconds(2'630'016)), "1month");
  EXPECT_EQ(format_duration(seconds(31'557'600 * 2)), "2years");
}

}  // namespace
}  // namespace kiln::state
