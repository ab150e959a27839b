#include "warehouse/duckdb/duckdb_value_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "warehouse/duckdb/duckdb_handles.h"
#include "warehouse/error.h"
#include "warehouse/quoting.h"

namespace kiln::warehouse::duckdb {

namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;
constexpr int64_t kNanosPerMicro = 1'000;

template <typename T>
const T& value_at(duckdb_vector vector, idx_t row) {
  return static_cast<const T*>(duckdb_vector_get_data(vector))[row];
}

bool is_valid(duckdb_vector vector, idx_t row) {
  uint64_t* validity = duckdb_vector_get_validity(vector);
  return validity == nullptr || duckdb_validity_row_is_valid(validity, row);
}

std::string_view string_at(duckdb_vector vector, idx_t row) {
  auto& value = const_cast<duckdb_string_t&>(value_at<duckdb_string_t>(vector, row));
  return {duckdb_string_t_data(&value), duckdb_string_t_length(value)};
}

// Digits after the decimal point without trailing zeros ("" when there is no fraction).
std::string fraction_text(int64_t fraction, int digits) {
  if (fraction == 0) return {};
  std::string text = fmt::format(".{:0{}}", fraction, digits);
  while (text.back() == '0')
    text.pop_back();
  return text;
}

void append_date(std::string& out, int64_t days_since_epoch) {
  duckdb_date_struct date = duckdb_from_date(duckdb_date{static_cast<int32_t>(days_since_epoch)});
  // DuckDB counts 1 BC as year 0 and writes it "0001-01-01 (BC)".
  bool before_christ = date.year <= 0;
  int32_t year = before_christ ? 1 - date.year : date.year;
  out += fmt::format("{:04}-{:02}-{:02}", year, date.month, date.day);
  if (before_christ) out += " (BC)";
}

void append_time_of_day(std::string& out, int64_t nanos_of_day) {
  int64_t seconds = nanos_of_day / (kMicrosPerSecond * kNanosPerMicro);
  int64_t nanos = nanos_of_day % (kMicrosPerSecond * kNanosPerMicro);
  out += fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  out += nanos % kNanosPerMicro == 0 ? fraction_text(nanos / kNanosPerMicro, 6)
                                     : fraction_text(nanos, 9);
}

// A timestamp given in nanoseconds since the epoch (wide enough for every unit DuckDB has
// within the years it supports for nanoseconds; coarser units are converted to micros first).
void append_timestamp_nanos(std::string& out, __int128 nanos_since_epoch) {
  constexpr __int128 kNanosPerDay = static_cast<__int128>(kMicrosPerDay) * kNanosPerMicro;
  __int128 days = nanos_since_epoch / kNanosPerDay;
  __int128 rest = nanos_since_epoch % kNanosPerDay;
  if (rest < 0) {
    rest += kNanosPerDay;
    --days;
  }
  append_date(out, static_cast<int64_t>(days));
  out += ' ';
  append_time_of_day(out, static_cast<int64_t>(rest));
}

void append_timestamp(std::string& out, int64_t value, int64_t nanos_per_unit) {
  // DuckDB marks infinity with the extreme values of the storage type.
  if (value == INT64_MAX) {
    out += "infinity";
  } else if (value == -INT64_MAX) {
    out += "-infinity";
  } else {
    append_timestamp_nanos(out, static_cast<__int128>(value) * nanos_per_unit);
  }
}

// +HH, +HH:MM or +HH:MM:SS, as DuckDB writes UTC offsets.
void append_utc_offset(std::string& out, int32_t offset_seconds) {
  out += offset_seconds < 0 ? '-' : '+';
  int32_t magnitude = std::abs(offset_seconds);
  out += fmt::format("{:02}", magnitude / 3600);
  if (magnitude % 3600 != 0) out += fmt::format(":{:02}", magnitude / 60 % 60);
  if (magnitude % 60 != 0) out += fmt::format(":{:02}", magnitude % 60);
}

void append_interval_unit(std::string& out, int64_t count, const char* unit) {
  if (count == 0) return;
  if (!out.empty()) out += ' ';
  out += fmt::format("{} {}{}", count, unit, count == 1 || count == -1 ? "" : "s");
}

void append_interval(std::string& out, const duckdb_interval& interval) {
  std::string text;
  append_interval_unit(text, interval.months / 12, "year");
  append_interval_unit(text, interval.months % 12, "month");
  append_interval_unit(text, interval.days, "day");
  if (interval.micros != 0) {
    if (!text.empty()) text += ' ';
    if (interval.micros < 0) text += '-';
    uint64_t micros = static_cast<uint64_t>(std::abs(interval.micros));
    uint64_t seconds = micros / kMicrosPerSecond;
    text += fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    text += fraction_text(static_cast<int64_t>(micros % kMicrosPerSecond), 6);
  } else if (text.empty()) {
    text = "00:00:00";
  }
  out += text;
}

void append_double(std::string& out, double value) {
  std::string text = fmt::format("{}", value);
  // DuckDB writes integral doubles with ".0" (1.0, not 1), like Python.
  if (std::isfinite(value) && text.find_first_of(".e") == std::string::npos) text += ".0";
  out += text;
}

void append_decimal(std::string& out, __int128 unscaled, uint8_t scale) {
  bool negative = unscaled < 0;
  std::string digits = uint128_text(negative ? -static_cast<unsigned __int128>(unscaled)
                                             : static_cast<unsigned __int128>(unscaled));
  if (negative) out += '-';
  // At least one digit before the point: 0.05, not .05.
  size_t width = std::max<size_t>(digits.size(), size_t{scale} + 1);
  std::string padded(width - digits.size(), '0');
  padded += digits;
  out.append(padded, 0, width - scale);
  if (scale == 0) return;
  out += '.';
  out.append(padded, width - scale, scale);
}

__int128 hugeint_value(const duckdb_hugeint& value) {
  return static_cast<__int128>(static_cast<unsigned __int128>(value.upper) << 64 | value.lower);
}

void append_decimal_at(std::string& out, duckdb_vector vector, duckdb_logical_type type,
                       idx_t row) {
  uint8_t scale = duckdb_decimal_scale(type);
  switch (duckdb_decimal_internal_type(type)) {
    case DUCKDB_TYPE_SMALLINT:
      return append_decimal(out, value_at<int16_t>(vector, row), scale);
    case DUCKDB_TYPE_INTEGER:
      return append_decimal(out, value_at<int32_t>(vector, row), scale);
    case DUCKDB_TYPE_BIGINT:
      return append_decimal(out, value_at<int64_t>(vector, row), scale);
    default:
      return append_decimal(out, hugeint_value(value_at<duckdb_hugeint>(vector, row)), scale);
  }
}

void append_uuid(std::string& out, const duckdb_hugeint& stored) {
  // DuckDB flips the top bit so that UUIDs sort as unsigned; flip it back.
  uint64_t upper = static_cast<uint64_t>(stored.upper) ^ (uint64_t{1} << 63);
  std::string hex = fmt::format("{:016x}{:016x}", upper, stored.lower);
  out += fmt::format("{}-{}-{}-{}-{}", hex.substr(0, 8), hex.substr(8, 4), hex.substr(12, 4),
                     hex.substr(16, 4), hex.substr(20));
}

void append_blob(std::string& out, std::string_view bytes) {
  for (unsigned char byte : bytes) {
    bool printable = byte >= 32 && byte <= 126 && byte != '\\' && byte != '\'' && byte != '"';
    if (printable) {
      out += static_cast<char>(byte);
    } else {
      out += fmt::format("\\x{:02X}", byte);
    }
  }
}

// BIT values: the first byte counts the padding bits at the start of the second byte.
void append_bits(std::string& out, std::string_view stored) {
  if (stored.empty()) return;
  unsigned padding = static_cast<unsigned char>(stored[0]);
  for (size_t i = 1; i < stored.size(); ++i) {
    unsigned char byte = static_cast<unsigned char>(stored[i]);
    for (int bit = 7; bit >= 0; --bit) {
      if (i == 1 && static_cast<unsigned>(7 - bit) < padding) continue;
      out += (byte >> bit) & 1 ? '1' : '0';
    }
  }
}

std::string enum_text(duckdb_vector vector, duckdb_logical_type type, idx_t row) {
  uint64_t index = 0;
  switch (duckdb_enum_internal_type(type)) {
    case DUCKDB_TYPE_UTINYINT:
      index = value_at<uint8_t>(vector, row);
      break;
    case DUCKDB_TYPE_USMALLINT:
      index = value_at<uint16_t>(vector, row);
      break;
    default:
      index = value_at<uint32_t>(vector, row);
      break;
  }
  return take_duckdb_string(duckdb_enum_dictionary_value(type, index));
}

// Inside lists and structs DuckDB quotes strings that would otherwise read ambiguously.
void append_nested_string(std::string& out, std::string_view text) {
  bool needs_quotes = text.empty() || text.front() == ' ' || text.back() == ' ' ||
                      text.find_first_of(",'\"[]{}():=\\\n\t") != std::string_view::npos ||
                      text == "NULL" || text == "null";
  if (!needs_quotes) {
    out += text;
    return;
  }
  out += '\'';
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
}

void append_element(std::string& out, duckdb_vector vector, duckdb_logical_type type, idx_t row) {
  if (!is_valid(vector, row)) {
    out += "NULL";
    return;
  }
  duckdb_type id = duckdb_get_type_id(type);
  if (id == DUCKDB_TYPE_VARCHAR) return append_nested_string(out, string_at(vector, row));
  if (id == DUCKDB_TYPE_ENUM) return append_nested_string(out, enum_text(vector, type, row));
  append_value_text(out, vector, type, row);
}

void append_elements(std::string& out, duckdb_vector child, duckdb_logical_type child_type,
                     idx_t offset, idx_t length) {
  out += '[';
  for (idx_t i = 0; i < length; ++i) {
    if (i > 0) out += ", ";
    append_element(out, child, child_type, offset + i);
  }
  out += ']';
}

void append_list(std::string& out, duckdb_vector vector, duckdb_logical_type type, idx_t row) {
  const auto& entry = value_at<duckdb_list_entry>(vector, row);
  LogicalType child_type(duckdb_list_type_child_type(type));
  append_elements(out, duckdb_list_vector_get_child(vector), child_type.get(), entry.offset,
                  entry.length);
}

void append_array(std::string& out, duckdb_vector vector, duckdb_logical_type type, idx_t row) {
  idx_t size = duckdb_array_type_array_size(type);
  LogicalType child_type(duckdb_array_type_child_type(type));
  append_elements(out, duckdb_array_vector_get_child(vector), child_type.get(), row * size, size);
}

void append_struct(std::string& out, duckdb_vector vector, duckdb_logical_type type, idx_t row) {
  out += '{';
  idx_t count = duckdb_struct_type_child_count(type);
  for (idx_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += quote_string_literal(take_duckdb_string(duckdb_struct_type_child_name(type, i)));
    out += ": ";
    LogicalType child_type(duckdb_struct_type_child_type(type, i));
    append_element(out, duckdb_struct_vector_get_child(vector, i), child_type.get(), row);
  }
  out += '}';
}

// A MAP is stored as a list of {key, value} structs and written {k=v, ...}.
void append_map(std::string& out, duckdb_vector vector, duckdb_logical_type type, idx_t row) {
  const auto& entry = value_at<duckdb_list_entry>(vector, row);
  duckdb_vector entries = duckdb_list_vector_get_child(vector);
  duckdb_vector keys = duckdb_struct_vector_get_child(entries, 0);
  duckdb_vector values = duckdb_struct_vector_get_child(entries, 1);
  LogicalType key_type(duckdb_map_type_key_type(type));
  LogicalType value_type(duckdb_map_type_value_type(type));
  out += '{';
  for (idx_t i = 0; i < entry.length; ++i) {
    if (i > 0) out += ", ";
    append_element(out, keys, key_type.get(), entry.offset + i);
    out += '=';
    append_element(out, values, value_type.get(), entry.offset + i);
  }
  out += '}';
}

// A UNION is stored as a struct whose first child is the tag of the member that is set.
void append_union(std::string& out, duckdb_vector vector, duckdb_logical_type type, idx_t row) {
  uint8_t tag = value_at<uint8_t>(duckdb_struct_vector_get_child(vector, 0), row);
  LogicalType member_type(duckdb_union_type_member_type(type, tag));
  append_element(out, duckdb_struct_vector_get_child(vector, tag + 1), member_type.get(), row);
}

}  // namespace

