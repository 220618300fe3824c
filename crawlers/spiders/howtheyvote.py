"""HowTheyVote.eu: roll-call votes of the European Parliament's plenary (JSON API).

The search answer lists votes matching each query; the spider then fetches each main vote's
detail answer, which carries the result and the counts. Both answers are archived; the build
turns each detail answer into one document (db/api_documents.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from scrapy.http import Request, Response

from crawlers.spiders.base import SourceSpider


class HowTheyVoteSpider(SourceSpider):
    def start_requests(self) -> Iterator[Request]:
        api = self.source.raw["api"]
        for query in api["queries"]:
            params = {"q": query, "page_size": api.get("page_size", 20), "page": 1}
            yield self.request(f"{api['url']}?{urlencode(params)}", "api", self.parse_search)

    def parse_search(self, response: Response) -> Iterator[Request | dict[str, Any]]:
        api = self.source.raw["api"]
        try:
            results = json.loads(response.body)["results"]
        except (ValueError, KeyError, TypeError) as exc:
            self.logger.warning(
                "%s: %s is not a HowTheyVote answer: %s", self.source_id, response.url, exc
            )
            return
        for vote in results:
            if not vote.get("is_main") or vote.get("id") is None:
                continue  # amendments and procedural votes: the main vote tells the outcome
            if self.since and str(vote.get("timestamp") or "")[:10] < self.since:
                continue
            url = api["detail_url"].format(id=vote["id"])
            yield self.request(url, "api", self.parse_detail)

    def parse_detail(self, response: Response) -> Iterator[dict[str, Any]]:
        if response.status == 200:
            self.crawler.stats.inc_value("bantracker/articles")
            yield {"source": self.source_id, "url": response.url, "role": "api"}
