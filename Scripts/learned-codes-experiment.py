#!/usr/bin/env python3
"""Would a learned code model beside the rules help? An experiment, not part of the tagger.

Usage: Scripts/learned-codes-experiment.py [LSPMINER]   (needs scikit-learn: pip install it
into a venv, e.g. python3 -m venv .venv-ml && .venv-ml/bin/pip install scikit-learn)

Two models are fitted to the development gold (`dev/` and `styles/`; never the test set), each
scored by leave-one-group-out cross-validation (a group is one writer's batch of `styles/`, or a
third of `dev/`), so that every prediction is made by a model that never saw that batch:

1. A filter: for every (document, sentence, code) triple the rules give, a logistic regression
   over the code, the matched words, the words around them and in the sentence, the sentence's
   length and kind, predicts whether the gold has it. Triples it doubts are dropped.
2. A proposer: for every sentence and code the rules do not give, a logistic regression per code
   over the sentence's words and word pairs and the codes the rules did give predicts whether
   the gold has it. Triples it is sure of are added.

The script prints micro F1 on the two sets before and after each, at several thresholds.
"""
import collections
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/lspminer")
BATCHES = ("b1", "b2", "b3", "b4", "d1", "d2", "d3", "d4", "d5", "w1", "w2", "w3", "w4")


def key(sentence):
    """The gold's comparison form: NFKC, lower case, white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", sentence).lower().split())


def words(sentence):
    return re.findall(r"[a-z]+", sentence.lower())


def doc_of(path):
    """A corpus file's name as the gold writes it."""
    relative = os.path.relpath(path, os.path.join(ROOT, "corpus"))
    return relative


def group_of(doc):
    match = re.match(r"styles/(?:html|text)/([bdw]\d)-", doc)
    if match:
        return match.group(1)
    return "dev%d" % (int(hashlib.md5(doc.encode()).hexdigest(), 16) % 3)


def run(*args):
    return subprocess.run([BINARY, *args], cwd=ROOT, capture_output=True, text=True).stdout


def main():
    files = sorted(
        glob.glob(os.path.join(ROOT, "corpus/html/*")) + glob.glob(os.path.join(ROOT, "corpus/text/*"))
        + glob.glob(os.path.join(ROOT, "corpus/styles/*/*")))
    gold = collections.defaultdict(set)
    for path in glob.glob(os.path.join(ROOT, "corpus/gold/dev/*.jsonl")) + glob.glob(
            os.path.join(ROOT, "corpus/gold/styles/*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                unit = json.loads(line)
                gold[(unit["doc"], key(unit["sentence"]))] |= {c["code"] for c in unit["codes"]}
    rules = collections.defaultdict(lambda: collections.defaultdict(list))
    sentences = []
    for path in files:
        doc = doc_of(path)
        for line in run("tag", path).splitlines():
            record = json.loads(line)
            rules[(doc, key(record["sentence"]))][record["code"]].append(record)
        seen = set()
        for line in run("extract", "--sentences", path).splitlines():
            parts = line.split("\t", 1)
            if len(parts) == 2 and (doc, key(parts[1])) not in seen:
                seen.add((doc, key(parts[1])))
                sentences.append(((doc, key(parts[1])), parts[1]))
    gold_triples = {(s, c) for s, codes in gold.items() for c in codes}
    rule_triples = {(s, c) for s, codes in rules.items() for c in codes}
    tp = len(gold_triples & rule_triples)
    fp = len(rule_triples - gold_triples)
    fn = len(gold_triples - rule_triples)

    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn)

    print(f"rules alone: {tp} matched, {fp} false alarms, {fn} misses, micro F1 {f1(tp, fp, fn):.4f}")

    def cross_validate(features, labels, groups, c=1.0):
        predicted = np.zeros(len(labels))
        for group in sorted(set(groups)):
            train = np.where(groups != group)[0]
            held = np.where(groups == group)[0]
            if labels[train].sum() < 5 or labels[train].sum() == len(train):
                continue
            vectorizer = DictVectorizer()
            model = LogisticRegression(C=c, max_iter=3000)
            model.fit(vectorizer.fit_transform([features[i] for i in train]), labels[train])
            predicted[held] = model.predict_proba(vectorizer.transform([features[i] for i in held]))[:, 1]
        return predicted

    # 1. The filter.
    triples = sorted(rule_triples)
    features = []
    for (sentence_key, code) in triples:
        records = rules[sentence_key][code]
        text = records[0]["sentence"]
        found = {"code=" + code: 1, "length=%d" % min(len(words(text)) // 5, 8): 1,
                 "mentions=%d" % min(len(records), 3): 1,
                 "kind=" + ("html" if sentence_key[0].endswith((".html", ".htm")) else "text"): 1}
        for word in set(words(text)):
            found["w=" + word] = found[code + "|w=" + word] = 1
        for record in records:
            match = record["match"].lower()
            found[code + "|m=" + match] = 1
            at = text.lower().find(match)
            if at >= 0:
                for i, word in enumerate(reversed(words(text[:at])[-2:])):
                    found[f"{code}|before{i + 1}={word}"] = 1
                for i, word in enumerate(words(text[at + len(match):])[:2]):
                    found[f"{code}|after{i + 1}={word}"] = 1
        features.append(found)
    labels = np.array([1 if t in gold_triples else 0 for t in triples])
    groups = np.array([group_of(t[0][0]) for t in triples])
    for c in (0.3, 1.0, 3.0):
        kept = cross_validate(features, labels, groups, c)
        for threshold in (0.1, 0.3, 0.5):
            dropped = kept < threshold
            lost = int((dropped & (labels == 1)).sum())
            saved = int((dropped & (labels == 0)).sum())
            print(f"filter C={c} threshold {threshold}: drops {saved} false alarms and {lost} "
                  f"matches, micro F1 {f1(tp - lost, fp - saved, fn + lost):.4f}")

    # 2. The proposer.
    codes = sorted({c for _, c in gold_triples})
    features = []
    for sentence_key, text in sentences:
        tokens = words(text)
        found = {"w=" + w: 1 for w in tokens}
        for a, b in zip(tokens, tokens[1:]):
            found["b=" + a + "_" + b] = 1
        for code in rules.get(sentence_key, {}):
            found["rule=" + code] = 1
        features.append(found)
    groups = np.array([group_of(k[0]) for k, _ in sentences])
    added = collections.Counter()
    for code in codes:
        labels = np.array([1 if code in gold.get(k, ()) else 0 for k, _ in sentences])
        ruled = np.array([1 if code in rules.get(k, {}) else 0 for k, _ in sentences])
        score = cross_validate(features, labels, groups)
        for threshold in (0.5, 0.7, 0.9):
            new = (ruled == 0) & (score >= threshold)
            added[(threshold, "right")] += int((new & (labels == 1)).sum())
            added[(threshold, "wrong")] += int((new & (labels == 0)).sum())
    for threshold in (0.5, 0.7, 0.9):
        right, wrong = added[(threshold, "right")], added[(threshold, "wrong")]
        print(f"proposer threshold {threshold}: adds {right} matches and {wrong} false alarms, "
              f"micro F1 {f1(tp + right, fp + wrong, fn - right):.4f}")


if __name__ == "__main__":
    main()
