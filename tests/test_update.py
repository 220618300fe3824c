"""The scheduled job against a real local HTTP server: idempotent re-runs, crashes, locking,
and a source that stops answering."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from bantracker.config import SOURCES_DIR
from bantracker.update import EXIT_LOCKED, EXIT_OK, EXIT_SOURCE_WARNINGS, acquire_lock
from db.archive_reader import read_archive
from tests.conftest import BIN, run_cli
from tests.helpers import REPO, LocalSite, Route, demo_pages

HOSTS = ["www.vrt.be", "stad.gent"]


def declare(site: LocalSite, directory: Path) -> Path:
    """Source declarations pointing at the local server instead of the real sites."""
    directory.mkdir(parents=True, exist_ok=True)
    for source_id in ("be_vrt_nws", "be_gent_news"):
        data = yaml.safe_load((SOURCES_DIR / f"{source_id}.yml").read_text())
        data["start_urls"] = [site.local_url(u) for u in data["start_urls"]]
        data["follow"]["allow"] = [f"^{site.base}/" for _ in data["follow"]["allow"]]
        data["crawl"] = {"delay": 0, "autothrottle": False}  # our own server: no politeness wait
        (directory / f"{source_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
    return directory


@pytest.fixture
def site():
    with LocalSite() as server:
        for source_id in ("be_vrt_nws", "be_gent_news"):
            server.serve_pages(demo_pages(source_id), HOSTS)
        yield server


def update(data: Path, sources: Path, *extra: str, check: bool = False):
    return run_cli("update", "--all", "--sources-dir", str(sources), *extra, data=data, check=check)


def table(db: Path, name: str, drop: tuple[str, ...] = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if r[1] not in drop]
    return conn.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY 1").fetchall()


def test_second_update_with_nothing_new_changes_only_last_seen(site, tmp_path):
    data, sources = tmp_path / "data", declare(site, tmp_path / "sources")
    first = update(data, sources)
    assert first.returncode == EXIT_OK, first.stderr
    names = ("measures", "events", "event_sources", "claims", "documents", "conflicts")
    before = {t: table(data / "public.sqlite", t, drop=("last_seen",)) for t in names}
    second = update(data, sources)
    assert second.returncode == EXIT_OK, second.stderr
    assert (
        "0 new and 0 changed documents, 0 new and 0 changed measures"
        in second.stderr + second.stdout
    )
    for name, rows in before.items():
        assert table(data / "public.sqlite", name, drop=("last_seen",)) == rows, name
    runs = table(data / "public.sqlite", "runs")
    assert len(runs) == 2
    # the rebuild reuses every extraction: no document is parsed twice
    assert "hits, 0 misses" in second.stderr + second.stdout


def test_two_updates_at_once_one_is_refused(site, tmp_path):
    data, sources = tmp_path / "data", declare(site, tmp_path / "sources")
    data.mkdir()
    lock = acquire_lock(data / "update.lock", "test")
    try:
        refused = update(data, sources)
    finally:
        lock.release()
    assert refused.returncode == EXIT_LOCKED
    assert "another update is running" in refused.stderr
    assert not (data / "public.sqlite").exists()


def test_a_source_that_returns_nothing_is_named(site, tmp_path):
    data, sources = tmp_path / "data", declare(site, tmp_path / "sources")
    assert update(data, sources).returncode == EXIT_OK
    feed = site.local_url("https://www.vrt.be/vrtnws/nl.rss.articles.xml")[len(site.base) :]
    site.routes[feed] = Route(200, b"", {"Content-Type": "application/rss+xml"})
    result = update(data, sources)
    assert result.returncode == EXIT_SOURCE_WARNINGS
    assert "be_vrt_nws" in result.stderr
    assert (data / "public.sqlite").exists()


def start_update(data: Path, sources: Path) -> subprocess.Popen:
    env = dict(os.environ, BANTRACKER_DATA=str(data))
    return subprocess.Popen(
        [str(BIN / "bantracker"), "update", "--all", "--sources-dir", str(sources)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_killed_during_crawl_leaves_the_published_database_alone(site, tmp_path):
    data, sources = tmp_path / "data", declare(site, tmp_path / "sources")
    assert update(data, sources).returncode == EXIT_OK
    published = (data / "public.sqlite").read_bytes()
    # Articles already archived are not fetched again; the feed is, so that is where it stalls.
    stalled = site.local_url("https://www.vrt.be/vrtnws/nl.rss.articles.xml")[len(site.base) :]
    original = site.routes[stalled]
    site.routes[stalled] = Route(handler=lambda handler: time.sleep(20))
    process = start_update(data, sources)
    wait_for(lambda: site.hits.get(stalled, 0) >= 2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (data / "public.sqlite").read_bytes() == published
    assert list(read_archive(data / "archive")), "the archive stays readable"
    site.routes[stalled] = original
    assert update(data, sources).returncode == EXIT_OK


def test_killed_during_build_leaves_the_published_database_alone(site, tmp_path):
    data, sources = tmp_path / "data", declare(site, tmp_path / "sources")
    assert update(data, sources).returncode == EXIT_OK
    published = (data / "public.sqlite").read_bytes()
    (data / "cache.sqlite").unlink()  # make the build do real work, so it can be caught
    process = start_update(data, sources)
    wait_for(lambda: (data / "work.sqlite.tmp").exists() or process.poll() is not None)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (data / "public.sqlite").read_bytes() == published
    assert update(data, sources).returncode == EXIT_OK
