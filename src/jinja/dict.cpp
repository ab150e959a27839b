#include "jinja/dict.h"

#include <functional>

#include "jinja/error.h"

namespace kiln::jinja {

size_t hash_string(std::string_view text) {
  return std::hash<std::string_view>{}(text);
}

template <typename Key, typename Equal>
size_t Dict::locate(size_t hash, const Key& key, Equal equal) const {
  if (index_.empty()) {
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].hash == hash && equal(entries_[i].key, key)) return i;
    }
    return npos;
  }
  const size_t mask = index_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    uint32_t stored = index_[slot];
    if (stored == 0) return npos;
    const Entry& entry = entries_[stored - 1];
    if (entry.hash == hash && equal(entry.key, key)) return stored - 1;
  }
}

namespace {

bool value_key_equal(const Value& stored, const Value& key) {
  return stored.equals(key);
}

bool string_key_equal(const Value& stored, std::string_view key) {
  return stored.is_string() && stored.as_string() == key;
}

}  // namespace

const Value* Dict::find(const Value& key) const {
  size_t pos = locate(key.hash(), key, value_key_equal);
  return pos == npos ? nullptr : &entries_[pos].value;
}

Value* Dict::find(const Value& key) {
  return const_cast<Value*>(static_cast<const Dict*>(this)->find(key));
}

const Value* Dict::find(std::string_view key) const {
  size_t pos = locate(hash_string(key), key, string_key_equal);
  return pos == npos ? nullptr : &entries_[pos].value;
}

Value* Dict::find(std::string_view key) {
  return const_cast<Value*>(static_cast<const Dict*>(this)->find(key));
}

void Dict::set(Value key, Value value) {
  size_t hash = key.hash();
  size_t pos = locate(hash, key, value_key_equal);
  if (pos != npos) {
    entries_[pos].value = std::move(value);
    return;
  }
  entries_.push_back(Entry{std::move(key), std::move(value), hash});
  if (!index_.empty() && entries_.size() * 2 <= index_.size()) {
    index_insert(hash, entries_.size() - 1);
  } else if (entries_.size() > kIndexThreshold) {
    rebuild_index();
  }
}

void Dict::set(std::string_view key, Value value) {
  size_t hash = hash_string(key);
  size_t pos = locate(hash, key, string_key_equal);
  if (pos != npos) {
    entries_[pos].value = std::move(value);
    return;
  }
  entries_.push_back(Entry{Value::string(std::string(key)), std::move(value), hash});
  if (!index_.empty() && entries_.size() * 2 <= index_.size()) {
    index_insert(hash, entries_.size() - 1);
  } else if (entries_.size() > kIndexThreshold) {
    rebuild_index();
  }
}

bool Dict::erase(const Value& key) {
  size_t pos = locate(key.hash(), key, value_key_equal);
  if (pos == npos) return false;
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(pos));
  rebuild_index();
  return true;
}

Dict::Entry Dict::pop_last() {
  Entry last = std::move(entries_.back());
  entries_.pop_back();
  rebuild_index();
  return last;
}

void Dict::clear() {
  entries_.clear();
  index_.clear();
}

void Dict::index_insert(size_t hash, size_t position) {
  const size_t mask = index_.size() - 1;
  size_t slot = hash & mask;
  while (index_[slot] != 0)
    slot = (slot + 1) & mask;
  index_[slot] = static_cast<uint32_t>(position + 1);
}

void Dict::rebuild_index() {
  index_.clear();
  if (entries_.size() <= kIndexThreshold) return;
  // Keep the table at most half full so probe sequences stay short.
  size_t capacity = 16;
  while (capacity < entries_.size() * 2)
    capacity *= 2;
  index_.assign(capacity * 2, 0);
  for (size_t i = 0; i < entries_.size(); ++i)
    index_insert(entries_[i].hash, i);
}

}  // namespace kiln::jinja
