"""Replay: answer requests from WARC files instead of the network.

This is how the demo and the tests crawl offline, through the real spiders and middlewares: a
request whose URL is in the replayed archives gets the archived response (the newest record for
that URL), with its original WARC-Date carried along as the observation time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.http.response.html import HtmlResponse
from scrapy.http.response.xml import XmlResponse
from scrapy.responsetypes import responsetypes
from w3lib.url import canonicalize_url
from warcio.archiveiterator import ArchiveIterator

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stored:
    path: Path
    offset: int
    date: str


def index_warcs(paths: list[Path]) -> dict[str, Stored]:
    """Canonical URL -> newest response record, across all files."""
    index: dict[str, Stored] = {}
    for path in paths:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = record.rec_headers.get_header("WARC-Date") or ""
                key = canonicalize_url(url)
                offset = records.get_record_offset()
                known = index.get(key)
                if known is None or date >= known.date:
                    index[key] = Stored(path, offset, date)
    return index


def read_stored(stored: Stored) -> tuple[int, list[tuple[str, str]], bytes]:
    with open(stored.path, "rb") as stream:
        stream.seek(stored.offset)
        record = next(iter(ArchiveIterator(stream)))
        status = int(record.http_headers.get_statuscode())
        headers = list(record.http_headers.headers)
        body = record.raw_stream.read()
    return status, headers, body


class WarcReplayMiddleware:
    """Downloader middleware; enabled only when BANTRACKER_REPLAY names WARC files."""

    def __init__(self, paths: list[Path]):
        self.index = index_warcs(paths)
        log.info("replaying %d URLs from %d WARC files", len(self.index), len(paths))

    @classmethod
    def from_crawler(cls, crawler: Any) -> WarcReplayMiddleware:
        paths = [Path(p) for p in crawler.settings.getlist("BANTRACKER_REPLAY")]
        if not paths:
            raise NotConfigured
        return cls(paths)

    def process_request(self, request: Request) -> Response | None:
        stored = self.index.get(canonicalize_url(request.url))
        if stored is None:
            if request.url.endswith("/robots.txt"):
                request.meta["replay_miss"] = True
                return Response(request.url, status=404, request=request)
            log.warning("not in the replayed archive: %s", request.url)
            raise IgnoreRequest(f"not in the replayed archive: {request.url}")
        status, headers, body = read_stored(stored)
        request.meta["warc_date"] = stored.date
        header_map: dict[str, list[str]] = {}
        for name, value in headers:
            header_map.setdefault(name, []).append(value)
        cls = responsetypes.from_args(
            headers={k: v[0] for k, v in header_map.items()}, url=request.url, body=body
        )
        if cls not in (HtmlResponse, XmlResponse) and not issubclass(cls, Response):
            cls = Response
        return cls(url=request.url, status=status, headers=header_map, body=body, request=request)
