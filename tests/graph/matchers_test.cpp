// fnmatch, fqn matching and path globbing: the pattern rules dbt's methods rely on.
#include <gtest/gtest.h>

#include "graph/errors.h"
#include "graph/fnmatch.h"
#include "graph/fqn_match.h"
#include "graph/path_glob.h"

namespace kiln::graph {
namespace {

TEST(Fnmatch, WildcardsAsPythonFnmatch) {
  EXPECT_TRUE(fnmatch("daily", "daily"));
  EXPECT_FALSE(fnmatch("daily", "Daily"));  // case-sensitive on POSIX
  EXPECT_TRUE(fnmatch("daily", "d*"));
  EXPECT_TRUE(fnmatch("a.b/c", "a*c"));  // * crosses '.' and '/'
  EXPECT_TRUE(fnmatch("", "*"));
  EXPECT_TRUE(fnmatch("abc", "a?c"));
  EXPECT_FALSE(fnmatch("ac", "a?c"));
  EXPECT_TRUE(fnmatch("b1", "[abc][0-9]"));
  EXPECT_FALSE(fnmatch("d1", "[abc][0-9]"));
  EXPECT_TRUE(fnmatch("d", "[!abc]"));
  EXPECT_FALSE(fnmatch("a", "[!abc]"));
  EXPECT_TRUE(fnmatch("]", "[]]"));  // a leading ] is a member
  EXPECT_TRUE(fnmatch("[x", "[x"));  // an unclosed [ is literal
  EXPECT_TRUE(fnmatch("stg_orders", "*_*s"));
  EXPECT_FALSE(fnmatch("stg_orders", "*_*x"));
  EXPECT_TRUE(fnmatch("é", "?"));  // one character, not one byte
}

TEST(FqnMatch, LeafNameMatches) {
  EXPECT_TRUE(fqn_matches({"wizards", "staging", "stg_orders"}, "stg_orders", false));
  EXPECT_FALSE(fqn_matches({"wizards", "staging", "stg_orders"}, "stg_order", false));
}

TEST(FqnMatch, PrefixSelectsAFolderWithOrWithoutThePackage) {
  const std::vector<std::string> fqn = {"wizards", "staging", "stg_orders"};
  EXPECT_TRUE(fqn_matches(fqn, "wizards.staging", false));
  EXPECT_TRUE(fqn_matches(fqn, "staging", false));
  EXPECT_TRUE(fqn_matches(fqn, "staging.stg_orders", false));
  EXPECT_TRUE(fqn_matches(fqn, "wizards", false));
  EXPECT_FALSE(fqn_matches(fqn, "marts", false));
  EXPECT_FALSE(fqn_matches(fqn, "wizards.staging.stg_orders.extra", false));
}

TEST(FqnMatch, WildcardMatchesTheRestJoinedByDots) {
  const std::vector<std::string> fqn = {"wizards", "marts", "dim_customers", "v2"};
  EXPECT_TRUE(fqn_matches(fqn, "wizards.marts.*", true));
  EXPECT_TRUE(fqn_matches(fqn, "wizards.*.dim_customers.v2", true));
  EXPECT_TRUE(fqn_matches(fqn, "*", true));
  EXPECT_TRUE(fqn_matches(fqn, "marts.dim_*", true));
  EXPECT_FALSE(fqn_matches(fqn, "wizards.staging.*", true));
}

TEST(FqnMatch, VersionedModelsMatchByNameOrNameAndVersion) {
  const std::vector<std::string> v2 = {"wizards", "marts", "dim_customers", "v2"};
  EXPECT_TRUE(fqn_matches(v2, "dim_customers", true));
  EXPECT_TRUE(fqn_matches(v2, "dim_customers.v2", true));
  EXPECT_TRUE(fqn_matches(v2, "dim_customers_v2", true));
  EXPECT_FALSE(fqn_matches(v2, "dim_customers.v1", true));
  EXPECT_FALSE(fqn_matches(v2, "dim_customers_v1", true));
}

TEST(FqnMatch, DotsInsideNamesAreSeparators) {
  EXPECT_TRUE(fqn_matches({"p", "folder", "a.b"}, "folder.a.b", false));
  EXPECT_TRUE(fqn_matches({"p", "folder", "a.b"}, "a.b", false));
}

TEST(PathGlob, ComponentsAndDoubleStar) {
  auto pattern = [](const char* p) { return split_path_pattern(p); };
  EXPECT_TRUE(path_glob_match("models/staging", pattern("models/staging")));
  EXPECT_TRUE(path_glob_match("models/staging", pattern("./models/staging/")));
  EXPECT_TRUE(path_glob_match("models/staging/stg_a.sql", pattern("models/*/stg_*.sql")));
  EXPECT_FALSE(path_glob_match("models/staging/deep/stg_a.sql", pattern("models/*/stg_*.sql")));
  EXPECT_TRUE(path_glob_match("models/staging/deep/stg_a.sql", pattern("models/**/stg_*.sql")));
  EXPECT_TRUE(path_glob_match("models/stg_a.sql", pattern("models/**/stg_*.sql")));
  EXPECT_FALSE(path_glob_match("models/staging", pattern("models/*/x")));
  EXPECT_TRUE(path_glob_match("", pattern("**")));
}

TEST(PathGlob, PatternsOutsideTheProjectAreRejected) {
  EXPECT_THROW(split_path_pattern("/etc/models"), SelectionError);
  EXPECT_THROW(split_path_pattern("../other/models"), SelectionError);
  EXPECT_THROW(split_path_pattern("./"), SelectionError);
}

TEST(PathGlob, ParentFolders) {
  EXPECT_EQ(parent_folders("models/staging/a.sql"),
            (std::vector<std::string>{"models/staging", "models", ""}));
  EXPECT_EQ(parent_folders("a.sql"), std::vector<std::string>{""});
}

}  // namespace
}  // namespace kiln::graph
