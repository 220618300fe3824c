"""Pages given on the command line (`bantracker ingest URL`): fetched as articles."""

from __future__ import annotations

from collections.abc import Iterator

from scrapy.http import Request

from crawlers.spiders.base import SourceSpider


class ManualSpider(SourceSpider):
    def start_requests(self) -> Iterator[Request]:
        for url in self.source.start_urls:
            yield self.request(url, "article", self.parse_article)
