#include "warehouse/duckdb/duckdb_adapter.h"

#include <fmt/format.h>

#include <utility>

#include "warehouse/duckdb/duckdb_connection.h"
#include "warehouse/duckdb/duckdb_database.h"
#include "warehouse/error.h"
#include "warehouse/quoting.h"

namespace kiln::warehouse::duckdb {

namespace {

bool is_extension_name(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool allowed =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!allowed) return false;
  }
  return true;
}

std::string lowercase(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

DuckDbAdapter::DuckDbAdapter(DuckDbOptions options)
    : options_(std::move(options)), database_(std::make_shared<Database>(options_.path)) {
  auto connection = open_connection();
  load_extensions(*connection);
  // DuckDB names the catalog after the file's stem itself; asking keeps the two in step.
  ResultTable name = connection->execute("SELECT current_database()");
  database_name_ = cell_text(name.rows.at(0).at(0));
}

DuckDbAdapter::~DuckDbAdapter() = default;

std::unique_ptr<Connection> DuckDbAdapter::open_connection() {
  return std::make_unique<DuckDbConnection>(database_, options_.settings);
}

void DuckDbAdapter::load_extensions(Connection& connection) {
  for (const std::string& extension : options_.extensions) {
    if (!is_extension_name(extension)) {
      throw WarehouseError(ErrorKind::Extension,
                           fmt::format("'{}' is not a DuckDB extension name", extension));
    }
    try {
      connection.execute(fmt::format("LOAD {}", extension));
    } catch (const WarehouseError& error) {
      throw WarehouseError(
          ErrorKind::Extension, error.engine_message(),
          fmt::format("loading DuckDB extension '{}': Kiln does not download extensions, so "
                      "only extensions built into DuckDB or installed beforehand can be used",
                      extension));
    }
  }
}

Relation DuckDbAdapter::qualified(const Relation& relation) const {
  Relation full = relation;
  if (full.database.empty()) full.database = database_name_;
  if (full.schema.empty()) full.schema = default_schema();
  return full;
}

void DuckDbAdapter::create_schema(Connection& connection, const SchemaName& schema) {
  std::string database = schema.database.empty() ? database_name_ : schema.database;
  connection.execute(
      fmt::format("CREATE SCHEMA IF NOT EXISTS {}.{}", quote(database), quote(schema.schema)));
}

void DuckDbAdapter::drop_relation(Connection& connection, const Relation& relation) {
  Relation target = qualified(relation);
  if (target.type == RelationType::Unknown) {
    std::optional<Relation> existing = get_relation(connection, target);
    if (!existing) return;
    target.type = existing->type;
  }
  const char* keyword = target.type == RelationType::View ? "VIEW" : "TABLE";
  connection.execute(fmt::format("DROP {} IF EXISTS {}", keyword, render(target)));
}

void DuckDbAdapter::rename_relation(Connection& connection, const Relation& from,
                                    const std::string& new_identifier) {
  Relation source = qualified(from);
  if (source.type == RelationType::Unknown) {
    std::optional<Relation> existing = get_relation(connection, source);
    if (!existing) {
      throw WarehouseError(ErrorKind::Usage,
                           fmt::format("cannot rename {}: it does not exist", render(source)));
    }
    source.type = existing->type;
  }
  const char* keyword = source.type == RelationType::View ? "VIEW" : "TABLE";
  connection.execute(
      fmt::format("ALTER {} {} RENAME TO {}", keyword, render(source), quote(new_identifier)));
}

void DuckDbAdapter::swap_in(Connection& connection, const Relation& built, const Relation& target) {
  Relation source = qualified(built);
  Relation destination = qualified(target);
  if (lowercase(source.database) != lowercase(destination.database) ||
      lowercase(source.schema) != lowercase(destination.schema)) {
    throw WarehouseError(ErrorKind::Usage, fmt::format("swap_in needs {} and {} in the same schema",
                                                       render(source), render(destination)));
  }
  bool own_transaction = !connection.in_transaction();
  if (own_transaction) connection.begin();
  try {
    // Types are looked up inside the transaction rather than trusted from the caller: a view
    // may be replaced by a table and DuckDB drops each with its own statement.
    destination.type = RelationType::Unknown;
    source.type = RelationType::Unknown;
    drop_relation(connection, destination);
    rename_relation(connection, source, destination.identifier);
    if (own_transaction) connection.commit();
  } catch (...) {
    if (own_transaction && connection.in_transaction()) connection.rollback();
    throw;
  }
}

}  // namespace kiln::warehouse::duckdb
