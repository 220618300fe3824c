"""Scrapy spider loader that makes every source declaration a spider named by its id."""

from __future__ import annotations

from typing import Any

from bantracker.sources import load_sources
from crawlers.spiders import spider_class_for


class SourceSpiderLoader:
    """Implements Scrapy's SpiderLoaderProtocol (from_settings, load, list, find_by_request)."""

    def __init__(self, settings: Any = None):
        self._spiders = {sid: spider_class_for(src) for sid, src in load_sources().items()}

    @classmethod
    def from_settings(cls, settings: Any) -> SourceSpiderLoader:
        return cls(settings)

    def load(self, spider_name: str) -> type:
        try:
            return self._spiders[spider_name]
        except KeyError:
            raise KeyError(f"Spider not found: {spider_name}") from None

    def list(self) -> list[str]:
        return sorted(self._spiders)

    def find_by_request(self, request: Any) -> list[str]:
        return [name for name, cls in self._spiders.items() if cls.source.allows(request.url)]
