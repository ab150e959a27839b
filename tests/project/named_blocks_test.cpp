// dbt's named blocks found as text: snapshots in snapshot files, docs in .md files.
#include "project/named_blocks.h"

#include <gtest/gtest.h>

#include "project/error.h"

namespace kiln::project {
namespace {

TEST(NamedBlocks, FindsDocsBlocksAndIgnoresTheTextAround) {
  std::string text =
      "# Title {{ not jinja here\n"
      "{% docs orders %}\nAll **orders**.\n{% enddocs %}\n"
      "between\n"
      "{%- docs customers -%}One per person{%- enddocs -%}\n";
  std::vector<NamedBlock> blocks = find_named_blocks(text, "docs", "models/docs.md");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].name, "orders");
  EXPECT_EQ(blocks[0].body, "\nAll **orders**.\n");
  EXPECT_EQ(blocks[0].line, 2);
  EXPECT_EQ(blocks[1].name, "customers");
  EXPECT_EQ(blocks[1].body, "One per person");
  EXPECT_EQ(blocks[1].line, 6);
}

TEST(NamedBlocks, TagsDoNotMatchEachOther) {
  std::string text = "{% snapshot s %}select 1{% endsnapshot %}{% docs d %}x{% enddocs %}";
  ASSERT_EQ(find_named_blocks(text, "docs", "f.md").size(), 1u);
  ASSERT_EQ(find_named_blocks(text, "snapshot", "f.sql").size(), 1u);
  EXPECT_EQ(find_named_blocks(text, "snapshot", "f.sql")[0].body, "select 1");
}

TEST(NamedBlocks, AnUnclosedBlockNamesItsLine) {
  try {
    find_named_blocks("\n\n{% docs lost %}text", "docs", "models/docs.md");
    FAIL() << "no error";
  } catch (const ProjectError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("models/docs.md:3"), std::string::npos) << what;
    EXPECT_NE(what.find("docs 'lost' has no closing {% enddocs %}"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace kiln::project
