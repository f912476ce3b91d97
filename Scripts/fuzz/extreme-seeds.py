#!/usr/bin/env python3
"""Writes fuzzing seeds with extreme values for one target into a folder: lengths, offsets and
limits at the boundaries where arithmetic overflows (0, -1, 2^31, 2^63-1 and beyond), which the
project's own fixtures never hold, so the fuzzer starts next to them.

    Scripts/fuzz/extreme-seeds.py TARGET FOLDER

Each seed starts with the target's selector byte where it has one (see FuzzHarness)."""
import gzip
import os
import sys

BOUNDARIES = ["0", "-1", "1", "2147483647", "2147483648", "4294967296", "9223372036854775800",
              "9223372036854775807", "9223372036854775808", "18446744073709551615", "1e300", "nan"]
PAGE = b"<html><body><p>The LSP board has built mutual trust between partners.</p></body></html>"


def warc_record(length, body=b"", uri="http://lsp.example/page", kind="response"):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Length: %s\r\n\r\n" % (kind, uri, length))
    return head.encode() + body + b"\r\n\r\n"


def http(body, headers="Content-Type: text/html"):
    return ("HTTP/1.1 200 OK\r\n%s\r\n\r\n" % headers).encode() + body


def archive_seeds():
    good = http(PAGE)
    seeds = {}
    for value in BOUNDARIES:
        seeds["warc-length-%s" % value] = b"\x05" + warc_record(len(good), good) + warc_record(value, b"abc")
        seeds["warc-gz-length-%s" % value] = b"\x06" + gzip.compress(warc_record(len(good), good)) + \
            gzip.compress(warc_record(value, b"abc"))
    chunked = http(b"28\r\n" + PAGE[:40] + b"\r\n0\r\n\r\n", "Transfer-Encoding:Chunked\r\nContent-Type: text/html")
    seeds["warc-chunked-lax"] = b"\x05" + warc_record(len(chunked), chunked)
    return seeds


def config_seeds():
    seeds = {}
    keys = ["max_file_bytes", "max_archive_bytes", "max_text_bytes", "max_tree_depth", "max_attributes",
            "max_elements", "max_lines", "max_document_seconds", "max_sentence_tokens", "max_sentence_bytes",
            "max_evidence_bytes", "max_removed_share"]
    for key in keys:
        for value in BOUNDARIES:
            seeds["limit-%s-%s" % (key, value)] = (
                "name: fuzz\nsources: [.]\ntaxonomy: lsp-codebook.yml\nlimits: {%s: %s}\n" % (key, value)).encode()
    return seeds


def extract_seeds():
    subset = b'<!DOCTYPE html [\n<!ENTITY x "trust">\n<!-- ] -->\n]>\n' + PAGE
    unclosed = b"<!DOCTYPE html [ <!ENTITY x '" + PAGE
    return {"doctype-subset": b"\x00" + subset, "doctype-unclosed": b"\x00" + unclosed}


def tag_seeds():
    shy = "The LSP has mutual tr\u00adust and strong lead\u200bership.\n".encode()
    bidi = "\u202etrust\u202c between partners. Views of the LAA. Pat said the NRF worked.\n".encode()
    long_sentence = ("trust " + "x" * 1000 + " ") * 40
    return {"invisible": shy, "bidi-and-abbreviations": bidi, "long-sentence": long_sentence.encode()}


def main(target, folder):
    os.makedirs(folder, exist_ok=True)
    seeds = {"archive": archive_seeds, "config": config_seeds, "extract": extract_seeds, "tag": tag_seeds}[target]()
    for name, data in seeds.items():
        with open(os.path.join(folder, "extreme-" + name), "wb") as handle:
            handle.write(data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
