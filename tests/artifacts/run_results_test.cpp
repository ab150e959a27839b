#include "artifacts/run_results.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "artifacts/freshness_results.h"

namespace kiln::artifacts {
namespace {

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it)
    keys.push_back(it.key());
  return keys;
}

TimePoint at_micros(long long micros) {
  return TimePoint(std::chrono::microseconds(micros));
}

RunResults two_results() {
  RunResults run;
  run.invocation.invocation_id = "ca07d2ca-054f-4ea1-be63-4acccfe4a6a7";
  run.invocation.generated_at = at_micros(1727191476246406);
  RunResult built;
  built.unique_id = "model.wizards.dim_wizards";
  built.status = NodeStatus::kSuccess;
  built.timing = {{"compile", at_micros(1727191476181448), at_micros(1727191476183192)},
                  {"execute", at_micros(1727191476185536), at_micros(1727191476231442)}};
  built.thread_id = worker_thread_name(0);
  built.execution_time = 0.0535128116607666;
  built.adapter_response = AdapterResponse{"CREATE VIEW", "CREATE VIEW", -1, Json::object()};
  built.message = "code changed";
  built.compiled = true;
  built.compiled_code = "select 1 as id";
  built.relation_name = "\"analytics\".\"main\".\"dim_wizards\"";
  RunResult reused;
  reused.unique_id = "model.wizards.stg_spells";
  reused.status = NodeStatus::kReused;
  reused.thread_id = worker_thread_name(1);
  reused.message = "No new changes on any upstreams";
  run.results = {built, reused};
  run.elapsed_time = 0.6437027454376221;
  run.args = Json{{"which", "run"}, {"vars", Json::object()}};
  return run;
}

// Required keys of a run-results v6 result, hand-copied from dbt's published schema.
const std::vector<std::string> kResultRequired = {
    "status",   "timing",    "thread_id", "execution_time", "adapter_response", "message",
    "failures", "unique_id", "compiled",  "compiled_code",  "relation_name"};

TEST(RunResults, DocumentHasDbtsStructure) {
  Json doc = run_results_json(two_results());
  EXPECT_EQ(keys_of(doc),
            (std::vector<std::string>{"metadata", "results", "elapsed_time", "args"}));
  EXPECT_EQ(doc["metadata"]["dbt_schema_version"],
            "https://schemas.getdbt.com/dbt/run-results/v6.json");
  EXPECT_EQ(doc["args"]["which"], "run");
  ASSERT_EQ(doc["results"].size(), 2u);
  for (const Json& result : doc["results"]) {
    for (const std::string& key : kResultRequired)
      EXPECT_TRUE(result.contains(key)) << key;
  }
}

TEST(RunResults, ResultIsSpelledAsDbtSpellsIt) {
  Json result = run_results_json(two_results())["results"][0];
  EXPECT_EQ(keys_of(result), (std::vector<std::string>{
                                 "status", "timing", "thread_id", "execution_time",
                                 "adapter_response", "message", "failures", "unique_id", "compiled",
                                 "compiled_code", "relation_name", "batch_results"}));
  EXPECT_EQ(result["status"], "success");
  EXPECT_EQ(result["thread_id"], "Thread-1 (worker)");
  EXPECT_EQ(result["timing"][0], (Json{{"name", "compile"},
                                       {"started_at", "2024-09-24T15:24:36.181448Z"},
                                       {"completed_at", "2024-09-24T15:24:36.183192Z"}}));
  EXPECT_EQ(result["adapter_response"],
            (Json{{"_message", "CREATE VIEW"}, {"code", "CREATE VIEW"}, {"rows_affected", -1}}));
  EXPECT_TRUE(result["failures"].is_null());
  EXPECT_TRUE(result["batch_results"].is_null());
}

TEST(RunResults, ReusedNodeHasKilnsStatusAndNoAdapterResponse) {
  Json result = run_results_json(two_results())["results"][1];
  EXPECT_EQ(result["status"], "reused");
  EXPECT_EQ(result["adapter_response"], Json::object());
  EXPECT_EQ(result["message"], "No new changes on any upstreams");
  EXPECT_EQ(result["thread_id"], "Thread-2 (worker)");
}

TEST(RunResults, SerializesLikeDbtAndParsesBack) {
  RunResults run = two_results();
  std::string text = serialize_run_results(run);
  EXPECT_NE(text.find("\"execution_time\": 0.0535128116607666, "), std::string::npos);
  EXPECT_EQ(Json::parse(text), run_results_json(run));
}

FreshnessResult fresh_source() {
  FreshnessResult result;
  result.unique_id = "source.wizards.raw.spells";
  result.status = FreshnessStatus::kWarn;
  result.max_loaded_at = at_micros(1727191476000000);
  result.snapshotted_at = at_micros(1727191476246406);
  result.max_loaded_at_time_ago_in_s = 0.246406;
  result.criteria.warn_after = {12, "hour"};
  result.thread_id = worker_thread_name(0);
  return result;
}

TEST(FreshnessResults, FullEntryHasEveryRequiredKeyInOrder) {
  Json result = freshness_result_json(fresh_source());
  EXPECT_EQ(keys_of(result), (std::vector<std::string>{
                                 "unique_id", "max_loaded_at", "snapshotted_at",
                                 "max_loaded_at_time_ago_in_s", "status", "criteria",
                                 "adapter_response", "timing", "thread_id", "execution_time"}));
  EXPECT_EQ(result["status"], "warn");
  EXPECT_EQ(result["max_loaded_at"], "2024-09-24T15:24:36.000000+00:00");
  EXPECT_EQ(result["criteria"], (Json{{"warn_after", {{"count", 12}, {"period", "hour"}}},
                                      {"error_after", {{"count", nullptr}, {"period", nullptr}}},
                                      {"filter", nullptr}}));
}

TEST(FreshnessResults, RuntimeErrorIsTheShortForm) {
  FreshnessResult failed = fresh_source();
  failed.status = FreshnessStatus::kRuntimeError;
  failed.error = "relation raw.spells does not exist";
  EXPECT_EQ(freshness_result_json(failed), (Json{{"unique_id", "source.wizards.raw.spells"},
                                                 {"error", "relation raw.spells does not exist"},
                                                 {"status", "runtime error"}}));
}

TEST(FreshnessResults, DocumentHasDbtsStructureAndParsesBack) {
  FreshnessResults freshness;
  freshness.results = {fresh_source()};
  freshness.elapsed_time = 1.5;
  Json doc = freshness_results_json(freshness);
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"metadata", "results", "elapsed_time"}));
  EXPECT_EQ(doc["metadata"]["dbt_schema_version"],
            "https://schemas.getdbt.com/dbt/sources/v3.json");
  EXPECT_EQ(Json::parse(serialize_freshness_results(freshness)), doc);
}

}  // namespace
}  // namespace kiln::artifacts
