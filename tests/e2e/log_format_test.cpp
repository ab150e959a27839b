// --log-format json: every line kiln prints is one JSON object in dbt's structured-log shape
// ({"info": {name, level, msg, ts, invocation_id, ...}, "data": {...}}), so log shippers that
// read dbt's logs read kiln's.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

// NodeFinished is a debug-level event in dbt (core/dbt/events/types.py: class
// NodeFinished(DebugLevel)), and dbt's console prints debug events only with --debug
// (core/dbt/events/logging.py setup_event_logger), so the test asks for them.
TEST(LogFormatTest, JsonLogFormatPrintsOnlyJsonLines) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  KilnResult built = project.run({"build", "--log-format", "json", "--debug"});
  ASSERT_KILN_EXIT(built, 0);

  std::vector<std::string> lines = lines_of(built.out);
  ASSERT_FALSE(lines.empty()) << built.describe();
  std::set<std::string> finished;
  for (const std::string& line : lines) {
    nlohmann::json event = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(event.is_discarded()) << "not JSON: " << line;
    ASSERT_TRUE(event.contains("info")) << line;
    const nlohmann::json& info = event["info"];
    EXPECT_TRUE(info.contains("name")) << line;
    EXPECT_TRUE(info.contains("msg")) << line;
    EXPECT_TRUE(info.contains("level")) << line;
    EXPECT_TRUE(info.contains("ts")) << line;
    if (info.value("name", "") == "NodeFinished") finished.insert(line);
  }
  // One NodeFinished event per node of run_results.json (dbt fires it for every node).
  EXPECT_EQ(finished.size(), project.run_results()["results"].size()) << built.out;
}

// The unique_id of a node event: dbt puts it in data.node_info.
std::string node_of(const nlohmann::json& event) {
  const nlohmann::json& data = event["data"];
  if (!data.contains("node_info") || !data["node_info"].is_object()) return "";
  return data["node_info"].value("unique_id", "");
}

TEST(LogFormatTest, JsonEventsHaveDbtsNamesAndFields) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  KilnResult built = project.run({"build", "--log-format", "json"});
  ASSERT_KILN_EXIT(built, 0);

  std::string invocation_id = project.run_results()["metadata"].value("invocation_id", "");
  std::set<std::string> event_names;
  std::set<std::string> nodes_with_results;
  for (const std::string& line : lines_of(built.out)) {
    nlohmann::json event = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(event.is_discarded()) << "not JSON: " << line;
    const nlohmann::json& info = event["info"];
    EXPECT_EQ(info.value("invocation_id", ""), invocation_id) << line;
    event_names.insert(info.value("name", ""));
    if (info.value("name", "") == "LogModelResult") nodes_with_results.insert(node_of(event));
  }
  EXPECT_TRUE(event_names.count("LogModelResult")) << built.out;
  EXPECT_TRUE(event_names.count("LogTestResult")) << built.out;
  EXPECT_TRUE(event_names.count("LogSeedResult")) << built.out;
  EXPECT_TRUE(nodes_with_results.count("model.e2e_basic.dim_customers")) << built.out;
}

