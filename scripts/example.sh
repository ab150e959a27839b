#!/usr/bin/env bash
# Builds Kiln (Release, build/kiln) and runs the example project end to end: load the raw
# tables, build every model and test, then simulate new rows and build again.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/bootstrap.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_TESTS=OFF -DKILN_BENCH=OFF >/dev/null
cmake --build build --target kiln --parallel "$(nproc)"

kiln="$repo_root/build/kiln"
cd examples/wizards
"$kiln" run-operation load_raw_data
"$kiln" build
"$kiln" run-operation simulate_new_wizards --args '{count: 2}'
"$kiln" build
