"""Incremental crawling: what earlier runs already archived is not fetched again.

The archive is the truth; `crawl-index.sqlite` beside the WARC files is only a lookup table
derived from it (URL -> last observation, HTTP validators, payload digest), so a missing or
damaged index is rebuilt by reading the WARC headers again. The index is updated after each
record is written and flushed: a crash between the two costs one needless re-fetch, never a
lost page.

- Feeds, listings and API answers are fetched with conditional GET (If-None-Match,
  If-Modified-Since). A 304 is archived as a WARC `revisit` record (profile
  server-not-modified), so the archive still shows that the source was checked.
- Articles already archived with status 200 are skipped, unless the feed that links them says
  the item changed after we fetched it; then they are fetched conditionally, and a body identical
  to the archived one is stored as a `revisit` record (profile identical-payload-digest).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request
from w3lib.url import canonicalize_url
from warcio.archiveiterator import ArchiveIterator

log = logging.getLogger(__name__)

INDEX_NAME = "crawl-index.sqlite"
ALREADY_ARCHIVED = "already archived"
CONDITIONAL_ROLES = {"feed", "listing", "api"}


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest form warcio writes (sha1, base32)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


@dataclass(frozen=True)
class Fetched:
    """The newest archived observation of one URL."""

    url: str
    date: str
    status: int
    etag: str | None
    last_modified: str | None
    digest: str | None
    file: str | None = None


class CrawlIndex:
    """URL -> newest observation, for one archive folder (shared by all spiders of a run)."""

    _open: dict[Path, CrawlIndex] = {}

    def __init__(self, archive_dir: Path):
        self.archive_dir = archive_dir
        self.path = archive_dir / INDEX_NAME
        archive_dir.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists()
        self.conn = sqlite3.connect(self.path)
        self.pending = 0
        try:
            self._create()
        except sqlite3.DatabaseError:
            log.warning("%s is damaged; rebuilding it from the WARC files", self.path)
            self.conn.close()
            self.path.unlink()
            self.conn = sqlite3.connect(self.path)
            self._create()
            fresh = True
        if fresh:
            self.rebuild()

    @classmethod
    def for_archive(cls, archive_dir: Path) -> CrawlIndex:
        key = archive_dir.resolve()
        if key not in cls._open:
            cls._open[key] = cls(archive_dir)
        return cls._open[key]

    def _create(self) -> None:
        # Derived data: losing the last writes in a crash only means fetching those pages again,
        # so no fsync per page (that would slow the crawl to the disk's pace).
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=OFF")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS fetched (url TEXT PRIMARY KEY, date TEXT NOT NULL, "
            "status INTEGER NOT NULL, etag TEXT, last_modified TEXT, digest TEXT, file TEXT)"
        )
        self.conn.commit()

    def rebuild(self) -> int:
        """Read every WARC file's headers again; returns the number of URLs indexed."""
        files = sorted(self.archive_dir.glob("*.warc.gz")) + sorted(
            self.archive_dir.glob("*.warc.gz.open")
        )
        for path in files:
            try:
                with open(path, "rb") as stream:
                    for record in ArchiveIterator(stream):
                        if record.rec_type != "response" or record.http_headers is None:
                            continue
                        headers = record.http_headers
                        self.record(
                            record.rec_headers.get_header("WARC-Target-URI"),
                            record.rec_headers.get_header("WARC-Date") or "",
                            int(headers.get_statuscode() or 0),
                            headers.get_header("ETag"),
                            headers.get_header("Last-Modified"),
                            record.rec_headers.get_header("WARC-Payload-Digest"),
                            path.name.removesuffix(".open"),
                            commit=False,
                        )
            except Exception as exc:  # a torn tail: what came before it is indexed
                log.warning("%s: archive ends early while indexing (%s)", path.name, exc)
        self.conn.commit()
        return self.conn.execute("SELECT count(*) FROM fetched").fetchone()[0]

    def get(self, url: str) -> Fetched | None:
        """The newest observation whose WARC file is still in the archive."""
        row = self.conn.execute(
            "SELECT url, date, status, etag, last_modified, digest, file FROM fetched "
            "WHERE url = ?",
            (canonicalize_url(url),),
        ).fetchone()
        if row is None:
            return None
        known = Fetched(*row)
        if known.file and not self.holds(known.file):
            return None  # its file was removed (or replaced, as the demo does): fetch again
        return known

    def holds(self, name: str) -> bool:
        folder = self.archive_dir
        return (folder / name).exists() or (folder / f"{name}.open").exists()

    def record(
        self,
        url: str,
        date: str,
        status: int,
        etag: str | None,
        last_modified: str | None,
        digest: str | None,
        file: str | None = None,
        commit: bool = True,
    ) -> None:
        """Keep the newest observation; a failed fetch never hides an earlier good copy."""
        key = canonicalize_url(url)
        known = self.get(key)
        if known is not None and (known.date > date or (known.status == 200 and status != 200)):
            return
        self.conn.execute(
            "INSERT OR REPLACE INTO fetched VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, date, status, etag, last_modified, digest, file),
        )
        self.pending += 1
        if commit and self.pending >= 200:
            self.commit()

    def commit(self) -> None:
        self.conn.commit()
        self.pending = 0

    def touch(self, url: str, date: str) -> None:
        """A revisit: same content, seen again at `date`."""
        self.conn.execute(
            "UPDATE fetched SET date = max(date, ?) WHERE url = ?", (date, canonicalize_url(url))
        )
        self.pending += 1


class IncrementalMiddleware:
    """Downloader middleware: conditional GET for feeds, no second fetch of archived articles."""

    def __init__(self, index: CrawlIndex, stats: Any):
        self.index = index
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> IncrementalMiddleware:
        settings = crawler.settings
        archive_dir = settings.get("BANTRACKER_ARCHIVE_DIR")
        if not archive_dir or not settings.getbool("BANTRACKER_INCREMENTAL", True):
            raise NotConfigured  # without a message: being off is normal, not worth a warning
        return cls(CrawlIndex.for_archive(Path(archive_dir)), crawler.stats)

    def process_request(self, request: Request) -> None:
        role = request.meta.get("role")
        if role not in CONDITIONAL_ROLES and role != "article":
            return None
        known = self.index.get(request.url)
        if known is None or known.status != 200:
            return None
        request.meta["archived"] = known
        if role == "article":
            listed = request.meta.get("listed_date")
            if not listed or listed <= known.date[: len(listed)]:
                self.stats.inc_value("bantracker/already_archived")
                raise IgnoreRequest(ALREADY_ARCHIVED)
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag.encode("latin-1"))
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified.encode("latin-1"))
        return None
