#pragma once
// Dict: Python's dict as Jinja2 templates use it. Keys are hashable Values compared with
// Python's rules (1, 1.0 and True are the same key); iteration follows insertion order;
// overwriting a key keeps its position and its original key object.
//
// Entries live in one vector in insertion order, so iteration is a plain loop. Small
// dicts (most dbt configs) are searched linearly by cached hash; larger ones build an
// open-addressing index of entry positions. Lookups by std::string_view hash the view
// directly, so `config.materialized` never builds a temporary Value.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "jinja/value.h"

namespace kiln::jinja {

// The hash Value::hash() gives a string with this text; Dict's string_view lookups use it.
size_t hash_string(std::string_view text);

class Dict {
 public:
  struct Entry {
    Value key;
    Value value;
    size_t hash;  // cached Value::hash() of key
  };

  Dict() = default;

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // In insertion order.
  const std::vector<Entry>& entries() const { return entries_; }

  // nullptr when absent. Throws TypeError for unhashable keys ("unhashable type: 'list'").
  const Value* find(const Value& key) const;
  Value* find(const Value& key);
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  bool contains(const Value& key) const { return find(key) != nullptr; }

  // d[key] = value: overwrites in place or appends.
  void set(Value key, Value value);
  void set(std::string_view key, Value value);
  // Removes key; returns false when absent. O(n): templates rarely erase.
  bool erase(const Value& key);
  // Removes and returns the last entry (popitem); the dict must not be empty.
  Entry pop_last();
  void clear();

 private:
  // Position of the entry with this key in entries_, or npos.
  template <typename Key, typename Equal>
  size_t locate(size_t hash, const Key& key, Equal equal) const;
  void index_insert(size_t hash, size_t position);
  void rebuild_index();

  static constexpr size_t npos = static_cast<size_t>(-1);
  // Below this size no index is kept: a linear scan over cached hashes is faster.
  static constexpr size_t kIndexThreshold = 8;

  std::vector<Entry> entries_;
  std::vector<uint32_t> index_;  // 0 = empty slot, else entry position + 1
};

}  // namespace kiln::jinja
