#include "warehouse/duckdb/duckdb_type_name.h"

#include <fmt/format.h>

#include "warehouse/duckdb/duckdb_handles.h"
#include "warehouse/quoting.h"

namespace kiln::warehouse::duckdb {

namespace {

const char* primitive_type_name(duckdb_type id) {
  switch (id) {
    case DUCKDB_TYPE_BOOLEAN:
      return "BOOLEAN";
    case DUCKDB_TYPE_TINYINT:
      return "TINYINT";
    case DUCKDB_TYPE_SMALLINT:
      return "SMALLINT";
    case DUCKDB_TYPE_INTEGER:
      return "INTEGER";
    case DUCKDB_TYPE_BIGINT:
      return "BIGINT";
    case DUCKDB_TYPE_UTINYINT:
      return "UTINYINT";
    case DUCKDB_TYPE_USMALLINT:
      return "USMALLINT";
    case DUCKDB_TYPE_UINTEGER:
      return "UINTEGER";
    case DUCKDB_TYPE_UBIGINT:
      return "UBIGINT";
    case DUCKDB_TYPE_HUGEINT:
      return "HUGEINT";
    case DUCKDB_TYPE_UHUGEINT:
      return "UHUGEINT";
    case DUCKDB_TYPE_FLOAT:
      return "FLOAT";
    case DUCKDB_TYPE_DOUBLE:
      return "DOUBLE";
    case DUCKDB_TYPE_VARCHAR:
      return "VARCHAR";
    case DUCKDB_TYPE_BLOB:
      return "BLOB";
    case DUCKDB_TYPE_DATE:
      return "DATE";
    case DUCKDB_TYPE_TIME:
      return "TIME";
    case DUCKDB_TYPE_TIME_NS:
      return "TIME_NS";
    case DUCKDB_TYPE_TIME_TZ:
      return "TIME WITH TIME ZONE";
    case DUCKDB_TYPE_TIMESTAMP:
      return "TIMESTAMP";
    case DUCKDB_TYPE_TIMESTAMP_S:
      return "TIMESTAMP_S";
    case DUCKDB_TYPE_TIMESTAMP_MS:
      return "TIMESTAMP_MS";
    case DUCKDB_TYPE_TIMESTAMP_NS:
      return "TIMESTAMP_NS";
    case DUCKDB_TYPE_TIMESTAMP_TZ:
      return "TIMESTAMP WITH TIME ZONE";
    case DUCKDB_TYPE_INTERVAL:
      return "INTERVAL";
    case DUCKDB_TYPE_UUID:
      return "UUID";
    case DUCKDB_TYPE_BIT:
      return "BIT";
    case DUCKDB_TYPE_BIGNUM:
      return "BIGNUM";
    case DUCKDB_TYPE_SQLNULL:
      return "\"NULL\"";
    default:
      return nullptr;
  }
}

std::string enum_type_name(duckdb_logical_type type) {
  std::string name = "ENUM(";
  uint32_t size = duckdb_enum_dictionary_size(type);
  for (uint32_t i = 0; i < size; ++i) {
    if (i > 0) name += ", ";
    name += quote_string_literal(take_duckdb_string(duckdb_enum_dictionary_value(type, i)));
  }
  return name + ")";
}

std::string struct_type_name(const char* keyword, duckdb_logical_type type, idx_t count,
                             char* (*member_name)(duckdb_logical_type, idx_t),
                             duckdb_logical_type (*member_type)(duckdb_logical_type, idx_t)) {
  std::string name = fmt::format("{}(", keyword);
  for (idx_t i = 0; i < count; ++i) {
    if (i > 0) name += ", ";
    name += optionally_quoted(take_duckdb_string(member_name(type, i)));
    name += ' ';
    name += type_name(LogicalType(member_type(type, i)).get());
  }
  return name + ")";
}

std::string nested_type_name(duckdb_logical_type type, duckdb_type id) {
  switch (id) {
    case DUCKDB_TYPE_DECIMAL:
      return fmt::format("DECIMAL({},{})", duckdb_decimal_width(type), duckdb_decimal_scale(type));
    case DUCKDB_TYPE_ENUM:
      return enum_type_name(type);
    case DUCKDB_TYPE_LIST:
      return type_name(LogicalType(duckdb_list_type_child_type(type)).get()) + "[]";
    case DUCKDB_TYPE_ARRAY:
      return fmt::format("{}[{}]", type_name(LogicalType(duckdb_array_type_child_type(type)).get()),
                         duckdb_array_type_array_size(type));
    case DUCKDB_TYPE_MAP:
      return fmt::format("MAP({}, {})",
                         type_name(LogicalType(duckdb_map_type_key_type(type)).get()),
                         type_name(LogicalType(duckdb_map_type_value_type(type)).get()));
    case DUCKDB_TYPE_STRUCT:
      return struct_type_name("STRUCT", type, duckdb_struct_type_child_count(type),
                              duckdb_struct_type_child_name, duckdb_struct_type_child_type);
    case DUCKDB_TYPE_UNION:
      return struct_type_name("UNION", type, duckdb_union_type_member_count(type),
                              duckdb_union_type_member_name, duckdb_union_type_member_type);
    default:
      return fmt::format("UNKNOWN_TYPE_{}", static_cast<int>(id));
  }
}

bool is_plain_identifier(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!plain) return false;
  }
  return true;
}

}  // namespace

