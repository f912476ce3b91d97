#!/usr/bin/env bash
# Main-text extraction benchmark: lspminer's extractor, and trafilatura when Python is there,
# over the 181 real pages of the article extraction benchmark, scored by its rule.
#
# Reads the data in place (gunzipping the pages into Benchmarks/work/extraction/pages), runs a
# release build of `lspminer benchmark-extract`, then, if python3 is available, installs
# trafilatura into a virtual environment of its own (Benchmarks/work/extraction/venv) and runs
# it on the same pages. Prints F1, precision, recall, accuracy and throughput for each.
#
# Usage: Scripts/extraction-benchmark.sh [DATA_DIR]   (default ../shared/data/article-extraction-benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/article-extraction-benchmark}
work=Benchmarks/work/extraction
mkdir -p "$work/pages"
for page in "$data"/html/*.html.gz; do
  target="$work/pages/$(basename "$page" .gz)"
  [ -s "$target" ] || gunzip -c "$page" > "$target"
done

swift build -c release --product lspminer >/dev/null
binary=$(swift build -c release --show-bin-path)/lspminer
"$binary" benchmark-extract "$work/pages" --predictions "$work/lspminer.json"
echo "lspminer score: $(python3 Scripts/score_extraction.py "$data/ground-truth.json" "$work/lspminer.json")"
"$binary" benchmark-extract "$work/pages" --predictions "$work/lspminer-main.json" --main-content
echo "lspminer --main-content score: $(python3 Scripts/score_extraction.py "$data/ground-truth.json" "$work/lspminer-main.json")"

if command -v python3 >/dev/null 2>&1; then
  if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv"
    # lxml 5.2 and later ship lxml.html.clean separately; jusText, which trafilatura uses, needs it.
    "$work/venv/bin/pip" install --quiet trafilatura lxml_html_clean
  fi
  "$work/venv/bin/python" Scripts/trafilatura_extract.py "$work/pages" "$work/trafilatura.json"
  echo "trafilatura score: $(python3 Scripts/score_extraction.py "$data/ground-truth.json" "$work/trafilatura.json")"
fi
