#!/usr/bin/env bash
# Formats every Swift file in the repository with the root .swift-format, then lints them as CI
# does (`Scripts/format.sh --check` only lints, and exits 1 on any finding). Files not yet added
# to git are included (but not ignored ones, such as .build/), so a new file is formatted and
# checked before it is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.swift')
if [ "${1:-}" != "--check" ]; then
  swift format format --parallel --in-place "${files[@]}"
fi
swift format lint --strict --parallel "${files[@]}"
