#include "warehouse/seed_type_inference.h"

#include <cctype>
#include <cstdint>
#include <limits>
#include <string>

namespace kiln::warehouse {

namespace {

// agate's currency symbols, which it strips from both ends of a number.
const char* const kNumberDecorations[] = {"%", ",", "؋", "$", "ƒ", "៛",    "¥", "₡",
                                          "₱", "£", "€", "¢", "﷼", "₪",    "₩", "₭",
                                          "₮", "₦", "฿", "₤", "₫", nullptr};
const char* const* kCurrencySymbols = kNumberDecorations + 2;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Python's str.strip() for ASCII whitespace.
std::string_view strip(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

// Python's str.strip(symbol) for a one-character (possibly multi-byte) symbol.
std::string_view strip_symbol(std::string_view text, std::string_view symbol) {
  while (text.starts_with(symbol))
    text.remove_prefix(symbol.size());
  while (text.ends_with(symbol))
    text.remove_suffix(symbol.size());
  return text;
}

bool equals_lowercase(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower_word[i]) return false;
  }
  return true;
}

size_t count_digits(std::string_view text, size_t from) {
  size_t end = from;
  while (end < text.size() && is_digit(text[end]))
    ++end;
  return end - from;
}

// Reads an unsigned integer of `min`..`max` digits at `pos`; -1 when there is none.
int read_number(std::string_view text, size_t& pos, size_t min_digits, size_t max_digits) {
  size_t digits = count_digits(text, pos);
  if (digits < min_digits || digits > max_digits) return -1;
  int value = 0;
  for (size_t i = 0; i < digits; ++i)
    value = value * 10 + (text[pos + i] - '0');
  pos += digits;
  return value;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool is_valid_date(int year, int month, int day) {
  static const int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  int days = kDaysInMonth[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
  return day <= days;
}

// YYYY-M[M]-D[D] (Python's %Y-%m-%d); `month_digits_min` 2 makes it ISO's YYYY-MM-DD.
bool read_date(std::string_view text, size_t& pos, size_t min_field_digits) {
  int year = read_number(text, pos, 4, 4);
  if (year < 0 || !expect(text, pos, '-')) return false;
  int month = read_number(text, pos, min_field_digits, 2);
  if (month < 0 || !expect(text, pos, '-')) return false;
  int day = read_number(text, pos, min_field_digits, 2);
  return day >= 0 && is_valid_date(year, month, day);
}

bool read_bounded(std::string_view text, size_t& pos, size_t min_digits, int max_value) {
  int value = read_number(text, pos, min_digits, 2);
  return value >= 0 && value <= max_value;
}

bool is_python_date(std::string_view value) {
  size_t pos = 0;
  return read_date(value, pos, 1) && pos == value.size();
}

// %Y-%m-%d %H:%M:%S
bool is_python_datetime(std::string_view value) {
  size_t pos = 0;
  return read_date(value, pos, 1) && expect(value, pos, ' ') && read_bounded(value, pos, 1, 23) &&
         expect(value, pos, ':') && read_bounded(value, pos, 1, 59) && expect(value, pos, ':') &&
         read_bounded(value, pos, 1, 59) && pos == value.size();
}

// Z, +hh, +hh:mm, +hhmm (or -)
bool read_zone(std::string_view value, size_t& pos) {
  if (expect(value, pos, 'Z')) return true;
  if (pos >= value.size() || (value[pos] != '+' && value[pos] != '-')) return false;
  ++pos;
  if (!read_bounded(value, pos, 2, 23)) return false;
  if (pos == value.size()) return true;
  expect(value, pos, ':');
  return read_bounded(value, pos, 2, 59);
}

// YYYY-MM-DDThh:mm[:ss[.f]][zone]; sets has_zone.
bool is_iso_datetime(std::string_view value, bool& has_zone) {
  size_t pos = 0;
  if (!read_date(value, pos, 2) || !expect(value, pos, 'T')) return false;
  if (!read_bounded(value, pos, 2, 23) || !expect(value, pos, ':') ||
      !read_bounded(value, pos, 2, 59)) {
    return false;
  }
  if (expect(value, pos, ':')) {
    if (!read_bounded(value, pos, 2, 59)) return false;
    if (expect(value, pos, '.') && read_number(value, pos, 1, 9) < 0) return false;
  }
  has_zone = pos < value.size();
  if (has_zone && !read_zone(value, pos)) return false;
  return pos == value.size();
}

// How many bits a decimal integer (digits only, optional sign) needs: 32, 64, or 128.
int integer_bits(std::string_view digits, bool negative) {
  while (digits.size() > 1 && digits.front() == '0')
    digits.remove_prefix(1);
  if (digits.size() > 19) return 128;
  unsigned __int128 magnitude = 0;
  for (char c : digits)
    magnitude = magnitude * 10 + static_cast<unsigned>(c - '0');
  auto fits = [&](auto limit_type) {
    using Limits = std::numeric_limits<decltype(limit_type)>;
    unsigned __int128 max = static_cast<unsigned __int128>(Limits::max());
    return negative ? magnitude <= max + 1 : magnitude <= max;
  };
  if (fits(int32_t{})) return 32;
  if (fits(int64_t{})) return 64;
  return 128;
}

}  // namespace

bool is_seed_null(std::string_view cell) {
  std::string_view value = strip(cell);
  return value.empty() || equals_lowercase(value, "null");
}

std::string seed_number_text(std::string_view cell) {
  std::string text(strip(cell));
  for (const char* const* symbol = kNumberDecorations; *symbol != nullptr; ++symbol) {
    std::string_view needle(*symbol);
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at)) {
      text.erase(at, needle.size());
    }
  }
  return text;
}

