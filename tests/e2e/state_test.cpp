// State-aware orchestration end to end, on a copy of examples/wizards: a build reuses what
// neither code nor data changed since the last build, says why it built or reused each node
// (run_results.json `message`), and rebuilds exactly what new data, a logic edit or a dropped
// table calls for. The DAG: raw.* sources -> stg_* views -> dim_wizards, dim_worlds,
// dim_wands, world_revenue tables and fct_orders (incremental, which joins stg_wizards).

#include <duckdb.h>

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

struct Outcome {
  std::string status;
  std::string message;
};

// short_id -> {status, message} of every node in target/run_results.json.
std::map<std::string, Outcome> outcomes(const KilnProject& project) {
  std::map<std::string, Outcome> out;
  nlohmann::json run_results = project.run_results();  // the loop must not outlive it
  for (const auto& result : run_results["results"]) {
    std::string message = result["message"].is_string() ? result["message"].get<std::string>() : "";
    out[short_id(result["unique_id"].get<std::string>())] = {result["status"].get<std::string>(),
                                                             message};
  }
  return out;
}

// The short ids whose status is not "reused": what the run actually built or ran.
std::set<std::string> executed(const std::map<std::string, Outcome>& results) {
  std::set<std::string> out;
  for (const auto& [id, outcome] : results) {
    if (outcome.status != "reused") out.insert(id);
  }
  return out;
}

// Runs one statement on the project's DuckDB file, as a user at a SQL prompt would.
void execute_sql(const std::filesystem::path& database, const std::string& sql) {
  duckdb_database db = nullptr;
  duckdb_connection connection = nullptr;
  ASSERT_EQ(duckdb_open(database.string().c_str(), &db), DuckDBSuccess);
  ASSERT_EQ(duckdb_connect(db, &connection), DuckDBSuccess);
  duckdb_result result;
  duckdb_state state = duckdb_query(connection, sql.c_str(), &result);
  std::string error = state == DuckDBSuccess ? "" : duckdb_result_error(&result);
  duckdb_destroy_result(&result);
  duckdb_disconnect(&connection);
  duckdb_close(&db);
  ASSERT_EQ(state, DuckDBSuccess) << error;
}

class StateTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_KILN_EXIT(project.run({"run-operation", "load_raw_data"}), 0); }

  std::filesystem::path database() const { return project.dir() / "wizards.duckdb"; }

  // Builds, expecting success, and returns what each node did.
  std::map<std::string, Outcome> build(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"build"};
    args.insert(args.end(), extra.begin(), extra.end());
    last = project.run(args);
    EXPECT_KILN_EXIT(last, 0);
    return outcomes(project);
  }

  KilnProject project{(source_dir() / "examples" / "wizards").string()};
  KilnResult last;
};

const std::set<std::string> kModels = {
    "model.stg_wizards", "model.stg_worlds",  "model.stg_wands",
    "model.stg_orders",  "model.dim_wizards", "model.dim_worlds",
    "model.dim_wands",   "model.fct_orders",  "model.world_revenue"};

TEST_F(StateTest, FirstBuildBuildsEverythingAndTheSecondReusesEverything) {
  std::map<std::string, Outcome> first = build();
  ASSERT_EQ(first.size(), 30u);
  for (const auto& [id, outcome] : first) {
    EXPECT_TRUE(outcome.status == "success" || outcome.status == "pass") << id;
    EXPECT_EQ(outcome.message, "never built") << id;
  }

  std::map<std::string, Outcome> second = build();
  ASSERT_EQ(second.size(), 30u);
  for (const auto& [id, outcome] : second) {
    EXPECT_EQ(outcome.status, "reused") << id;
    EXPECT_EQ(outcome.message, "No new changes on any upstreams") << id;
  }
  EXPECT_NE(last.out.find("REUSED=30"), std::string::npos) << last.describe();
  EXPECT_NE(last.out.find("REUSED sql table model main.dim_wizards"), std::string::npos)
      << last.describe();
  EXPECT_NE(last.out.find("[REUSED: No new changes on any upstreams]"), std::string::npos)
      << last.describe();
}

