#include "jinja/bigint.h"

#include <algorithm>
#include <cmath>

namespace kiln::jinja {

namespace {

using Limbs = std::vector<uint32_t>;

uint64_t magnitude_of(int64_t v) {
  // Negating in unsigned arithmetic is defined for INT64_MIN too.
  return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

void trim_limbs(Limbs& limbs) {
  while (!limbs.empty() && limbs.back() == 0)
    limbs.pop_back();
}

Limbs add_magnitudes(const Limbs& a, const Limbs& b) {
  const Limbs& longer = a.size() >= b.size() ? a : b;
  const Limbs& shorter = a.size() >= b.size() ? b : a;
  Limbs out(longer.size() + 1);
  uint64_t carry = 0;
  for (size_t i = 0; i < longer.size(); ++i) {
    uint64_t sum = carry + longer[i] + (i < shorter.size() ? shorter[i] : 0);
    out[i] = static_cast<uint32_t>(sum);
    carry = sum >> 32;
  }
  out[longer.size()] = static_cast<uint32_t>(carry);
  trim_limbs(out);
  return out;
}

// a - b where |a| >= |b|.
Limbs subtract_magnitudes(const Limbs& a, const Limbs& b) {
  Limbs out(a.size());
  int64_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int64_t diff = static_cast<int64_t>(a[i]) - borrow - (i < b.size() ? b[i] : 0);
    borrow = diff < 0 ? 1 : 0;
    out[i] = static_cast<uint32_t>(diff + (borrow << 32));
  }
  trim_limbs(out);
  return out;
}

Limbs multiply_magnitudes(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  Limbs out(a.size() + b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < b.size(); ++j) {
      uint64_t cur = static_cast<uint64_t>(a[i]) * b[j] + out[i + j] + carry;
      out[i + j] = static_cast<uint32_t>(cur);
      carry = cur >> 32;
    }
    out[i + b.size()] = static_cast<uint32_t>(carry);
  }
  trim_limbs(out);
  return out;
}

// Divides in place by a single limb; returns the remainder.
uint32_t divide_by_small(Limbs& limbs, uint32_t divisor) {
  uint64_t rem = 0;
  for (size_t i = limbs.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | limbs[i];
    limbs[i] = static_cast<uint32_t>(cur / divisor);
    rem = cur % divisor;
  }
  trim_limbs(limbs);
  return static_cast<uint32_t>(rem);
}

void multiply_add_small(Limbs& limbs, uint32_t factor, uint32_t addend) {
  uint64_t carry = addend;
  for (uint32_t& limb : limbs) {
    uint64_t cur = static_cast<uint64_t>(limb) * factor + carry;
    limb = static_cast<uint32_t>(cur);
    carry = cur >> 32;
  }
  if (carry) limbs.push_back(static_cast<uint32_t>(carry));
}

// Truncating division of magnitudes (Knuth, TAOCP vol. 2, 4.3.1, algorithm D).
void divmod_magnitudes(const Limbs& a, const Limbs& b, Limbs& quotient, Limbs& remainder) {
  if (b.size() == 1) {
    quotient = a;
    uint32_t rem = divide_by_small(quotient, b[0]);
    remainder = rem ? Limbs{rem} : Limbs{};
    return;
  }
  const size_t n = b.size();
  const size_t m = a.size() - n;
  // Normalise so the divisor's top limb has its high bit set: the quotient digit
  // estimate is then off by at most two.
  const int shift = __builtin_clz(b.back());
  Limbs v(n), u(a.size() + 1);
  for (size_t i = n; i-- > 0;) {
    v[i] = (b[i] << shift) | (shift && i ? b[i - 1] >> (32 - shift) : 0);
  }
  u[a.size()] = shift ? a.back() >> (32 - shift) : 0;
  for (size_t i = a.size(); i-- > 0;) {
    u[i] = (a[i] << shift) | (shift && i ? a[i - 1] >> (32 - shift) : 0);
  }
  quotient.assign(m + 1, 0);
  const uint64_t base = uint64_t{1} << 32;
  for (size_t j = m + 1; j-- > 0;) {
    uint64_t numerator = (static_cast<uint64_t>(u[j + n]) << 32) | u[j + n - 1];
    uint64_t qhat = numerator / v[n - 1];
    uint64_t rhat = numerator % v[n - 1];
    while (qhat >= base || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
      --qhat;
      rhat += v[n - 1];
      if (rhat >= base) break;
    }
    // u[j..j+n] -= qhat * v
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t product = qhat * v[i] + carry;
      carry = product >> 32;
      int64_t diff = static_cast<int64_t>(u[i + j]) - borrow - static_cast<uint32_t>(product);
      borrow = diff < 0 ? 1 : 0;
      u[i + j] = static_cast<uint32_t>(diff + (borrow << 32));
    }
    int64_t top = static_cast<int64_t>(u[j + n]) - borrow - static_cast<int64_t>(carry);
    u[j + n] = static_cast<uint32_t>(top);
    if (top < 0) {
      // qhat was one too large: add the divisor back.
      --qhat;
      uint64_t add_carry = 0;
      for (size_t i = 0; i < n; ++i) {
        uint64_t sum = static_cast<uint64_t>(u[i + j]) + v[i] + add_carry;
        u[i + j] = static_cast<uint32_t>(sum);
        add_carry = sum >> 32;
      }
      u[j + n] = static_cast<uint32_t>(u[j + n] + add_carry);
    }
    quotient[j] = static_cast<uint32_t>(qhat);
  }
  trim_limbs(quotient);
  remainder.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    remainder[i] = (u[i] >> shift) | (shift ? u[i + 1] << (32 - shift) : 0);
  }
  trim_limbs(remainder);
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

