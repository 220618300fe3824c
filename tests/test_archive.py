"""The WARC archive: reproducible demo packing, crash-tolerant reading."""

from pathlib import Path

from bantracker.demo import pack
from crawlers.archive import WarcFile
from db.archive_reader import read_archive


def write_page(warc: WarcFile, url: str, n: int) -> None:
    """One small article response, as the crawler archives it."""
    warc.write_response(
        url,
        200,
        "OK",
        [("Content-Type", "text/html")],
        f"<p>page {n}</p>".encode(),
        "2026-01-01T00:00:00Z",
        {"X-Bantracker-Source": "src", "X-Bantracker-Role": "article"},
    )


def test_demo_pack_is_byte_for_byte_reproducible(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "demo.warc.gz", tmp_path / "b" / "demo.warc.gz"
    count = pack(first)
    pack(second)
    assert count >= 40
    assert first.read_bytes() == second.read_bytes()


def test_records_before_a_crash_are_readable(tmp_path: Path):
    """A crawl killed mid-write leaves `.warc.gz.open` with a torn last record."""
    warc = WarcFile(tmp_path / "run-src.warc.gz", "test", "run")
    ends = []
    for n in range(3):
        write_page(warc, f"https://example.org/{n}", n)
        ends.append(warc.stream.tell())
    warc.stream.close()  # the process dies: no rename, and the last record is torn in half
    torn = warc.open_path.read_bytes()
    warc.open_path.write_bytes(torn[: (ends[1] + ends[2]) // 2])
    records = list(read_archive(tmp_path))
    assert [r.url for r in records] == ["https://example.org/0", "https://example.org/1"]
    assert records[0].role == "article" and records[0].source_id == "src"


def test_two_runs_in_the_same_second_keep_both_files(tmp_path: Path):
    """Run ids have a resolution of one second; a second run must not overwrite the first."""
    names = []
    for n in range(3):
        warc = WarcFile(tmp_path / "20260101T000000Z-src.warc.gz", "test", "run")
        warc.write_response(
            f"https://example.org/{n}",
            200,
            "OK",
            [("Content-Type", "text/html")],
            b"<p>page</p>",
            "2026-01-01T00:00:00Z",
            {"X-Bantracker-Source": "src", "X-Bantracker-Role": "article"},
        )
        if n < 2:
            warc.close()  # the first two finished; the third is still being written
        names.append(warc.final_path.name)
    assert names == [
        "20260101T000000Z-src.warc.gz",
        "20260101T000000Z-src-1.warc.gz",
        "20260101T000000Z-src-2.warc.gz",
    ]
    assert sorted(r.url for r in read_archive(tmp_path)) == [
        f"https://example.org/{n}" for n in range(3)
    ]


def warcio_records(path: Path) -> list[tuple]:
    """What warcio itself reads from a file: the reference the fast reader must match."""
    from warcio.archiveiterator import ArchiveIterator

    out = []
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream, check_digests="raise")
        for record in records:
            headers = record.rec_headers
            if record.rec_type == "resource":
                status, content_type = 200, headers.get_header("Content-Type") or ""
            elif record.rec_type == "response":
                status = int(record.http_headers.get_statuscode() or 0)
                content_type = record.http_headers.get_header("Content-Type") or ""
            else:
                continue
            body = record.content_stream().read()
            out.append(
                (
                    headers.get_header("WARC-Target-URI"),
                    headers.get_header("WARC-Date"),
                    status,
                    content_type,
                    body,
                    headers.get_header("X-Bantracker-Source"),
                    headers.get_header("X-Bantracker-Role"),
                    records.get_record_offset(),
                )
            )
    return out


def test_the_reader_reads_what_warcio_reads(tmp_path: Path):
    """read_records parses records by hand for speed; on every kind of record the crawler
    writes (plain, gzip-encoded and chunked responses, a 404, a revisit, an ingested file) it
    must give exactly what warcio gives, and read_body the same body again."""
    import gzip

    from db.archive_reader import read_body, read_records

    warc = WarcFile(tmp_path / "run-src.warc.gz", "test", "run")
    extra = {"X-Bantracker-Source": "src", "X-Bantracker-Role": "article"}
    when = "2026-01-01T00:00:00Z"
    html = [("Content-Type", "text/html; charset=utf-8")]
    warc.write_response("https://e.org/a", 200, "OK", html, "<p>été</p>".encode(), when, extra)
    warc.write_response(
        "https://e.org/gz",
        200,
        "OK",
        [*html, ("Content-Encoding", "gzip")],
        gzip.compress(b"<p>compressed</p>"),
        when,
        extra,
    )
    warc.write_response(
        "https://e.org/chunked",
        200,
        "OK",
        [*html, ("Transfer-Encoding", "chunked")],
        b"5\r\n<p>ch\r\n6\r\nunked<\r\n3\r\n/p>\r\n0\r\n\r\n",
        when,
        extra,
    )
    warc.write_response("https://e.org/missing", 404, "Not Found", html, b"gone", when, extra)
    warc.write_revisit(
        "https://e.org/a", 200, "OK", html, when, (when, "sha1:ABC"), "identical", extra
    )
    warc.write_resource("file:///tmp/x.html", "text/html", b"<p>local</p>", when, extra)
    warc.close()
    expected = warcio_records(warc.final_path)
    found = [
        (r.url, r.date, r.status, r.content_type, r.body, r.source_id, r.role, r.offset)
        for r in read_records(warc.final_path)
    ]
    assert found == expected
    assert {r[0] for r in found} >= {"https://e.org/gz", "https://e.org/chunked"}
    assert dict((r[0], r[4]) for r in found)["https://e.org/gz"] == b"<p>compressed</p>"
    for url, *_, body, _source, _role, offset in found:
        assert read_body(str(warc.final_path), offset) == body, url


def test_a_record_whose_digest_does_not_match_ends_the_file(tmp_path: Path):
    """Damage inside a record (its bytes no longer match their digest) is not read as data."""
    import gzip
    import zlib

    warc = WarcFile(tmp_path / "run-src.warc.gz", "test", "run")
    for n in range(3):
        write_page(warc, f"https://e.org/{n}", n)
    warc.close()
    data = warc.final_path.read_bytes()
    members, rest = [], data
    while rest:
        inflater = zlib.decompressobj(31)
        inflater.decompress(rest)
        members.append(rest[: len(rest) - len(inflater.unused_data)])
        rest = inflater.unused_data
    damaged = gzip.decompress(members[2]).replace(b"page 1", b"page X")
    warc.final_path.write_bytes(b"".join([*members[:2], gzip.compress(damaged), *members[3:]]))
    assert [r.url for r in read_archive(tmp_path)] == ["https://e.org/0"]
