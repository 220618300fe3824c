"""The WARC archive: reproducible demo packing, crash-tolerant reading."""

from pathlib import Path

from bantracker.demo import pack
from crawlers.archive import WarcFile
from db.archive_reader import read_archive


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
        warc.write_response(
            f"https://example.org/{n}",
            200,
            "OK",
            [("Content-Type", "text/html")],
            f"<p>page {n}</p>".encode(),
            "2026-01-01T00:00:00Z",
            {"X-Bantracker-Source": "src", "X-Bantracker-Role": "article"},
        )
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
