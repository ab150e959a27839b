// gen_project: writes a synthetic dbt project of N models, shaped as real ones, and the DuckDB
// file with its source tables. Deterministic for a given --seed.
//   gen_project --models 1000 --out /tmp/bench_1000 [--rows 1000] [--seed 42] [--threads 4]
// Then: cd /tmp/bench_1000 && kiln build          (figures and meaning: docs/benchmarks.md)
#include <charconv>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "duckdb_database.h"
#include "project_files.h"
#include "project_plan.h"
#include "source_data.h"

namespace {

struct Options {
  size_t models = 100;
  size_t rows = 1000;
  uint64_t seed = 42;
  int threads = 4;
  std::filesystem::path out;
};

constexpr const char* kUsage =
    "usage: gen_project --models N --out DIR [--rows ROWS_PER_SOURCE] [--seed S] [--threads T]\n";

uint64_t number(const char* flag, const char* text) {
  uint64_t value = 0;
  auto [end, error] = std::from_chars(text, text + std::strlen(text), value);
  if (error != std::errc() || *end != '\0') {
    throw std::invalid_argument(std::string(flag) + " expects a number, got '" + text + "'");
  }
  return value;
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc) throw std::invalid_argument(kUsage);
    const char* value = argv[++i];
    if (flag == "--models") {
      options.models = number("--models", value);
    } else if (flag == "--rows") {
      options.rows = number("--rows", value);
    } else if (flag == "--seed") {
      options.seed = number("--seed", value);
    } else if (flag == "--threads") {
      options.threads = static_cast<int>(number("--threads", value));
    } else if (flag == "--out") {
      options.out = value;
    } else {
      throw std::invalid_argument("unknown flag " + flag + "\n" + kUsage);
    }
  }
  if (options.out.empty() || options.models == 0) throw std::invalid_argument(kUsage);
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kiln::bench;
  try {
    Options options = parse_options(argc, argv);
    // A fresh folder: files left from another N would become models of this project.
    std::filesystem::remove_all(options.out);
    ProjectPlan plan = plan_project(options.models, options.rows, options.seed);
    write_project_files(plan, options.out, ProjectOptions{options.threads});
    DuckdbDatabase database((options.out / kDatabaseFile).string());
    create_source_tables(database, plan);
    std::cout << "gen_project: " << plan.models.size() << " models, " << plan.source_count
              << " source tables of " << plan.rows_per_source << " rows in " << options.out.string()
              << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "gen_project: " << e.what() << "\n";
    return 1;
  }
}