std::string optionally_quoted(const std::string& name) {
  return is_plain_identifier(name) ? name : quote_identifier(name);
}

std::string type_name(duckdb_logical_type type) {
  // Aliases (JSON is VARCHAR underneath) are what users wrote and what typeof() shows.
  std::string alias = take_duckdb_string(duckdb_logical_type_get_alias(type));
  if (!alias.empty()) return alias;
  duckdb_type id = duckdb_get_type_id(type);
  if (const char* name = primitive_type_name(id)) return name;
  return nested_type_name(type, id);
}

ValueKind value_kind(duckdb_type type) {
  switch (type) {
    case DUCKDB_TYPE_BOOLEAN:
      return ValueKind::Boolean;
    case DUCKDB_TYPE_TINYINT:
    case DUCKDB_TYPE_SMALLINT:
    case DUCKDB_TYPE_INTEGER:
    case DUCKDB_TYPE_BIGINT:
    case DUCKDB_TYPE_UTINYINT:
    case DUCKDB_TYPE_USMALLINT:
    case DUCKDB_TYPE_UINTEGER:
    case DUCKDB_TYPE_UBIGINT:
    case DUCKDB_TYPE_HUGEINT:
    case DUCKDB_TYPE_UHUGEINT:
    case DUCKDB_TYPE_BIGNUM:
      return ValueKind::Integer;
    case DUCKDB_TYPE_FLOAT:
    case DUCKDB_TYPE_DOUBLE:
      return ValueKind::Float;
    case DUCKDB_TYPE_DECIMAL:
      return ValueKind::Decimal;
    case DUCKDB_TYPE_VARCHAR:
    case DUCKDB_TYPE_ENUM:
      return ValueKind::Text;
    case DUCKDB_TYPE_DATE:
      return ValueKind::Date;
    case DUCKDB_TYPE_TIME:
    case DUCKDB_TYPE_TIME_NS:
    case DUCKDB_TYPE_TIME_TZ:
      return ValueKind::Time;
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_S:
    case DUCKDB_TYPE_TIMESTAMP_MS:
    case DUCKDB_TYPE_TIMESTAMP_NS:
      return ValueKind::Timestamp;
    case DUCKDB_TYPE_TIMESTAMP_TZ:
      return ValueKind::TimestampTz;
    case DUCKDB_TYPE_INTERVAL:
      return ValueKind::Interval;
    case DUCKDB_TYPE_BLOB:
    case DUCKDB_TYPE_BIT:
      return ValueKind::Blob;
    case DUCKDB_TYPE_UUID:
      return ValueKind::Uuid;
    case DUCKDB_TYPE_LIST:
    case DUCKDB_TYPE_ARRAY:
    case DUCKDB_TYPE_STRUCT:
    case DUCKDB_TYPE_MAP:
    case DUCKDB_TYPE_UNION:
      return ValueKind::Nested;
    default:
      return ValueKind::Other;
  }
}

}  // namespace kiln::warehouse::duckdb
