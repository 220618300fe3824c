"""Politeness and plain reporting around retries and redirects.

Retry-After on 429 and 503 answers is honoured (within reason) instead of retrying at once as
Scrapy's RetryMiddleware would, and redirect loops are reported by URL."""

from __future__ import annotations

import asyncio
import logging
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

log = logging.getLogger(__name__)

MAX_WAIT = 120.0  # a server asking for more than this is treated as down for this run
MAX_TRIES = 3


def retry_after(response: Response) -> float | None:
    value = response.headers.get(b"Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    date_header = response.headers.get(b"Date")
    now = parsedate_to_datetime(date_header.decode("latin-1")) if date_header else None
    return max(0.0, (moment - now).total_seconds()) if now else None


class RetryAfterMiddleware:
    def __init__(self, stats: Any):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        return cls(crawler.stats)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in (429, 503):
            return response
        wait = retry_after(response)
        tries = request.meta.get("retry_after_tries", 0)
        if wait is None or wait > MAX_WAIT or tries >= MAX_TRIES:
            return response  # RetryMiddleware (or the spider's error report) takes it from here
        log.info("%s asked to wait %.0f s (HTTP %s)", request.url, wait, response.status)
        self.stats.inc_value("bantracker/retry_after")
        await asyncio.sleep(wait)
        retry = request.replace(dont_filter=True)
        retry.meta["retry_after_tries"] = tries + 1
        return retry


class RedirectLoopMiddleware:
    """Report a redirect that leads back to a URL already visited in the same chain.

    Without this, Scrapy's duplicate filter drops the looping request silently, and the page
    simply never arrives; here it becomes an error that names the URL.
    """

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (301, 302, 303, 307, 308):
            return response
        location = response.headers.get(b"Location")
        if not location:
            return response
        target = response.urljoin(location.decode("latin-1"))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise IgnoreRequest(f"redirect loop: {' -> '.join([*chain, target])}")
        return response
