"""Source declarations (`crawlers/sources/<id>.yml`): loaded and validated in one place.

Both the crawlers (which URLs to fetch, how to follow them) and the database build (how
reliable a source is, what kind it is) read these declarations, so the loader sits at the top of
the data flow rather than inside either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from bantracker.config import FAST_LOADER, SOURCES_DIR

KINDS = ["official", "parliament", "public_broadcaster", "newspaper", "wire", "aggregator"]
SPIDERS = ["feed", "listing", "lokaalbeslist", "howtheyvote", "gdelt", "manual"]
ID_PATTERN = r"^[a-z]{2}(_[a-z0-9]+)+$"

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "id",
        "title",
        "publisher",
        "kind",
        "reliability",
        "languages",
        "spider",
        "schedule",
        "licence",
        "assertions",
    ],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "title": {"type": "string", "minLength": 3},
        "publisher": {
            "type": "object",
            "required": ["name", "country", "official"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string"},
                "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                "official": {"type": "boolean"},
            },
        },
        "kind": {"enum": KINDS},
        "reliability": {"enum": ["A", "B", "C", "D", "E"]},
        "languages": {
            "type": "array",
            "minItems": 1,
            "items": {"enum": ["nl", "fr", "en", "de"]},
        },
        "spider": {"enum": SPIDERS},
        "start_urls": {"type": "array", "items": {"type": "string", "pattern": "^https?://"}},
        "jurisdiction": {"type": "string"},
        "follow": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "allow": {"type": "array", "items": {"type": "string"}},
                "keywords": {"type": "array", "items": {"type": "string"}},
            },
        },
        "listing": {
            "type": "object",
            "required": ["links"],
            "additionalProperties": False,
            "properties": {
                "links": {"type": "string"},
                "next": {"type": "string"},
                "max_pages": {"type": "integer", "minimum": 1},
            },
        },
        "api": {
            "type": "object",
            "required": ["url", "queries"],
            "additionalProperties": False,
            "properties": {
                "url": {"type": "string", "pattern": "^https?://"},
                "queries": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                "page_size": {"type": "integer", "minimum": 1},
                "max_pages": {"type": "integer", "minimum": 1},
                "item_url": {"type": "string"},
                "detail_url": {"type": "string"},
                "params": {"type": "object"},
                "languages": {"type": "array", "items": {"type": "string"}},
            },
        },
        "crawl": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "delay": {"type": "number", "minimum": 0},
                "concurrency": {"type": "integer", "minimum": 1, "maximum": 8},
                "autothrottle": {"type": "boolean"},
                "timeout": {"type": "number", "minimum": 1},
                "max_size_mb": {"type": "number", "minimum": 1},
                "http2": {"type": "boolean"},
            },
        },
        "extraction": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"body": {"type": "string"}, "drop": {"type": "array"}},
        },
        "schedule": {"type": "string", "pattern": "^(hourly|daily|weekly|every \\d+ hours)$"},
        "licence": {"type": "string"},
        "assertions": {
            "type": "object",
            "required": ["min_documents"],
            "additionalProperties": False,
            "properties": {
                "min_documents": {"type": "integer", "minimum": 0},
                "best_effort": {"type": "boolean"},
            },
        },
    },
    "allOf": [
        {"if": {"properties": {"spider": {"const": "listing"}}}, "then": {"required": ["listing"]}},
        {
            "if": {"properties": {"spider": {"enum": ["lokaalbeslist", "howtheyvote", "gdelt"]}}},
            "then": {"required": ["api"]},
        },
        {
            "if": {"properties": {"spider": {"enum": ["feed", "listing"]}}},
            "then": {"required": ["start_urls", "follow"]},
        },
    ],
}


@cache
def _validator() -> jsonschema.protocols.Validator:
    """Built once: jsonschema.validate checks the schema itself on every call, which made
    loading thirty declarations take half a second."""
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA)


class SourceError(ValueError):
    """A source declaration that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Source:
    """One declared source. `raw` keeps the whole declaration for spider-specific sections."""

    id: str
    title: str
    kind: str
    reliability: str
    languages: tuple[str, ...]
    spider: str
    official: bool
    publisher: str
    country: str
    schedule: str
    licence: str
    min_documents: int
    best_effort: bool = False  # discovery sources: their failures are reported, never fatal
    start_urls: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def allows(self, url: str) -> bool:
        """Whether an article URL belongs to this source's `follow.allow` patterns."""
        return not self.allow or any(re.search(p, url) for p in self.allow)

    @property
    def schedule_hours(self) -> int:
        if self.schedule == "hourly":
            return 1
        if self.schedule == "daily":
            return 24
        if self.schedule == "weekly":
            return 24 * 7
        return int(self.schedule.split()[1])


def parse_source(data: Any, origin: str) -> Source:
    """Validate one declaration; `origin` names it in errors."""
    try:
        error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
        if error is not None:
            raise error  # the most relevant error, as jsonschema.validate reports it
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top level)"
        raise SourceError(f"{origin}: {where}: {exc.message}") from None
    for pattern in data.get("follow", {}).get("allow", []):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SourceError(f"{origin}: follow/allow: bad pattern {pattern!r}: {exc}") from None
    follow = data.get("follow", {})
    return Source(
        id=data["id"],
        title=data["title"],
        kind=data["kind"],
        reliability=data["reliability"],
        languages=tuple(data["languages"]),
        spider=data["spider"],
        official=data["publisher"]["official"],
        publisher=data["publisher"]["name"],
        country=data["publisher"]["country"],
        schedule=data["schedule"],
        licence=data["licence"],
        min_documents=data["assertions"]["min_documents"],
        best_effort=data["assertions"].get("best_effort", False),
        start_urls=tuple(data.get("start_urls", [])),
        allow=tuple(follow.get("allow", [])),
        keywords=tuple(follow.get("keywords", [])),
        raw=data,
    )


def load_source_file(path: Path) -> Source:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not valid YAML: {exc}") from None
    source = parse_source(data, str(path))
    if source.id != path.stem:
        raise SourceError(f"{path}: id {source.id!r} differs from the file name")
    return source


def load_sources(directory: Path = SOURCES_DIR) -> dict[str, Source]:
    """All declarations, by id, in a stable order."""
    return {s.id: s for s in (load_source_file(p) for p in sorted(directory.glob("*.yml")))}