BigInt::BigInt(int64_t v) : negative_(v < 0) {
  uint64_t mag = magnitude_of(v);
  while (mag) {
    limbs_.push_back(static_cast<uint32_t>(mag));
    mag >>= 32;
  }
}

void BigInt::trim() {
  trim_limbs(limbs_);
  if (limbs_.empty()) negative_ = false;
}

std::optional<BigInt> BigInt::parse(std::string_view text, int base) {
  if (base < 2 || base > 36) return std::nullopt;
  BigInt out;
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  bool any_digit = false;
  bool last_was_underscore = false;
  for (char c : text) {
    if (c == '_') {
      // Python allows single underscores between digits only.
      if (!any_digit || last_was_underscore) return std::nullopt;
      last_was_underscore = true;
      continue;
    }
    int digit = digit_value(c);
    if (digit >= base) return std::nullopt;
    multiply_add_small(out.limbs_, static_cast<uint32_t>(base), static_cast<uint32_t>(digit));
    any_digit = true;
    last_was_underscore = false;
  }
  if (!any_digit || last_was_underscore) return std::nullopt;
  out.negative_ = negative;
  out.trim();
  return out;
}

BigInt BigInt::from_double(double d) {
  BigInt out;
  d = std::trunc(d);
  if (!std::isfinite(d) || d == 0) return out;
  int exponent = 0;
  double fraction = std::frexp(std::fabs(d), &exponent);  // |d| = fraction * 2**exponent
  auto mantissa = static_cast<uint64_t>(std::ldexp(fraction, 53));
  out.limbs_ = {static_cast<uint32_t>(mantissa), static_cast<uint32_t>(mantissa >> 32)};
  int shift = exponent - 53;
  if (shift > 0) {
    out = out * BigInt(2).pow(static_cast<uint64_t>(shift));
  } else if (shift < 0) {
    // d is integral, so the bits shifted out are zero.
    out.limbs_ = {static_cast<uint32_t>(mantissa >> -shift),
                  static_cast<uint32_t>((mantissa >> -shift) >> 32)};
  }
  out.negative_ = d < 0;
  out.trim();
  return out;
}

bool BigInt::fits_int64() const {
  if (limbs_.size() > 2) return false;
  uint64_t mag = limbs_.empty() ? 0 : limbs_[0];
  if (limbs_.size() == 2) mag |= static_cast<uint64_t>(limbs_[1]) << 32;
  return negative_ ? mag <= (uint64_t{1} << 63) : mag < (uint64_t{1} << 63);
}

int64_t BigInt::to_int64() const {
  uint64_t mag = limbs_.empty() ? 0 : limbs_[0];
  if (limbs_.size() == 2) mag |= static_cast<uint64_t>(limbs_[1]) << 32;
  return negative_ ? static_cast<int64_t>(0 - mag) : static_cast<int64_t>(mag);
}

