"""Checks a run's output: every evidence line is JSON with every schema field in order, its
match is exactly text[char_start:char_end] of the document's extracted text (offsets in Unicode
scalars), documents.jsonl agrees with the evidence files (counts, sizes and hashes), and no furniture phrase of the corpus
manifest reached the text or the evidence."""
import hashlib
import json
import os
import sys

KEYS = ["schema", "doc_id", "source", "title", "published", "code", "category", "match", "polarity", "hedged",
        "partnership", "sentence", "block", "char_start", "char_end", "line", "taxonomy", "pipeline"]
# A reader's comment under a web page's story also carries "reader_comment": true, after "line".
COMMENT_KEYS = KEYS[:KEYS.index("line") + 1] + ["reader_comment"] + KEYS[KEYS.index("line") + 1:]


def fail(message):
    print("check-output: " + message, file=sys.stderr)
    sys.exit(1)


def schema_validator(name):
    """A validator for one of schemas/*.json, or None when the jsonschema module is not installed."""
    try:
        import jsonschema
    except ImportError:
        return None
    schema = json.load(open(os.path.join(os.path.dirname(__file__), "..", "schemas", name), encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def main(out, furniture):
    documents = [json.loads(line) for line in open(os.path.join(out, "documents.jsonl"), encoding="utf-8")]
    evidence_schema = schema_validator("evidence-record-v1.schema.json")
    document_schema = schema_validator("document-record-v1.schema.json")
    for document in documents:
        if document_schema is not None:
            document_schema.validate(document)
    if len(documents) < 20:
        fail("expected at least 20 documents, found %d" % len(documents))
    errors = open(os.path.join(out, "errors.jsonl"), encoding="utf-8").read()
    if errors:
        fail("errors.jsonl is not empty:\n" + errors)
    records = 0
    texts = {}
    for document in documents:
        if document["status"] != "ok":
            fail("%s has status %s" % (document["source"], document["status"]))
        doc_id = document["doc_id"]
        for kind, path in (("evidence", os.path.join(out, "evidence", doc_id + ".jsonl")),
                           ("text", os.path.join(out, "text", doc_id + ".txt"))):
            data = open(path, "rb").read()
            if len(data) != document[kind + "_bytes"] or hashlib.sha256(data).hexdigest() != document[kind + "_sha256"]:
                fail("%s: the %s file does not hold what documents.jsonl records" % (document["source"], kind))
        text = open(os.path.join(out, "text", doc_id + ".txt"), encoding="utf-8").read()
        texts[document["source"]] = text
        lines = open(os.path.join(out, "evidence", doc_id + ".jsonl"), encoding="utf-8").read().splitlines()
        if len(lines) != document["records"]:
            fail("%s: documents.jsonl says %d records, evidence has %d" % (document["source"], document["records"], len(lines)))
        for number, line in enumerate(lines, 1):
            where = "%s line %d" % (doc_id, number)
            record = json.loads(line)
            if evidence_schema is not None:
                evidence_schema.validate(record)
            expected = COMMENT_KEYS if "reader_comment" in record else KEYS
            if list(record.keys()) != expected:
                fail("%s: keys %s, expected %s" % (where, list(record.keys()), expected))
            if record.get("reader_comment", True) is not True:
                fail("%s: reader_comment is present but not true" % where)
            if record["schema"] != "lspminer.evidence/1" or record["doc_id"] != doc_id:
                fail("%s: wrong schema or doc_id" % where)
            if "\\/" in line:
                fail("%s: a slash is escaped" % where)
            if text[record["char_start"]:record["char_end"]] != record["match"]:
                fail("%s: text[%d:%d] is %r, match is %r" % (where, record["char_start"], record["char_end"],
                                                            text[record["char_start"]:record["char_end"]], record["match"]))
            if record["match"] not in record["sentence"]:
                fail("%s: match not in its sentence" % where)
            if record["code"].split(".")[0] != record["category"]:
                fail("%s: category does not match code" % where)
            records += 1
    if records < 500:
        fail("expected at least 500 records, found %d" % records)
    leaks = 0
    for row in open(furniture, encoding="utf-8").read().splitlines()[1:]:
        name, phrase = row.split("\t", 1)
        text = texts.get("html/" + name)
        if text is None:
            fail("furniture manifest names a page the run did not read: " + name)
        if phrase.lower() in text.lower():
            print("check-output: furniture in the text of %s: %r" % (name, phrase), file=sys.stderr)
            leaks += 1
    if leaks:
        fail("%d furniture phrases reached the extracted text" % leaks)
    print("check-output: %d documents, %d records: every record parses%s, has every field in order, and "
          "its offsets point at its match; no page furniture in the text"
          % (len(documents), records, " and fits its JSON Schema" if evidence_schema is not None else ""))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
