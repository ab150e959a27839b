#pragma once
// The warehouse as the later stages see it: one Adapter per target (profile output), and a
// Connection per worker thread opened from it. Every engine (src/warehouse/<engine>/)
// implements this interface and nothing else is engine-specific outside its folder.
//
// Introspection and DDL take the Connection to run on, so that they run in the caller's
// transaction when one is open: a build, its swap into place and its state record commit
// together (see ARCHITECTURE.md, "The state store").

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warehouse/catalog.h"
#include "warehouse/connection.h"
#include "warehouse/relation.h"
#include "warehouse/seed_csv.h"

namespace kiln::warehouse {

class Adapter {
 public:
  virtual ~Adapter() = default;
  Adapter() = default;
  Adapter(const Adapter&) = delete;
  Adapter& operator=(const Adapter&) = delete;

  // dbt's adapter.type(): "duckdb", "postgres".
  virtual std::string type() const = 0;
  // The target's database (dbt's target.database) and default schema (target.schema).
  virtual std::string database() const = 0;
  virtual std::string default_schema() const = 0;

  // A new session. Thread-safe: each worker thread opens its own.
  virtual std::unique_ptr<Connection> open_connection() = 0;

  virtual char quote_character() const { return '"'; }
  // dbt's adapter.quote(identifier).
  std::string quote(std::string_view identifier) const;
  // A relation as SQL text, honouring its policies.
  std::string render(const Relation& relation) const;

  // --- introspection -----------------------------------------------------------------------
  // Every relation of the given schemas with its columns, in ONE query. Schemas and
  // relations that do not exist are simply absent. Relations come sorted by schema and name.
  virtual std::vector<CatalogRelation> catalog(Connection& connection,
                                               const std::vector<SchemaName>& schemas) = 0;
  // The relation with its type, or nothing when it does not exist (dbt's get_relation).
  virtual std::optional<Relation> get_relation(Connection& connection, const Relation& name) = 0;
  // Its columns in order; empty when the relation does not exist.
  virtual std::vector<CatalogColumn> get_columns_in_relation(Connection& connection,
                                                             const Relation& relation) = 0;
  virtual std::vector<std::string> list_schemas(Connection& connection,
                                                const std::string& database) = 0;

  // --- DDL ---------------------------------------------------------------------------------
  virtual void create_schema(Connection& connection, const SchemaName& schema) = 0;
  // Drops a table or view if it exists; the type is looked up when it is Unknown.
  virtual void drop_relation(Connection& connection, const Relation& relation) = 0;
  // Renames within its schema (engines do not move relations between schemas by renaming).
  virtual void rename_relation(Connection& connection, const Relation& from,
                               const std::string& new_identifier) = 0;
  // Puts `built` in the place of `target` atomically: the old target (table or view, if any)
  // is dropped and `built` renamed to the target's name in one transaction, so a reader on
  // another connection sees the old relation or the new one and never neither. Runs inside
  // the caller's transaction when one is open (the caller commits), else in its own.
  virtual void swap_in(Connection& connection, const Relation& built, const Relation& target) = 0;

  // --- seeds -------------------------------------------------------------------------------
  // Creates `table` (which must not exist) from a CSV file in bulk, typing the columns as
  // dbt does (seed_type_inference.h) unless `options.column_types` names their type.
  virtual SeedLoadResult load_csv(Connection& connection, const Relation& table,
                                  const std::filesystem::path& csv_file,
                                  const SeedCsvOptions& options) = 0;

  // --- data versions -----------------------------------------------------------------------
  // A token that changes when the relation's rows change, whatever their order: equal for the
  // same multiset of rows, different when a row is added, removed, changed or duplicated.
  virtual std::string content_fingerprint(Connection& connection, const Relation& relation) = 0;
  // The same for many relations in one query, in the order given.
  virtual std::vector<std::string> content_fingerprints(Connection& connection,
                                                        const std::vector<Relation>& relations) = 0;
};

}  // namespace kiln::warehouse
