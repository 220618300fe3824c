"""The real Scrapy engine against a local server that misbehaves on purpose: every problem is
reported by URL, what arrived is archived, and earlier archives are left untouched."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import yaml

from db.archive_reader import read_archive
from tests.conftest import run_cli
from tests.helpers import LocalSite, Route

ARTICLE = "<html><head><title>{title}</title></head><body><p>{text}</p></body></html>"


def page(title: str, text: str = "TikTok op diensttoestellen verboden.") -> bytes:
    return ARTICLE.format(title=title, text=text).encode()


def misbehaving_site(site: LocalSite) -> dict[str, str]:
    hits: dict[str, int] = {}

    def counted(path: str, before: list[Route], after: Route):
        def handler(request) -> None:
            n = hits[path] = hits.get(path, 0) + 1
            (before[n - 1] if n <= len(before) else after).send(request)

        return Route(handler=handler)

    def stall(request) -> None:
        time.sleep(4)

    def truncated(request) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", "100000")
        request.end_headers()
        request.wfile.write(page("Half a page")[:60])
        request.wfile.flush()
        request.close_connection = True

    def huge(request) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(50 * 1024 * 1024))
        request.end_headers()
        chunk = b" " * (1024 * 1024)
        try:
            for _ in range(50):
                request.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    html = {"Content-Type": "text/html; charset=utf-8"}
    ok = Route(200, page("Recovered"), html)
    site.routes.update(
        {
            "/robots.txt": Route(
                200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}
            ),
            "/flaky": counted("/flaky", [Route(500), Route(500)], ok),
            "/throttled": counted("/throttled", [Route(429, b"", {"Retry-After": "1"})], ok),
            "/stall": Route(handler=stall),
            "/truncated": Route(handler=truncated),
            "/cp1252": Route(
                200,
                page("Réglementation", "Interdiction de TikTok à Gand").decode().encode("cp1252"),
                html,
            ),
            "/utf8-declared-1252": Route(
                200,
                page("Réglementation").decode().encode(),
                {"Content-Type": "text/html; charset=windows-1252"},
            ),
            "/huge": Route(handler=huge),
            "/loop1": Route(302, b"", {"Location": "/loop2"}),
            "/loop2": Route(302, b"", {"Location": "/loop1"}),
            "/badgzip": Route(
                200,
                page("Not gzip at all"),
                {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            ),
            "/private/secret": Route(200, page("Secret")),
            "/fine": Route(
                200,
                gzip.compress(page("Fine and gzipped")),
                {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            ),
        }
    )
    paths = [
        "/flaky",
        "/throttled",
        "/stall",
        "/truncated",
        "/cp1252",
        "/utf8-declared-1252",
        "/huge",
        "/loop1",
        "/badgzip",
        "/private/secret",
        "/fine",
    ]
    items = "".join(f"<item><title>x</title><link>{site.base}{p}</link></item>" for p in paths)
    # malformed on purpose: an unclosed element and a bare ampersand
    feed = f"<?xml version='1.0'?><rss><channel><title>Feed & co<title>{items}</channel></rss>"
    site.routes["/feed.xml"] = Route(200, feed.encode(), {"Content-Type": "application/rss+xml"})
    return {p: site.base + p for p in paths}


def declare(site: LocalSite, directory: Path) -> Path:
    directory.mkdir(parents=True)
    (directory / "xx_unreliable.yml").write_text(
        yaml.safe_dump(
            {
                "id": "xx_unreliable",
                "title": "A server that misbehaves",
                "kind": "newspaper",
                "reliability": "E",
                "publisher": {"name": "Test", "country": "BE", "official": False},
                "languages": ["nl", "fr"],
                "spider": "feed",
                "start_urls": [f"{site.base}/feed.xml"],
                "follow": {"allow": [f"^{site.base}/"]},
                "schedule": "hourly",
                "licence": "test",
                "assertions": {"min_documents": 1},
                "crawl": {"delay": 0, "autothrottle": False, "timeout": 2, "max_size_mb": 5},
            }
        )
    )
    return directory


def test_misbehaving_server(tmp_path):
    with LocalSite() as site:
        urls = misbehaving_site(site)
        sources = declare(site, tmp_path / "sources")
        archive = tmp_path / "archive"
        archive.mkdir()
        earlier = archive / "20200101T000000Z-xx_unreliable.warc.gz"
        earlier.write_bytes(b"")  # stands for an earlier run's file; it must stay as it was
        result = run_cli(
            "crawl",
            "--sources-dir",
            str(sources),
            "--archive",
            str(archive),
            "xx_unreliable",
            data=tmp_path / "data",
            check=False,
            timeout=120,
        )
    log = result.stderr
    assert result.returncode == 0, log[-3000:]
    for path in ("/stall", "/truncated", "/huge", "/loop1", "/badgzip"):
        assert urls[path] in log, f"{path} is not reported by URL"
    assert "/private/secret" not in "".join(site.hits)  # robots.txt obeyed
    archived = {r.url: r for r in read_archive(archive)}
    assert archived[urls["/flaky"]].status == 200  # retried after two 500s
    assert archived[urls["/throttled"]].status == 200  # waited as Retry-After asked
    assert urls["/cp1252"] in archived and urls["/utf8-declared-1252"] in archived
    assert urls["/badgzip"] in archived  # kept as received, though it cannot be decoded
    assert urls["/fine"] in archived
    assert earlier.read_bytes() == b""
    assert "feed" in log and "malformed" in log  # the broken feed was read by its links
