"""What every source spider shares: its declaration, the role of each request, error reports."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from bantracker.sources import Source
from crawlers.incremental import ALREADY_ARCHIVED


class SourceSpider(scrapy.Spider):
    """A spider bound to one source declaration.

    Spiders only discover and fetch: heavy parsing happens in the build, from the archive, so a
    parser fix never needs a re-crawl.
    """

    source: ClassVar[Source]

    async def start(self) -> AsyncIterator[Request]:
        """Scrapy >= 2.13 entry point; each spider type says what to fetch first."""
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[Request]:
        return iter(())

    @property
    def source_id(self) -> str:
        return self.source.id

    def request(self, url: str, role: str, callback: Any, **meta: Any) -> Request:
        return Request(
            url,
            callback=callback,
            errback=self.on_error,
            meta={"role": role, **meta},
        )

    def on_error(self, failure: Failure) -> None:
        request = failure.request
        if failure.check(HttpError) and failure.value.response.status == 304:
            self.crawler.stats.inc_value("bantracker/not_modified")
            self.logger.info("%s: %s not modified since the last run", self.source_id, request.url)
            return
        if failure.check(IgnoreRequest) and str(failure.value) == ALREADY_ARCHIVED:
            return  # counted by the incremental middleware; nothing went wrong
        self.crawler.stats.inc_value("bantracker/errors")
        self.logger.warning(
            "%s: fetch failed for %s: %s",
            self.source_id,
            request.url,
            failure.getErrorMessage() or failure.type.__name__,
        )

    def follow_article(
        self, response: Response, url: str, listed_date: str | None = None
    ) -> Request | None:
        """`listed_date` (ISO) is when the linking feed says the item last changed."""
        absolute = response.urljoin(url.strip())
        if not self.source.allows(absolute):
            self.crawler.stats.inc_value("bantracker/links_skipped")
            return None
        if listed_date and self.since and listed_date[:10] < self.since:
            self.crawler.stats.inc_value("bantracker/links_before_since")
            return None
        meta = {"listed_date": listed_date} if listed_date else {}
        return self.request(absolute, "article", self.parse_article, **meta)

    @property
    def since(self) -> str | None:
        """`crawl --since DATE`: items the feed dates before DATE are not followed."""
        return getattr(self, "since_date", None)

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        """Articles are archived by the middleware; here they are only counted."""
        if response.status != 200 or not response.body.strip():
            self.logger.warning(
                "%s: empty or failed article %s (HTTP %s)",
                self.source_id,
                response.url,
                response.status,
            )
            return
        if not response.meta.get("revisit"):
            self.crawler.stats.inc_value("bantracker/articles")
        yield {"source": self.source_id, "url": response.url, "role": "article"}
