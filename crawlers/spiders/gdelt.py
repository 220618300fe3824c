"""GDELT DOC 2.0 API: article lists for keyword queries in several languages (discovery).

GDELT finds coverage in outlets we do not crawl; the spider asks for the article list of each
query and follows the articles themselves (archived like any page, robots.txt obeyed per host).
It is best effort by design: GDELT rate-limits (one request per 5 seconds is asked), sometimes
answers with a plain-text message instead of JSON, and lists pages that have gone. None of this
fails the run; it is logged by URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from scrapy.http import Request, Response

from crawlers.spiders.base import SourceSpider

GDELT_LANGUAGES = {"dutch": "nl", "french": "fr", "english": "en", "german": "de"}


def seen_date(value: str | None) -> str | None:
    """GDELT's '20250911T120000Z' as ISO 8601."""
    if not value or len(value) < 15:
        return None
    return f"{value[0:4]}-{value[4:6]}-{value[6:8]}T{value[9:11]}:{value[11:13]}:{value[13:15]}Z"


class GdeltSpider(SourceSpider):
    def start_requests(self) -> Iterator[Request]:
        api = self.source.raw["api"]
        params = {
            "mode": "artlist",
            "format": "json",
            "sort": "datedesc",
            "maxrecords": api.get("page_size", 75),
            **(api.get("params") or {}),
        }
        for query in api["queries"]:
            url = f"{api['url']}?{urlencode({'query': query, **params})}"
            yield self.request(url, "api", self.parse_list, query=query)

    def parse_list(self, response: Response) -> Iterator[Request | dict[str, Any]]:
        api = self.source.raw["api"]
        wanted = {lang.lower() for lang in api.get("languages") or GDELT_LANGUAGES}
        try:
            articles = json.loads(response.body or b"{}").get("articles") or []
        except (ValueError, AttributeError):
            text = response.body[:120].decode("utf-8", "replace").strip()
            self.logger.warning(
                "%s: GDELT answered %s with no JSON (%r); skipped",
                self.source_id,
                response.url,
                text,
            )
            return
        for article in articles:
            language = str(article.get("language") or "").lower()
            if language not in wanted:
                self.crawler.stats.inc_value("bantracker/links_other_language")
                continue
            url = str(article.get("url") or "")
            if not url.startswith(("http://", "https://")):
                continue
            request = self.follow_article(response, url, seen_date(article.get("seendate")))
            if request is not None:
                yield request
