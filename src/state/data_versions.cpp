#include "state/data_versions.h"

#include <fmt/format.h>

#include "state/hash.h"
#include "warehouse/error.h"

namespace kiln::state {

namespace {

// One UNION ALL query over every timestamp-based source: position, then the newest load
// time as text (NULL when the table is empty).
std::string loaded_at_query(warehouse::Adapter& adapter,
                            const std::vector<const SourceVersionRequest*>& sources) {
  std::string sql;
  for (size_t i = 0; i < sources.size(); ++i) {
    const SourceVersionRequest& source = *sources[i];
    if (i > 0) sql += "\nUNION ALL\n";
    if (source.loaded_at_query) {
      sql += fmt::format("SELECT {} AS position, CAST(({}) AS VARCHAR) AS loaded_at", i,
                         *source.loaded_at_query);
    } else {
      sql += fmt::format("SELECT {} AS position, CAST(max({}) AS VARCHAR) AS loaded_at FROM {}", i,
                         *source.loaded_at_field, adapter.render(source.relation));
    }
  }
  return sql;
}

void read_loaded_at(warehouse::Adapter& adapter, warehouse::Connection& connection,
                    const std::vector<const SourceVersionRequest*>& sources,
                    DataVersions& versions) {
  if (sources.empty()) return;
  warehouse::ResultTable result = connection.execute(loaded_at_query(adapter, sources));
  for (size_t row = 0; row < result.rows.size(); ++row) {
    const warehouse::Cell& position = result.at(row, "position");
    const warehouse::Cell& loaded_at = result.at(row, "loaded_at");
    size_t index = static_cast<size_t>(std::get<int64_t>(position));
    std::string value = warehouse::is_null(loaded_at) ? "null" : warehouse::cell_text(loaded_at);
    versions[sources.at(index)->unique_id] = "loaded_at:" + value;
  }
}

}  // namespace

DataVersions source_data_versions(warehouse::Adapter& adapter, warehouse::Connection& connection,
                                  const std::vector<SourceVersionRequest>& sources) {
  std::vector<const SourceVersionRequest*> by_timestamp;
  std::vector<const SourceVersionRequest*> by_content;
  for (const auto& source : sources) {
    bool timestamped = source.loaded_at_field || source.loaded_at_query;
    (timestamped ? by_timestamp : by_content).push_back(&source);
  }
  DataVersions versions;
  read_loaded_at(adapter, connection, by_timestamp, versions);
  std::vector<warehouse::Relation> relations;
  for (const auto* source : by_content)
    relations.push_back(source->relation);
  std::vector<std::string> tokens = table_data_versions(adapter, connection, relations);
  for (size_t i = 0; i < by_content.size(); ++i)
    versions[by_content[i]->unique_id] = tokens[i];
  return versions;
}

std::vector<std::string> table_data_versions(warehouse::Adapter& adapter,
                                             warehouse::Connection& connection,
                                             const std::vector<warehouse::Relation>& relations) {
  if (relations.empty()) return {};
  return adapter.content_fingerprints(connection, relations);
}

std::string view_data_version(const DataVersions& input_versions) {
  FieldHasher hasher;
  for (const auto& [id, version] : input_versions) {
    hasher.add(id);
    hasher.add(version);
  }
  return "view:" + hasher.hex();
}

}  // namespace kiln::state
