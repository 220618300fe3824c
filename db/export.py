"""Exports for researchers: the timeline as CSV, measures as JSON, and a delta since a date."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import IO, Any

from db.schema import TIMELINE_COLUMNS

JSON_COLUMNS = {
    "products",
    "vendors",
    "vendor_countries",
    "scope",
    "rationales",
    "product_ids",
    "officials",
}


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _row(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    for key in JSON_COLUMNS & out.keys():
        if isinstance(out[key], str):
            out[key] = json.loads(out[key])
    return out


def export_csv(path: Path, output: IO[str]) -> None:
    with _connect(path) as conn:
        writer = csv.writer(output)
        writer.writerow(TIMELINE_COLUMNS)
        for row in conn.execute("SELECT * FROM timeline ORDER BY event_date, event_id"):
            writer.writerow([row[c] for c in TIMELINE_COLUMNS])


def measures_document(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> list[dict]:
    measures = []
    for m in conn.execute(f"SELECT * FROM measures {where} ORDER BY first_event_date, id", params):
        measure = _row(m)
        measure.pop("search_text", None)
        measure["events"] = []
        for e in conn.execute(
            "SELECT * FROM events WHERE measure_id = ? ORDER BY event_date, id", (m["id"],)
        ):
            event = dict(e)
            event["evidence"] = [
                dict(r)
                for r in conn.execute(
                    "SELECT document_id, url, source, source_kind, published, language, role, "
                    "quote FROM evidence WHERE event_id = ? ORDER BY published, document_id",
                    (e["id"],),
                )
            ]
            measure["events"].append(event)
        measures.append(measure)
    return measures


def export_json(path: Path, output: IO[str]) -> None:
    with _connect(path) as conn:
        json.dump({"measures": measures_document(conn)}, output, ensure_ascii=False, indent=2)
        output.write("\n")


def export_delta(path: Path, output: IO[str], since: str | None) -> None:
    """What was added, modified or removed after `since`, from the change log."""
    with _connect(path) as conn:
        query = "SELECT * FROM changes" + (" WHERE at > ?" if since else "") + " ORDER BY at, id"
        changes = [dict(r) for r in conn.execute(query, (since,) if since else ())]
        by_kind: dict[str, set[str]] = {"added": set(), "modified": set(), "removed": set()}
        for change in changes:
            kind = {"added": "added", "removed": "removed"}.get(change["change"], "modified")
            by_kind[kind].add(change["measure_id"])
        by_kind["modified"] -= by_kind["added"] | by_kind["removed"]
        current = {m["id"]: m for m in measures_document(conn)}
        delta = {
            "since": since,
            "added": [current[i] for i in sorted(by_kind["added"]) if i in current],
            "modified": [current[i] for i in sorted(by_kind["modified"]) if i in current],
            "removed": sorted(by_kind["removed"]),
            "changes": changes,
        }
        json.dump(delta, output, ensure_ascii=False, indent=2)
        output.write("\n")