TEST_F(StateTest, NewSourceRowsRebuildOnlyTheTablesThatReadThem) {
  build();
  ASSERT_KILN_EXIT(project.run({"run-operation", "simulate_new_wizards", "--args", "{count: 2}"}),
                   0);
  std::map<std::string, Outcome> after = build();

  // stg_wizards is a view: its data is live, it is not re-created.
  EXPECT_EQ(after["model.stg_wizards"].status, "reused");
  EXPECT_EQ(after["model.stg_wizards"].message, "view: upstream data flows through");
  EXPECT_EQ(after["model.dim_wizards"].status, "success");
  EXPECT_EQ(after["model.dim_wizards"].message, "new data in stg_wizards");
  EXPECT_EQ(after["model.fct_orders"].status, "success");
  EXPECT_EQ(after["model.fct_orders"].message, "new data in stg_wizards");
  // The new wizards have no orders: fct_orders' content did not change, so world_revenue,
  // which reads it, is reused (early cutoff).
  EXPECT_EQ(after["model.world_revenue"].status, "reused");
  EXPECT_EQ(after["model.world_revenue"].message, "No new changes on any upstreams");
  for (const char* id : {"model.stg_worlds", "model.stg_wands", "model.stg_orders",
                         "model.dim_worlds", "model.dim_wands", "seed.wand_woods"}) {
    EXPECT_EQ(after[id].status, "reused") << id;
  }
  // Tests of the new data run again; those of unchanged relations are reused.
  EXPECT_EQ(after["test.source_unique_raw_wizards_wizard_id"].status, "pass");
  EXPECT_EQ(after["test.source_unique_raw_wizards_wizard_id"].message, "new data in raw.wizards");
  EXPECT_EQ(after["test.unique_dim_wizards_wizard_id"].status, "pass");
  EXPECT_EQ(after["test.unique_fct_orders_order_id"].status, "reused");
  EXPECT_EQ(after["test.assert_orders_have_positive_amounts"].status, "reused");

  DuckDbFile db(database());
  EXPECT_EQ(db.count("select count(*) from main.dim_wizards"), 6);
  EXPECT_EQ(db.count("select count(*) from main.stg_wizards"), 6);
}

TEST_F(StateTest, AFormattingEditRebuildsNothingAndALogicEditRebuildsTheViewAndItsTables) {
  build();
  std::string original = project.read("models/staging/stg_wizards.sql");

  // Comments, whitespace and keyword case do not change what is built.
  std::string reformatted = original;
  reformatted.replace(reformatted.find("select"), 6, "SELECT  -- reformatted\n   ");
  reformatted.replace(reformatted.find("from"), 4, "FROM");
  project.write("models/staging/stg_wizards.sql", "/* a new comment */\n" + reformatted);
  EXPECT_EQ(executed(build()), std::set<std::string>{});

  // A logic edit: names upper-cased. The view is re-created, the tables below rebuilt.
  std::string edited = original;
  edited.replace(edited.find("trim(wizard_name)"), 17, "upper(trim(wizard_name))");
  project.write("models/staging/stg_wizards.sql", edited);
  std::map<std::string, Outcome> after = build();
  EXPECT_EQ(after["model.stg_wizards"].status, "success");
  EXPECT_EQ(after["model.stg_wizards"].message, "code changed (SQL)");
  EXPECT_EQ(after["model.dim_wizards"].status, "success");
  EXPECT_EQ(after["model.dim_wizards"].message, "new data in stg_wizards");
  EXPECT_EQ(after["model.fct_orders"].status, "success");
  for (const char* id : {"model.stg_worlds", "model.dim_worlds", "model.dim_wands",
                         "model.world_revenue", "model.stg_orders"}) {
    EXPECT_EQ(after[id].status, "reused") << id;
  }
  DuckDbFile db(database());
  EXPECT_EQ(db.rows("select wizard_name from main.dim_wizards where wizard_id = 1"),
            (Rows{{"GED"}}));
}

