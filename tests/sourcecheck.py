"""The checks every source's test runs on its fixtures: the spider's callbacks find exactly the
pages the fixtures hold, and every page becomes a dated document in one of its languages."""

from __future__ import annotations

from datetime import date

from lxml import etree
from scrapy.http import Request
from scrapy.utils.test import get_crawler

from bantracker.sources import load_sources
from crawlers.spiders import spider_class_for
from db.api_documents import API_DOCUMENTS
from db.claims import Extraction, extract
from db.decoding import decode_body
from db.documents import Document, canonicalize, html_document, pdf_document
from db.feed_hints import feed_hints, listing_hints
from db.pdf_text import looks_pdf
from tests.helpers import demo_pages, response_for


def spider_for(source_id: str):
    source = load_sources()[source_id]
    cls = spider_class_for(source)
    crawler = get_crawler(cls)
    return cls.from_crawler(crawler), source


def crawl_fixtures(source_id: str) -> tuple[set[str], dict[str, object]]:
    """Walk the spider through its fixture pages; returns article URLs and the pages by URL."""
    articles, pages, _ = walk_fixtures(source_id)
    return articles, pages


def walk_fixtures(source_id: str) -> tuple[set[str], dict[str, object], set[str]]:
    """Article URLs, the pages by URL, and the non-article pages (feeds, listings, API
    answers) the spider asked for."""
    spider, source = spider_for(source_id)
    pages = {canonicalize(p.url): p for p in demo_pages(source_id)}
    pending = list(spider.start_requests())
    assert pending, f"{source_id}: the spider asks for nothing"
    articles: set[str] = set()
    seen = set()
    while pending:
        request = pending.pop(0)
        key = canonicalize(request.url)
        if key in seen:
            continue
        seen.add(key)
        if request.meta.get("role") == "article":
            articles.add(key)
            continue
        assert key in pages, f"{source_id}: spider requests {request.url}, not in the fixtures"
        response = response_for(pages[key], request.meta)
        for output in request.callback(response) or []:
            if isinstance(output, Request):
                pending.append(output)
    return articles, pages, seen - articles


def feed_links_and_followed(source_id: str, feed_url: str) -> tuple[list[str], set[str]]:
    """Every item link of the source's fixture feed, and the (canonical) article URLs its
    spider followed: what keyword-filtered sources' tests compare."""
    articles, pages = crawl_fixtures(source_id)
    links = etree.parse(pages[canonicalize(feed_url)].path).xpath("//item/link/text()")
    return links, articles


def documents_of(source_id: str) -> list[Document]:
    """The documents the build makes of the source's fixture pages."""
    source = load_sources()[source_id]
    pages = demo_pages(source_id)
    hints: dict[str, dict] = {}
    for page in pages:
        if "xml" in page.content_type or "rss" in page.content_type:
            hints |= {
                canonicalize(u): h for u, h in feed_hints(page.path.read_bytes(), page.url).items()
            }
    documents = []
    if source.spider in API_DOCUMENTS:
        for page in pages:
            documents += API_DOCUMENTS[source.spider](
                page.path.read_bytes(), page.url, source.id, source.raw["api"]
            )
        return list({d.id: d for d in documents}.values())
    articles, _ = crawl_fixtures(source_id)
    for page in pages:
        if source.spider == "listing" and canonicalize(page.url) not in articles:
            hints |= {
                canonicalize(u): h
                for u, h in listing_hints(page.path.read_bytes(), page.url).items()
            }
    for page in pages:
        key = canonicalize(page.url)
        if key not in articles:
            continue
        if looks_pdf(page.path.read_bytes(), page.content_type):
            documents.append(
                pdf_document(
                    page.url,
                    page.path.read_bytes(),
                    source.id,
                    source.languages,
                    "test",
                    hints.get(key),
                )
            )
            continue
        decoded = decode_body(page.path.read_bytes(), page.content_type)
        selector = (source.raw.get("extraction") or {}).get("body")  # as the build does
        documents.append(
            html_document(
                page.url,
                decoded.text,
                source.id,
                source.languages,
                "test",
                hints.get(key),
                selector,
            )
        )
    return documents


def check_source(source_id: str) -> list[Document]:
    source = load_sources()[source_id]
    documents = documents_of(source_id)
    assert len(documents) >= source.min_documents
    if source.spider not in API_DOCUMENTS:
        articles, pages, visited = walk_fixtures(source_id)
        starts = {canonicalize(u) for u in source.start_urls}
        fixture_articles = {
            k
            for k, p in pages.items()
            if source.allows(p.url) and k not in starts and k not in visited
        }
        assert articles == fixture_articles, (
            f"{source_id}: spider found {sorted(articles - fixture_articles)} extra, "
            f"missed {sorted(fixture_articles - articles)}"
        )
    for document in documents:
        assert document.title and document.title != document.url, document.url
        assert document.published, f"{document.url}: no publication date"
        assert document.language in source.languages, (document.url, document.language)
        assert len(document.text) > 200, document.url
    return documents


def extraction(document: Document) -> Extraction:
    return extract(
        document.id,
        document.text,
        document.language,
        date.fromisoformat(document.published) if document.published else None,
    )


def measures_in(documents: list[Document]) -> set[tuple[str, str, str]]:
    """(jurisdiction, product, action family) for every measure the documents report."""
    found = set()
    for document in documents:
        for m in extraction(document).measures:
            found |= {(m.jurisdiction, p, m.family) for p in m.products}
    return found


def by_url(documents: list[Document], fragment: str) -> Document:
    matches = [d for d in documents if fragment in d.url]
    assert len(matches) == 1, f"{fragment}: {len(matches)} documents"
    return matches[0]
