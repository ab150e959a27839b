# Third-party libraries. Debian's packages provide all but DuckDB, which
# scripts/bootstrap.sh unpacks from the npm registry into third_party/duckdb/.

find_package(PkgConfig REQUIRED)
find_package(fmt REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(Threads REQUIRED)
find_package(CLI11 REQUIRED)

set(KILN_DUCKDB_DIR "${PROJECT_SOURCE_DIR}/third_party/duckdb")
if(NOT EXISTS "${KILN_DUCKDB_DIR}/lib/libduckdb.so")
  message(FATAL_ERROR "DuckDB not found in ${KILN_DUCKDB_DIR}: run scripts/bootstrap.sh first")
endif()
add_library(duckdb SHARED IMPORTED GLOBAL)
set_target_properties(duckdb PROPERTIES
  IMPORTED_LOCATION "${KILN_DUCKDB_DIR}/lib/libduckdb.so"
  INTERFACE_INCLUDE_DIRECTORIES "${KILN_DUCKDB_DIR}/include")
# Executables find libduckdb.so next to the checkout without LD_LIBRARY_PATH.
set(CMAKE_BUILD_RPATH "${KILN_DUCKDB_DIR}/lib")
set(CMAKE_INSTALL_RPATH "${KILN_DUCKDB_DIR}/lib")

if(KILN_TESTS)
  find_package(GTest REQUIRED)
endif()
if(KILN_BENCH)
  find_package(benchmark REQUIRED)
endif()

# xxHash (libxxhash-dev): XXH3-128 for the state stage's fingerprints.
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
add_library(xxhash::xxhash ALIAS PkgConfig::XXHASH)