TEST_F(StateTest, ADroppedTableIsRebuilt) {
  build();
  execute_sql(database(), "drop table main.dim_wands");
  std::map<std::string, Outcome> after = build();
  EXPECT_EQ(after["model.dim_wands"].status, "success");
  EXPECT_EQ(after["model.dim_wands"].message, "relation missing");
  EXPECT_EQ(executed(after), (std::set<std::string>{"model.dim_wands"}));
  DuckDbFile db(database());
  EXPECT_EQ(db.count("select count(*) from main.dim_wands"), 4);
}

TEST_F(StateTest, AStateAgnosticRunBuildsEverythingAndRecordsIt) {
  build();
  std::map<std::string, Outcome> forced = build({"--state-agnostic"});
  ASSERT_EQ(forced.size(), 30u);
  for (const auto& [id, outcome] : forced) {
    EXPECT_NE(outcome.status, "reused") << id;
    EXPECT_EQ(outcome.message, "state-agnostic run") << id;
  }
  EXPECT_EQ(executed(build()), std::set<std::string>{});
}

TEST_F(StateTest, AFullRefreshBuildsEverything) {
  build();
  std::map<std::string, Outcome> refreshed = build({"--full-refresh"});
  for (const std::string& id : kModels)
    EXPECT_EQ(refreshed[id].status, "success") << id;
}

TEST_F(StateTest, AFailedBuildIsRebuiltOnTheNextRun) {
  build();
  std::string original = project.read("models/marts/dim_worlds.sql");
  project.write("models/marts/dim_worlds.sql",
                "select no_such_column from {{ ref('stg_worlds') }}");
  EXPECT_KILN_EXIT(project.run({"build", "--select", "dim_worlds"}), 1);
  project.write("models/marts/dim_worlds.sql", original);
  // The code is back to what the last good build had, but that build failed since.
  std::map<std::string, Outcome> after = build({"--select", "dim_worlds"});
  EXPECT_EQ(after["model.dim_worlds"].status, "success");
  EXPECT_EQ(after["model.dim_worlds"].message, "last build failed");
}

TEST_F(StateTest, DryRunBuildsNothingAndSaysWhatItWouldDo) {
  KilnResult dry = project.run({"build", "--dry-run"});
  ASSERT_KILN_EXIT(dry, 0);
  EXPECT_NE(dry.out.find("never built"), std::string::npos) << dry.describe();
  {
    DuckDbFile db(database());
    EXPECT_FALSE(db.has_relation("main", "dim_wizards"));
    EXPECT_FALSE(db.has_relation("main", "stg_wizards"));
    EXPECT_EQ(db.count("select count(*) from information_schema.schemata "
                       "where schema_name = 'kiln_state'"),
              0);
  }

  build();
  ASSERT_KILN_EXIT(project.run({"run-operation", "simulate_new_wizards", "--args", "{count: 2}"}),
                   0);
  dry = project.run({"build", "--dry-run"});
  ASSERT_KILN_EXIT(dry, 0);
  EXPECT_NE(dry.out.find("new data in stg_wizards"), std::string::npos) << dry.describe();
  DuckDbFile db(database());
  EXPECT_EQ(db.count("select count(*) from main.dim_wizards"), 4);
}

TEST_F(StateTest, StateCommandShowsEachNodesRecord) {
  build();
  KilnResult shown = project.run({"state", "--select", "dim_wizards"});
  ASSERT_KILN_EXIT(shown, 0);
  EXPECT_NE(shown.out.find("model.wizards.dim_wizards"), std::string::npos) << shown.describe();
  EXPECT_NE(shown.out.find("success"), std::string::npos) << shown.describe();
  EXPECT_EQ(shown.out.find("model.wizards.dim_wands"), std::string::npos) << shown.describe();

  KilnResult json = project.run({"state", "--output", "json"});
  ASSERT_KILN_EXIT(json, 0);
  nlohmann::json records = nlohmann::json::parse(json.out.substr(json.out.find('[')));
  EXPECT_EQ(records.size(), 30u);
}

}  // namespace
}  // namespace kiln::e2e
