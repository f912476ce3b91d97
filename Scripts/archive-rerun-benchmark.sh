#!/usr/bin/env bash
# Re-run time of an unchanged zip against the same pages in a folder, release build, one core.
#
# Takes real web pages (the article-extraction benchmark's, read in place and gunzipped) in name
# order, again and again with each copy made unique (a comment), until their zip (deflate)
# reaches TARGET_MB; writes them once into a folder and once into that zip,
# runs `lspminer run --jobs 1` over each to make its output, then re-runs each over its own
# output with nothing changed, ROUNDS times, alternating folder and zip, every run under
# `taskset -c 0`. Prints each kind's first run, the median re-run time and range, and the ratio
# of the zip's median re-run to the folder's.
#
# Usage: [LSPMINER_BINARY=path] Scripts/archive-rerun-benchmark.sh [TARGET_MB] [ROUNDS]
#        (defaults: 15 MB, 7 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-15}
rounds=${2:-7}
work=Benchmarks/work/archive-rerun
if [ -n "${LSPMINER_BINARY:-}" ]; then
  binary=$LSPMINER_BINARY
else
  swift build -c release --product lspminer >/dev/null
  binary=$(swift build -c release --show-bin-path)/lspminer
fi

python3 - "$target_mb" "$rounds" "$work" "$binary" "$PWD/pipelines/lsp-codebook.yml" <<'PY'
import gzip, os, shutil, statistics, subprocess, sys, time, zipfile, zlib

target_mb, rounds, work, binary, taxonomy = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
data = "../shared/data/article-extraction-benchmark/html"
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work + "/folder/pages")
os.makedirs(work + "/zip")
pages = []
for name in sorted(os.listdir(data)):
    if name.endswith(".html.gz"):
        with gzip.open(os.path.join(data, name)) as f:
            pages.append((name[:-3], f.read()))
total, count, compressed, copy = 0, 0, 0, 0
with zipfile.ZipFile(work + "/zip/pages.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    while compressed < target_mb * 1_000_000:
        for name, page in pages:
            if compressed >= target_mb * 1_000_000:
                break
            if copy:
                page += b"\n<!-- benchmark copy %d -->\n" % copy
            member = "copy%02d/%s" % (copy, name)
            os.makedirs(os.path.dirname(os.path.join(work, "folder/pages", member)), exist_ok=True)
            with open(os.path.join(work, "folder/pages", member), "wb") as f:
                f.write(page)
            info = zipfile.ZipInfo("pages/" + member, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, page)
            total += len(page)
            compressed += len(zlib.compress(page, 6))
            count += 1
        copy += 1
for kind in ("folder", "zip"):
    with open(f"{work}/{kind}.yml", "w") as f:
        f.write(f"name: archive-rerun-{kind}\nsources: [{kind}]\ntaxonomy: {taxonomy}\noutput: out-{kind}\n")

def run(kind):
    start = time.perf_counter()
    code = subprocess.run(["taskset", "-c", "0", binary, "run", "--pipeline", f"{work}/{kind}.yml",
                           "--jobs", "1", "--quiet"]).returncode
    assert code in (0, 1), code
    return time.perf_counter() - start

first = {kind: run(kind) for kind in ("folder", "zip")}
times = {"folder": [], "zip": []}
for _ in range(rounds):
    for kind in ("folder", "zip"):
        times[kind].append(run(kind))
print(f"{count} pages, {total / 1e6:.1f} MB; zip {os.path.getsize(work + '/zip/pages.zip') / 1e6:.1f} MB; {rounds} rounds, taskset -c 0, --jobs 1")
for kind in ("folder", "zip"):
    t = times[kind]
    print(f"{kind:6}  first run {first[kind]:.2f} s   re-run median {statistics.median(t):.3f} s (range {min(t):.3f}-{max(t):.3f})")
print(f"zip re-run / folder re-run: {statistics.median(times['zip']) / statistics.median(times['folder']):.2f}")
PY