// The codes and fields dbt gives its events (core/dbt/events/types.py, core_types.proto).
TEST(LogFormatTest, NodeEventsCarryDbtsCodesAndNodeInfo) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  KilnResult built = project.run({"build", "--log-format", "json"});
  ASSERT_KILN_EXIT(built, 0);

  std::map<std::string, nlohmann::json> model_result, start_line;
  std::map<std::string, std::string> codes;
  for (const std::string& line : lines_of(built.out)) {
    nlohmann::json event = nlohmann::json::parse(line);
    std::string name = event["info"].value("name", "");
    codes[name] = event["info"].value("code", "");
    EXPECT_EQ(event["info"].value("category", "x"), "") << line;
    EXPECT_TRUE(event["info"]["extra"].is_object()) << line;
    EXPECT_TRUE(event["info"]["pid"].is_number_integer()) << line;
    EXPECT_NE(event["info"].value("level", ""), "debug") << "debug events need --debug: " << line;
    if (name == "LogModelResult") model_result[node_of(event)] = event;
    if (name == "LogStartLine") start_line[node_of(event)] = event;
  }
  EXPECT_EQ(codes["MainReportVersion"], "A001");
  EXPECT_EQ(codes["FoundStats"], "W006");
  EXPECT_EQ(codes["LogStartLine"], "Q011");
  EXPECT_EQ(codes["LogModelResult"], "Q012");
  EXPECT_EQ(codes["LogTestResult"], "Q007");
  EXPECT_EQ(codes["LogSeedResult"], "Q016");
  EXPECT_EQ(codes["StatsLine"], "Z023");
  EXPECT_EQ(codes["EndOfRunSummary"], "Z030");
  EXPECT_FALSE(codes.count("NodeStart")) << "NodeStart is debug-level";

  ASSERT_TRUE(model_result.count("model.e2e_basic.dim_customers")) << built.out;
  const nlohmann::json& result = model_result["model.e2e_basic.dim_customers"];
  const nlohmann::json& info = result["data"]["node_info"];
  EXPECT_EQ(info.value("node_path", ""), "marts/dim_customers.sql");
  EXPECT_EQ(info.value("node_name", ""), "dim_customers");
  EXPECT_EQ(info.value("resource_type", ""), "model");
  EXPECT_EQ(info.value("materialized", ""), "table");
  EXPECT_EQ(info.value("node_status", ""), "success");
  EXPECT_FALSE(info.value("node_started_at", "").empty());
  EXPECT_FALSE(info.value("node_finished_at", "").empty());
  EXPECT_TRUE(info["meta"].is_object());
  EXPECT_EQ(info["node_relation"].value("alias", ""), "dim_customers");
  EXPECT_EQ(info["node_relation"].value("schema", ""), "main_marts");
  EXPECT_EQ(info["node_relation"].value("database", ""), "e2e_basic");
  EXPECT_EQ(info["node_relation"].value("relation_name", ""),
            R"("e2e_basic"."main_marts"."dim_customers")");
  EXPECT_EQ(result["data"].value("status", ""), "OK");
  EXPECT_EQ(result["data"].value("description", ""), "sql table model main_marts.dim_customers");
  EXPECT_TRUE(result["data"]["execution_time"].is_number());
  EXPECT_EQ(result["info"].value("thread", ""), "Thread-1 (worker)");
  EXPECT_NE(result["info"].value("msg", "").find("OK created sql table model "
                                                 "main_marts.dim_customers"),
            std::string::npos);
  ASSERT_TRUE(start_line.count("model.e2e_basic.dim_customers"));
  EXPECT_EQ(
      start_line["model.e2e_basic.dim_customers"]["data"]["node_info"].value("node_status", ""),
      "started");
}

// dbt writes each line with json.dumps(..., sort_keys=True): keys sorted at every level and
// Python's ", " / ": " separators, so the raw text starts with "data" and then "info".
TEST(LogFormatTest, JsonLinesAreWrittenAsPythonWritesThem) {
  KilnProject project("e2e_basic");
  KilnResult listed = project.run({"parse", "--log-format", "json"});
  ASSERT_KILN_EXIT(listed, 0);
  for (const std::string& line : lines_of(listed.out)) {
    EXPECT_EQ(line.rfind(R"({"data": {)", 0), 0u) << line;
    EXPECT_NE(line.find(R"(}, "info": {"category": "", "code": )"), std::string::npos) << line;
  }
}

TEST(LogFormatTest, TextFormatIsNotJson) {
  KilnProject project("e2e_basic");
  ASSERT_NO_FATAL_FAILURE(load_basic_sources(project));
  KilnResult built = project.run({"build"});
  ASSERT_KILN_EXIT(built, 0);
  // dbt's text lines name each node and end with a summary.
  EXPECT_NE(built.out.find("dim_customers"), std::string::npos) << built.out;
  EXPECT_NE(built.out.find("Completed successfully"), std::string::npos) << built.out;
  EXPECT_NE(built.out.find("PASS=17"), std::string::npos) << built.out;
  // Not a terminal: no progress line, and no escape sequence at all.
  EXPECT_EQ(built.out.find('\x1b'), std::string::npos) << built.out;
  EXPECT_EQ(built.out.find(" done, "), std::string::npos) << built.out;
}

TEST(LogFormatTest, QuietPrintsOnlyErrorsAndResults) {
  KilnProject project("e2e_basic");
  KilnResult listed = project.run({"ls", "--quiet", "--resource-type", "seed", "--output", "name"});
  ASSERT_KILN_EXIT(listed, 0);
  EXPECT_EQ(lines_of(listed.out), std::vector<std::string>{"countries"}) << listed.describe();
}

}  // namespace
}  // namespace kiln::e2e
