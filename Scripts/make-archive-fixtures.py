#!/usr/bin/env python3
"""Writes the archive fixtures of Tests/TextMiningTests/Fixtures/archives (deterministic bytes).

Every format lspminer reads as a source (the WARC with a request, three responses and a resource), each holding the same two short documents (a text
board note and an HTML news item), plus hostile archives: a zip bomb (one member of zeros that
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
    for name, data in files.items():
        with open(os.path.join(OUT, name), "wb") as handle:
            handle.write(data)


if __name__ == "__main__":
    main()
