#!/usr/bin/env bash
# What one document can cost: builds worst-case documents just under the default limits and
# runs `lspminer run --jobs 1` over each alone, reporting peak resident memory, seconds and the
# size of the evidence written. Release build; the figures go in Benchmarks/README.md.
#
#   Scripts/document-cost.sh [WORK_FOLDER]      (default Benchmarks/work/document-cost)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${1:-Benchmarks/work/document-cost}
swift build -c release --product lspminer >&2
BIN=$(swift build -c release --show-bin-path)/lspminer
rm -rf "$WORK"
mkdir -p "$WORK"
python3 - "$WORK" "$ROOT" <<'PY'
import os, re, sys
work, root = sys.argv[1], sys.argv[2]
sys.argv = sys.argv[:1] + [work]  # make-gauntlet reads its own arguments when imported
def write(name, data):
    folder = os.path.join(work, name, "src")
    os.makedirs(folder)
    suffix = ".html" if data.startswith(b"<") else ".txt"
    open(os.path.join(folder, "doc" + suffix), "wb").write(data)
# Prose: the corpus's reports, numbered so no sentence repeats, to just under 10 MB of text.
prose, n = [], 0
texts = [open(os.path.join(root, "corpus/text", f), encoding="utf-8", errors="replace").read()
         for f in sorted(os.listdir(os.path.join(root, "corpus/text")))]
size = 0
while size < 9_900_000:
    for t in texts:
        chunk = "\n\nCopy %d.\n\n" % n + t
        prose.append(chunk); size += len(chunk.encode()); n += 1
write("prose-10mb", "".join(prose).encode()[:9_900_000])
write("tiny-sentences-10mb", ("Notes\n\n" + "1.A" * 3_300_000 + "\n").encode())
write("br-249k", ("<html><body><p>" + "a<br>" * 249_000 + "</p></body></html>").encode())
write("paragraphs-249k", ("<html><body>" + "<p>The board met.</p>" * 249_000 + "</body></html>").encode())
# Lines of two lengths: each short line ends its block, so every pair is a block.
write("lines-499k", ("Notes\n\n" + "a\nthe board met\n" * 249_500).encode())
# Every phrase of the taxonomy as a sentence of its own, over and over (the gauntlet's file).
sys.path.insert(0, os.path.join(root, "Scripts"))
gauntlet = __import__("make-gauntlet")
sentence = " ".join(p[:1].upper() + p[1:] + "." for p in gauntlet.codebook_phrases())
write("every-phrase-1000-times", ("Every phrase\n\n" + " ".join([sentence] * 1000) + "\n").encode())
# Sentences just under max_sentence_bytes, each a match every six bytes.
sentence = "Trust " + ("trust " * 665).strip() + "."
write("dense-4kb-sentences", ("Notes\n\n" + " ".join(sentence for _ in range(2500)) + "\n").encode())
PY
printf '%-26s %10s %12s %9s %14s %s\n' document input_MB peak_RSS_MiB seconds evidence_MB outcome
for dir in "$WORK"/*/; do
  name=$(basename "$dir")
  printf 'name: cost\nsources: [src]\noutput: out\ntaxonomy: %s/pipelines/lsp-codebook.yml\n' "$ROOT" > "$dir/p.yml"
  input=$(du -b "$dir"/src/* | awk '{printf "%.1f", $1/1e6}')
  status=0
  /usr/bin/time -f '%M %e' -o "$dir/time" "$BIN" run "$dir/p.yml" --jobs 1 --quiet 2>"$dir/stderr" || status=$?
  read -r rss seconds < "$dir/time"
  evidence=$( (du -cb "$dir"/out/evidence/*.jsonl 2>/dev/null || true) | tail -1 | awk '{printf "%.1f", $1/1e6}')
  outcome=$(python3 -c 'import json,sys; l=[json.loads(x) for x in open(sys.argv[1])]; print(l[0]["outcome"]+": "+l[0]["error"][:70] if l else "ok")' "$dir/out/errors.jsonl")
  printf '%-26s %10s %12.0f %9s %14s %s\n' "$name" "$input" "$(echo "$rss/1024" | bc -l)" "$seconds" "${evidence:-0}" "$outcome"
done
