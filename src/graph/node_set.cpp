#include "graph/node_set.h"

#include <algorithm>
#include <stdexcept>

namespace kiln::graph {

namespace {

void require_same_universe(const NodeSet& a, const NodeSet& b) {
  // Sets of different graphs cannot be combined; this is a programming error.
  if (a.universe() != b.universe()) {
    throw std::logic_error("NodeSet: combining sets of graphs of different sizes");
  }
}

}  // namespace

NodeSet NodeSet::all(size_t universe) {
  NodeSet set(universe);
  std::fill(set.words_.begin(), set.words_.end(), ~uint64_t{0});
  if (universe % 64 != 0 && !set.words_.empty()) {
    set.words_.back() = (uint64_t{1} << (universe % 64)) - 1;
  }
  return set;
}

size_t NodeSet::size() const {
  size_t count = 0;
  for (uint64_t word : words_)
    count += static_cast<size_t>(__builtin_popcountll(word));
  return count;
}

bool NodeSet::empty() const {
  return std::all_of(words_.begin(), words_.end(), [](uint64_t w) { return w == 0; });
}

bool NodeSet::is_subset_of(const NodeSet& other) const {
  require_same_universe(*this, other);
  for (size_t i = 0; i < words_.size(); ++i) {
    if ((words_[i] & ~other.words_[i]) != 0) return false;
  }
  return true;
}

NodeSet& NodeSet::operator|=(const NodeSet& other) {
  require_same_universe(*this, other);
  for (size_t i = 0; i < words_.size(); ++i)
    words_[i] |= other.words_[i];
  return *this;
}

NodeSet& NodeSet::operator&=(const NodeSet& other) {
  require_same_universe(*this, other);
  for (size_t i = 0; i < words_.size(); ++i)
    words_[i] &= other.words_[i];
  return *this;
}

NodeSet& NodeSet::operator-=(const NodeSet& other) {
  require_same_universe(*this, other);
  for (size_t i = 0; i < words_.size(); ++i)
    words_[i] &= ~other.words_[i];
  return *this;
}

std::vector<NodeIndex> NodeSet::members() const {
  std::vector<NodeIndex> out;
  for_each([&](NodeIndex node) { out.push_back(node); });
  return out;
}

}  // namespace kiln::graph
