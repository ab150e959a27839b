#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::project {

// The patterns of a .dbtignore file, with gitignore's meaning (dbt uses pathspec's
// "gitwildmatch"): blank lines and `#` comments are skipped, `!` re-includes, a trailing
// `/` matches only folders, a pattern with a `/` elsewhere is anchored at the project
// root, otherwise it matches a name at any depth; `*` and `?` do not cross `/`, `**`
// does. A path inside an ignored folder is ignored.
class IgnoreRules {
 public:
  static IgnoreRules parse(std::string_view text);

  // `relative_path` uses '/' and is relative to the project root.
  bool is_ignored(std::string_view relative_path) const;
  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    std::regex pattern;
    bool negated = false;
    bool folders_only = false;
  };
  // The verdict of the rules for one path (not looking at its parents).
  bool matches(const std::string& path, bool is_folder) const;

  std::vector<Rule> rules_;
};

}  // namespace kiln::project
