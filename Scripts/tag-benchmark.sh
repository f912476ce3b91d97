#!/usr/bin/env bash
# Tagging throughput: segment + tag + records + JSON lines over text already extracted, one
# core (taskset -c 0 around the whole process), release build.
#
# Runs `lspminer benchmark-tag` over two sets, RUNS times each, and prints every run; the
# machine's run-to-run spread is about a tenth, so compare medians and best runs.
#   web:    the 181 real news and blog pages of ../shared/data/article-extraction-benchmark
#           (gunzipped into Benchmarks/work/tag-web), 0.90 MB of extracted text a pass;
#   corpus: the project corpus (corpus/html and corpus/text), 0.12 MB of text a pass, written
#           dense with codebook phrases (about 16 evidence records per KB of text, a worst case
#           for the emit stage).
#
# Each run also times ICU's two break iterators alone over the same text and prints tagging's
# speed as a ratio to theirs (the floor under tagging, measured in the same run), and each run
# is followed by one with `--icu-words` (every word from ICU's iterator, as before the ASCII
# word fast path), so the gain shows as two ratios from one machine at one time.
#
# With BASELINE, the path of another lspminer binary (an earlier commit's release build), each
# run of the current build is followed by one of the baseline, so both see the same machine.
# BASELINE_PIPELINE, that commit's pipeline file (in a worktree of it), makes the baseline tag
# with its own taxonomy; without it, it reads this checkout's, which an older build may refuse.
#
# Usage: Scripts/tag-benchmark.sh [MEGABYTES] [RUNS] [BASELINE] [BASELINE_PIPELINE]
#        (defaults: 30 3, no baseline)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-30}
runs=${2:-3}
baseline=${3:-}
baseline_pipeline=()
[ -n "${4:-}" ] && baseline_pipeline=(--pipeline "$4")
swift build -c release --product lspminer >/dev/null
binary=$(swift build -c release --show-bin-path)/lspminer
web=Benchmarks/work/tag-web
mkdir -p "$web"
for page in ../shared/data/article-extraction-benchmark/html/*.html.gz; do
  name=$(basename "$page" .gz)
  [ -f "$web/$name" ] || gunzip -c "$page" >"$web/$name"
done
for set in web corpus; do
  folders=("$web")
  [ "$set" = corpus ] && folders=(corpus/html corpus/text)
  for run in $(seq "$runs"); do
    echo "$set run $run:"
    taskset -c 0 "$binary" benchmark-tag --megabytes "$megabytes" "${folders[@]}" | sed 's/^/  /'
    echo "$set run $run, every word from ICU (--icu-words):"
    taskset -c 0 "$binary" benchmark-tag --icu-words --megabytes "$megabytes" "${folders[@]}" | sed 's/^/  /'
    if [ -n "$baseline" ]; then
      echo "$set run $run, baseline:"
      taskset -c 0 "$baseline" benchmark-tag "${baseline_pipeline[@]}" --megabytes "$megabytes" \
        "${folders[@]}" | sed 's/^/  /'
    fi
  done
done
