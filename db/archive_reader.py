"""Reading the WARC archive back: every response record, with the tracker's own headers.

Files still named `.warc.gz.open` (a crawl that was killed) are read too: each record is its own
gzip member, so everything before the cut is intact, and the cut itself is reported, not fatal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

log = logging.getLogger(__name__)

SOURCE_HEADER = "X-Bantracker-Source"
ROLE_HEADER = "X-Bantracker-Role"
RUN_HEADER = "X-Bantracker-Run"


@dataclass(frozen=True)
class Record:
    url: str
    date: str  # WARC-Date, the observation time (ISO 8601, UTC)
    status: int
    content_type: str
    body: bytes
    source_id: str | None
    role: str | None
    run_id: str | None
    file: str
    offset: int = 0  # where the record starts in its file, to read its body again later


def archive_files(directory: Path) -> list[Path]:
    files = sorted(directory.glob("*.warc.gz")) + sorted(directory.glob("*.warc.gz.open"))
    return sorted(files, key=lambda p: p.name)


def read_records(path: Path) -> Iterator[Record]:
    """Response records of one file; a damaged tail is logged and ends the file."""
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream, check_digests="raise")
            for record in records:
                headers = record.rec_headers
                if record.rec_type == "resource":  # a local file added with `ingest`
                    status, content_type = 200, headers.get_header("Content-Type") or ""
                elif record.rec_type == "response" and record.http_headers is not None:
                    status = int(record.http_headers.get_statuscode() or 0)
                    content_type = record.http_headers.get_header("Content-Type") or ""
                else:
                    continue
                try:
                    body = record.content_stream().read()
                    record.raw_stream.read()  # reach the end, so the digest is checked
                except ArchiveLoadFailed:
                    raise
                except Exception as exc:  # a body that claims gzip but is not, for one
                    log.warning(
                        "%s: %s: unreadable body (%s); kept raw",
                        path.name,
                        headers.get_header("WARC-Target-URI"),
                        exc,
                    )
                    body = b""
                yield Record(
                    url=headers.get_header("WARC-Target-URI"),
                    date=headers.get_header("WARC-Date") or "",
                    status=status,
                    content_type=content_type,
                    body=body,
                    source_id=headers.get_header(SOURCE_HEADER),
                    role=headers.get_header(ROLE_HEADER),
                    run_id=headers.get_header(RUN_HEADER),
                    file=str(path),
                    offset=records.get_record_offset(),
                )
    except Exception as exc:  # warcio raises many kinds of error on a torn tail
        log.warning("%s: archive ends early (%s); records before the damage were read", path, exc)


def read_body(file: str, offset: int) -> bytes:
    """The payload of one record, read again from its file (so bodies need not stay in memory)."""
    with open(file, "rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        return record.content_stream().read()


def read_archive(directory: Path) -> Iterator[Record]:
    for path in archive_files(directory):
        yield from read_records(path)
