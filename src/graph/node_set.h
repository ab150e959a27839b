#pragma once
// A set of nodes of one Dag, as a bitset over node indexes: selection combines sets by union,
// intersection and difference many times per command, and on a 10,000-node project a bitset
// does each in a few hundred machine words.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiln::graph {

using NodeIndex = uint32_t;

class NodeSet {
 public:
  NodeSet() = default;
  explicit NodeSet(size_t universe) : universe_(universe), words_((universe + 63) / 64, 0) {}
  static NodeSet all(size_t universe);

  size_t universe() const { return universe_; }
  bool contains(NodeIndex node) const { return (words_[node / 64] >> (node % 64)) & 1u; }
  void insert(NodeIndex node) { words_[node / 64] |= uint64_t{1} << (node % 64); }
  void erase(NodeIndex node) { words_[node / 64] &= ~(uint64_t{1} << (node % 64)); }
  size_t size() const;
  bool empty() const;
  bool is_subset_of(const NodeSet& other) const;

  NodeSet& operator|=(const NodeSet& other);
  NodeSet& operator&=(const NodeSet& other);
  NodeSet& operator-=(const NodeSet& other);
  friend NodeSet operator|(NodeSet a, const NodeSet& b) { return a |= b; }
  friend NodeSet operator&(NodeSet a, const NodeSet& b) { return a &= b; }
  friend NodeSet operator-(NodeSet a, const NodeSet& b) { return a -= b; }
  bool operator==(const NodeSet& other) const = default;

  // Members in increasing index order (the Dag numbers nodes in unique_id order).
  std::vector<NodeIndex> members() const;
  template <typename Visit>
  void for_each(Visit visit) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      for (uint64_t bits = words_[w]; bits != 0; bits &= bits - 1) {
        visit(static_cast<NodeIndex>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
      }
    }
  }

 private:
  size_t universe_ = 0;
  std::vector<uint64_t> words_;
};

}  // namespace kiln::graph
