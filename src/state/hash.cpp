#include "state/hash.h"

#include <xxhash.h>

#include <cstdint>
#include <new>

#include <fmt/format.h>

namespace kiln::state {

namespace {

std::string to_hex(XXH128_hash_t hash) {
  return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

}  // namespace

std::string hash_hex(std::string_view bytes) {
  return to_hex(XXH3_128bits(bytes.data(), bytes.size()));
}

FieldHasher::FieldHasher() : state_(XXH3_createState()) {
  if (state_ == nullptr) throw std::bad_alloc();
  XXH3_128bits_reset(state_);
}

FieldHasher::~FieldHasher() {
  XXH3_freeState(state_);
}

void FieldHasher::add(std::string_view field) {
  uint64_t size = field.size();
  unsigned char length[8];
  for (int i = 0; i < 8; ++i)
    length[i] = static_cast<unsigned char>(size >> (8 * i));
  XXH3_128bits_update(state_, length, sizeof length);
  XXH3_128bits_update(state_, field.data(), field.size());
}

std::string FieldHasher::hex() const {
  return to_hex(XXH3_128bits_digest(state_));
}

}  // namespace kiln::state
