#!/usr/bin/env bash
# lspminer run --jobs 2, lspminer stream with 2 jobs, and the Spark job in local[2], one run
# each, over the same input: the real web pages of the article-extraction benchmark (read in
# place and gunzipped) copied COPIES times with each copy made unique, as files in a folder and
# as eight gzipped WARC files of HTTP responses. Prints MB/s of input and records for each, and
# for Spark its start-up apart from its processing (start-up: the SparkContext and a first tiny
# job; processing: the piped stage that writes the part files; the driver's assembly of the
# output folder after it is shown too).
#
# Usage: [LSPMINER_BINARY=path] Scripts/spark-benchmark.sh [COPIES]   (default 3)
#        pyspark comes from the venv Benchmarks/work/spark-venv (made here, pip install pyspark)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-3}
work=Benchmarks/work/spark
if [ -n "${LSPMINER_BINARY:-}" ]; then
  binary=$LSPMINER_BINARY
else
  swift build -c release --product lspminer >/dev/null
  binary=$(swift build -c release --show-bin-path)/lspminer
fi
venv=Benchmarks/work/spark-venv
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pyspark
fi

"$venv/bin/python" - "$copies" "$work" "$(realpath "$binary")" "$PWD/pipelines/lsp-codebook.yml" <<'PY'
import gzip, json, os, shutil, subprocess, sys, time

copies, work, binary, taxonomy = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
data = "../shared/data/article-extraction-benchmark/html"
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work + "/pages/pages")
os.makedirs(work + "/warc/warc")
pages = []
for name in sorted(os.listdir(data)):
    if name.endswith(".html.gz"):
        with gzip.open(os.path.join(data, name)) as f:
            pages.append((name[:-3], f.read()))
documents = []
for copy in range(copies):
    for name, page in pages:
        if copy:
            page += b"\n<!-- benchmark copy %d -->\n" % copy
        documents.append((f"copy{copy}/{name}", page))
size = 0
for name, page in documents:
    path = os.path.join(work, "pages/pages", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(page)
    size += len(page)
# Eight WARC files, each a gzip member per record, of HTTP responses.
for part in range(8):
    with open(f"{work}/warc/warc/pages-{part}.warc.gz", "wb") as out:
        for number, (name, page) in enumerate(documents[part::8]):
            payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
            header = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://pages.example/{name}\r\n"
                      f"WARC-Date: 2026-01-01T00:00:00Z\r\n"
                      f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-{part:04d}-{number:012d}>\r\n"
                      f"Content-Type: application/http; msgtype=response\r\n"
                      f"Content-Length: {len(payload)}\r\n\r\n").encode()
            out.write(gzip.compress(header + payload + b"\r\n\r\n", 6))
print(f"input: {len(documents)} pages, {size / 1e6:.1f} MB of HTML; the same as 8 WARC files")

def timed(command, **kwargs):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return time.perf_counter() - start, result

rows = []
for kind in ("pages", "warc"):
    folder = f"{work}/{kind}"
    with open(f"{folder}/p.yml", "w") as f:
        f.write(f"name: spark-{kind}\nsources: [{kind}]\ntaxonomy: {taxonomy}\noutput: out\n"
                f"include: ['**/*.html', '**/*.warc.gz']\n")
    inputs = sorted(os.path.join(root, name) for root, _, names in os.walk(f"{folder}/{kind}")
                    for name in names)
    with open(f"{folder}/paths.txt", "w") as f:
        f.writelines(os.path.abspath(path) + "\n" for path in inputs)
    seconds, result = timed([binary, "run", "--pipeline", f"{folder}/p.yml", "--jobs", "2", "--quiet"])
    records = sum(1 for name in os.listdir(f"{folder}/out/evidence")
                  for _ in open(f"{folder}/out/evidence/{name}"))
    rows.append((kind, "lspminer run --jobs 2", seconds, records, ""))
    with open(f"{folder}/paths.txt") as stdin, open(f"{folder}/stream.jsonl", "w") as stdout:
        start = time.perf_counter()
        subprocess.run([binary, "stream", "--pipeline", f"{folder}/p.yml", "--jobs", "2", "--root",
                        os.path.abspath(f"{folder}/{kind}")], stdin=stdin, stdout=stdout,
                       stderr=subprocess.DEVNULL, check=True)
        seconds = time.perf_counter() - start
    records = sum(1 for line in open(f"{folder}/stream.jsonl") if '"lspminer.evidence/1"' in line)
    rows.append((kind, "lspminer stream --jobs 2", seconds, records, ""))
    seconds, result = timed([sys.executable, "pipelines/spark/lspminer_spark.py", "--master", "local[2]",
                             "--binary", binary, "--pipeline", f"{folder}/p.yml", "--root",
                             f"{folder}/{kind}", "--partitions", "2" if kind == "pages" else "8",
                             "--output", f"{folder}/spark", f"{folder}/paths.txt"])
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    rows.append((kind, "Spark local[2], processing", figures["process_seconds"], figures["records"],
                 f"start-up {figures['startup_seconds']:.1f} s, assembly {figures['assemble_seconds']:.1f} s, "
                 f"whole job {seconds:.1f} s"))

for kind, what, seconds, records, note in rows:
    print(f"{kind:5} {what:28} {seconds:6.2f} s {size / 1e6 / seconds:6.1f} MB/s {records:7d} records {note}")
for kind in ("pages", "warc"):
    run = next(r for r in rows if r[0] == kind and r[1].startswith("lspminer run"))
    spark = next(r for r in rows if r[0] == kind and r[1].startswith("Spark"))
    print(f"{kind}: Spark throughput (start-up excluded) / run --jobs 2: {run[2] / spark[2]:.2f}")
print(time.strftime("%Y-%m-%d"))
PY
