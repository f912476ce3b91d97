#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them on the project's seeds.
#
#   Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# TARGETs: extract (decode + HTML/plain-text extraction), tag (segmentation + tagging of any
# text), config (taxonomy and pipeline file loaders), archive (zip, tar, gz and WARC expansion);
# all four by default. Each runs for
# SECONDS_PER_TARGET (default 60) with address sanitizer, from a seed corpus made of the project
# corpus, the test fixtures, the pipelines, the regression inputs and seeds with extreme values
# (Scripts/fuzz/extreme-seeds.py), with a dictionary of the target's keywords and boundary
# numbers (Scripts/fuzz/TARGET.dict). The corpus libFuzzer grows
# is kept in Benchmarks/fuzz/corpus-TARGET (not committed), so later runs start where earlier
# ones stopped. A crash input is moved to Tests/TextMiningTests/Fixtures/fuzz/TARGET/ (where the
# regression test replays it) and the script exits 1. A summary line per target (seconds,
# executions, corpus size, crash inputs) is appended to Benchmarks/fuzz/runs.tsv, the seconds
# being those actually run (a crash stops a target early).
#
# Environment: FUZZ_JOBS (parallel fuzzing processes per target, default 1),
# FUZZ_BUILD_ONLY=1 (build and stop), FUZZ_SCRATCH (build folder, default .build-fuzz),
# FUZZ_MAX_LEN (longest input libFuzzer makes, default 262144 bytes; a smaller value such as
# 16384 runs many more, shorter inputs: seeds are cut to that length).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(extract tag config archive)
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
JOBS=${FUZZ_JOBS:-1}
MAX_LEN=${FUZZ_MAX_LEN:-262144}
WORK=Benchmarks/fuzz
mkdir -p "$WORK"

product() {
  case "$1" in
    extract) echo FuzzExtract ;;
    tag) echo FuzzTag ;;
    config) echo FuzzConfig ;;
    archive) echo FuzzArchive ;;
    *) echo "unknown fuzz target '$1' (extract, tag, config or archive)" >&2; exit 2 ;;
  esac
}

# Swift code is instrumented by -sanitize=fuzzer; the C shim (libxml2 and ICU calls, the tree
# walks) by -fsanitize=fuzzer-no-link, so coverage guides the fuzzer through both.
for target in "${TARGETS[@]}"; do
  name=$(product "$target")
  echo "building $name" >&2
  swift build -c release --scratch-path "$SCRATCH" --product "$name" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
    -Xcc -fsanitize=fuzzer-no-link,address >&2
done
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)

seeds() {
  local target=$1 folder=$2
  mkdir -p "$folder"
  case "$target" in
    extract)
      # The first byte of an input picks the format and mode (FuzzHarness.extract): 0 is HTML
      # with main-content selection, 1 plain text.
      find corpus Tests/TextMiningTests/Fixtures/html Tests/TextMiningTests/Fixtures/hostile -type f \
        \( -name '*.html' -o -name '*.htm' -o -name '*.xhtml' -o -name '*.txt' \) -size -200k | while read -r file; do
        case "$file" in *.txt) selector='\x01' ;; *) selector='\x00' ;; esac
        { printf "$selector"; cat "$file"; } > "$folder/seed-$(basename "$file")"
      done ;;
    tag)
      find corpus/text Tests/TextMiningTests/Fixtures/text -type f -size -200k -exec cp {} "$folder/" \; ;;
    config)
      cp pipelines/*.yml "$folder/"
      find Tests/TextMiningTests/Fixtures/taxonomy -type f -exec cp {} "$folder/" \; ;;
    archive)
      # The first byte picks the suffix (ArchiveExpander.archiveSuffixes: 0 .zip, 1 .tar, 2 .tar.gz,
      # 3 .tgz, 4 .gz, 5 .warc, 6 .warc.gz).
      for file in Tests/TextMiningTests/Fixtures/archives/*; do
        case "$file" in
          *.zip) selector='\x00' ;; *.tar) selector='\x01' ;; *.tar.gz) selector='\x02' ;; *.tgz) selector='\x03' ;;
          *.warc.gz) selector='\x06' ;; *.warc) selector='\x05' ;; *.gz) selector='\x04' ;; *) continue ;;
        esac
        [ "$(stat -c %s "$file")" -lt 300000 ] || continue
        { printf "$selector"; cat "$file"; } > "$folder/seed-$(basename "$file")"
      done ;;
  esac
  # Lengths, offsets and limits at the boundaries where arithmetic overflows.
  python3 Scripts/fuzz/extreme-seeds.py "$target" "$folder"
  if [ -d "Tests/TextMiningTests/Fixtures/fuzz/$target" ]; then
    cp "Tests/TextMiningTests/Fixtures/fuzz/$target"/* "$folder/" 2>/dev/null || true
  fi
}

status=0
for target in "${TARGETS[@]}"; do
  name=$(product "$target")
  corpus="$WORK/corpus-$target"
  seedDir="$WORK/seeds-$target"
  rm -rf "$seedDir"
  seeds "$target" "$seedDir"
  mkdir -p "$corpus" "$WORK/crashes-$target"
  log="$WORK/last-$target.log"
  echo "fuzzing $target for ${SECONDS_PER_TARGET}s (log: $log)" >&2
  started=$(date +%s)
  parallel=()
  [ "$JOBS" -gt 1 ] && parallel=(-jobs="$JOBS" -workers="$JOBS")
  set +e
  ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    "$BIN/$name" "$corpus" "$seedDir" -max_total_time="$SECONDS_PER_TARGET" -timeout=20 -rss_limit_mb=4096 \
    -max_len="$MAX_LEN" -print_final_stats=1 -dict="Scripts/fuzz/$target.dict" "${parallel[@]}" \
    -artifact_prefix="$WORK/crashes-$target/" > "$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - started ))
  # With -jobs, libFuzzer writes each worker's output to fuzz-N.log in the working directory.
  if [ "$JOBS" -gt 1 ]; then cat fuzz-*.log >> "$log" 2>/dev/null || true; rm -f fuzz-*.log; fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
  corpusSize=$(find "$corpus" -type f | wc -l)
  crashes=$(find "$WORK/crashes-$target" -type f | wc -l)
  [ -f "$WORK/runs.tsv" ] || printf 'finished\ttarget\tseconds\texecutions\tcorpus\tcrash_inputs\tmax_len\n' > "$WORK/runs.tsv"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$target" "$elapsed" "$runs" "$corpusSize" "$crashes" "$MAX_LEN" \
    >> "$WORK/runs.tsv"
  echo "$target: ${elapsed}s, $runs executions, corpus $corpusSize, crash inputs $crashes (exit $rc)" >&2
  if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    mkdir -p "Tests/TextMiningTests/Fixtures/fuzz/$target"
    for crash in "$WORK/crashes-$target"/*; do
      [ -f "$crash" ] && mv "$crash" "Tests/TextMiningTests/Fixtures/fuzz/$target/"
    done
    grep -m1 -A25 'ERROR\|==ERROR\|Fatal error\|deadly signal\|timeout' "$log" >&2 || tail -30 "$log" >&2
    status=1
  fi
done
exit $status
