#!/usr/bin/env python3
"""Writes the archive fixtures of Tests/TextMiningTests/Fixtures/archives (deterministic bytes).

Every format lspminer reads as a source (the WARC with a request, three responses and a resource), each holding the same two short documents (a text
board note and an HTML news item), archives as people and crawlers make them (a Mac zip with Unicode names, nested archives, a WARC of
HTTP as servers write it, gzip with junk between members, a tar with a name given twice), plus
hostile archives: a zip bomb (one member of zeros that
expands far past the limit the tests set) and a tar whose member names leave the archive.
Run from the repository root: python3 Scripts/make-archive-fixtures.py
"""
import gzip, io, os, tarfile, zipfile

OUT = "Tests/TextMiningTests/Fixtures/archives"
NOTE = b"Thornbury LSP board note\n\nThe board agreed that the pooled budget lacks transparency.\n"
NEWS = (b"<html><head><title>Thornbury news</title></head><body><nav><a href='/'>Home</a></nav>"
        b"<p>The Thornbury Local Strategic Partnership shows strong leadership and mutual trust "
        b"between partners.</p></body></html>")
MEMBERS = [("reports/board-note.txt", NOTE), ("reports/news.html", NEWS), ("reports/logo.png", b"\x89PNG\r\n")]
EPOCH = 1136073600  # 2006-01-01, so the bytes never change


def tar_bytes(members, mode):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode, format=tarfile.USTAR_FORMAT) as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), EPOCH, 0o644
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def gz(data):
    return gzip.compress(data, mtime=EPOCH)


def warc():
    def record(kind, uri, payload, number):
        header = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
                  f"WARC-Date: 2007-03-01T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{number}>\r\n"
                  f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
        return header + payload + b"\r\n\r\n"
    page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + NEWS
    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n"
    moved = b"HTTP/1.1 301 Moved Permanently\r\nLocation: /news\r\nContent-Type: text/html\r\n\r\n<p>Moved</p>"
    request = b"GET /news/leadership HTTP/1.1\r\nHost: www.thornbury-lsp.example\r\n\r\n"
    return [record("request", "http://www.thornbury-lsp.example/news/leadership", request, 4),
            record("response", "http://www.thornbury-lsp.example/news/leadership", page, 1),
            record("response", "http://www.thornbury-lsp.example/logo.png", image, 2),
            record("response", "http://www.thornbury-lsp.example/old", moved, 3),
            record("resource", "file:///archive/minutes/2007-03.txt", NOTE, 5)]


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2006, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def page(title, sentence):
    return (f"<html><head><title>{title}</title></head><body><p>{sentence}</p></body></html>").encode()


def mac_zip():
    """A zip as a Mac's Archive Utility and a council's file share make them: names in UTF-8
    (with the zip's UTF-8 flag), a name in code page 437 (no flag), resource forks under
    __MACOSX, hidden files, and one name given twice."""
    members = [
        ("minutes/café.html", page("Café meeting", "The Oakridge LSP board met at the café and agreed a shared plan.")),
        ("minutes/report – 2005.html", page("Report 2005", "The Oakridge Local Strategic Partnership lacks transparency.")),
        ("minutes/caf?-cp437.txt", b"Oakridge LSP note\n\nPartners showed mutual trust.\n"),
        ("__MACOSX/minutes/._café.html", b"\x00\x05\x16\x07 Mac OS X resource fork"),
        ("minutes/.DS_Store", b"\x00\x00\x00\x01Bud1"),
        (".hidden/secret.html", page("Hidden", "Not a document.")),
        ("minutes/agenda.txt", b"Agenda, first copy\n\nThe board will discuss leadership.\n"),
        ("minutes/agenda.txt", b"Agenda, second copy\n\nThe board will discuss accountability.\n"),
    ]
    data = zip_bytes(members)
    # The third name in code page 437, without the UTF-8 flag: 0x82 is e-acute there.
    return data.replace(b"caf?-cp437", b"caf\x82-cp437")


def nested_zip():
    inner = zip_bytes([("board/minutes.html", page("Board minutes", "The LSP board shows strong leadership."))])
    bundle = gz(tar_bytes([("notes/note.txt", b"Bundle note\n\nThe partnership lacks capacity.\n")], "w"))
    deepest = zip_bytes([("too-deep.txt", b"Too deep\n\nNot read.\n")])
    deeper = zip_bytes([("deepest.zip", deepest)])
    deep = zip_bytes([("deeper.zip", deeper)])
    return zip_bytes([("inner.zip", inner), ("bundle.tgz", bundle), ("deep.zip", deep),
                      ("top.txt", b"Top note\n\nThe LSP has a clear vision.\n")])


