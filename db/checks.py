"""Checks a freshly built database must pass before it replaces the published one."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from db.schema import EVIDENCE_COLUMNS, TIMELINE_COLUMNS


class CheckFailed(RuntimeError):
    """The new database is not fit to publish; the old one stays in place."""


def check_database(
    db: Database,
    previous: Database | None,
    sources: Any = None,
    report: Any = None,
    max_drop: float = 0.5,
) -> list[str]:
    problems = []
    for view, columns in (("timeline", TIMELINE_COLUMNS), ("evidence", EVIDENCE_COLUMNS)):
        if view not in db.view_names() and view not in db.table_names():
            problems.append(f"view {view} is missing")
            continue
        found = [c.name for c in db[view].columns]
        if found != columns:
            problems.append(f"view {view} has columns {found}, expected {columns}")
    orphan = db.execute(
        "SELECT COUNT(*) FROM measures m WHERE NOT EXISTS (SELECT 1 FROM events e "
        "JOIN event_sources s ON s.event_id = e.id WHERE e.measure_id = m.id)"
    ).fetchone()[0]
    if orphan:
        problems.append(f"{orphan} measures have no sourced event")
    unsourced = db.execute(
        "SELECT COUNT(*) FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM event_sources s WHERE s.event_id = e.id)"
    ).fetchone()[0]
    if unsourced:
        problems.append(f"{unsourced} events have no source")
    if previous is not None:
        for table in ("documents", "measures", "events"):
            if table not in previous.table_names():
                continue
            before, after = previous[table].count, db[table].count
            if before and after < before * (1 - max_drop):
                problems.append(f"{table} dropped from {before} to {after} rows")
    if problems:
        raise CheckFailed("; ".join(problems))
    return problems
