#include "graph/fqn_match.h"

#include <algorithm>

#include "graph/fnmatch.h"

namespace kiln::graph {

namespace {

// An fqn seen from `from` on (0: with the package, 1: without), its parts split at dots as
// dbt flattens them. Views only: matching runs once per node per criteria, so on large
// projects it must not allocate.
struct FqnView {
  const std::vector<std::string>& parts;
  size_t from;

  size_t size() const { return parts.size() - from; }
  const std::string& back() const { return parts.back(); }
};

size_t count_dot_parts(std::string_view text) {
  return 1 + static_cast<size_t>(std::count(text.begin(), text.end(), '.'));
}

// Splits `text` at dots, one part per call.
class DotParts {
 public:
  explicit DotParts(std::string_view text) : rest_(text) {}
  bool done() const { return done_; }
  std::string_view next() {
    size_t dot = rest_.find('.');
    std::string_view part = rest_.substr(0, dot);
    if (dot == std::string_view::npos) {
      done_ = true;
    } else {
      rest_.remove_prefix(dot + 1);
    }
    return part;
  }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
  bool done_ = false;
};

bool leaf_matches(const FqnView& fqn, std::string_view selector, bool is_versioned) {
  if (!is_versioned) return fqn.back() == selector;
  if (fqn.size() < 2) return false;
  const std::string& name = fqn.parts[fqn.parts.size() - 2];
  if (name == selector) return true;
  // The name and version ("dim_customers", "v2") against the selector's last two dot parts,
  // both joined by '_', so dim_customers.v2 and dim_customers_v2 both select version 2.
  std::string joined_fqn = name + "_" + fqn.back();
  size_t last_dot = selector.rfind('.');
  std::string selector_tail(selector);
  if (last_dot != std::string_view::npos) {
    size_t previous_dot =
        last_dot == 0 ? std::string_view::npos : selector.rfind('.', last_dot - 1);
    size_t start = previous_dot == std::string_view::npos ? 0 : previous_dot + 1;
    selector_tail = std::string(selector.substr(start, last_dot - start)) + "_" +
                    std::string(selector.substr(last_dot + 1));
  }
  return joined_fqn == selector_tail;
}

// The flattened fqn from part `index` (and the dot piece within it) on, joined by dots.
std::string rest_of_fqn(const FqnView& fqn, size_t index, std::string_view rest_of_part) {
  std::string out(rest_of_part);
  for (size_t i = index + 1; i < fqn.parts.size(); ++i) {
    out += '.';
    out += fqn.parts[i];
  }
  return out;
}

bool prefix_matches(const FqnView& fqn, std::string_view selector) {
  size_t flat_size = 0;
  for (size_t i = fqn.from; i < fqn.parts.size(); ++i)
    flat_size += count_dot_parts(fqn.parts[i]);
  if (flat_size < count_dot_parts(selector)) return false;
  DotParts wanted(selector);
  size_t index = fqn.from;
  DotParts have(fqn.parts[index]);
  while (!wanted.done()) {
    if (have.done()) have = DotParts(fqn.parts[++index]);
    std::string_view rest_of_part = have.rest();
    std::string_view rest_of_selector = wanted.rest();
    std::string_view wanted_part = wanted.next();
    if (has_wildcard(wanted_part)) {
      // From the first wildcard on, the rest of the selector must match the rest of the fqn.
      return fnmatch(rest_of_fqn(fqn, index, rest_of_part), rest_of_selector);
    }
    if (have.next() != wanted_part) return false;
  }
  return true;
}

bool is_selected(const FqnView& fqn, std::string_view selector, bool is_versioned) {
  if (fqn.size() == 0) return false;
  return leaf_matches(fqn, selector, is_versioned) || prefix_matches(fqn, selector);
}

}  // namespace

bool fqn_matches(const std::vector<std::string>& fqn, std::string_view selector,
                 bool is_versioned) {
  if (fqn.empty()) return false;
  return is_selected(FqnView{fqn, 0}, selector, is_versioned) ||
         is_selected(FqnView{fqn, 1}, selector, is_versioned);
}

}  // namespace kiln::graph
