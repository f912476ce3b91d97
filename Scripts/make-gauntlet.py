#!/usr/bin/env python3
"""Writes the gauntlet: a folder of hostile source files, for the hostile-input test.

Usage: python3 Scripts/make-gauntlet.py OUT_FOLDER [TAXONOMY]

OUT_FOLDER gets three things:
  sources/   the hostile files (and a few good reports, which must come through unharmed);
  outside/   files the sources point at but must never be read (a symlink target, an
             external entity target), each holding a marker string that must not reach any
             output;
  expected.tsv  one line per source: file name, the outcome it must have, and a phrase its
             error must contain (or what its evidence must show). The test asserts every line.

Nothing here is committed as binary: the bytes are made from fixed seeds, so every run writes
the same files. The 100 MB file is sparse (it costs no disk), because the size limit refuses it
before a byte is read. The file "changing-while-read.txt" is made here but kept changing by the
test itself while the run reads it.
"""
import os
import random
import re
import stat
import sys

OUT = sys.argv[1]
TAXONOMY = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "pipelines", "lsp-codebook.yml")
SOURCES = os.path.join(OUT, "sources")
OUTSIDE = os.path.join(OUT, "outside")
SECRET = "GAUNTLET-SECRET-7f3a9c"  # must never appear in any output

GOOD_SENTENCE = "The Eastmoor LSP has strong leadership and mutual trust between partners."
GOOD_HTML = ("<html><head><title>Eastmoor LSP review</title></head><body><p>" + GOOD_SENTENCE +
             "</p></body></html>")

expected = []  # (name, outcome, detail)


