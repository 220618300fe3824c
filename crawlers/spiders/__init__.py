"""Generic spiders; each source YAML picks one by its `spider` key."""

from __future__ import annotations

from crawlers.spiders.base import SourceSpider
from crawlers.spiders.feed import FeedSpider
from crawlers.spiders.gdelt import GdeltSpider
from crawlers.spiders.howtheyvote import HowTheyVoteSpider
from crawlers.spiders.listing import ListingSpider
from crawlers.spiders.lokaalbeslist import LokaalBeslistSpider
from crawlers.spiders.manual import ManualSpider

SPIDER_CLASSES: dict[str, type[SourceSpider]] = {
    "feed": FeedSpider,
    "listing": ListingSpider,
    "lokaalbeslist": LokaalBeslistSpider,
    "howtheyvote": HowTheyVoteSpider,
    "gdelt": GdeltSpider,
    "manual": ManualSpider,
}

HTTP2_HANDLER = "scrapy.core.downloader.handlers.http2.H2DownloadHandler"

__all__ = ["SPIDER_CLASSES", "SourceSpider", "spider_class_for"]


def spider_class_for(source) -> type[SourceSpider]:
    """A spider class named after the source, so `scrapy crawl <source id>` works."""
    base = SPIDER_CLASSES[source.spider]
    crawl = source.raw.get("crawl") or {}
    custom = {}
    if "delay" in crawl:
        custom["DOWNLOAD_DELAY"] = crawl["delay"]
    if "concurrency" in crawl:
        custom["CONCURRENT_REQUESTS_PER_DOMAIN"] = crawl["concurrency"]
    if "autothrottle" in crawl:
        custom["AUTOTHROTTLE_ENABLED"] = crawl["autothrottle"]
    if "timeout" in crawl:
        custom["DOWNLOAD_TIMEOUT"] = crawl["timeout"]
    if "max_size_mb" in crawl:
        custom["DOWNLOAD_MAXSIZE"] = int(crawl["max_size_mb"] * 1024 * 1024)
    if crawl.get("http2"):
        # Scrapy's HTTP/2 handler needs the server to offer h2 over TLS (no h2c, no proxies),
        # so it is declared per source, for hosts known to speak it.
        custom["DOWNLOAD_HANDLERS"] = {"https": HTTP2_HANDLER}
    attributes = {"name": source.id, "source": source, "custom_settings": custom}
    return type(f"{base.__name__}_{source.id}", (base,), attributes)
