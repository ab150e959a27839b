#pragma once
// BigInt: an arbitrary-precision signed integer with Python's int semantics (floor division,
// floor modulo, exact decimal text). Values that fit in int64 live inline in Value; BigInt
// is only used once a result overflows, so it favours simplicity over asymptotic speed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::jinja {

class BigInt {
 public:
  BigInt() = default;  // zero
  explicit BigInt(int64_t v);

  // Parses an optional sign and digits in `base` (2..36), allowing '_' between digits as
  // Python's int() does. Surrounding whitespace is not accepted; callers strip it.
  static std::optional<BigInt> parse(std::string_view text, int base = 10);
  // The integer part of a finite double (truncated toward zero, as Python's int(x)).
  static BigInt from_double(double d);

  bool is_zero() const { return limbs_.empty(); }
  bool is_negative() const { return negative_; }
  bool fits_int64() const;
  int64_t to_int64() const;  // only when fits_int64()
  // Nearest double (round-half-even); +-inf when the magnitude is too large.
  double to_double() const;
  std::string to_string(int base = 10) const;  // lowercase digits, leading '-' if negative
  // Python's hash(int): the value modulo 2**61 - 1 with the sign kept, -1 mapped to -2.
  int64_t python_hash() const;

  BigInt operator-() const;
  BigInt abs() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  // Python's floor division and modulo (the result of % has the divisor's sign).
  // The divisor must not be zero (callers raise ZeroDivisionError first).
  static void floor_divmod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder);
  BigInt pow(uint64_t exponent) const;

  static int compare(const BigInt& a, const BigInt& b);  // -1, 0, 1
  friend bool operator==(const BigInt& a, const BigInt& b) { return compare(a, b) == 0; }
  friend bool operator<(const BigInt& a, const BigInt& b) { return compare(a, b) < 0; }

  // Magnitude as base-2**32 limbs, least significant first, no trailing zeros.
  const std::vector<uint32_t>& limbs() const { return limbs_; }

 private:
  void trim();
  static int compare_magnitude(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

  std::vector<uint32_t> limbs_;
  bool negative_ = false;  // never true for zero
};

}  // namespace kiln::jinja
