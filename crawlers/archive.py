"""WARC archive writer: every response is stored before any spider callback sees it.

One gzipped WARC file per spider and run. The file is written as `<name>.warc.gz.open` and
renamed when the spider closes, so a crash leaves a file whose complete records are all
readable (each record is its own gzip member, flushed as soon as it is written).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.http import Request, Response
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawlers.incremental import CrawlIndex, payload_digest

log = logging.getLogger(__name__)

SOURCE_HEADER = "X-Bantracker-Source"
ROLE_HEADER = "X-Bantracker-Role"
RUN_HEADER = "X-Bantracker-Run"
# Headers that describe the transfer, not the payload: the body we store is already de-chunked.
DROP_HEADERS = {"transfer-encoding"}
NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
IDENTICAL = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"


def warc_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def status_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def default_clock() -> datetime:
    return datetime.now(UTC)


def unused_name(path: Path) -> Path:
    """`path`, or `path` with a counter when a file of that name (finished or still open) is
    already there: two runs started within the same second must never overwrite each other's
    archive."""
    stem = path.name.removesuffix(".warc.gz")
    candidate, number = path, 1
    while candidate.exists() or candidate.with_name(candidate.name + ".open").exists():
        candidate = path.with_name(f"{stem}-{number}.warc.gz")
        number += 1
    return candidate


class WarcFile:
    """An open WARC file that is only published under its final name when closed."""

    def __init__(self, final_path: Path, software: str, run_id: str):
        final_path = unused_name(final_path)
        self.final_path = final_path
        self.open_path = final_path.with_name(final_path.name + ".open")
        final_path.parent.mkdir(parents=True, exist_ok=True)
        self.stream = open(self.open_path, "wb")  # noqa: SIM115 - closed in close()
        self.writer = WARCWriter(self.stream, gzip=True)
        self.run_id = run_id
        self.records = 0
        info = self.writer.create_warcinfo_record(
            final_path.name, {"software": software, "format": "WARC File Format 1.1"}
        )
        self.writer.write_record(info)
        self.stream.flush()

    def write_response(
        self,
        url: str,
        status: int,
        reason: str,
        headers: list[tuple[str, str]],
        body: bytes,
        observed: str,
        extra: dict[str, str],
    ) -> None:
        http_headers = StatusAndHeaders(
            f"{status} {reason}".strip(), headers, protocol="HTTP/1.1", is_http_request=False
        )
        warc_headers = {"WARC-Date": observed, **extra}
        record = self.writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        self._write(record)

    def write_revisit(
        self,
        url: str,
        status: int,
        reason: str,
        headers: list[tuple[str, str]],
        observed: str,
        refers_to: tuple[str, str | None],
        profile: str,
        extra: dict[str, str],
    ) -> None:
        """Seen again, not stored again: a revisit record pointing at the archived copy."""
        http_headers = StatusAndHeaders(
            f"{status} {reason}".strip(), headers, protocol="HTTP/1.1", is_http_request=False
        )
        refers_date, digest = refers_to
        record = self.writer.create_revisit_record(
            url,
            digest or "",
            url,
            refers_date,
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": observed, **extra},
        )
        record.rec_headers.replace_header("WARC-Profile", profile)
        self._write(record)

    def write_resource(
        self, url: str, content_type: str, body: bytes, observed: str, extra: dict[str, str]
    ) -> None:
        """A local file (bantracker ingest FILE): a WARC resource record, no HTTP exchange."""
        record = self.writer.create_warc_record(
            url,
            "resource",
            payload=BytesIO(body),
            length=len(body),
            warc_content_type=content_type,
            warc_headers_dict={"WARC-Date": observed, **extra},
        )
        self._write(record)

    def _write(self, record) -> None:
        """Flushed at once: a crash loses at most the record being written."""
        self.writer.write_record(record)
        self.stream.flush()
        self.records += 1

    def close(self) -> None:
        self.stream.close()
        self.open_path.replace(self.final_path)


def response_headers(response: Response) -> list[tuple[str, str]]:
    pairs = []
    for key, values in response.headers.items():
        name = key.decode("latin-1")
        if name.lower() in DROP_HEADERS:
            continue
        for value in values:
            pairs.append((name, value.decode("latin-1")))
    return pairs


class WarcArchiveMiddleware:
    """Downloader middleware writing each received response to the spider's WARC file."""

    def __init__(self, archive_dir: str | None, run_id: str, clock: Callable[[], datetime]):
        self.archive_dir = Path(archive_dir) if archive_dir else None
        self.run_id = run_id
        self.clock = clock
        self.files: dict[str, WarcFile] = {}
        self.index: CrawlIndex | None = None
        self.crawler: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> WarcArchiveMiddleware:
        settings = crawler.settings
        clock = settings.get("BANTRACKER_CLOCK") or default_clock
        run_id = settings.get("BANTRACKER_RUN_ID") or warc_date(clock()).replace(":", "")
        mw = cls(settings.get("BANTRACKER_ARCHIVE_DIR"), run_id, clock)
        mw.crawler = crawler
        if mw.archive_dir is not None and settings.getbool("BANTRACKER_INCREMENTAL", True):
            mw.index = CrawlIndex.for_archive(mw.archive_dir)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def file_for(self, spider: Any) -> WarcFile | None:
        if self.archive_dir is None:
            return None
        if spider.name not in self.files:
            path = self.archive_dir / f"{self.run_id}-{spider.name}.warc.gz"
            self.files[spider.name] = WarcFile(path, "bantracker", self.run_id)
        return self.files[spider.name]

    def process_response(self, request: Request, response: Response) -> Response:
        spider = self.crawler.spider
        if request.meta.get("replay_miss"):
            return response
        warc = self.file_for(spider)
        if warc is None:
            return response
        observed = request.meta.get("warc_date") or warc_date(self.clock())
        role = request.meta.get("role") or (
            "robots" if response.url.endswith("/robots.txt") else "page"
        )
        extra = {
            SOURCE_HEADER: getattr(spider, "source_id", spider.name),
            ROLE_HEADER: role,
            RUN_HEADER: self.run_id,
        }
        reason = status_phrase(response.status)
        headers = response_headers(response)
        known = request.meta.get("archived")
        digest = payload_digest(response.body)
        if known is not None and (response.status == 304 or digest == known.digest):
            profile = NOT_MODIFIED if response.status == 304 else IDENTICAL
            warc.write_revisit(
                response.url,
                response.status,
                reason,
                headers,
                observed,
                (known.date, known.digest),
                profile,
                extra,
            )
            spider.crawler.stats.inc_value("bantracker/revisits")
            request.meta["revisit"] = True  # the spider counts it as unchanged, not as new
            if self.index is not None:
                self.index.touch(response.url, observed)
            return response
        warc.write_response(
            response.url, response.status, reason, headers, response.body, observed, extra
        )
        spider.crawler.stats.inc_value("bantracker/archived")
        if self.index is not None:
            self.index.record(
                response.url,
                observed,
                response.status,
                response.headers.get("ETag", b"").decode("latin-1") or None,
                response.headers.get("Last-Modified", b"").decode("latin-1") or None,
                digest,
                warc.final_path.name,
            )
        return response

    def spider_closed(self, spider: Any) -> None:
        if self.index is not None:
            self.index.commit()
        warc = self.files.pop(spider.name, None)
        if warc is not None:
            warc.close()
            log.info("archived %d responses to %s", warc.records, warc.final_path)
