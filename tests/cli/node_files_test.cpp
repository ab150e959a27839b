// Where dbt writes a node's compiled and run SQL (dbt-core ParsedNode.get_target_write_path),
// and dbt's get_counts stat line.
#include <gtest/gtest.h>

#include "cli/build_report.h"
#include "cli/node_files.h"

namespace kiln::cli {
namespace {

compile::ParsedNode node_with(project::NodeCommon& common, project::ResourceType type,
                              const std::string& original, const std::string& path,
                              const std::string& materialized = "") {
  common.name = std::filesystem::path(path).stem().string();
  common.package_name = "shop";
  common.original_file_path = original;
  common.path = path;
  compile::ParsedNode node;
  node.resource_type = type;
  node.node = &common;
  if (!materialized.empty()) node.config["materialized"] = materialized;
  return node;
}

TEST(NodeWritePath, AFileOfItsOwnKeepsItsPath) {
  project::NodeCommon common;
  auto node = node_with(common, project::ResourceType::Model, "models/staging/stg_x.sql",
                        "staging/stg_x.sql");
  EXPECT_EQ(node_write_path("/p/target", "run", node),
            std::filesystem::path("/p/target/run/shop/models/staging/stg_x.sql"));
}

TEST(NodeWritePath, AGenericTestGoesUnderItsYamlFile) {
  project::NodeCommon common;
  auto node =
      node_with(common, project::ResourceType::Test, "models/schema.yml", "not_null_x_id.sql");
  EXPECT_EQ(node_write_path("target", "compiled", node),
            std::filesystem::path("target/compiled/shop/models/schema.yml/not_null_x_id.sql"));
}

TEST(StatLine, CountsByKindSortedWithDbtsPlurals) {
  project::NodeCommon a, b, c, d, e;
  std::vector<compile::ParsedNode> nodes = {
      node_with(a, project::ResourceType::Model, "models/a.sql", "a.sql", "view"),
      node_with(b, project::ResourceType::Model, "models/b.sql", "b.sql", "view"),
      node_with(c, project::ResourceType::Seed, "seeds/c.csv", "c.csv"),
      node_with(d, project::ResourceType::Test, "tests/d.sql", "d.sql"),
      node_with(e, project::ResourceType::Model, "models/e.sql", "e.sql", "table")};
  std::vector<const compile::ParsedNode*> pointers;
  for (const auto& n : nodes)
    pointers.push_back(&n);
  EXPECT_EQ(stat_line(pointers), "1 seed, 1 table model, 1 test, 2 view models");
  nodes.push_back(nodes[3]);
  pointers.clear();
  for (const auto& n : nodes)
    pointers.push_back(&n);
  EXPECT_EQ(stat_line(pointers), "1 seed, 1 table model, 2 data tests, 2 view models");
}

}  // namespace
}  // namespace kiln::cli
