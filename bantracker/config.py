"""Where things live: the repository's bundled files and the user's working data directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
# libyaml's safe loader: the same documents as yaml.SafeLoader, read six times faster (the
# gazetteer alone took 0.3 s to read in pure Python, at every start of every command).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SOURCES_DIR = REPO_ROOT / "crawlers" / "sources"
DEMO_PAGES_DIR = REPO_ROOT / "demo" / "pages"
METADATA_FILE = REPO_ROOT / "metadata.yml"
TEMPLATES_DIR = REPO_ROOT / "site" / "templates"
REVIEWS_DIR = REPO_ROOT / "db" / "reviews"


@dataclass(frozen=True)
class DataPaths:
    """The working data of one installation; everything here can be rebuilt from `archive`."""

    root: Path

    @classmethod
    def resolve(cls, data: str | os.PathLike | None = None) -> DataPaths:
        """`--data` wins over BANTRACKER_DATA, which wins over ./data."""
        chosen = data or os.environ.get("BANTRACKER_DATA") or "data"
        return cls(Path(chosen).resolve())

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    @property
    def work_db(self) -> Path:
        return self.root / "work.sqlite"

    @property
    def public_db(self) -> Path:
        return self.root / "public.sqlite"

    @property
    def cache_db(self) -> Path:
        return self.root / "cache.sqlite"

    @property
    def runs_log(self) -> Path:
        return self.root / "runs.jsonl"

    @property
    def lock(self) -> Path:
        return self.root / "update.lock"

    @property
    def demo_warc(self) -> Path:
        return self.root / "demo" / "demo.warc.gz"

    def ensure(self) -> DataPaths:
        self.archive.mkdir(parents=True, exist_ok=True)
        return self
