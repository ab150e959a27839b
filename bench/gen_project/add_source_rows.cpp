// add_source_rows: appends new rows to one source table of a generated project, as a loader
// would between two builds (bench/run times the build that follows).
//   add_source_rows DATABASE.duckdb TABLE COUNT        e.g. kiln_bench.duckdb src_00000 100
#include <iostream>
#include <string>

#include "duckdb_database.h"
#include "source_data.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: add_source_rows DATABASE.duckdb TABLE COUNT\n";
    return 2;
  }
  try {
    kiln::bench::DuckdbDatabase database(argv[1]);
    kiln::bench::append_source_rows(database, argv[2], std::stoul(argv[3]));
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "add_source_rows: " << e.what() << "\n";
    return 1;
  }
}
