#include "graph/fqn_match.h"

#include "graph/fnmatch.h"

namespace kiln::graph {

namespace {

std::vector<std::string> split_dots(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot = text.find('.'); dot != std::string_view::npos; dot = text.find('.', start)) {
    parts.emplace_back(text.substr(start, dot - start));
    start = dot + 1;
  }
  parts.emplace_back(text.substr(start));
  return parts;
}

std::string join_from(const std::vector<std::string>& parts, size_t from, char separator) {
  std::string out;
  for (size_t i = from; i < parts.size(); ++i) {
    if (i > from) out += separator;
    out += parts[i];
  }
  return out;
}

bool leaf_matches(const std::vector<std::string>& fqn, std::string_view selector,
                  bool is_versioned) {
  if (!is_versioned) return fqn.back() == selector;
  if (fqn.size() < 2) return false;
  if (fqn[fqn.size() - 2] == selector) return true;
  // The last two fqn parts (name, "v2") against the selector's last two dot parts, both
  // joined by '_', so dim_customers.v2 and dim_customers_v2 both select version 2.
  std::vector<std::string> selector_parts = split_dots(selector);
  size_t from = selector_parts.size() >= 2 ? selector_parts.size() - 2 : 0;
  return join_from(fqn, fqn.size() - 2, '_') == join_from(selector_parts, from, '_');
}

bool prefix_matches(const std::vector<std::string>& fqn, std::string_view selector) {
  // Dots inside fqn parts (a model named "a.b") act as separators too.
  std::vector<std::string> flat;
  for (const std::string& part : fqn) {
    for (std::string& piece : split_dots(part))
      flat.push_back(std::move(piece));
  }
  std::vector<std::string> selector_parts = split_dots(selector);
  if (flat.size() < selector_parts.size()) return false;
  for (size_t i = 0; i < selector_parts.size(); ++i) {
    if (has_wildcard(selector_parts[i])) {
      return fnmatch(join_from(flat, i, '.'), join_from(selector_parts, i, '.'));
    }
    if (flat[i] != selector_parts[i]) return false;
  }
  return true;
}

bool is_selected(const std::vector<std::string>& fqn, std::string_view selector,
                 bool is_versioned) {
  if (fqn.empty()) return false;
  return leaf_matches(fqn, selector, is_versioned) || prefix_matches(fqn, selector);
}

}  // namespace

bool fqn_matches(const std::vector<std::string>& fqn, std::string_view selector,
                 bool is_versioned) {
  if (is_selected(fqn, selector, is_versioned)) return true;
  if (fqn.empty()) return false;
  std::vector<std::string> unscoped(fqn.begin() + 1, fqn.end());
  return is_selected(unscoped, selector, is_versioned);
}

}  // namespace kiln::graph
