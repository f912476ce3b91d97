#!/usr/bin/env bash
# Formats every Swift file in the repository with the root .swift-format, then lints them as CI
# does (`Scripts/format.sh --check` only lints, and exits 1 on any finding).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.swift')
if [ "${1:-}" != "--check" ]; then
  swift format format --parallel --in-place "${files[@]}"
fi
swift format lint --strict --parallel "${files[@]}"
