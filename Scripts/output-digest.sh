#!/usr/bin/env bash
# Digests of the outputs the pipeline makes from the bundled corpus and from the 181 web pages
# of the article-extraction benchmark, for checking that a change leaves every output
# byte-identical (a refactoring, a speed-up). The same digests are committed in
# Tests/lspminerTests/output-digests.txt and checked by OutputDigestTests.
#
#   Scripts/output-digest.sh [BINARY] [WEB_PAGES_FOLDER]
#
# BINARY defaults to a fresh release build; WEB_PAGES_FOLDER to $LSPMINER_WEB_PAGES, else the
# benchmark's pages beside the repository (skipped when absent). A digest is the SHA-256 of
# `sha256sum` lines ("HASH  PATH", sorted by path) for documents.jsonl, evidence/* and text/*.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
if [ -z "$binary" ]; then
  swift build -c release --product lspminer >/dev/null
  binary=$(swift build -c release --show-bin-path)/lspminer
fi
web=${2:-${LSPMINER_WEB_PAGES:-../shared/data/article-extraction-benchmark/html}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

digest() {
  (cd "$1" && find documents.jsonl evidence text -type f | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1)
}

# Builds before the --pipeline option took the pipeline as the first argument.
pipeline=(--pipeline pipelines/lsp-evaluation.yml)
"$binary" run --help | grep -q -- '--pipeline' || pipeline=(pipelines/lsp-evaluation.yml)
run() { "$binary" run "${pipeline[@]}" "$@" --full --quiet --jobs 2 || [ $? -eq 1 ]; }
run --output "$work/corpus"
echo "corpus $(digest "$work/corpus")"
if [ -d "$web" ]; then
  run --source "$web" --output "$work/web"
  echo "web $(digest "$work/web")"
fi