def http_warc():
    """HTTP as servers write it: header names in any case, no space after the colon, chunked
    bodies, charsets only in the HTTP header, UTF-16, gzip content coding, a page crawled twice,
    and a page under /private/ for the exclude test."""
    def record(uri, payload, date, number):
        header = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
                  f"WARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:10000000-0000-0000-0000-0000000000{number:02d}>\r\n"
                  f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
        return header + payload + b"\r\n\r\n"
    site = "http://www.oakridge-lsp.example"
    body = page("Chunked", "The Oakridge LSP board shows strong leadership and mutual trust.")
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:40], body[40:])) + b"0\r\n\r\n"
    upper = b"".join(b"%X ; ext=1\r\n%s\r\n" % (len(part), part) for part in (body[:26], body[26:])) + b"0\r\nX-Trailer: yes\r\n\r\n"
    koi8 = ("<p>Местное стратегическое партнёрство Оукриджа: прозрачность и доверие.</p>").encode("koi8-r")
    sjis = ("<p>オークリッジ地域戦略パートナーシップの報告書。</p>").encode("shift_jis")
    utf16 = ("<p>The Oakridge LSP publishes its accounts in UTF-16.</p>").encode("utf-16-le")
    gzipped = gz(page("Compressed", "The Oakridge LSP has a clear vision."))
    first = page("News 2007", "The Oakridge LSP lacks transparency.")
    second = page("News 2008", "The Oakridge LSP is now transparent and accountable.")
    private = page("Private", "Not to be read.")
    responses = [
        (f"{site}/news/chunked", b"HTTP/1.1 200 OK\r\nContent-Type:text/html\r\nTransfer-Encoding:chunked\r\n\r\n" + chunked),
        (f"{site}/news/chunked-upper", b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nTRANSFER-ENCODING:  Chunked\r\n\r\n" + upper),
        (f"{site}/ru/partnership", b"HTTP/1.1 200 OK\r\nCONTENT-TYPE: Text/HTML ; Charset=\"KOI8-R\"\r\n\r\n" + koi8),
        (f"{site}/ja/report", b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=Shift_JIS\r\n\r\n" + sjis),
        (f"{site}/accounts", b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\n\r\n" + utf16),
        (f"{site}/news/compressed", b"HTTP/1.0 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n\n" + gzipped),
        (f"{site}/news", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + first),
        (f"{site}/private/notes", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + private),
        (f"{site}/news", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + second),
    ]
    dates = ["2007-05-01T10:00:00Z"] * 8 + ["2008-05-01T10:00:00Z"]
    return [record(uri, payload, date, number) for number, ((uri, payload), date) in enumerate(zip(responses, dates))]


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in MEMBERS:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2006, 1, 1, 0, 0, 0)), data)
    files["reports.zip"] = buffer.getvalue()
    files["reports.tar"] = tar_bytes(MEMBERS, "w")
    files["reports.tgz"] = gz(tar_bytes(MEMBERS, "w"))
    files["reports.tar.gz"] = gz(tar_bytes(MEMBERS, "w"))
    files["board-note.txt.gz"] = gz(NOTE)
    files["crawl.warc"] = b"".join(warc())
    files["crawl.warc.gz"] = b"".join(gz(one) for one in warc())  # one gzip member per record, as crawlers write
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("huge.txt", date_time=(2006, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, b"\0" * 20_000_000)
        archive.writestr(zipfile.ZipInfo("small.txt", date_time=(2006, 1, 1, 0, 0, 0)), NOTE)
    files["bomb.zip"] = buffer.getvalue()
    files["traversal.tar"] = tar_bytes([("../escaped.txt", NOTE), ("/etc/absolute.txt", NOTE), ("safe/note.txt", NOTE)], "w")
    files["damaged.zip"] = files["reports.zip"][:60]
    files["mac.zip"] = mac_zip()
    files["nested.zip"] = nested_zip()
    files["http.warc"] = b"".join(http_warc())
    # Per-record gzip with junk after the second member: the records after it must still be read.
    members = [gz(one) for one in warc()]
    files["junk.warc.gz"] = b"".join(members[:2]) + b"JUNK" * 25 + b"".join(members[2:])
    # Two junk regions, each reported on its own.
    files["junk2.warc.gz"] = members[0] + b"JUNK" * 10 + members[1] + b"MORE" * 5 + b"".join(members[2:])
    # The same WARC with every byte its own gzip member (a reader that rescans would be quadratic).
    files["bytewise.warc.gz"] = b"".join(gz(bytes([byte])) for byte in files["crawl.warc"])
    # A large member no pattern wants, which a tar.gz still decompresses to skip.
    files["skipped.tgz"] = gz(tar_bytes([("big.bin", b"\0" * 3_000_000), ("note.txt", NOTE)], "w"))
    # A member whose name looks like a nested archive's member, and two copies of one WARC.
    inner = zip_bytes([("x.html", NEWS)])
    files["collide.zip"] = zip_bytes([("b.zip", inner), ("b.zip!/x.html", NEWS.replace(b"strong", b"weak"))])
    files["twowarc.zip"] = zip_bytes([("crawl.warc.gz", files["crawl.warc.gz"]), ("crawl.warc.gz", files["crawl.warc.gz"])])
    # A gzip member corrupt in its deflate data (the page's response): that record is lost and
    # reported, the records after it are read.
    page = bytearray(members[1])
    for index in range(len(page) // 2, len(page) // 2 + 12):
        page[index] ^= 0xFF
    files["corrupt.warc.gz"] = members[0] + bytes(page) + b"".join(members[2:])
    # A record whose Content-Length is missing: skipped to the next record.
    records = warc()
    records[0] = records[0].replace(b"Content-Length: ", b"X-Length: ")
    files["nolength.warc"] = b"".join(records)
    files["duplicate.tar"] = tar_bytes([("minutes.txt", NOTE), ("minutes.txt", NOTE.replace(b"lacks", b"now has"))], "w")
    for name, data in files.items():
        with open(os.path.join(OUT, name), "wb") as handle:
            handle.write(data)


if __name__ == "__main__":
    main()