const char* const* seed_number_decorations() {
  return kNumberDecorations;
}

void SeedColumnTypeGuesser::observe(std::string_view cell) {
  if (is_seed_null(cell)) return;
  any_value_ = true;
  std::string_view value = strip(cell);
  if (number_) observe_number(value);
  if (date_) date_ = is_python_date(value);
  observe_datetime(value);
  if (boolean_) boolean_ = equals_lowercase(value, "true") || equals_lowercase(value, "false");
}

// agate's Number.cast, narrowed to what an engine's cast accepts after the decoration is
// removed (see the header for the differences).
void SeedColumnTypeGuesser::observe_number(std::string_view value) {
  value = strip_symbol(value, "%");
  bool negative = value.starts_with('-');
  if (negative) value.remove_prefix(1);
  for (const char* const* symbol = kCurrencySymbols; *symbol != nullptr; ++symbol) {
    value = strip_symbol(value, *symbol);
  }
  std::string number(value);
  std::erase(number, ',');

  size_t pos = 0;
  if (!negative && pos < number.size() && (number[pos] == '+' || number[pos] == '-')) {
    negative = number[pos] == '-';
    ++pos;
  }
  size_t integer_start = pos;
  size_t integer_digits = count_digits(number, pos);
  pos += integer_digits;
  size_t fraction_digits = 0;
  if (pos < number.size() && number[pos] == '.') {
    fraction_digits = count_digits(number, ++pos);
    pos += fraction_digits;
  }
  bool has_exponent = pos < number.size() && (number[pos] == 'e' || number[pos] == 'E');
  if (has_exponent) {
    ++pos;
    if (pos < number.size() && (number[pos] == '+' || number[pos] == '-')) ++pos;
    size_t exponent_digits = count_digits(number, pos);
    if (exponent_digits == 0) number_ = false;
    pos += exponent_digits;
  }
  if (integer_digits + fraction_digits == 0 || pos != number.size()) number_ = false;
  if (!number_) return;

  if (fraction_digits > 0 || has_exponent) {
    number_has_decimals_ = true;
  } else {
    std::string_view digits = std::string_view(number).substr(integer_start, integer_digits);
    integer_bits_ = std::max(integer_bits_, integer_bits(digits, negative));
  }
}

void SeedColumnTypeGuesser::observe_datetime(std::string_view value) {
  if (datetime_with_space_) datetime_with_space_ = is_python_datetime(value);
  if (datetime_iso_) {
    bool has_zone = false;
    datetime_iso_ = is_iso_datetime(value, has_zone);
    datetime_has_zone_ = datetime_has_zone_ || has_zone;
  }
}

SeedColumnType SeedColumnTypeGuesser::guess() const {
  if (!any_value_) return SeedColumnType::Integer;
  if (number_) {
    if (number_has_decimals_) return SeedColumnType::Float;
    if (integer_bits_ == 32) return SeedColumnType::Integer;
    return integer_bits_ == 64 ? SeedColumnType::BigInteger : SeedColumnType::WideInteger;
  }
  if (date_) return SeedColumnType::Date;
  if (datetime_with_space_) return SeedColumnType::Timestamp;
  if (datetime_iso_) {
    return datetime_has_zone_ ? SeedColumnType::TimestampWithZone : SeedColumnType::Timestamp;
  }
  if (boolean_) return SeedColumnType::Boolean;
  return SeedColumnType::Text;
}

}  // namespace kiln::warehouse
