#!/usr/bin/env bash
# `lspminer findings` beside DuckDB's GROUP BY over the same JSON Lines, one core each.
#
# Runs the bundled corpus once to get a real output, then writes a synthetic output of at least
# RECORDS evidence records by copying its documents again and again: each copy gets its own
# doc_id and source, and its partnerships are renamed per copy (one name in 25 copies), so the
# matrix grows as a large archive's would. Then, ROUNDS times, alternating, under
# `taskset -c 0`: `lspminer findings` over it, and DuckDB (one thread) counting the same
# evidence by partnership, code, polarity and hedging from the JSON Lines. Prints records/s,
# MB/s of evidence and peak RSS for each (median and range), and the ratio of the two speeds.
# DuckDB comes from the venv under Benchmarks/work (made here, `pip install duckdb==1.5.5`).
# Last, it times `lspminer export --sqlite` over the same output once, for scale.
#
# Usage: [LSPMINER_BINARY=path] Scripts/findings-benchmark.sh [RECORDS] [ROUNDS]
#        (defaults: 1000000 records, 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-1000000}
rounds=${2:-5}
work=Benchmarks/work/findings
if [ -n "${LSPMINER_BINARY:-}" ]; then
  binary=$LSPMINER_BINARY
else
  swift build -c release --product lspminer >/dev/null
  binary=$(swift build -c release --show-bin-path)/lspminer
fi
venv=Benchmarks/work/venv
if ! "$venv/bin/python" -c "import duckdb; assert duckdb.__version__ == '1.5.5'" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet duckdb==1.5.5
fi
mkdir -p "$work"
if [ ! -f "$work/base/documents.jsonl" ]; then
  "$binary" run --output "$work/base" >/dev/null
fi

"$venv/bin/python" - "$records" "$rounds" "$work" "$binary" <<'PY'
import hashlib, json, os, resource, shutil, statistics, subprocess, sys, time

records, rounds, work, binary = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
base, big = work + "/base", work + f"/synthetic-{records}"

def make():
    shutil.rmtree(big, ignore_errors=True)
    os.makedirs(big + "/evidence")
    documents = [json.loads(l) for l in open(base + "/documents.jsonl") if l.strip()]
    documents = [d for d in documents if d["status"] == "ok" and d.get("duplicate_of") is None]
    evidence = {d["doc_id"]: open(f"{base}/evidence/{d['doc_id']}.jsonl").read().splitlines()
                for d in documents}
    written, copy = 0, 0
    with open(big + "/documents.jsonl", "w") as out:
        while written < records:
            for d in documents:
                if written >= records and copy > 0:
                    break
                old = d["doc_id"]
                new = hashlib.sha256(f"{old} copy {copy}".encode()).hexdigest()
                source = f"copy{copy:03d}/{d['source']}"
                lines = []
                for line in evidence[old]:
                    r = json.loads(line)
                    r["doc_id"], r["source"] = new, source
                    if r.get("partnership") and copy % 25:
                        r["partnership"] += f" {copy % 25}"
                    lines.append(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
                with open(f"{big}/evidence/{new}.jsonl", "w") as f:
                    f.write("".join(l + "\n" for l in lines))
                d2 = dict(d, doc_id=new, source=source)
                out.write(json.dumps(d2, ensure_ascii=False, separators=(",", ":")) + "\n")
                written += len(lines)
            copy += 1
    with open(big + "/.complete", "w") as f:
        f.write(str(written))

if not os.path.exists(big + "/.complete"):
    make()
count = int(open(big + "/.complete").read())
size = sum(e.stat().st_size for e in os.scandir(big + "/evidence"))
files = len(os.listdir(big + "/evidence"))
print(f"synthetic output: {count:,} records in {files:,} evidence files, {size / 1e6:.0f} MB")

duck = f"""
import duckdb, sys
con = duckdb.connect()
con.execute("SET threads = 1")
rows = con.execute('''
  SELECT coalesce(partnership, '(none)') AS partnership, code, polarity, hedged, count(*) AS n
  FROM read_json('{big}/evidence/*.jsonl', format = 'newline_delimited',
    columns = {{partnership: 'VARCHAR', code: 'VARCHAR', polarity: 'VARCHAR', hedged: 'BOOLEAN'}})
  GROUP BY ALL ORDER BY ALL''').fetchall()
print(sum(r[4] for r in rows), len({{r[0] for r in rows}}))
"""

def timed(command):
    """Wall time and peak RSS (MiB) of one child, pinned to core 0."""
    start = time.perf_counter()
    child = subprocess.Popen(["taskset", "-c", "0", *command], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    out, err = child.stdout.read(), child.stderr.read()
    if status != 0:
        sys.exit(f"{command[0]} failed: {err}")
    return elapsed, usage.ru_maxrss / 1024, out

results = {"lspminer findings": [], "DuckDB GROUP BY": []}
for round in range(rounds):
    t, rss, out = timed([binary, "findings", big])
    results["lspminer findings"].append((t, rss))
    if round == 0:
        print("lspminer:", out.splitlines()[0])
    t, rss, out = timed([sys.executable, "-c", duck])
    results["DuckDB GROUP BY"].append((t, rss))
    if round == 0:
        print("DuckDB: records and partnership rows:", out.strip())

medians = {}
for name, runs in results.items():
    times = sorted(t for t, _ in runs)
    median = statistics.median(times)
    medians[name] = median
    print(f"{name}: median {median:.2f} s (range {times[0]:.2f}-{times[-1]:.2f}), "
          f"{count / median:,.0f} records/s, {size / 1e6 / median:.1f} MB/s, "
          f"peak RSS {max(r for _, r in runs):.0f} MiB")
database = big + ".sqlite"
t, rss, out = timed([binary, "export", "--sqlite", database, big])
print(f"lspminer export --sqlite: {t:.2f} s, {count / t:,.0f} records/s, peak RSS {rss:.0f} MiB, "
      f"{os.path.getsize(database) / 1e6:.0f} MB database")
ratio = medians["DuckDB GROUP BY"] / medians["lspminer findings"]
print(f"lspminer findings speed / DuckDB's: {ratio:.2f} ({rounds} rounds, one core, "
      f"{time.strftime('%Y-%m-%d')})")
PY
