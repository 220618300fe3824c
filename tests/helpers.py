"""Test helpers: a local HTTP server that serves a source's pages, and Scrapy responses built
from fixture files so spider callbacks can be called directly."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse, Request, TextResponse, XmlResponse

from bantracker.config import DEMO_PAGES_DIR
from bantracker.demo import Page, load_manifest


def demo_pages(source_id: str) -> list[Page]:
    return load_manifest(DEMO_PAGES_DIR / source_id / "manifest.yml")


def response_for(page: Page, meta: dict | None = None) -> TextResponse:
    """A Scrapy response for a fixture page, as the downloader would hand it to a callback."""
    request = Request(page.url, meta=meta or {})
    body = page.path.read_bytes()
    headers = {"Content-Type": page.content_type}
    kind = page.content_type.split(";")[0]
    if "xml" in kind or "rss" in kind or "atom" in kind:
        cls = XmlResponse
    elif "html" in kind:
        cls = HtmlResponse
    else:
        cls = TextResponse
    return cls(url=page.url, body=body, headers=headers, request=request, status=page.status)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None

    def send(self, request: BaseHTTPRequestHandler) -> None:
        request.send_response(self.status)
        for name, value in self.headers.items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(self.body)))
        request.end_headers()
        request.wfile.write(self.body)


class LocalSite:
    """A real HTTP server on 127.0.0.1 serving fixed routes; counts the requests it gets."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                route = site.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.handler is not None:
                    route.handler(self)
                    return
                route.send(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def local_url(self, url: str) -> str:
        """https://www.vrt.be/x -> http://127.0.0.1:PORT/www.vrt.be/x"""
        parts = urlsplit(url)
        path = f"/{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return self.base + path

    def serve_pages(self, pages: list[Page], hosts: list[str]) -> None:
        """Serve fixture pages under local URLs, rewriting absolute links to the real hosts."""
        for page in pages:
            body = page.path.read_bytes()
            for host in hosts:
                body = body.replace(f"https://{host}".encode(), f"{self.base}/{host}".encode())
            path = self.local_url(page.url)[len(self.base) :]
            route = Route(page.status, body, {"Content-Type": page.content_type})
            self.routes[path] = route
            # relative links ("/nl/nieuws/x") resolve without the host prefix
            self.routes.setdefault("/" + path.split("/", 2)[2], route)

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


REPO = Path(__file__).resolve().parent.parent
