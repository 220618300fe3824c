"""The scheduled job: crawl what is due, rebuild, check, publish atomically, log the run.

Run from cron or a systemd timer. A lock keeps two updates from running at once; the exit code
tells the scheduler what happened:

    0   published, every source delivered what its assertions ask
    2   published, but some sources returned nothing or too little (named on stderr)
    1   nothing published (the crawl or the build failed, or the checks refused the result)
    75  refused: another update holds the lock
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from bantracker.config import REVIEWS_DIR, DataPaths
from bantracker.sources import Source
from db.history import Run, SourceFigures, latest_runs, log_run

EXIT_OK = 0
EXIT_NOTHING_PUBLISHED = 1
EXIT_SOURCE_WARNINGS = 2
EXIT_LOCKED = 75


class Locked(RuntimeError):
    """Another update is running."""


@dataclass
class UpdateLock:
    handle: IO[str]

    def release(self) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def acquire_lock(path: Path, started: str) -> UpdateLock:
    """An advisory lock the kernel releases if the process dies, so a killed update never
    blocks the next one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise Locked(f"another update is running ({holder}); lock: {path}") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()} since {started}\n")
    handle.flush()
    return UpdateLock(handle)


def due_sources(sources: list[Source], runs_log: Path, now: datetime) -> list[Source]:
    """Sources whose schedule says they are due, from the last run that got answers from them."""
    last: dict[str, datetime] = {}
    for run in latest_runs(runs_log).values():
        if not str(run.get("status", "")).startswith("published"):
            continue
        started = datetime.fromisoformat(run["started"])
        for figures in run.get("sources") or []:
            if figures.get("responses"):
                last[figures["source_id"]] = max(last.get(figures["source_id"], started), started)
    slack = timedelta(minutes=5)  # a timer that fires a little early still counts
    return [
        s
        for s in sources
        if s.id not in last or now - last[s.id] + slack >= timedelta(hours=s.schedule_hours)
    ]


def figures_of(result: Any) -> SourceFigures:
    """A crawl's SourceRun as the figures the run log keeps."""
    return SourceFigures(
        source_id=result.source_id,
        requests=result.requests,
        responses=result.responses,
        by_status={str(k): v for k, v in result.by_status.items()},
        documents=result.articles,
        unchanged=result.skipped + result.not_modified,
        errors=result.errors,
        duration_s=round(result.duration_s, 3),
    )


def source_warning(source: Source, figures: SourceFigures, finished: bool = True) -> str | None:
    """Why a source's run needs an operator's look, by name and with its figures; None if fine.

    Articles skipped because the archive has them, and feeds answered 304, count as delivered:
    an unchanged source is not a broken one."""
    if source.best_effort:
        return None  # discovery (GDELT): helpful when it answers, never a reason to alarm
    if not finished:
        return f"{source.id}: the spider did not finish ({figures.requests} requests)"
    if figures.requests == 0 and source.min_documents == 0:
        return None  # nothing to fetch on a schedule (the manual source), nothing asked
    if figures.responses == 0 and figures.unchanged == 0:
        return f"{source.id}: no responses at all ({figures.requests} requests)"
    if figures.documents + figures.unchanged < source.min_documents:
        return (
            f"{source.id}: {figures.documents} documents, fewer than the "
            f"{source.min_documents} its assertions ask"
        )
    if figures.errors and figures.errors >= max(1, figures.requests // 2):
        return f"{source.id}: {figures.errors} errors in {figures.requests} requests"
    return None


def run_update(
    paths: DataPaths,
    sources: list[Source],
    all_declared: dict[str, Source],
    now: Callable[[], datetime],
    crawl: Callable[[list[Source], str], list],
    echo: Callable[[str], None],
    force_all: bool = False,
    kind: str = "update",
) -> int:
    started = now()
    run_id = started.strftime("%Y%m%dT%H%M%SZ")
    try:
        lock = acquire_lock(paths.lock, started.isoformat())
    except Locked as exc:
        echo(f"error: {exc}")
        return EXIT_LOCKED
    run = Run(run_id=run_id, kind=kind, started=started.isoformat())
    try:
        due = sources if force_all else due_sources(sources, paths.runs_log, started)
        echo(f"update {run_id}: {len(due)} of {len(sources)} sources due")
        log_run(paths.runs_log, run)
        warnings = []
        if due:
            for result in crawl(due, run_id):
                figures = figures_of(result)
                figures.warning = source_warning(all_declared[result.source_id], figures, result.ok)
                if figures.warning:
                    warnings.append(figures.warning)
                run.sources.append(figures)
        from db.build import build
        from db.checks import CheckFailed

        try:
            report = build(
                paths.archive,
                paths.work_db,
                paths.public_db,
                all_declared,
                started.date(),
                cache_path=paths.cache_db,
                reviews_dir=REVIEWS_DIR,
                progress=lambda message: echo(f"build: {message}"),
                run=run,
                history_dir=paths.root,
            )
        except CheckFailed as exc:
            run.status, run.exit_code, run.message = "failed", EXIT_NOTHING_PUBLISHED, str(exc)
            echo(f"error: the new database failed its checks, nothing was published: {exc}")
            return EXIT_NOTHING_PUBLISHED
        for warning in warnings:
            echo(f"warning: {warning}")
        run.exit_code = EXIT_SOURCE_WARNINGS if warnings else EXIT_OK
        run.status = "published_with_warnings" if warnings else "published"
        echo(
            f"published {paths.public_db}: {report.measures} measures, {report.events} events; "
            f"{run.documents_new} new and {run.documents_changed} changed documents, "
            f"{run.measures_new} new and {run.measures_changed} changed measures "
            f"(extraction cache: {report.cache_hits} hits, {report.cache_misses} misses)"
        )
        return run.exit_code
    except Exception as exc:
        run.status, run.exit_code, run.message = "failed", EXIT_NOTHING_PUBLISHED, repr(exc)
        raise
    finally:
        run.finished = now().isoformat()
        log_run(paths.runs_log, run)
        lock.release()
