#pragma once
// The DuckDB engine: one database (file or :memory:) per adapter, opened once, and a
// connection per worker thread on it. Follows dbt-duckdb's conventions: the database is
// named after the file's stem (dev.duckdb -> "dev", :memory: -> "memory") and the default
// schema is "main".

#include <memory>
#include <string>

#include "warehouse/adapter.h"
#include "warehouse/duckdb/duckdb_options.h"

namespace kiln::warehouse::duckdb {

class Database;

class DuckDbAdapter final : public Adapter {
 public:
  // Opens the database and loads the extensions; throws WarehouseError (Connection or
  // Extension) with DuckDB's message when either fails.
  explicit DuckDbAdapter(DuckDbOptions options);
  ~DuckDbAdapter() override;

  std::string type() const override { return "duckdb"; }
  std::string database() const override { return database_name_; }
  std::string default_schema() const override { return "main"; }
  std::unique_ptr<Connection> open_connection() override;

  std::vector<CatalogRelation> catalog(Connection& connection,
                                       const std::vector<SchemaName>& schemas) override;
  std::optional<Relation> get_relation(Connection& connection, const Relation& name) override;
  std::vector<CatalogColumn> get_columns_in_relation(Connection& connection,
                                                     const Relation& relation) override;
  std::vector<std::string> list_schemas(Connection& connection,
                                        const std::string& database) override;

  void create_schema(Connection& connection, const SchemaName& schema) override;
  void drop_relation(Connection& connection, const Relation& relation) override;
  void rename_relation(Connection& connection, const Relation& from,
                       const std::string& new_identifier) override;
  void swap_in(Connection& connection, const Relation& built, const Relation& target) override;

  SeedLoadResult load_csv(Connection& connection, const Relation& table,
                          const std::filesystem::path& csv_file,
                          const SeedCsvOptions& options) override;

  std::string content_fingerprint(Connection& connection, const Relation& relation) override;
  std::vector<std::string> content_fingerprints(Connection& connection,
                                                const std::vector<Relation>& relations) override;

 private:
  void load_extensions(Connection& connection);
  // The relation with an empty database/schema filled in with the target's defaults.
  Relation qualified(const Relation& relation) const;

  DuckDbOptions options_;
  std::shared_ptr<Database> database_;
  std::string database_name_;
};

}  // namespace kiln::warehouse::duckdb
