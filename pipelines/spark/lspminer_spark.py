#!/usr/bin/env python3
"""lspminer on Apache Spark: a dataset of document paths piped through `lspminer stream`.

The driver ships the lspminer binary, the pipeline file and its taxonomy to the executors
(SparkContext.addFile), spreads the paths over partitions, and pipes each partition through
`lspminer stream --documents` (RDD.pipe with checkCode=True, so a task whose tool dies fails
instead of silently losing the rest of its partition). The stream's lines are saved as JSON
Lines part files under OUTPUT/parts/; then the driver reads them back once and writes an
lspminer output folder beside them (documents.jsonl, errors.jsonl, evidence/<doc_id>.jsonl)
that `lspminer findings`, `report`, `kwic` and `export` read. A document whose bytes an earlier
source (in byte order of source names) also had is listed as its duplicate, with no evidence of
its own, as `lspminer run` lists it, and a processed document with no records has an empty
evidence file.

Paths must be readable where the executors run, and OUTPUT writable by them and the driver
(shared storage on a cluster: the part files are written there, not to HDFS). An existing
OUTPUT is replaced only when it is an earlier output of this job. Each input is a
file listing paths, one per line (files, archives or WARCs), or a folder, whose files are
listed on the driver. With --root, paths inside that folder are named relative to it, as
`lspminer run` names the sources of a source folder.

Local:   spark-submit --master 'local[2]' pipelines/spark/lspminer_spark.py \\
           --binary .build/release/lspminer --pipeline pipelines/lsp-evaluation.yml \\
           --root corpus --output out/spark paths.txt
Cluster: spark-submit --master yarn --files lspminer,lsp-evaluation.yml,lsp-codebook.yml \\
           pipelines/spark/lspminer_spark.py --shipped --binary lspminer \\
           --pipeline lsp-evaluation.yml --root /data/lsp --output /data/lsp-out /data/paths.txt

Prints one JSON line of figures at the end (documents, records, seconds to start Spark, to
process, to assemble).
"""

import argparse
import json
import os
import shlex
import shutil
import sys
import time

DOCUMENT = '{"schema":"lspminer.document/1",'
ERROR = '{"schema":"lspminer.error/1",'
EVIDENCE = '{"schema":"lspminer.evidence/1",'


def taxonomy_of(pipeline):
    """The taxonomy file a pipeline names (resolved against its folder), or None."""
    with open(pipeline, encoding="utf-8") as f:
        for line in f:
            if line.startswith("taxonomy:"):
                value = line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
                return value if os.path.isabs(value) else os.path.join(os.path.dirname(pipeline), value)
    return None


def list_paths(inputs):
    """The paths the inputs name: each line of a list file, each file under a folder."""
    paths = []
    for item in inputs:
        if os.path.isdir(item):
            for folder, dirs, files in os.walk(item):
                dirs.sort()
                paths += [os.path.join(folder, name) for name in sorted(files)]
        else:
            with open(item, encoding="utf-8") as f:
                paths += [line.rstrip("\n") for line in f if line.strip()]
    # A path named twice (two lists, or a folder and a list) is one source.
    return list(dict.fromkeys(paths))


def key(source):
    """Sources sort by their UTF-8 bytes, as lspminer sorts them."""
    return source.encode("utf-8")


def write_atomically(path, lines):
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    os.replace(temporary, path)


