#!/usr/bin/env python3
"""Agreement between a second annotator and the gold standard, beside the tagger's.

Usage: Scripts/agreement.py [--gold FOLDER] [LSPMINER] [ANNOTATION.jsonl ...]

Each annotation file is in the gold format and covers a few documents of a gold standard
(corpus/gold/styles unless --gold names another, such as corpus/gold/test), annotated again from
the codebook alone by someone who saw neither the gold nor the tagger. Only summary figures are
printed, so the script may be run on the blind test set. For
those documents the script prints, over (document, sentence, code) triples, how far the second
annotator and the tagger each agree with the gold: precision, recall and F1, and polarity
agreement over the triples both give. Sentences are matched on their text with white space
collapsed, case and curly quotes folded (not on their block, as eval does: the same sentence
twice in one document counts once).
"""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def key(sentence):
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        sentence = sentence.replace(curly, straight)
    return re.sub(r"\s+", " ", sentence).strip().lower()


def records(lines):
    return [json.loads(line) for line in lines if line.strip()]


def triples(lines, docs=None):
    found = {}
    for record in records(lines):
        if docs is not None and record["doc"] not in docs:
            continue
        for code in record["codes"]:
            found[(record["doc"], key(record["sentence"]), code["code"])] = code["polarity"]
    return found


def tagged(binary, docs):
    found = {}
    for doc in sorted(docs):
        out = subprocess.run(
            [binary, "tag", os.path.join("corpus", doc)],
            cwd=ROOT, capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            record = json.loads(line)
            triple = (doc, key(record["sentence"]), record["code"])
            # As eval reads a sentence's mentions: a negative one wins, else a non-neutral one.
            earlier = found.get(triple, "neutral")
            if earlier != "negative" and record["polarity"] != "neutral":
                found[triple] = record["polarity"]
            else:
                found.setdefault(triple, earlier)
    return found


def score(gold, other):
    both = gold.keys() & other.keys()
    precision = len(both) / len(other) if other else 0.0
    recall = len(both) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if both else 0.0
    polarity = sum(gold[t] == other[t] for t in both) / len(both) if both else 0.0
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  polarity {polarity:.3f}  ({len(both)} of {len(gold)} gold triples)"


def main():
    args = sys.argv[1:]
    gold_folder = "corpus/gold/styles"
    if args[:1] == ["--gold"]:
        if len(args) < 2:
            sys.exit("usage: Scripts/agreement.py [--gold FOLDER] [LSPMINER] [ANNOTATION.jsonl ...]")
        gold_folder = args[1]
        args = args[2:]
    binary = args.pop(0) if args and not args[0].endswith(".jsonl") else os.path.join(
        ROOT, ".build/release/lspminer")
    files = args or sorted(glob.glob(os.path.join(ROOT, "corpus/agreement/*.jsonl")))
    gold_lines = []
    for path in sorted(glob.glob(os.path.join(ROOT, gold_folder, "*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            gold_lines += handle.readlines()
    everyone = ({}, {}, {})
    for path in files:
        with open(path, encoding="utf-8") as handle:
            lines = handle.readlines()
        second = triples(lines)
        # Every document the annotator read, including one where they coded nothing.
        docs = {record["doc"] for record in records(lines)}
        gold = triples(gold_lines, docs)
        tagger = tagged(binary, docs)
        print(f"{os.path.basename(path)}: {len(docs)} documents")
        print(f"  second annotator against the gold: {score(gold, second)}")
        print(f"  tagger against the gold:           {score(gold, tagger)}")
        for total, part in zip(everyone, (gold, second, tagger)):
            total.update(part)
    if len(files) > 1:
        gold, second, tagger = everyone
        print("all:")
        print(f"  second annotators against the gold: {score(gold, second)}")
        print(f"  tagger against the gold:            {score(gold, tagger)}")


if __name__ == "__main__":
    main()
