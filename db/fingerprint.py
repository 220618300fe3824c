"""What a build depends on, told without reading the archive or importing the extractor.

Kept apart from db/build.py so that `bantracker build` with nothing new answers at once,
without loading trafilatura, the gazetteer and the lexicons (most of a no-op's time).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from db.archive_reader import archive_files

DB_DIR = Path(__file__).resolve().parent


def code_version() -> str:
    """Changes whenever the extractor, its lexicons or reference data change. Every module of
    the db package counts: documents and claims depend on dates, text, reference, language and
    decoding, and a cached extraction from older code must never survive a change there."""
    digest = hashlib.sha256()
    for path in sorted(DB_DIR.glob("*.py")):
        digest.update(path.read_bytes())
    for directory in (DB_DIR / "lexicon", DB_DIR / "reference"):
        for path in sorted(directory.glob("*.yml")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def inputs_fingerprint(
    archive_dir: Path,
    public_db: Path,
    sources: dict[str, Any],
    as_of: date,
    reviews_dir: Path | None,
) -> str:
    """Everything a build depends on, without reading the archive: its files' names, sizes and
    modification times, the code and lexicons, the declarations, the reviews and the date."""
    digest = hashlib.sha256()
    digest.update(f"{code_version()}|{public_db.resolve()}|{as_of}".encode())
    for path in archive_files(archive_dir):
        stat = path.stat()
        digest.update(f"{path.name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for source in sorted(sources):
        digest.update(json.dumps(sources[source].raw, sort_keys=True, default=str).encode())
    if reviews_dir is not None:
        for path in sorted(reviews_dir.glob("*.yml")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def stamp_path(work_db: Path) -> Path:
    return work_db.with_name("build.fingerprint")


def unchanged(
    archive_dir: Path,
    work_db: Path,
    public_db: Path,
    sources: dict[str, Any],
    as_of: date,
    reviews_dir: Path | None,
) -> bool:
    """Whether the published databases were built from exactly these inputs."""
    stamp = stamp_path(work_db)
    return (
        work_db.exists()
        and public_db.exists()
        and stamp.exists()
        and stamp.read_text()
        == inputs_fingerprint(archive_dir, public_db, sources, as_of, reviews_dir)
    )
