#!/usr/bin/env bash
# lspminer end to end against the floor: libxml2's bare parse of the same files, in the same run.
#
# Builds a tiny C program that only reads each file and parses it with htmlCtxtReadMemory and
# the options lspminer's shim uses (recover, no network, no errors or warnings, no blanks,
# huge), then frees the tree. Takes the 181 real web pages of the article-extraction benchmark
# (read in place and gunzipped) COPIES times, each copy made unique, and runs, ROUNDS times
# and alternating, the parser over all the files and `lspminer run --jobs 1` over them into a
# new output folder, each under `taskset -c 0`. Prints each round's MB/s and the ratio
# lspminer / floor, then the median ratio and its range. The machine's speed varies from day
# to day; the ratio, measured in the same run, is what holds.
#
# Each round writes to an output folder of its own under OUTPUT_ROOT, removed only after the
# last round. OUTPUT_ROOT defaults to /dev/shm (memory) where it exists, else the work folder;
# the script prints which. Why: on an ext4 file system without a journal (this machine's disk),
# the inode allocator steps round inodes deleted in the last 60 seconds, or the last 360 while
# their inode table block is not yet written back, reading each one's block. Creating the
# output's 1,810 files within minutes of deleting thousands (an earlier round's output, or the
# pages set up just before) then costs 1.2 to 1.5 s of kernel time instead of 0.15 s, and the
# figure measures the disk's recent history, not lspminer. Set OUTPUT_ROOT to a disk folder to
# see that figure. One untimed run of each comes first, to warm the page cache.
#
# Usage: [LSPMINER_BINARY=path] [OUTPUT_ROOT=folder] Scripts/floor-benchmark.sh [COPIES] [ROUNDS]
#   (COPIES and ROUNDS default to 5 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-5}
rounds=${2:-3}
work=Benchmarks/work/floor
if [ -n "${LSPMINER_BINARY:-}" ]; then
  binary=$LSPMINER_BINARY
else
  swift build -c release --product lspminer >/dev/null
  binary=$(swift build -c release --show-bin-path)/lspminer
fi
mkdir -p "$work"
cat > "$work/htmlparse.c" <<'C'
// Reads each file named in the list file (one path per line) and parses it as lspminer's shim
// does, nothing more: the floor under lspminer's extraction.
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  FILE *list = fopen(argv[1], "r");
  if (list == NULL) return 2;
  char path[4096];
  size_t parsed = 0;
  while (fgets(path, sizeof path, list) != NULL) {
    path[strcspn(path, "\n")] = 0;
    FILE *file = fopen(path, "rb");
    if (file == NULL) return 1;
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *bytes = malloc(length > 0 ? length : 1);
    if (fread(bytes, 1, length, file) != (size_t)length) return 1;
    fclose(file);
    htmlParserCtxtPtr parser = htmlNewParserCtxt();
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                  HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;
    htmlDocPtr document = htmlCtxtReadMemory(parser, bytes, (int)length, NULL, "UTF-8", options);
    htmlFreeParserCtxt(parser);
    if (document != NULL) {
      xmlFreeDoc(document);
      parsed++;
    }
    free(bytes);
  }
  fclose(list);
  printf("%zu\n", parsed);
  return 0;
}
C
cc -O2 -o "$work/htmlparse" "$work/htmlparse.c" $(pkg-config --cflags --libs libxml-2.0)

if [ -z "${OUTPUT_ROOT:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then OUTPUT_ROOT=/dev/shm/lspminer-floor; else OUTPUT_ROOT=$work; fi
fi
mkdir -p "$OUTPUT_ROOT"
python3 - "$copies" "$rounds" "$work" "$binary" "$PWD/pipelines/lsp-codebook.yml" "$OUTPUT_ROOT" <<'PY'
import gzip, os, shutil, statistics, subprocess, sys, time

copies, rounds, work, binary, taxonomy = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
outputs = sys.argv[6]
data = "../shared/data/article-extraction-benchmark/html"
pages = []
for name in sorted(os.listdir(data)):
    if name.endswith(".html.gz"):
        with gzip.open(os.path.join(data, name)) as f:
            pages.append((name[:-3], f.read()))
shutil.rmtree(work + "/pages", ignore_errors=True)
paths, size = [], 0
for copy in range(copies):
    os.makedirs(f"{work}/pages/copy{copy}")
    for name, page in pages:
        if copy:
            page += b"\n<!-- benchmark copy %d -->\n" % copy
        path = f"{work}/pages/copy{copy}/{name}"
        with open(path, "wb") as f:
            f.write(page)
        paths.append(os.path.abspath(path))
        size += len(page)
with open(f"{work}/paths.txt", "w") as f:
    f.writelines(path + "\n" for path in paths)
with open(f"{work}/p.yml", "w") as f:
    f.write(f"name: floor\nsources: [pages]\ntaxonomy: {taxonomy}\noutput: out\n")
print(f"input: {len(paths)} pages ({copies} unique copies of {len(pages)}), {size / 1e6:.1f} MB")

system_seconds = []
def timed(command):
    before = os.times()
    start = time.perf_counter()
    result = subprocess.run(["taskset", "-c", "0", *command], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = os.times()
    system_seconds.append(after.children_system - before.children_system)
    if result.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed: {result.stderr[-2000:]}")
    return elapsed

for folder in (work, outputs):
    for old in os.listdir(folder):
        if old == "out" or old.startswith("out-"):
            shutil.rmtree(f"{folder}/{old}")
print(f"outputs in {outputs}")
def lspminer(output):
    return [binary, "run", "--pipeline", f"{work}/p.yml", "--jobs", "1", "--quiet",
            "--output", f"{outputs}/{output}"]
timed([f"{work}/htmlparse", f"{work}/paths.txt"])
timed(lspminer("out-warm"))
ratios = []
for round in range(1, rounds + 1):
    floor = timed([f"{work}/htmlparse", f"{work}/paths.txt"])
    run = timed(lspminer(f"out-{round}"))
    ratio = floor / run
    ratios.append(ratio)
    print(f"round {round}: libxml2 parse {floor:.2f} s ({size / 1e6 / floor:.1f} MB/s), "
          f"lspminer run --jobs 1 {run:.2f} s ({size / 1e6 / run:.1f} MB/s, "
          f"{system_seconds[-1]:.2f} s of it in the kernel), ratio {ratio:.2f}")
for old in os.listdir(outputs):
    if old.startswith("out-"):
        shutil.rmtree(f"{outputs}/{old}")
print(f"lspminer / libxml2 floor, one core: median {statistics.median(ratios):.2f} "
      f"(range {min(ratios):.2f}-{max(ratios):.2f}, {rounds} rounds, {time.strftime('%Y-%m-%d')})")
PY
