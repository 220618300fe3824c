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


def write_public(work_db: Path, public_db: Path) -> Path:
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
    db["documents"].disable_fts()
    db["measures"].disable_fts()
    db["documents"].transform(drop={"text"})
    enable_search(db, full_text=False)
    db.execute("VACUUM")
    check_database(db, previous=Database(public_db) if public_db.exists() else None)
    db.close()
    return tmp