double BigInt::to_double() const {
  if (limbs_.empty()) return 0.0;
  const size_t bits = limbs_.size() * 32 - __builtin_clz(limbs_.back());
  double magnitude;
  if (bits <= 64) {
    uint64_t mag = limbs_[0];
    if (limbs_.size() == 2) mag |= static_cast<uint64_t>(limbs_[1]) << 32;
    magnitude = static_cast<double>(mag);  // rounds half-even
  } else {
    // Keep the top 64 bits and fold every lower bit into a sticky bit: 64 > 53 + 2, so
    // the conversion of `top` then rounds exactly as the full value would.
    const size_t drop = bits - 64;
    uint64_t top = 0;
    bool sticky = false;
    for (size_t bit = 0; bit < bits; ++bit) {
      bool set = (limbs_[bit / 32] >> (bit % 32)) & 1;
      if (bit < drop) {
        sticky |= set;
      } else {
        top |= static_cast<uint64_t>(set) << (bit - drop);
      }
    }
    if (sticky) top |= 1;
    magnitude = std::ldexp(static_cast<double>(top), static_cast<int>(drop));
  }
  return negative_ ? -magnitude : magnitude;
}

std::string BigInt::to_string(int base) const {
  if (limbs_.empty()) return "0";
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string reversed;
  Limbs work = limbs_;
  if (base == 10) {
    // Nine decimal digits per division.
    while (!work.empty()) {
      uint32_t chunk = divide_by_small(work, 1000000000u);
      for (int i = 0; i < 9 && (chunk || !work.empty()); ++i) {
        reversed += kDigits[chunk % 10];
        chunk /= 10;
      }
    }
  } else {
    while (!work.empty())
      reversed += kDigits[divide_by_small(work, static_cast<uint32_t>(base))];
  }
  if (negative_) reversed += '-';
  return {reversed.rbegin(), reversed.rend()};
}

int64_t BigInt::python_hash() const {
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  unsigned __int128 h = 0;
  for (size_t i = limbs_.size(); i-- > 0;) {
    h = ((h << 32) | limbs_[i]) % kModulus;
  }
  auto result = static_cast<int64_t>(h);
  if (negative_) result = -result;
  return result == -1 ? -2 : result;
}

BigInt BigInt::operator-() const {
  BigInt out = *this;
  if (!out.limbs_.empty()) out.negative_ = !out.negative_;
  return out;
}

BigInt BigInt::abs() const {
  BigInt out = *this;
  out.negative_ = false;
  return out;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
  BigInt out;
  if (a.negative_ == b.negative_) {
    out.limbs_ = add_magnitudes(a.limbs_, b.limbs_);
    out.negative_ = a.negative_;
  } else if (BigInt::compare_magnitude(a.limbs_, b.limbs_) >= 0) {
    out.limbs_ = subtract_magnitudes(a.limbs_, b.limbs_);
    out.negative_ = a.negative_;
  } else {
    out.limbs_ = subtract_magnitudes(b.limbs_, a.limbs_);
    out.negative_ = b.negative_;
  }
  out.trim();
  return out;
}

BigInt operator-(const BigInt& a, const BigInt& b) {
  return a + (-b);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
  BigInt out;
  out.limbs_ = multiply_magnitudes(a.limbs_, b.limbs_);
  out.negative_ = a.negative_ != b.negative_;
  out.trim();
  return out;
}

void BigInt::floor_divmod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder) {
  BigInt q, r;
  if (compare_magnitude(a.limbs_, b.limbs_) >= 0) {
    divmod_magnitudes(a.limbs_, b.limbs_, q.limbs_, r.limbs_);
  } else {
    r.limbs_ = a.limbs_;
  }
  // Truncated results have the dividend's sign; Python floors, so when the signs differ
  // and something remains, step the quotient down and take the remainder from the divisor.
  q.negative_ = a.negative_ != b.negative_;
  r.negative_ = a.negative_;
  q.trim();
  r.trim();
  if (a.negative_ != b.negative_ && !r.is_zero()) {
    q = q - BigInt(1);
    r = r + b;
  }
  if (quotient) *quotient = std::move(q);
  if (remainder) *remainder = std::move(r);
}

BigInt BigInt::pow(uint64_t exponent) const {
  BigInt result(1);
  BigInt base = *this;
  while (exponent) {
    if (exponent & 1) result = result * base;
    exponent >>= 1;
    if (exponent) base = base * base;
  }
  return result;
}

int BigInt::compare_magnitude(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

int BigInt::compare(const BigInt& a, const BigInt& b) {
  if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
  int magnitude = compare_magnitude(a.limbs_, b.limbs_);
  return a.negative_ ? -magnitude : magnitude;
}

}  // namespace kiln::jinja
