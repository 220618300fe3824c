"""RSS 2.0 and Atom feeds: follow each item's link that the source allows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from parsel import Selector
from scrapy.http import Request, Response

from crawlers.spiders.base import SourceSpider

LINK_TEXT = re.compile(r"<link>\s*(?:<!\[CDATA\[)?\s*(https?://[^<\]\s]+)", re.I)
LINK_HREF = re.compile(r"<link[^>]*\bhref=[\"'](https?://[^\"']+)[\"']", re.I)


def xml_problem(body: bytes) -> str | None:
    """Why a feed is not well-formed XML, or None; the spider still reads what it can."""
    try:
        etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return str(exc).split("\n")[0][:120]
    return None


def feed_items(body: str) -> list[tuple[str, str]]:
    """(link, title+summary) per item; lxml's recovering parser copes with most broken feeds."""
    selector = Selector(text=body, type="xml")
    selector.remove_namespaces()
    items = []
    for node in selector.xpath("//item | //entry"):
        link = node.xpath("link/text()").get() or ""
        if not link.strip():
            link = (
                node.xpath("link[@rel='alternate']/@href").get()
                or node.xpath("link[not(@rel)]/@href").get()
                or node.xpath("guid[not(@isPermaLink='false')]/text()").get()
                or ""
            )
        text = " ".join(
            node.xpath("title//text() | description//text() | summary//text()").getall()
        )
        if link.strip():
            items.append((link.strip(), text))
    return items


class FeedSpider(SourceSpider):
    def start_requests(self) -> Iterator[Request]:
        for url in self.source.start_urls:
            yield self.request(url, "feed", self.parse_feed)

    def parse_feed(self, response: Response) -> Iterator[Request | dict[str, Any]]:
        if response.status != 200:
            self.logger.warning(
                "%s: feed %s answered HTTP %s", self.source_id, response.url, response.status
            )
            return
        body = (
            response.text if hasattr(response, "text") else response.body.decode("utf-8", "replace")
        )
        items = feed_items(body)
        problem = xml_problem(response.body)
        if problem and items:
            self.logger.warning(
                "%s: feed %s is malformed (%s); %d links recovered",
                self.source_id,
                response.url,
                problem,
                len(items),
            )
        if not items:
            # A feed the XML parser cannot read at all: fall back to the link tags themselves.
            links = LINK_TEXT.findall(body) + LINK_HREF.findall(body)
            items = [(link, "") for link in links if link.rstrip("/") != self.source.start_urls[0]]
            self.logger.warning(
                "%s: feed %s is malformed or empty; %d links recovered by pattern",
                self.source_id,
                response.url,
                len(items),
            )
        keywords = [k.lower() for k in self.source.keywords]
        for link, text in items:
            if keywords and not any(k in text.lower() for k in keywords):
                self.crawler.stats.inc_value("bantracker/links_off_topic")
                continue
            request = self.follow_article(response, link)
            if request is not None:
                yield request
