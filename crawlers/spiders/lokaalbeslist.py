"""Lokaal Beslist: keyword searches of Flemish local councils' agenda items (JSON:API).

The answers themselves are the documents (the build turns each agenda item into one), so the
spider fetches result pages only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from scrapy.http import Request, Response

from crawlers.spiders.base import SourceSpider


def search_url(base: str, query: str, page: int, size: int) -> str:
    params = {
        "filter[:sqs:title,description]": query,
        "page[number]": page,
        "page[size]": size,
    }
    return f"{base}?{urlencode(params, safe='[]:,')}"


class LokaalBeslistSpider(SourceSpider):
    def start_requests(self) -> Iterator[Request]:
        api = self.source.raw["api"]
        for query in api["queries"]:
            url = search_url(api["url"], query, 0, api.get("page_size", 20))
            yield self.request(url, "api", self.parse_results, query=query, page=0)

    def parse_results(self, response: Response) -> Iterator[Request | dict[str, Any]]:
        api = self.source.raw["api"]
        try:
            payload = json.loads(response.body)
            items = payload["data"]
        except (ValueError, KeyError, TypeError) as exc:
            self.logger.warning(
                "%s: %s is not a JSON:API answer: %s", self.source_id, response.url, exc
            )
            return
        for item in items:
            self.crawler.stats.inc_value("bantracker/articles")
            yield {
                "source": self.source_id,
                "url": api["item_url"].format(id=item.get("id")),
                "role": "api",
            }
        page = response.meta["page"] + 1
        if (payload.get("links") or {}).get("next") and page < api.get("max_pages", 1):
            url = search_url(api["url"], response.meta["query"], page, api.get("page_size", 20))
            yield self.request(
                url, "api", self.parse_results, query=response.meta["query"], page=page
            )
