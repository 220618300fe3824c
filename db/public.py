"""The public database: the working one without full texts, with quotes cut short.

Publishing facts, links and short quotes (never whole articles) keeps the site on the right
side of copyright; the working database keeps everything for rebuilding and research.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlite_utils import Database

from db.checks import check_database
from db.schema import enable_search
from db.text import truncate_quote

QUOTE_LIMIT = 300


MATERIALIZED = {
    "timeline": [
        "event_date",
        "country_code",
        "action",
        "status",
        "event_type",
        "measure_id",
        "jurisdiction_level",
    ],
    "evidence": ["event_id", "measure_id", "document_id"],
    "measure_spans": ["start_date", "end_date"],
}
KEYS = {
    "timeline": "event_id",
    "evidence": ("event_id", "document_id"),
    "measure_spans": "measure_id",
}
TYPES = {"timeline": {"reviewed": int, "source_count": int}, "evidence": {}, "measure_spans": {}}
LINKS = {
    "timeline": [("measure_id", "measures", "id")],
    "evidence": [("measure_id", "measures", "id"), ("document_id", "documents", "id")],
    "measure_spans": [("measure_id", "measures", "id")],
}


def materialize_views(db: Database) -> None:
    """The public database is read-only, so the researchers' views can be stored as tables
    with indexes: same names and columns, but facets and filters no longer recompute joins."""
    for view, indexed in MATERIALIZED.items():
        db.execute(f"CREATE TABLE {view}_table AS SELECT * FROM {view}")
        db.execute(f"DROP VIEW {view}")
        db.execute(f"ALTER TABLE {view}_table RENAME TO {view}")
        # rows link by their ids, not by rowid; computed columns get their type back
        db[view].transform(pk=KEYS[view], types=TYPES[view], add_foreign_keys=LINKS[view])
        for column in indexed:
            db[view].create_index([column])


def write_public(work_db: Path, public_db: Path, max_drop: float = 0.5) -> Path:
    """Derive the public database from a working one into a temporary file beside `public_db`
    and check it against the published one; the caller renames it into place."""
    tmp = public_db.with_name(public_db.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    shutil.copyfile(work_db, tmp)
    db = Database(tmp)
    with db.conn:
        db.execute("UPDATE documents SET text = NULL")
        for table, column in (("claims", "quote"), ("event_sources", "quote")):
            rows = db.execute(f"SELECT rowid, {column} FROM {table}").fetchall()
            db.conn.executemany(
                f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                [(truncate_quote(value or "", QUOTE_LIMIT), rowid) for rowid, value in rows],
            )
    materialize_views(db)
    db["documents"].disable_fts()
    db["measures"].disable_fts()
    db["documents"].transform(drop={"text"})
    enable_search(db, full_text=False)
    db.execute("VACUUM")
    check_database(
        db, previous=Database(public_db) if public_db.exists() else None, max_drop=max_drop
    )
    db.close()
    return tmp
