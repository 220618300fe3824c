"""Incremental crawls against a real local server: conditional GET for the feed, no second fetch
of archived articles, a changed item fetched again, `--since`, and an index rebuilt from the
archive when it is lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml
from warcio.archiveiterator import ArchiveIterator

from crawlers.incremental import INDEX_NAME
from db.archive_reader import archive_files
from tests.conftest import run_cli
from tests.helpers import LocalSite, Route

HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = "<html><head><title>{0}</title></head><body><p>{0}: TikTok verboden.</p></body></html>"


class Feed:
    """An RSS feed that honours If-None-Match, as well-run servers do."""

    def __init__(self, site: LocalSite) -> None:
        self.site = site
        self.items: list[tuple[str, str]] = []
        self.etag = '"v1"'
        self.not_modified = 0

    def handler(self, request) -> None:
        if request.headers.get("If-None-Match") == self.etag:
            self.not_modified += 1
            request.send_response(304)
            request.send_header("ETag", self.etag)
            request.end_headers()
            return
        entries = "".join(
            f"<item><title>{path}</title><link>{self.site.base}{path}</link>"
            f"<pubDate>{dated}</pubDate></item>"
            for path, dated in self.items
        )
        body = f"<rss version='2.0'><channel><title>t</title>{entries}</channel></rss>".encode()
        Route(200, body, {"Content-Type": "application/rss+xml", "ETag": self.etag}).send(request)


def rfc822(moment: datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S +0000")


def declare(site: LocalSite, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "xx_local.yml").write_text(
        yaml.safe_dump(
            {
                "id": "xx_local",
                "title": "A local feed",
                "kind": "newspaper",
                "reliability": "C",
                "publisher": {"name": "Test", "country": "BE", "official": False},
                "languages": ["nl"],
                "spider": "feed",
                "start_urls": [f"{site.base}/feed.xml"],
                "follow": {"allow": [f"^{site.base}/a"]},
                "schedule": "hourly",
                "licence": "test",
                "assertions": {"min_documents": 1},
                "crawl": {"delay": 0, "autothrottle": False},
            }
        )
    )
    return directory


def crawl(tmp_path: Path, sources: Path, *extra: str):
    return run_cli(
        "crawl",
        "--sources-dir",
        str(sources),
        "--archive",
        str(tmp_path / "archive"),
        *extra,
        "xx_local",
        data=tmp_path / "data",
        check=False,
        timeout=120,
    )


def warc_records(archive: Path) -> list[tuple[str, str, str | None]]:
    """(type, url, revisit profile) of every record, in order."""
    found = []
    for path in archive_files(archive):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type in ("response", "revisit"):
                    headers = record.rec_headers
                    found.append(
                        (
                            record.rec_type,
                            headers.get_header("WARC-Target-URI"),
                            headers.get_header("WARC-Profile"),
                        )
                    )
    return found


def test_second_run_fetches_only_what_changed(tmp_path):
    with LocalSite() as site:
        feed = Feed(site)
        earlier = rfc822(datetime(2026, 1, 5, 9, tzinfo=UTC))
        feed.items = [("/a1", earlier), ("/a2", earlier)]
        site.routes["/feed.xml"] = Route(handler=feed.handler)
        for path in ("/a1", "/a2", "/a3"):
            site.routes[path] = Route(200, PAGE.format(path).encode(), HTML)
        sources = declare(site, tmp_path / "sources")

        first = crawl(tmp_path, sources)
        assert first.returncode == 0, first.stderr[-2000:]
        second = crawl(tmp_path, sources)
        assert second.returncode == 0, second.stderr[-2000:]
        assert site.hits["/a1"] == site.hits["/a2"] == 1  # archived articles are not refetched
        assert site.hits["/feed.xml"] == 2 and feed.not_modified == 1
        assert "documents    0  unchanged    1" in second.stdout  # the feed: nothing to follow

        # The feed changes: a new item, and a1 says it was updated after we fetched it.
        feed.etag = '"v2"'
        later = rfc822(datetime.now(UTC) + timedelta(hours=1))
        feed.items = [("/a1", later), ("/a2", earlier), ("/a3", later)]
        third = crawl(tmp_path, sources)
        assert third.returncode == 0, third.stderr[-2000:]
        assert site.hits["/a3"] == 1 and site.hits["/a1"] == 2 and site.hits["/a2"] == 1
        assert "documents    1  unchanged    2" in third.stdout  # a3 new; a2 skipped, a1 identical

    records = warc_records(tmp_path / "archive")
    feed_url, a1 = f"{site.base}/feed.xml", f"{site.base}/a1"
    assert ("revisit", feed_url, "http://netpreserve.org/warc/1.1/revisit/server-not-modified") in (
        records
    )
    # a1 came back identical: recorded as seen again, not stored twice
    a1_records = sorted(r for r in records if r[1] == a1)  # files of one second sort by name
    assert a1_records == [
        ("response", a1, None),
        ("revisit", a1, "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
    ]


def test_since_and_a_lost_index(tmp_path):
    with LocalSite() as site:
        feed = Feed(site)
        feed.items = [
            ("/a-old", rfc822(datetime(2024, 1, 10, tzinfo=UTC))),
            ("/a-new", rfc822(datetime(2026, 2, 10, tzinfo=UTC))),
        ]
        site.routes["/feed.xml"] = Route(handler=feed.handler)
        for path in ("/a-old", "/a-new"):
            site.routes[path] = Route(200, PAGE.format(path).encode(), HTML)
        sources = declare(site, tmp_path / "sources")

        result = crawl(tmp_path, sources, "--since", "2025-06-01")
        assert result.returncode == 0, result.stderr[-2000:]
        assert site.hits.get("/a-old") is None and site.hits["/a-new"] == 1

        index = tmp_path / "archive" / INDEX_NAME
        index.unlink()  # derived data: rebuilt from the WARC files on the next run
        feed.etag = '"v2"'
        result = crawl(tmp_path, sources)
        assert result.returncode == 0, result.stderr[-2000:]
        assert index.exists()
        assert site.hits["/a-new"] == 1 and site.hits["/a-old"] == 1

        result = crawl(tmp_path, sources, "--refetch")
        assert site.hits["/a-new"] == 2 and site.hits["/a-old"] == 2
