"""Runs trafilatura over a folder of <id>.html pages on one core and writes predictions in the
benchmark's format; prints the time spent extracting (file reading excluded).

Usage: trafilatura_extract.py PAGES_DIR PREDICTIONS.json
"""
import json
import os
import sys
import time

import trafilatura


def main(pages, output):
    names = sorted(name for name in os.listdir(pages) if name.endswith(".html"))
    predictions, elapsed, size = {}, 0.0, 0
    for name in names:
        with open(os.path.join(pages, name), "rb") as f:
            data = f.read()
        size += len(data)
        start = time.perf_counter()
        text = trafilatura.extract(data) or ""
        elapsed += time.perf_counter() - start
        predictions[name[:-len(".html")]] = {"articleBody": text}
    with open(output, "w", encoding="utf-8") as f:
        json.dump(predictions, f, ensure_ascii=False)
    print("trafilatura %s: %d pages, %.1f MB, %.3f s, %.0f pages/s, %.1f MB/s"
          % (trafilatura.__version__, len(names), size / 1e6, elapsed, len(names) / elapsed, size / 1e6 / elapsed))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
