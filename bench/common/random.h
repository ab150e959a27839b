#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kiln::bench {

// splitmix64: tiny, and unlike std:: distributions its output is specified, so a seed
// yields the same generated models and projects with every standard library. Shared by the
// generators of bench/jinja and bench/gen_project.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // A number in [0, n); n > 0.
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  // True one time in `n`.
  bool one_in(size_t n) { return below(n) == 0; }
  template <size_t N>
  std::string_view pick(const std::array<std::string_view, N>& options) {
    return options[below(N)];
  }

 private:
  uint64_t state_;
};

}  // namespace kiln::bench
