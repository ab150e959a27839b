#pragma once
// XXH3-128 as 32 lower-case hex digits: the hash behind every fingerprint Kiln stores. It is
// fast (bytes of SQL are hashed at memory speed) and 128 bits make an accidental collision
// between two versions of a project's code or data out of the question. It is not a
// cryptographic hash, and nothing here needs one: the inputs are the project's own.

#include <string>
#include <string_view>

struct XXH3_state_s;

namespace kiln::state {

std::string hash_hex(std::string_view bytes);

// Hashes a sequence of fields without ambiguity: each field is framed by its length, so
// ("ab", "c") and ("a", "bc") differ.
class FieldHasher {
 public:
  FieldHasher();
  ~FieldHasher();
  FieldHasher(const FieldHasher&) = delete;
  FieldHasher& operator=(const FieldHasher&) = delete;

  void add(std::string_view field);
  std::string hex() const;

 private:
  XXH3_state_s* state_;
};

}  // namespace kiln::state
