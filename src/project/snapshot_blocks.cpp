#include "project/snapshot_blocks.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "project/error.h"

namespace kiln::project {
namespace {

int line_at(std::string_view text, size_t offset) {
  return 1 + int(std::count(text.begin(), text.begin() + long(offset), '\n'));
}

}  // namespace

std::vector<SnapshotBlock> find_snapshot_blocks(std::string_view text, const std::string& file) {
  static const std::regex open_tag(R"(\{%-?\s*snapshot\s+([A-Za-z_][A-Za-z0-9_]*)\s*-?%\})");
  static const std::regex close_tag(R"(\{%-?\s*endsnapshot\s*-?%\})");
  std::vector<SnapshotBlock> blocks;
  std::string source(text);
  auto cursor = source.cbegin();
  std::smatch open;
  while (std::regex_search(cursor, source.cend(), open, open_tag)) {
    size_t open_offset = size_t(open[0].first - source.cbegin());
    std::smatch close;
    if (!std::regex_search(open[0].second, source.cend(), close, close_tag))
      throw ProjectError(
          SourcePos{file, line_at(text, open_offset), 0},
          fmt::format("snapshot '{}' has no closing {{% endsnapshot %}}", open[1].str()));
    SnapshotBlock block;
    block.name = open[1].str();
    block.body = std::string(open[0].second, close[0].first);
    block.line = line_at(text, open_offset);
    blocks.push_back(std::move(block));
    cursor = close[0].second;
  }
  return blocks;
}

}  // namespace kiln::project
