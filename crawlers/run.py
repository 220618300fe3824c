"""Run a crawl of several sources in one Scrapy process and report per-source figures."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from bantracker.sources import Source
from crawlers import settings as default_settings
from crawlers.spiders import spider_class_for


@dataclass
class SourceRun:
    """What one source's spider did in one run."""

    source_id: str
    requests: int
    responses: int
    by_status: dict[int, int]
    articles: int
    archived: int
    errors: int
    finish_reason: str
    duration_s: float = 0.0
    skipped: int = 0  # articles already archived, not fetched again
    not_modified: int = 0  # 304 answers and bodies identical to the archived copy

    @property
    def ok(self) -> bool:
        return self.finish_reason == "finished"


def build_settings(
    archive_dir: Path,
    run_id: str,
    clock: Callable[[], datetime],
    replay: Iterable[Path] = (),
    overrides: dict[str, Any] | None = None,
) -> Settings:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("BANTRACKER_ARCHIVE_DIR", str(archive_dir), priority="cmdline")
    settings.set("BANTRACKER_RUN_ID", run_id, priority="cmdline")
    settings.set("BANTRACKER_CLOCK", clock, priority="cmdline")
    replay = [str(p) for p in replay]
    settings.set("BANTRACKER_REPLAY", replay, priority="cmdline")
    if replay:
        # Nothing goes over the network when replaying, so politeness delays only slow it down.
        settings.set("DOWNLOAD_DELAY", 0, priority="cmdline")
        settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def source_run(source_id: str, stats: dict[str, Any]) -> SourceRun:
    by_status = {
        int(key.rsplit("/", 1)[1]): value
        for key, value in stats.items()
        if key.startswith("downloader/response_status_count/")
    }
    return SourceRun(
        source_id=source_id,
        requests=stats.get("downloader/request_count", 0),
        responses=stats.get("downloader/response_count", 0),
        by_status=by_status,
        articles=stats.get("bantracker/articles", 0),
        skipped=stats.get("bantracker/already_archived", 0),
        not_modified=stats.get("bantracker/revisits", 0),
        archived=stats.get("bantracker/archived", 0),
        errors=stats.get("bantracker/errors", 0) + stats.get("log_count/ERROR", 0),
        finish_reason=str(stats.get("finish_reason", "not started")),
        duration_s=stats.get("elapsed_time_seconds", 0.0) or 0.0,
    )


def run_crawl(
    sources: list[Source],
    archive_dir: Path,
    run_id: str,
    clock: Callable[[], datetime],
    replay: Iterable[Path] = (),
    overrides: dict[str, Any] | None = None,
    since: str | None = None,
) -> list[SourceRun]:
    """Crawl the sources concurrently; blocks until all spiders close. `since` (ISO date) stops
    spiders following items their feed dates earlier.

    Scrapy's reactor cannot be restarted, so call this once per process.
    """
    settings = build_settings(archive_dir, run_id, clock, replay, overrides)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # the CLI owns logging
    process = CrawlerProcess(settings)
    crawlers = []
    for source in sources:
        crawler = process.create_crawler(spider_class_for(source))
        crawlers.append((source.id, crawler))
        process.crawl(crawler, **({"since_date": since} if since else {}))
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL"))
    process.start()
    return [source_run(sid, crawler.stats.get_stats()) for sid, crawler in crawlers]
