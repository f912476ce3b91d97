#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (and LeakSanitizer), in its own build folder
# so it does not disturb the normal one. Leaks in the toolchain's own libraries are suppressed
# by Tests/lsan.supp; anything else fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$(pwd)/Tests/lsan.supp:print_suppressions=0"
exec swift test --sanitize=address --scratch-path .build-asan "$@"
