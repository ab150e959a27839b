#pragma once
// A hand-built graph shaped like examples/wizards: sources raw.*, a seed, stg_* views,
// dim_*/fct_* tables, generic, singular and unit tests, an exposure, a versioned model and a
// model from an installed package. Tests name nodes by short labels (see label()).

#include <algorithm>
#include <string>
#include <vector>

#include "graph/dag.h"
#include "graph/graph_node.h"
#include "graph/node_selector.h"
#include "graph/selection_spec.h"

namespace kiln::graph::testing {

inline GraphNode model(const std::string& name, const std::string& folder,
                       std::vector<std::string> depends_on, const std::string& materialized) {
  GraphNode node;
  node.unique_id = "model.wizards." + name;
  node.resource_type = "model";
  node.name = name;
  node.package = "wizards";
  node.fqn = {"wizards", folder, name};
  node.original_file_path = "models/" + folder + "/" + name + ".sql";
  node.patch_path = "models/" + folder + "/schema.yml";
  node.config = {{"materialized", materialized}, {"enabled", true}};
  node.depends_on = std::move(depends_on);
  node.access = "protected";
  return node;
}

inline GraphNode source(const std::string& table) {
  GraphNode node;
  node.unique_id = "source.wizards.raw." + table;
  node.resource_type = "source";
  node.name = table;
  node.source_name = "raw";
  node.package = "wizards";
  node.fqn = {"wizards", "staging", "raw", table};
  node.original_file_path = "models/staging/sources.yml";
  node.config = {{"enabled", true}};
  return node;
}

inline GraphNode generic_test(const std::string& name, const std::string& test_macro,
                              std::vector<std::string> depends_on, const std::string& yml) {
  GraphNode node;
  node.unique_id = "test.wizards." + name;
  node.resource_type = "test";
  node.name = name;
  node.package = "wizards";
  node.fqn = {"wizards", yml.find("marts") != std::string::npos ? "marts" : "staging", name};
  node.original_file_path = yml;
  node.test_metadata_name = test_macro;
  node.config = {{"materialized", "test"}, {"severity", "ERROR"}, {"enabled", true}};
  node.depends_on = std::move(depends_on);
  return node;
}

inline std::vector<GraphNode> wizards_nodes() {
  const std::string staging_yml = "models/staging/schema.yml";
  const std::string marts_yml = "models/marts/schema.yml";
  std::vector<GraphNode> nodes;
  for (const char* table : {"wizards", "worlds", "wands", "orders"})
    nodes.push_back(source(table));
  nodes.back().tags = {"raw_orders"};

  GraphNode seed;
  seed.unique_id = "seed.wizards.wand_woods";
  seed.resource_type = "seed";
  seed.name = "wand_woods";
  seed.package = "wizards";
  seed.fqn = {"wizards", "wand_woods"};
  seed.original_file_path = "seeds/wand_woods.csv";
  seed.config = {{"materialized", "seed"}};
  nodes.push_back(seed);

  nodes.push_back(model("stg_wizards", "staging", {"source.wizards.raw.wizards"}, "view"));
  nodes.push_back(model("stg_worlds", "staging", {"source.wizards.raw.worlds"}, "view"));
  nodes.push_back(model("stg_wands", "staging", {"source.wizards.raw.wands"}, "view"));
  nodes.push_back(model("stg_orders", "staging", {"source.wizards.raw.orders"}, "view"));
  nodes.push_back(
      model("dim_wizards", "marts",
            {"model.wizards.stg_wizards", "model.wizards.stg_worlds", "model.wizards.stg_wands"},
            "table"));
  nodes.back().tags = {"daily"};
  nodes.back().access = "public";
  nodes.push_back(
      model("dim_wands", "marts", {"model.wizards.stg_wands", "seed.wizards.wand_woods"}, "table"));
  nodes.push_back(model("dim_worlds", "marts", {"model.wizards.stg_worlds"}, "table"));
  nodes.push_back(model("fct_orders", "marts",
                        {"model.wizards.stg_orders", "model.wizards.stg_wizards"}, "incremental"));
  nodes.back().tags = {"daily", "finance"};
  nodes.back().config["meta"] = {{"owner", "alice"}, {"priority", 1}};
  nodes.back().config["contract"] = {{"enforced", true}};
  nodes.back().config["group"] = "finance";
  nodes.push_back(model("world_revenue", "marts",
                        {"model.wizards.fct_orders", "model.wizards.dim_worlds"}, "table"));
  nodes.back().config["meta"] = {{"owner", "bob"}};
  nodes.back().config["packages"] = nlohmann::json::array({"a", "b"});

  // A versioned model: dim_customers v1 and v2 (latest), in marts.
  for (const char* v : {"1", "2"}) {
    GraphNode versioned = model("dim_customers", "marts", {"model.wizards.stg_wizards"}, "table");
    versioned.unique_id = std::string("model.wizards.dim_customers.v") + v;
    versioned.fqn = {"wizards", "marts", "dim_customers", std::string("v") + v};
    versioned.original_file_path = std::string("models/marts/dim_customers_v") + v + ".sql";
    versioned.version = v;
    versioned.latest_version = "2";
    nodes.push_back(versioned);
  }

  nodes.push_back(generic_test("unique_stg_wizards_wizard_id", "unique",
                               {"model.wizards.stg_wizards"}, staging_yml));
  nodes.push_back(generic_test("not_null_stg_orders_order_id", "not_null",
                               {"model.wizards.stg_orders"}, staging_yml));
  nodes.push_back(generic_test("unique_fct_orders_order_id", "unique", {"model.wizards.fct_orders"},
                               marts_yml));
  nodes.push_back(generic_test("relationships_fct_orders_wizard_id", "relationships",
                               {"model.wizards.fct_orders", "model.wizards.dim_wizards"},
                               marts_yml));
  nodes.back().config["severity"] = "warn";
  nodes.push_back(generic_test("source_unique_raw_wizards_wizard_id", "unique",
                               {"source.wizards.raw.wizards"}, "models/staging/sources.yml"));

  GraphNode singular;
  singular.unique_id = "test.wizards.assert_orders_have_positive_amounts";
  singular.resource_type = "test";
  singular.name = "assert_orders_have_positive_amounts";
  singular.package = "wizards";
  singular.fqn = {"wizards", "assert_orders_have_positive_amounts"};
  singular.original_file_path = "tests/assert_orders_have_positive_amounts.sql";
  singular.config = {{"materialized", "test"}, {"severity", "error"}};
  singular.depends_on = {"model.wizards.fct_orders"};
  nodes.push_back(singular);

  GraphNode unit;
  unit.unique_id = "unit_test.wizards.fct_orders.test_fct_orders_amounts";
  unit.resource_type = "unit_test";
  unit.name = "test_fct_orders_amounts";
  unit.package = "wizards";
  unit.fqn = {"wizards", "marts", "fct_orders", "test_fct_orders_amounts"};
  unit.original_file_path = marts_yml;
  unit.depends_on = {"model.wizards.fct_orders"};
  nodes.push_back(unit);

  GraphNode exposure;
  exposure.unique_id = "exposure.wizards.revenue_dashboard";
  exposure.resource_type = "exposure";
  exposure.name = "revenue_dashboard";
  exposure.package = "wizards";
  exposure.fqn = {"wizards", "marts", "revenue_dashboard"};
  exposure.original_file_path = "models/marts/exposures.yml";
  exposure.depends_on = {"model.wizards.world_revenue"};
  nodes.push_back(exposure);

  GraphNode package_model;
  package_model.unique_id = "model.wizards_utils.util_calendar";
  package_model.resource_type = "model";
  package_model.name = "util_calendar";
  package_model.package = "wizards_utils";
  package_model.fqn = {"wizards_utils", "util_calendar"};
  package_model.original_file_path = "models/util_calendar.sql";
  package_model.config = {{"materialized", "view"}};
  nodes.push_back(package_model);
  return nodes;
}

// "stg_wizards", "dim_customers.v2", "source:raw.orders", "test:unique_fct_orders_order_id",
// "unit:test_fct_orders_amounts", "exposure:revenue_dashboard", "wand_woods", "util_calendar".
inline std::string label(const GraphNode& node) {
  if (node.resource_type == "source") return "source:" + node.source_name + "." + node.name;
  if (node.resource_type == "test") return "test:" + node.name;
  if (node.resource_type == "unit_test") return "unit:" + node.name;
  if (node.resource_type == "exposure") return "exposure:" + node.name;
  if (!node.version.empty()) return node.name + ".v" + node.version;
  return node.name;
}

inline std::vector<std::string> labels(const Dag& dag, const NodeSet& set) {
  std::vector<std::string> out;
  set.for_each([&](NodeIndex node) { out.push_back(label(dag.node(node))); });
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> sorted(std::vector<std::string> list) {
  std::sort(list.begin(), list.end());
  return list;
}

// Runs `dbt <cmd> --select <select> --exclude <exclude>` selection on the wizards graph.
class WizardsSelection {
 public:
  WizardsSelection() : dag_(wizards_nodes()), selector_(dag_, "wizards") {}

  std::vector<std::string> select(const std::string& select, const std::string& exclude = "",
                                  IndirectSelection mode = IndirectSelection::Eager) const {
    return labels(dag_, run(select, exclude, mode).selected);
  }
  SelectionResult run(const std::string& select, const std::string& exclude = "",
                      IndirectSelection mode = IndirectSelection::Eager) const {
    std::vector<std::string> s, e;
    if (!select.empty()) s.push_back(select);
    if (!exclude.empty()) e.push_back(exclude);
    return selector_.select(parse_command_line_selection(s, e), mode);
  }
  std::vector<std::string> select_spec(const SelectionSpec& spec,
                                       IndirectSelection mode = IndirectSelection::Eager) const {
    return labels(dag_, selector_.select(spec, mode).selected);
  }
  const Dag& dag() const { return dag_; }
  NodeSelector& selector() { return selector_; }

 private:
  Dag dag_;
  NodeSelector selector_;
};

}  // namespace kiln::graph::testing
