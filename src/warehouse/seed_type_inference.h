#pragma once
// dbt's type inference for seeds, engine-neutral, so that every engine types the same CSV
// the same way. dbt reads a seed with agate and tries, per column, these types in order,
// keeping the first that accepts every value of the column:
//   Number, Date (%Y-%m-%d), DateTime (%Y-%m-%d %H:%M:%S), ISO-8601 DateTime, Boolean, Text.
// A Number column becomes an integer type when no value has digits after the decimal point,
// a float type otherwise. Null cells are those that, stripped of whitespace and lower-cased,
// are "" or "null"; they fit every type. A column with only nulls, and every column of a seed
// without rows, is an integer column, as in dbt.
//
// Deliberate differences, all where dbt would fail or guess poorly:
// - integers wider than 32 bits get a 64-bit (or wider) type instead of overflowing INTEGER;
// - a Number must look like [+-]digits[.digits][e[+-]digits] once agate's decoration is
//   removed (a leading '-', surrounding '%' and currency symbols, ',' group separators);
//   odd forms agate accepts ("NaN", "Infinity", "--5") make the column Text;
// - ISO datetimes are accepted in the extended form only (2024-01-31T10:00[:00[.123]][Z|+02:00]);
//   a column where any value carries a zone becomes a timestamp with time zone.

#include <string_view>

namespace kiln::warehouse {

enum class SeedColumnType {
  Integer,            // every value fits 32 bits (dbt: "integer")
  BigInteger,         // fits 64 bits
  WideInteger,        // wider than 64 bits
  Float,              // some value has decimals (dbt: "float8")
  Date,               // (dbt: "date")
  Timestamp,          // (dbt: "timestamp without time zone")
  TimestampWithZone,  // ISO values with Z or an offset
  Boolean,            // "true"/"false" in any case (dbt: "boolean")
  Text,               // (dbt: "text")
};

// Whether a CSV cell is a null for dbt.
bool is_seed_null(std::string_view cell);

// The text an engine must cast to a number: agate's decoration (%, currency symbols, ','
// group separators) removed. Only meaningful for cells of a column inferred as a number.
std::string seed_number_text(std::string_view cell);

// The characters the engine must delete from a number cell before casting it, for engines
// that do the cleaning in SQL: every symbol, one UTF-8 string each.
const char* const* seed_number_decorations();  // nullptr-terminated

// Watches the cells of one column and says which type dbt would give it.
class SeedColumnTypeGuesser {
 public:
  void observe(std::string_view cell);
  SeedColumnType guess() const;

 private:
  void observe_number(std::string_view value);
  void observe_datetime(std::string_view value);

  bool any_value_ = false;
  bool number_ = true;
  bool number_has_decimals_ = false;
  int integer_bits_ = 32;  // 32, 64, or 128 for wider
  bool date_ = true;
  bool datetime_with_space_ = true;
  bool datetime_iso_ = true;
  bool datetime_has_zone_ = false;
  bool boolean_ = true;
};

}  // namespace kiln::warehouse