def write(name, data, outcome, detail=""):
    path = os.path.join(SOURCES, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    expected.append((name, outcome, detail))
    return path


def page(body, head="<title>Gauntlet page</title>"):
    return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>"


def codebook_phrases():
    """Every phrase of the taxonomy, read from its YAML without a YAML library."""
    phrases = []
    in_phrases = False
    for line in open(TAXONOMY, encoding="utf-8"):
        stripped = line.strip()
        if stripped.startswith("phrases:"):
            in_phrases = True
            continue
        if in_phrases and stripped.startswith("- "):
            item = stripped[2:].strip()
            match = re.match(r"\{\s*text:\s*([^,}]+)", item)
            text = (match.group(1) if match else item).strip().strip("\"'")
            if text and "#" not in text:
                phrases.append(text)
            continue
        if stripped and not stripped.startswith("#"):
            in_phrases = False
    return sorted(set(phrases))


def main():
    os.makedirs(SOURCES, exist_ok=True)
    os.makedirs(OUTSIDE, exist_ok=True)
    rng = random.Random(20261125)

    # Good reports: the rest of the run must not be harmed by its neighbours.
    write("good/review.html", GOOD_HTML, "evidence", "success_factor.trust")
    write("good/minutes.txt", "Board minutes\n\n" + GOOD_SENTENCE + "\n", "evidence", "success_factor.leadership")

    # Empty and near-empty files.
    write("empty.html", b"", "failed", "empty file")
    write("whitespace-only.txt", b" \t\n\n   \r\n\t \n", "failed", "no text found")
    write("nul-filled.html", b"\0" * 65536, "failed", "binary")
    write("random-bytes.html", bytes(rng.getrandbits(8) for _ in range(65536)), "failed", "binary")

    # Other formats under a web page's name.
    write("report-really-a-pdf.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "failed", "PDF")
    write("archive-really-a-zip.html", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(rng.getrandbits(8) for _ in range(512)), "failed", "ZIP")
    write("minutes-really-a-word-file.html", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048, "failed", "Microsoft Office")

    # UTF-16, with and without byte order marks.
    html = page("<p>" + GOOD_SENTENCE + "</p>")
    write("utf16le-bom.html", b"\xff\xfe" + html.encode("utf-16-le"), "evidence", "success_factor.trust")
    write("utf16be-bom.html", b"\xfe\xff" + html.encode("utf-16-be"), "evidence", "success_factor.trust")
    write("utf16le-no-bom.html", html.encode("utf-16-le"), "evidence", "success_factor.trust")
    write("utf16be-no-bom.html", html.encode("utf-16-be"), "evidence", "success_factor.trust")

    # Broken and misleading encodings.
    write("invalid-utf8-mid-sentence.html",
          page("<p>The Eastmoor LSP has strong leadership \xff\xfe\xc3 and mutual trust between partners.</p>").encode("latin-1"),
          "evidence", "success_factor.trust")
    write("overlong-and-surrogate-utf8.txt",
          b"Review\n\nThe LSP has mutual trust \xc0\xaf between partners \xed\xa0\x80 and strong leadership.\n",
          "evidence", "success_factor.trust")
    write("charset-that-does-not-exist.html",
          page("<p>" + GOOD_SENTENCE + "</p>", head='<meta charset="x-klingon-2003"><title>Review</title>'),
          "evidence", "success_factor.trust")
    write("mixed-encodings.txt",
          "Review\n\nThe LSP board said \u201cmutual trust\u201d has grown.\n".encode("utf-8") +
          "Partners praised the chair\x92s strong leadership \x96 and the pooled budget.\n".encode("latin-1"),
          "evidence", "success_factor.trust")

    # Size and shape.
    huge = write("too-big-100mb.html", b"<html><body><p>", "failed", "size limit")
    with open(huge, "r+b") as handle:
        handle.truncate(100 * 1024 * 1024)
    write("one-5mb-line-no-spaces.txt", b"x" * (5 * 1024 * 1024), "partial", "max_sentence_bytes")
    # One 1 MB "sentence" holding 1,000 matches: untagged (each record would repeat a megabyte).
    write("one-1mb-sentence-1000-matches.txt",
          "Notes\n\n" + " ".join("trust " + "x" * 1000 for _ in range(1000)) + "\n", "partial", "max_sentence_bytes")
    # Shape: a million elements or lines in a few megabytes, refused before they cost memory.
    write("a-million-br.html", page("<p>" + "a<br>" * 1000000 + "</p>"), "failed", "max_elements")
    write("a-million-lines.txt", "Notes\n\n" + "a\n" * 1000000, "failed", "max_lines")
    write("nested-100000-deep.html", page("<div>" * 100000 + "<p>" + GOOD_SENTENCE + "</p>"), "failed", "max_tree_depth")
    attributes = " ".join("data-a%d=\"%d\"" % (index, index) for index in range(100000))
    write("100000-attributes.html", page("<div " + attributes + "><p>" + GOOD_SENTENCE + "</p></div>"), "failed", "max_attributes")
    write("sentence-break-every-3-bytes.txt", "Notes\n\n" + "1.A" * 350000 + "\n", "no-evidence")
    write("nested-1997-deep-5000-paragraphs.html",
          page("<div>" * 1995 + ("<p>" + GOOD_SENTENCE + " Item, with commas, and more words to score.</p>") * 5000),
          "evidence", "success_factor.trust")
    write("20000-related-headings.html",
          page("<article><p>" + GOOD_SENTENCE + " The board, the council and the police agreed, after a long debate, on the plan.</p>" +
               "<h3>Related stories</h3><p>The LSP lacks trust.</p>" * 20000 + "</article>"),
          "evidence", "success_factor.trust")
    write("unclosed-comment.html", page("<p>" + GOOD_SENTENCE + "</p><!-- a comment that never ends <p>The LSP lacks trust.</p>"),
          "evidence", "success_factor.trust")
    write("unclosed-cdata.html", page("<p>" + GOOD_SENTENCE + "</p><![CDATA[ never closed <p>more"), "evidence", "success_factor.trust")
    write("truncated-download.html", page("<p>" + GOOD_SENTENCE + "</p><p>The board met in Marc")[:-30], "evidence", "success_factor.trust")

    # Markup that tries to read files.
    secret_file = os.path.join(OUTSIDE, "secret.txt")
    with open(secret_file, "w") as handle:
        handle.write(SECRET + " mutual trust\n")
    write("external-entity.html",
          '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY leak SYSTEM "file://' + os.path.abspath(secret_file) + '">]>\n'
          '<html><head><title>Review</title></head><body><p>' + GOOD_SENTENCE + ' &leak;</p></body></html>',
          "evidence", "success_factor.trust")
    write("external-entity-xhtml.html",
          '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html SYSTEM "file://' + os.path.abspath(secret_file) + '" '
          '[<!ENTITY leak SYSTEM "file://' + os.path.abspath(secret_file) + '">]>\n'
          '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Review</title></head><body><p>' + GOOD_SENTENCE +
          ' &leak;</p><p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://' + os.path.abspath(secret_file) +
          '" parse="text"/></p></body></html>',
          "evidence", "success_factor.trust")

    # Files that are not plain files.
    os.symlink(os.path.abspath(secret_file), os.path.join(SOURCES, "link-to-outside.txt"))
    expected.append(("link-to-outside.txt", "failed", "outside the source folder"))
    os.symlink("loop-b.txt", os.path.join(SOURCES, "loop-a.txt"))
    os.symlink("loop-a.txt", os.path.join(SOURCES, "loop-b.txt"))
    expected.append(("loop-a.txt", "failed", "loop"))
    expected.append(("loop-b.txt", "failed", "loop"))
    os.mkfifo(os.path.join(SOURCES, "named-pipe.html"))
    expected.append(("named-pipe.html", "failed", "not a regular file"))
    unreadable = write("no-read-permission.html", GOOD_HTML.replace("review", "restricted review"), "unreadable", "Permission denied")
    os.chmod(unreadable, 0)
    write("changing-while-read.txt", "Review\n\n" + GOOD_SENTENCE + "\n", "failed", "changed while")

    # File names that must stay readable in JSON.
    write('quote"and\\backslash.txt', "Notes on quotes\n\n" + GOOD_SENTENCE + "\n", "evidence", "success_factor.trust")
    write("tab\tand newline\n.txt", "Notes on tabs\n\n" + GOOD_SENTENCE + "\n", "evidence", "success_factor.trust")

    # Text that stresses segmentation and tagging.
    words = ["partners", "board", "the", "trust", "meeting", "delivery", "and", "of", "community", "leadership"]
    write("sentence-200000-tokens.txt",
          "Notes\n\n" + GOOD_SENTENCE + "\n\n" + " ".join(words[index % len(words)] for index in range(200000)) + "\n",
          "partial", "max_sentence_tokens")
    write("emoji-and-combining-marks.txt",
          "\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467 " * 2000 + "\n" + ("e\u0301\u0302\u0303\u0304 " * 4000) + "\n",
          "partial", "max_sentence_tokens")
    write("right-to-left.html",
          page('<p dir="rtl">\u0627\u0644\u0634\u0631\u0627\u0643\u0629 \u0627\u0644\u0627\u0633\u062a\u0631\u0627\u062a\u064a\u062c\u064a\u0629 '
               '\u0627\u0644\u0645\u062d\u0644\u064a\u0629 \u05e9\u05d5\u05ea\u05e4\u05d5\u05ea \u05de\u05e7\u05d5\u05de\u05d9\u05ea.</p>'
               '<p>\u202e' + GOOD_SENTENCE + '\u202c</p>'),
          "evidence", "success_factor.trust")
    # The first 300 phrases: about 300,000 records, enough to load the writer and still under
    # the default evidence limit however long the taxonomy grows.
    phrases = codebook_phrases()[:300]
    sentence = " ".join(phrase[:1].upper() + phrase[1:] + "." for phrase in phrases)
    write("every-phrase-1000-times.txt", "Every phrase\n\n" + " ".join([sentence] * 1000) + "\n", "evidence", "many")

    with open(os.path.join(OUT, "expected.tsv"), "w", encoding="utf-8") as handle:
        for name, outcome, detail in expected:
            handle.write(name.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") + "\t" + outcome + "\t" + detail + "\n")
    with open(os.path.join(OUT, "secret.marker"), "w") as handle:
        handle.write(SECRET)
    print("%d gauntlet sources in %s (%d phrases repeated)" % (len(expected), SOURCES, len(phrases)))


if __name__ == "__main__":
    main()
