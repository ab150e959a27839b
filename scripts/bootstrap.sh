#!/usr/bin/env bash
# Installs everything Kiln needs to build and test on a fresh Debian 12 machine.
# Idempotent: a second run installs nothing and finishes in about a second.
#   - Debian packages through apt (compiler, CMake, libraries, test tools).
#   - DuckDB 1.4.4 from the npm registry: the shared library from
#     @duckdb/node-bindings-linux-x64 and the C header from duckdb, unpacked into
#     third_party/duckdb/ (git-ignored; nothing downloaded is committed).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

debian_packages=(
  build-essential cmake ninja-build clang clang-format libclang-rt-14-dev
  pkg-config git ca-certificates
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libxxhash-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  libpq-dev libpg-query-dev postgresql
)

missing_packages() {
  local pkg
  for pkg in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

install_debian_packages() {
  local missing
  missing="$(missing_packages)"
  # npm fetches DuckDB; a machine with Node.js already installed from elsewhere keeps its own
  # npm (Debian's npm package conflicts with it).
  command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
  missing="$(echo $missing)"
  [ -z "$missing" ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "bootstrap: installing Debian packages: $(echo $missing | tr '\n' ' ')"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

duckdb_dir="$repo_root/third_party/duckdb"
duckdb_version="1.4.4"
duckdb_bindings="@duckdb/node-bindings-linux-x64@1.4.4-r.4"

install_duckdb() {
  if [ -f "$duckdb_dir/lib/libduckdb.so" ] && [ -f "$duckdb_dir/include/duckdb.h" ] &&
     [ "$(cat "$duckdb_dir/VERSION" 2>/dev/null)" = "$duckdb_version" ]; then
    return 0
  fi
  echo "bootstrap: fetching DuckDB $duckdb_version from the npm registry"
  local work
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  (cd "$work" && npm pack --silent "$duckdb_bindings" >/dev/null && npm pack --silent "duckdb@$duckdb_version" >/dev/null)
  mkdir -p "$work/bindings" "$work/headers" "$duckdb_dir/lib" "$duckdb_dir/include"
  tar -xzf "$work"/duckdb-node-bindings-linux-x64-*.tgz -C "$work/bindings"
  tar -xzf "$work"/duckdb-"$duckdb_version".tgz -C "$work/headers"
  cp "$(find "$work/bindings" -name libduckdb.so | head -1)" "$duckdb_dir/lib/libduckdb.so"
  cp "$work/headers/package/src/duckdb/src/include/duckdb.h" "$duckdb_dir/include/duckdb.h"
  echo "$duckdb_version" >"$duckdb_dir/VERSION"
}

install_debian_packages
install_duckdb
