"""The run log and the change log: what each run fetched, and how the timeline changed.

Both are append-only JSON-lines files beside the archive (`data/runs.jsonl`,
`data/changes.jsonl`), because they record history that a rebuild cannot recompute: the
archive says what was fetched, not what the published database looked like before. Each build
copies them into the `runs`, `run_sources` and `changes` tables.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

# Measure fields whose change is reported (and feeds the Atom feed and the delta export).
TRACKED = [
    "action",
    "status",
    "products",
    "scope",
    "rationales",
    "jurisdiction_id",
    "first_event_date",
    "last_event_date",
    "source_count",
    "summary",
]


@dataclass
class SourceFigures:
    source_id: str
    requests: int = 0
    responses: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    unchanged: int = 0
    errors: int = 0
    duration_s: float = 0.0
    warning: str | None = None


@dataclass
class Run:
    run_id: str
    kind: str  # update | crawl | build | demo | ingest
    started: str
    finished: str | None = None
    # running | published | published_with_warnings | crawled | crawled_with_warnings | failed
    status: str = "running"
    exit_code: int | None = None
    sources: list[SourceFigures] = field(default_factory=list)
    documents_new: int = 0
    documents_changed: int = 0
    measures_new: int = 0
    measures_changed: int = 0
    measures_lifted: int = 0
    message: str | None = None


def append_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        handle.flush()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Lines that do not parse (a write cut by a crash) are skipped."""
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue
    return rows


def log_run(path: Path, run: Run) -> None:
    append_jsonl(path, [asdict(run)])


def latest_runs(path: Path) -> dict[str, dict[str, Any]]:
    """The last record of each run (a run is logged when it starts and when it ends)."""
    runs: dict[str, dict[str, Any]] = {}
    for row in read_jsonl(path):
        runs[row["run_id"]] = row
    return runs


def _measures(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    conn.row_factory = sqlite3.Row
    columns = ", ".join(["id", *TRACKED])
    return {r["id"]: dict(r) for r in conn.execute(f"SELECT {columns} FROM measures")}


def _documents(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT id, content_hash FROM documents").fetchall())


def diff(
    previous_public: Path, new_db: Database, run_id: str, at: str
) -> tuple[list[dict], dict[str, int]]:
    """Changes of measures between the published database and the new one, plus counts."""
    new_conn = new_db.conn
    new_measures = _measures(new_conn)
    new_docs = _documents(new_conn)
    new_conn.row_factory = None
    if previous_public.exists():
        with sqlite3.connect(f"file:{previous_public}?mode=ro", uri=True) as old_conn:
            old_measures = _measures(old_conn)
            old_docs = _documents(old_conn)
    else:
        old_measures, old_docs = {}, {}
    changes: list[dict] = []

    def change(measure_id: str, kind: str, name: str | None, old: Any, new: Any) -> None:
        key = f"{run_id}|{measure_id}|{kind}|{name}"
        changes.append(
            {
                "id": hashlib.sha256(key.encode()).hexdigest()[:16],
                "run_id": run_id,
                "at": at,
                "measure_id": measure_id,
                "change": kind,
                "field": name,
                "old_value": None if old is None else str(old),
                "new_value": None if new is None else str(new),
            }
        )

    counts = {"measures_new": 0, "measures_changed": 0, "measures_lifted": 0}
    for measure_id, row in sorted(new_measures.items()):
        before = old_measures.get(measure_id)
        if before is None:
            change(measure_id, "added", None, None, row["summary"])
            counts["measures_new"] += 1
            continue
        changed = False
        for name in TRACKED:
            if before[name] != row[name]:
                changed = True
                kind = "lifted" if name == "status" and row[name] == "lifted" else "changed"
                change(measure_id, kind, name, before[name], row[name])
                counts["measures_lifted"] += kind == "lifted"
        counts["measures_changed"] += changed
    for measure_id in sorted(set(old_measures) - set(new_measures)):
        change(measure_id, "removed", None, old_measures[measure_id]["summary"], None)
    counts["documents_new"] = len(set(new_docs) - set(old_docs))
    counts["documents_changed"] = sum(
        1
        for doc_id, digest in new_docs.items()
        if doc_id in old_docs and old_docs[doc_id] != digest
    )
    return changes, counts


def write_history_tables(
    db: Database, runs: dict[str, dict[str, Any]], changes: list[dict]
) -> None:
    """Tables created by the schema migrations (db/schema.py) are filled from the logs."""
    run_rows, source_rows = [], []
    for run in runs.values():
        sources = run.get("sources") or []
        run_rows.append(
            {k: v for k, v in run.items() if k != "sources"} | {"source_count": len(sources)}
        )
        for figures in sources:
            source_rows.append(
                {
                    "run_id": run["run_id"],
                    **figures,
                    "by_status": json.dumps(figures.get("by_status") or {}),
                }
            )
    db["runs"].insert_all(run_rows, replace=True)
    db["run_sources"].insert_all(source_rows, replace=True)
    db["changes"].insert_all(changes, replace=True)
