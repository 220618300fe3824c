"""RSS 2.0 and Atom feeds: follow each item's link that the source allows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
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


def item_date(value: str | None) -> str | None:
    """An item's RFC 822 (RSS) or ISO 8601 (Atom) date as an ISO string in UTC, or None."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def feed_items(body: str) -> list[tuple[str, str, str | None]]:
    """(link, title+summary, date) per item; lxml's recovering parser copes with most broken
    feeds. The date is the newest the item states (updated over published), so a corrected
    article is fetched again."""
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
        dated = (
            node.xpath("updated/text() | modified/text()").get()
            or node.xpath("pubDate/text() | published/text() | date/text()").get()
        )
        if link.strip():
            items.append((link.strip(), text, item_date(dated)))
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
            items = [
                (link, "", None) for link in links if link.rstrip("/") != self.source.start_urls[0]
            ]
            self.logger.warning(
                "%s: feed %s is malformed or empty; %d links recovered by pattern",
                self.source_id,
                response.url,
                len(items),
            )
        keywords = [k.lower() for k in self.source.keywords]
        for link, text, dated in items:
            if keywords and not any(k in text.lower() for k in keywords):
                self.crawler.stats.inc_value("bantracker/links_off_topic")
                continue
            request = self.follow_article(response, link, dated)
            if request is not None:
                yield request
