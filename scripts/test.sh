#!/usr/bin/env bash
# Builds Kiln in Debug with AddressSanitizer and UndefinedBehaviorSanitizer and runs every
# test through CTest. This is the README's test command and what .ci/run runs.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/bootstrap.sh

build_dir="build-debug"
# Benchmarks are built too (not run), so they cannot rot.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKILN_SANITIZE=ON >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --no-tests=error
