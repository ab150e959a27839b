#include "project/named_blocks.h"

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

std::vector<NamedBlock> find_named_blocks(std::string_view text, std::string_view tag,
                                          const std::string& file) {
  const std::regex open_tag("\\{%-?\\s*" + std::string(tag) +
                            "\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%\\}");
  const std::regex close_tag("\\{%-?\\s*end" + std::string(tag) + "\\s*-?%\\}");
  std::vector<NamedBlock> blocks;
  std::string source(text);
  auto cursor = source.cbegin();
  std::smatch open;
  while (std::regex_search(cursor, source.cend(), open, open_tag)) {
    size_t open_offset = size_t(open[0].first - source.cbegin());
    std::smatch close;
    if (!std::regex_search(open[0].second, source.cend(), close, close_tag))
      throw ProjectError(
          SourcePos{file, line_at(text, open_offset), 0},
          fmt::format("{} '{}' has no closing {{% end{} %}}", tag, open[1].str(), tag));
    NamedBlock block;
    block.name = open[1].str();
    block.body = std::string(open[0].second, close[0].first);
    block.line = line_at(text, open_offset);
    blocks.push_back(std::move(block));
    cursor = close[0].second;
  }
  return blocks;
}

}  // namespace kiln::project