def duplicate_line(line, first):
    """A document record turned into a duplicate of `first`, as `lspminer run` writes one."""
    record = json.loads(line)
    blank = ["title", "published", "author", "language", "url", "format", "encoding",
             "declared_encoding", "evidence_bytes", "evidence_sha256", "text_bytes", "text_sha256"]
    for name in blank:
        record[name] = None
    for name in ["blocks", "sentences", "untagged_sentences", "records"]:
        record[name] = 0
    record["counts"] = {category: 0 for category in record.get("counts", {})}
    record["status"] = "duplicate"
    record["duplicate_of"] = first
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def assemble(parts, output):
    """The output folder from the part files: documents and errors in source order, each
    processed document's evidence in a file of its own."""
    names = sorted(name for name in os.listdir(parts) if name.startswith("part-"))
    documents, errors = [], []
    for name in names:
        with open(os.path.join(parts, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith(DOCUMENT):
                    text = "{" + line[len(DOCUMENT):]
                    documents.append((json.loads(text)["source"], text))
                elif line.startswith(ERROR):
                    text = "{" + line[len(ERROR):]
                    errors.append((json.loads(text)["source"], text))
    documents.sort(key=lambda item: key(item[0]))
    first = {}
    for source, text in documents:
        doc_id = json.loads(text).get("doc_id")
        if doc_id and doc_id not in first:
            first[doc_id] = source
    duplicates = set()
    lines = []
    for source, text in documents:
        doc_id = json.loads(text).get("doc_id")
        if doc_id and first[doc_id] != source:
            duplicates.add(source)
            lines.append(duplicate_line(text, first[doc_id]))
        else:
            lines.append(text)
    os.makedirs(os.path.join(output, "evidence"), exist_ok=True)
    write_atomically(os.path.join(output, "documents.jsonl"), lines)
    errors.sort(key=lambda item: key(item[0]))  # stable: a source's lines keep their order
    write_atomically(os.path.join(output, "errors.jsonl"),
                     [text for source, text in errors if source not in duplicates])
    # Evidence: a document's lines are together in one part file, in record order.
    records = 0
    current, handle = None, None
    for name in names:
        with open(os.path.join(parts, name), encoding="utf-8") as f:
            for line in f:
                if not line.startswith(EVIDENCE):
                    continue
                record = json.loads(line)
                doc_id = record["doc_id"]
                if first.get(doc_id) != record["source"]:
                    continue
                if doc_id != current:
                    if handle:
                        handle.close()
                        os.replace(handle.name, handle.name[: -len(".tmp")])
                    current = doc_id
                    handle = open(os.path.join(output, "evidence", doc_id + ".jsonl.tmp"), "w",
                                  encoding="utf-8", newline="\n")
                handle.write(line)
                records += 1
    if handle:
        handle.close()
        os.replace(handle.name, handle.name[: -len(".tmp")])
    # A processed document with no records has an empty evidence file, as `run` writes it.
    for source, text in documents:
        record = json.loads(text)
        doc_id = record.get("doc_id")
        path = os.path.join(output, "evidence", f"{doc_id}.jsonl")
        if record.get("status") == "ok" and first.get(doc_id) == source and not os.path.exists(path):
            open(path, "w").close()
    return len(documents), records, len(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="files listing paths, or folders")
    parser.add_argument("--binary", required=True, help="the lspminer executable")
    parser.add_argument("--pipeline", required=True, help="the pipeline file")
    parser.add_argument("--root", help="name paths inside this folder relative to it")
    parser.add_argument("--output", required=True, help="the output folder to write")
    parser.add_argument("--partitions", type=int, default=0,
                        help="partitions of the paths (default: Spark's default parallelism)")
    parser.add_argument("--jobs", type=int, default=1, help="documents at once per task")
    parser.add_argument("--shipped", action="store_true",
                        help="the binary and pipeline were shipped with spark-submit --files and "
                             "are in each executor's working directory (YARN, Kubernetes)")
    parser.add_argument("--master", help="the Spark master, when not given to spark-submit")
    args = parser.parse_args()

    from pyspark import SparkConf, SparkContext, SparkFiles

    started = time.perf_counter()
    conf = SparkConf().setAppName("lspminer")
    if args.master:
        conf = conf.setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        if args.shipped:
            binary = "./" + os.path.basename(args.binary)
            pipeline = os.path.basename(args.pipeline)
        else:
            taxonomy = taxonomy_of(args.pipeline)
            for path in [args.binary, args.pipeline] + ([taxonomy] if taxonomy else []):
                sc.addFile(os.path.abspath(path))
            # In local mode the executors share the driver's copy of the shipped files.
            binary = SparkFiles.get(os.path.basename(args.binary))
            pipeline = SparkFiles.get(os.path.basename(args.pipeline))
        sc.parallelize([0], 1).count()  # Spark up and an executor ready: start-up ends here
        ready = time.perf_counter()

        paths = list_paths(args.inputs)
        partitions = args.partitions or sc.defaultParallelism
        command = [binary, "stream", "--pipeline", pipeline, "--documents", "--jobs",
                   str(args.jobs)]
        if args.root:
            command += ["--root", os.path.abspath(args.root)]
            paths = [os.path.abspath(path) for path in paths]
        parts = os.path.join(args.output, "parts")
        if os.path.exists(args.output) and os.listdir(args.output):
            # Only an earlier output of this job is replaced, never another folder.
            if not os.path.isdir(parts):
                sys.exit(f"lspminer_spark: {args.output} exists and is not an earlier output of "
                         "this job (it has no parts/ folder); give an empty or new folder")
            shutil.rmtree(args.output)
        os.makedirs(args.output, exist_ok=True)
        (sc.parallelize(paths, partitions)
           .pipe(" ".join(shlex.quote(word) for word in command),
                 env={"LANG": "C.UTF-8"}, checkCode=True)
           .saveAsTextFile("file://" + os.path.abspath(parts)))
        processed = time.perf_counter()
    finally:
        sc.stop()

    documents, records, errors = assemble(parts, args.output)
    done = time.perf_counter()
    print(json.dumps({
        "documents": documents, "records": records, "errors": errors, "paths": len(paths),
        "partitions": partitions, "startup_seconds": round(ready - started, 3),
        "process_seconds": round(processed - ready, 3),
        "assemble_seconds": round(done - processed, 3)}))


if __name__ == "__main__":
    sys.exit(main())
