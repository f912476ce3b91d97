#!/usr/bin/env bash
# End-to-end throughput and peak memory of `lspminer run`, release build.
#
# Replicates the bundled corpus (each copy made unique with a comment, so no copy is skipped as
# a duplicate) until it holds at least TARGET_MB of input, then times `lspminer run` over it
# with --jobs 1 and --jobs 2 and reports MB/s of input and peak resident memory. It also runs
# over a tenth of the documents to show that peak memory does not grow with their number, and
# finally re-runs the --jobs 2 run over its own output with nothing changed (incremental path).
#
# Input sets: "web" is the 181 real news and blog pages of ../shared/data/article-extraction-benchmark
# (read in place, gunzipped on the fly); "corpus" is the project's HTML and text corpus.
#
# Usage: [LSPMINER_BINARY=path] Scripts/benchmark.sh [TARGET_MB] [web|corpus]   (defaults: 50 web)
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-50}
kind=${2:-web}
work=Benchmarks/work
# LSPMINER_BINARY=path measures another build (an earlier commit's) on the same inputs.
if [ -n "${LSPMINER_BINARY:-}" ]; then
  binary=$LSPMINER_BINARY
else
  swift build -c release --product lspminer >/dev/null
  binary=$(swift build -c release --show-bin-path)/lspminer
fi

python3 - "$target_mb" "$kind" "$work" "$binary" <<'PY'
import os, resource, shutil, subprocess, sys, time, json

target_mb, kind, work, binary = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
import gzip
sources = []
if kind == "web":
    folder = "../shared/data/article-extraction-benchmark/html"
    for name in sorted(os.listdir(folder)):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(folder, name)) as f:
                sources.append((name[:-3], f.read()))
else:
    for folder in ["corpus/html", "corpus/text"]:
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                sources.append((name, f.read()))

def replicate(dest, limit_bytes):
    shutil.rmtree(dest, ignore_errors=True)
    total, copies, files = 0, 0, 0
    while total < limit_bytes:
        sub = os.path.join(dest, "copy%05d" % copies)
        os.makedirs(sub)
        for name, data in sources:
            if name.endswith((".html", ".htm")):
                suffix = ("\n<!-- benchmark copy %d -->\n" % copies).encode("ascii")
                if data.startswith(b"\xff\xfe"):
                    suffix = suffix.decode("ascii").encode("utf-16-le")
            else:
                suffix = ("\nbenchmark copy %d\n" % copies).encode("ascii")
            with open(os.path.join(sub, name), "wb") as f:
                f.write(data + suffix)
            total += len(data) + len(suffix)
            files += 1
        copies += 1
    return total, files

os.makedirs(work, exist_ok=True)
small_bytes, small_files = replicate(os.path.join(work, "corpus-small"), target_mb * 1_000_000 // 10)
big_bytes, big_files = replicate(os.path.join(work, "corpus"), target_mb * 1_000_000)

# Builds before the --pipeline option took the pipeline as the first argument.
pipeline_args = ["--pipeline", "pipelines/lsp-evaluation.yml"]
if "--pipeline" not in subprocess.run([binary, "run", "--help"], capture_output=True, text=True).stdout:
    pipeline_args = ["pipelines/lsp-evaluation.yml"]

def measured(corpus, jobs, fresh=True):
    # A child interpreter per run, so ru_maxrss is this run's peak alone; exit 1 (some pages
    # failed) still counts as a run.
    code = ("import resource,subprocess,sys,time;s=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:]).returncode;d=time.perf_counter()-s;"
            "assert r in (0,1), r;"
            "print(d, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = os.path.join(work, "out-%s-%d" % (os.path.basename(corpus), jobs))
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    line = subprocess.run([sys.executable, "-c", code, binary, "run", *pipeline_args, "--source", corpus,
                           "--output", out, "--jobs", str(jobs), "--quiet"], check=True, capture_output=True, text=True).stdout
    seconds, peak = line.split()
    return float(seconds), int(peak)

print("corpus: %s, %d files, %.1f MB (small: %d files, %.1f MB)" % (kind, big_files, big_bytes / 1e6, small_files, small_bytes / 1e6))
for jobs in (1, 2):
    seconds, peak = measured(os.path.join(work, "corpus"), jobs)
    small_seconds, small_peak = measured(os.path.join(work, "corpus-small"), jobs)
    print("--jobs %d: %.2f s, %.1f MB/s, %.0f documents/s, peak RSS %.1f MiB (a tenth of the documents: %.1f MiB)"
          % (jobs, seconds, big_bytes / 1e6 / seconds, big_files / seconds, peak / 1024, small_peak / 1024))
# A re-run over the same output with nothing changed: only discovery and hashing remain.
seconds, peak = measured(os.path.join(work, "corpus"), 2, fresh=False)
print("re-run, nothing changed, --jobs 2: %.2f s, peak RSS %.1f MiB" % (seconds, peak / 1024))
PY
