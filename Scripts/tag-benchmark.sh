#!/usr/bin/env bash
# Tagging throughput: segment + tag + records + JSON lines over text already extracted, one
# core, release build (issue 3's target: at least 20 MB/s of text per core).
#
# Runs `lspminer benchmark-tag` over two sets, RUNS times each, and prints every run; the
# machine's run-to-run spread is about a tenth, so compare the best runs.
#   web:    the 181 real news and blog pages of ../shared/data/article-extraction-benchmark
#           (gunzipped into Benchmarks/work/tag-web), 0.89 MB of extracted text a pass;
#   corpus: the project corpus, 0.12 MB of text a pass, written dense with codebook phrases
#           (about 16 evidence records per KB of text, a worst case for the emit stage).
#
# Usage: Scripts/tag-benchmark.sh [MEGABYTES] [RUNS]   (defaults: 30 3)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-30}
runs=${2:-3}
swift build -c release --product lspminer >/dev/null
binary=$(swift build -c release --show-bin-path)/lspminer
web=Benchmarks/work/tag-web
mkdir -p "$web"
for page in ../shared/data/article-extraction-benchmark/html/*.html.gz; do
  name=$(basename "$page" .gz)
  [ -f "$web/$name" ] || gunzip -c "$page" >"$web/$name"
done
for set in web corpus; do
  folder=$web
  [ "$set" = corpus ] && folder=corpus
  for run in $(seq "$runs"); do
    echo "$set run $run:"
    "$binary" benchmark-tag --megabytes "$megabytes" "$folder" | sed 's/^/  /'
  done
done
