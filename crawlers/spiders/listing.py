"""HTML listing pages (a news index with teasers and a pager)."""

from __future__ import annotations

from collections.abc import Iterator

from scrapy.http import Request, Response

from crawlers.spiders.base import SourceSpider


class ListingSpider(SourceSpider):
    def start_requests(self) -> Iterator[Request]:
        for url in self.source.start_urls:
            yield self.request(url, "listing", self.parse_listing, page=1)

    def parse_listing(self, response: Response) -> Iterator[Request]:
        listing = self.source.raw["listing"]
        if response.status != 200:
            self.logger.warning(
                "%s: listing %s answered HTTP %s", self.source_id, response.url, response.status
            )
            return
        links = response.css(listing["links"]).getall()
        if not links:
            self.logger.warning("%s: listing %s has no article links", self.source_id, response.url)
        for link in links:
            request = self.follow_article(response, link)
            if request is not None:
                yield request
        page = response.meta.get("page", 1)
        next_link = response.css(listing["next"]).get() if listing.get("next") else None
        if next_link and page < listing.get("max_pages", 1):
            yield self.request(
                response.urljoin(next_link), "listing", self.parse_listing, page=page + 1
            )