std::string uint128_text(unsigned __int128 value) {
  if (value == 0) return "0";
  std::string digits;
  while (value > 0) {
    digits += static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  }
  return {digits.rbegin(), digits.rend()};
}

std::string int128_text(__int128 value) {
  if (value >= 0) return uint128_text(static_cast<unsigned __int128>(value));
  std::string text = "-";
  text += uint128_text(-static_cast<unsigned __int128>(value));
  return text;
}

void append_value_text(std::string& out, duckdb_vector vector, duckdb_logical_type type,
                       idx_t row) {
  switch (duckdb_get_type_id(type)) {
    case DUCKDB_TYPE_BOOLEAN:
      out += value_at<bool>(vector, row) ? "true" : "false";
      return;
    case DUCKDB_TYPE_TINYINT:
      out += std::to_string(value_at<int8_t>(vector, row));
      return;
    case DUCKDB_TYPE_SMALLINT:
      out += std::to_string(value_at<int16_t>(vector, row));
      return;
    case DUCKDB_TYPE_INTEGER:
      out += std::to_string(value_at<int32_t>(vector, row));
      return;
    case DUCKDB_TYPE_BIGINT:
      out += std::to_string(value_at<int64_t>(vector, row));
      return;
    case DUCKDB_TYPE_UTINYINT:
      out += std::to_string(value_at<uint8_t>(vector, row));
      return;
    case DUCKDB_TYPE_USMALLINT:
      out += std::to_string(value_at<uint16_t>(vector, row));
      return;
    case DUCKDB_TYPE_UINTEGER:
      out += std::to_string(value_at<uint32_t>(vector, row));
      return;
    case DUCKDB_TYPE_UBIGINT:
      out += std::to_string(value_at<uint64_t>(vector, row));
      return;
    case DUCKDB_TYPE_HUGEINT:
      out += int128_text(hugeint_value(value_at<duckdb_hugeint>(vector, row)));
      return;
    case DUCKDB_TYPE_UHUGEINT: {
      const auto& value = value_at<duckdb_uhugeint>(vector, row);
      out += uint128_text(static_cast<unsigned __int128>(value.upper) << 64 | value.lower);
      return;
    }
    case DUCKDB_TYPE_FLOAT:
      return append_double(out, value_at<float>(vector, row));
    case DUCKDB_TYPE_DOUBLE:
      return append_double(out, value_at<double>(vector, row));
    case DUCKDB_TYPE_DECIMAL:
      return append_decimal_at(out, vector, type, row);
    case DUCKDB_TYPE_VARCHAR:
      out += string_at(vector, row);
      return;
    case DUCKDB_TYPE_BLOB:
      return append_blob(out, string_at(vector, row));
    case DUCKDB_TYPE_BIT:
      return append_bits(out, string_at(vector, row));
    case DUCKDB_TYPE_ENUM:
      out += enum_text(vector, type, row);
      return;
    case DUCKDB_TYPE_UUID:
      return append_uuid(out, value_at<duckdb_hugeint>(vector, row));
    case DUCKDB_TYPE_DATE: {
      int32_t days = value_at<duckdb_date>(vector, row).days;
      if (days == INT32_MAX) {
        out += "infinity";
      } else if (days == -INT32_MAX) {
        out += "-infinity";
      } else {
        append_date(out, days);
      }
      return;
    }
    case DUCKDB_TYPE_TIME:
      return append_time_of_day(out, value_at<duckdb_time>(vector, row).micros * kNanosPerMicro);
    case DUCKDB_TYPE_TIME_NS:
      return append_time_of_day(out, value_at<int64_t>(vector, row));
    case DUCKDB_TYPE_TIME_TZ: {
      duckdb_time_tz_struct time = duckdb_from_time_tz(value_at<duckdb_time_tz>(vector, row));
      append_time_of_day(out, duckdb_to_time(time.time).micros * kNanosPerMicro);
      append_utc_offset(out, time.offset);
      return;
    }
    case DUCKDB_TYPE_TIMESTAMP:
      return append_timestamp(out, value_at<int64_t>(vector, row), 1000);
    case DUCKDB_TYPE_TIMESTAMP_S:
      return append_timestamp(out, value_at<int64_t>(vector, row), 1'000'000'000);
    case DUCKDB_TYPE_TIMESTAMP_MS:
      return append_timestamp(out, value_at<int64_t>(vector, row), 1'000'000);
    case DUCKDB_TYPE_TIMESTAMP_NS:
      return append_timestamp(out, value_at<int64_t>(vector, row), 1);
    case DUCKDB_TYPE_TIMESTAMP_TZ:
      append_timestamp(out, value_at<int64_t>(vector, row), 1000);
      if (out.ends_with("infinity")) return;
      out += "+00";
      return;
    case DUCKDB_TYPE_INTERVAL:
      return append_interval(out, value_at<duckdb_interval>(vector, row));
    case DUCKDB_TYPE_LIST:
      return append_list(out, vector, type, row);
    case DUCKDB_TYPE_ARRAY:
      return append_array(out, vector, type, row);
    case DUCKDB_TYPE_STRUCT:
      return append_struct(out, vector, type, row);
    case DUCKDB_TYPE_MAP:
      return append_map(out, vector, type, row);
    case DUCKDB_TYPE_UNION:
      return append_union(out, vector, type, row);
    default:
      // BIGNUM and future types: the C API gives no text for them; say so instead of guessing.
      throw WarehouseError(ErrorKind::Usage,
                           fmt::format("results of type {} cannot be read; cast the column to "
                                       "VARCHAR in the query",
                                       static_cast<int>(duckdb_get_type_id(type))));
  }
}

}  // namespace kiln::warehouse::duckdb
