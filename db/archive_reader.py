"""Reading the WARC archive back: every response record, with the tracker's own headers.

Files still named `.warc.gz.open` (a crawl that was killed) are read too: each record is its own
gzip member, so everything before the cut is intact, and the cut itself is reported, not fatal.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

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


class DamagedRecord(ValueError):
    """A record that cannot be read whole: a torn tail, a digest that does not match."""


def read_records(path: Path) -> Iterator[Record]:
    """Response and resource records of one file; a damaged tail is logged and ends the file.

    Each record is its own gzip member, decompressed with zlib and split by hand: warcio's
    record parser, in pure Python, cost more than the rest of reading a 5,000-page archive.
    Bodies sent chunked or content-encoded go through warcio, which decodes them. Every
    record's block digest is checked, as warcio does with `check_digests`."""
    try:
        with open(path, "rb") as stream:
            for offset, member in _members(stream):
                record = _record(path, offset, member)
                if record is not None:
                    yield record
    except Exception as exc:  # a torn tail, a bad digest, a corrupt gzip member
        log.warning("%s: archive ends early (%s); records before the damage were read", path, exc)


def read_body(file: str, offset: int) -> bytes:
    """The payload of one record, read again from its file (so bodies need not stay in memory)."""
    with open(file, "rb") as stream:
        stream.seek(offset)
        _, member = next(_members(stream, offset, chunk=1 << 14))
    # read_records checked this record's digest when it listed it
    record = _record(Path(file), offset, member, verify=False)
    return record.body if record is not None else b""


_CHUNK = 1 << 16


def _members(stream: BinaryIO, offset: int = 0, chunk: int = _CHUNK) -> Iterator[tuple[int, bytes]]:
    """Each gzip member of the stream, decompressed, with the offset it starts at."""
    pending = b""
    while True:
        inflater = zlib.decompressobj(31)
        parts: list[bytes] = []
        start, data = offset, pending
        while not inflater.eof:
            if not data:
                data = stream.read(chunk)
                if not data:
                    if parts or offset > start:
                        raise DamagedRecord(f"record at byte {start} is cut short")
                    return
            parts.append(inflater.decompress(data))
            used = len(data) - len(inflater.unused_data) if inflater.eof else len(data)
            offset += used
            data = b""
        pending = inflater.unused_data
        yield start, b"".join(parts)


def _headers(block: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in block.decode("utf-8", "replace").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), value.strip())
    return headers


def _record(path: Path, offset: int, member: bytes, verify: bool = True) -> Record | None:
    end = member.find(b"\r\n\r\n")
    if end < 0 or not member.startswith(b"WARC/"):
        raise DamagedRecord(f"record at byte {offset} has no WARC header")
    headers = _headers(member[:end])
    length = int(headers.get("content-length", "0"))
    block = member[end + 4 : end + 4 + length]
    if len(block) != length:
        raise DamagedRecord(f"record at byte {offset} is cut short")
    if verify:
        _check_digest(headers.get("warc-block-digest"), block, offset)
    kind = headers.get("warc-type")
    if kind == "resource":  # a local file added with `ingest`
        status, content_type, body = 200, headers.get("content-type", ""), block
    elif kind == "response":
        split = block.find(b"\r\n\r\n")
        head = block[: split if split >= 0 else len(block)]
        status_line = head.split(b"\r\n", 1)[0].split()
        http = _headers(head)
        status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
        content_type = http.get("content-type", "")
        body = block[split + 4 :] if split >= 0 else b""
        encoded = http.get("content-encoding", "identity").lower() not in ("", "identity")
        if encoded or "chunked" in http.get("transfer-encoding", "").lower():
            body = _decoded_body(path, offset, headers.get("warc-target-uri"))
    else:
        return None
    return Record(
        url=headers.get("warc-target-uri", ""),
        date=headers.get("warc-date", ""),
        status=status,
        content_type=content_type,
        body=body,
        source_id=headers.get(SOURCE_HEADER.lower()),
        role=headers.get(ROLE_HEADER.lower()),
        run_id=headers.get(RUN_HEADER.lower()),
        file=str(path),
        offset=offset,
    )


def _check_digest(declared: str | None, block: bytes, offset: int) -> None:
    if not declared or ":" not in declared:
        return
    algorithm, _, value = declared.partition(":")
    try:
        digest = hashlib.new(algorithm.lower().replace("-", ""), block).digest()
    except ValueError:
        return  # an algorithm this Python does not know: nothing to check against
    if value not in (base64.b32encode(digest).decode(), digest.hex()):
        raise DamagedRecord(f"record at byte {offset}: block digest does not match")


def _decoded_body(path: Path, offset: int, url: str | None) -> bytes:
    """A chunked or content-encoded body, decoded by warcio."""
    with open(path, "rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        try:
            return record.content_stream().read()
        except Exception as exc:  # a body that claims gzip but is not, for one
            log.warning("%s: %s: unreadable body (%s); kept raw", path.name, url, exc)
            return b""


def read_archive(directory: Path) -> Iterator[Record]:
    for path in archive_files(directory):
        yield from read_records(path)
