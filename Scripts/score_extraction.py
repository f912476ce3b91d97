"""Scores main-text predictions by the article extraction benchmark's rule.

Both texts are split into word tokens (runs of \\w characters, case kept) and become multisets
of 4-token shingles (a text of fewer than 4 tokens is one shingle of all of them). Per page,
tp = shared shingles (minimum of the two counts), fp = predicted only, fn = true only.
Precision is the mean over pages of tp/(tp+fp) (pages with tp+fp = 0 left out; a page with
fp = fn = 0 scores 1), recall the mean of tp/(tp+fn) likewise, F1 = 2PR/(P+R). Accuracy is the
share of pages whose token list equals the truth exactly.

Usage: score_extraction.py GROUND_TRUTH.json PREDICTIONS.json  (prints one JSON line)
"""
import collections
import json
import re
import sys

TOKEN = re.compile(r"\w+")


def shingles(text):
    tokens = TOKEN.findall(text or "")
    if len(tokens) < 4:
        return collections.Counter([tuple(tokens)]) if tokens else collections.Counter(), tokens
    return collections.Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)), tokens


def score(truth, predictions):
    precisions, recalls, exact = [], [], 0
    for page_id, item in truth.items():
        true_shingles, true_tokens = shingles(item.get("articleBody", ""))
        predicted = predictions.get(page_id, {}).get("articleBody", "")
        predicted_shingles, predicted_tokens = shingles(predicted)
        tp = sum((true_shingles & predicted_shingles).values())
        fp = sum(predicted_shingles.values()) - tp
        fn = sum(true_shingles.values()) - tp
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
        else:
            if tp + fp > 0:
                precisions.append(tp / (tp + fp))
            if tp + fn > 0:
                recalls.append(tp / (tp + fn))
        if predicted_tokens == true_tokens:
            exact += 1
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4),
            "accuracy": round(exact / len(truth), 4), "pages": len(truth)}


if __name__ == "__main__":
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    predictions = json.load(open(sys.argv[2], encoding="utf-8"))
    missing = [page_id for page_id in truth if page_id not in predictions]
    if missing:
        sys.exit("score_extraction: %d pages have no prediction, e.g. %s" % (len(missing), missing[0]))
    print(json.dumps(score(truth, predictions)))
