#include "project/ignore_rules.h"

namespace kiln::project {
namespace {

std::string trimmed_line(std::string_view line) {
  std::string out(line);
  while (!out.empty() && (out.back() == '\r' || out.back() == ' '))
    out.pop_back();
  return out;
}

// Translates a glob (already stripped of `!`, and of the leading/trailing `/`) to a regex.
std::string glob_to_regex(const std::string& glob) {
  std::string out;
  for (size_t i = 0; i < glob.size(); ++i) {
    char c = glob[i];
    if (c == '*' && i + 1 < glob.size() && glob[i + 1] == '*') {
      bool slash_follows = i + 2 < glob.size() && glob[i + 2] == '/';
      out += slash_follows ? "(?:.*/)?" : ".*";
      i += slash_follows ? 2 : 1;
    } else if (c == '*') {
      out += "[^/]*";
    } else if (c == '?') {
      out += "[^/]";
    } else if (c == '[') {
      size_t close = glob.find(']', i + 1);
      if (close == std::string::npos) {
        out += "\\[";
      } else {
        std::string cls = glob.substr(i + 1, close - i - 1);
        if (!cls.empty() && cls[0] == '!') cls[0] = '^';
        out += "[" + cls + "]";
        i = close;
      }
    } else if (c == '\\' && i + 1 < glob.size()) {
      out += '\\';
      out += glob[++i];
    } else if (std::string_view(".^$+(){}|").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

IgnoreRules IgnoreRules::parse(std::string_view text) {
  IgnoreRules rules;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = trimmed_line(text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    Rule rule;
    if (line[0] == '!') {
      rule.negated = true;
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      rule.folders_only = true;
      line.pop_back();
    }
    bool anchored = line.find('/') != std::string::npos;
    if (!line.empty() && line[0] == '/') line.erase(0, 1);
    if (line.empty()) continue;
    std::string regex = (anchored ? "" : "(?:.*/)?") + glob_to_regex(line);
    rule.pattern = std::regex(regex);
    rules.rules_.push_back(std::move(rule));
  }
  return rules;
}

bool IgnoreRules::matches(const std::string& path, bool is_folder) const {
  bool ignored = false;
  for (const auto& rule : rules_) {
    if (rule.folders_only && !is_folder) continue;
    if (std::regex_match(path, rule.pattern)) ignored = !rule.negated;
  }
  return ignored;
}

bool IgnoreRules::is_ignored(std::string_view relative_path) const {
  if (rules_.empty()) return false;
  std::string path(relative_path);
  for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
    if (matches(path.substr(0, slash), true)) return true;
  return matches(path, false);
}

}  // namespace kiln::project
