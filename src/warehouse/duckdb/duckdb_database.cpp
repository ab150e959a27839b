#include "warehouse/duckdb/duckdb_database.h"

#include <fmt/format.h>

#include <filesystem>

#include "warehouse/error.h"

namespace kiln::warehouse::duckdb {

namespace {

class Config {
 public:
  Config() { duckdb_create_config(&config_); }
  ~Config() { duckdb_destroy_config(&config_); }
  Config(const Config&) = delete;
  Config& operator=(const Config&) = delete;

  void set(const char* name, const char* value) {
    if (duckdb_set_config(config_, name, value) == DuckDBError) {
      throw WarehouseError(ErrorKind::Connection,
                           fmt::format("DuckDB rejected the setting {} = {}", name, value));
    }
  }
  duckdb_config get() const { return config_; }

 private:
  duckdb_config config_ = nullptr;
};

void create_parent_directory(const std::string& path) {
  if (path == ":memory:" || path.empty()) return;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ignored;  // opening reports the real problem if this did not help
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
}

}  // namespace

Database::Database(const std::string& path) {
  create_parent_directory(path);
  Config config;
  // Kiln runs without network access: an extension that is not built in or already on disk
  // must fail at once with DuckDB's message, not wait for a download.
  config.set("autoinstall_known_extensions", "false");
  char* error = nullptr;
  if (duckdb_open_ext(path.c_str(), &database_, config.get(), &error) == DuckDBError) {
    std::string message = error != nullptr ? error : "unknown error";
    duckdb_free(error);
    throw WarehouseError(ErrorKind::Connection, message,
                         fmt::format("opening DuckDB database '{}'", path));
  }
}

Database::~Database() {
  duckdb_close(&database_);
}

}  // namespace kiln::warehouse::duckdb
