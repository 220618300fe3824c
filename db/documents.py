"""From an archived HTML page to a document: canonical URL, title, dates, language, main text.

Metadata comes from the page's own structured data first (JSON-LD, then OpenGraph and article
meta tags, then <time> elements), because publishers state dates there precisely; the main
text comes from trafilatura, with a BeautifulSoup fallback for markup too broken for it, and a
per-source CSS selector where a source needs one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import dateparser
import trafilatura
from bs4 import BeautifulSoup
from lxml import html as lxml_html

from db.language import detect
from db.pdf_text import pdf_text

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "documents/1"
TRACKING_PARAMS = re.compile(r"^(utm_|fbclid|gclid|xtor|at_medium|at_campaign|ref$)")


@dataclass
class Document:
    id: str
    url: str
    canonical_url: str
    source_id: str
    title: str
    published: str | None  # ISO date
    modified: str | None
    language: str
    text: str  # title, blank line, body: claim offsets point into this
    content_hash: str
    description: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def published_date(self) -> date | None:
        return date.fromisoformat(self.published) if self.published else None


def document_id(canonical_url: str) -> str:
    """Stable across rebuilds: a hash of the canonical URL."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def canonicalize(url: str) -> str:
    parts = urlsplit(url.strip())
    query = "&".join(
        p for p in parts.query.split("&") if p and not TRACKING_PARAMS.match(p.split("=", 1)[0])
    )
    netloc = parts.netloc.lower()
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


def parse_date(value: Any, language: str | None = None) -> date | None:
    """ISO first (structured data), then dateparser for the free formats of visible date lines."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    languages = [language] if language else ["nl", "fr", "en", "de"]
    parsed = dateparser.parse(
        value, languages=languages, settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date() if parsed else None


def _json_ld_objects(tree: Any) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return objects


ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "BlogPosting",
    "WebPage",
    "AnalysisNewsArticle",
    "GovernmentService",
    "PressRelease",
}


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def page_metadata(tree: Any) -> dict[str, Any]:
    """Title, dates, language, canonical URL and description from the page's own markup."""
    ld = [o for o in _json_ld_objects(tree) if _ld_type(o) & ARTICLE_TYPES]
    ld.sort(key=lambda o: 0 if _ld_type(o) - {"WebPage"} else 1)
    article = ld[0] if ld else {}

    # One pass over the meta tags instead of one XPath query per name: the first non-empty
    # content per property or name, in document order, as the queries returned it.
    metas: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name"):
            key = element.get(attribute)
            if key is not None:
                metas.setdefault(key, content)

    def meta(*names: str) -> str | None:
        for name in names:
            if name in metas:
                return metas[name]
        return None

    times = tree.xpath("//article//time/@datetime | //time/@datetime")
    return {
        "title": _first(article.get("headline"), meta("og:title"), tree.findtext(".//title")),
        "published": _first(
            article.get("datePublished"),
            meta(
                "article:published_time",
                "og:article:published_time",
                "date",
                "dcterms.date",
                "DC.date.issued",
                "pubdate",
            ),
            times[0] if times else None,
        ),
        "modified": _first(
            article.get("dateModified"), meta("article:modified_time", "og:updated_time")
        ),
        "language": _first(article.get("inLanguage"), tree.xpath("/html/@lang"), meta("og:locale")),
        "canonical": _first(tree.xpath('//link[@rel="canonical"]/@href'), meta("og:url")),
        "description": _first(meta("description", "og:description"), article.get("description")),
    }


def _ld_type(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def main_text(html: str, url: str, body_selector: str | None = None, tree: Any = None) -> str:
    """Paragraphs separated by blank lines (sentence splitting relies on them). `tree`, the page
    already parsed for its metadata, saves trafilatura a second parse (it may modify it)."""
    if body_selector:
        soup = BeautifulSoup(html, "html.parser")
        node = soup.select_one(body_selector)
        if node is not None:
            return _soup_paragraphs(node)
    text = trafilatura.extract(
        tree if tree is not None else html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_links=False,
        deduplicate=False,
        favor_recall=True,
    )
    if text and len(text) > 200:
        return re.sub(r"\n+", "\n\n", text.strip())
    # Markup too broken for trafilatura: html.parser is the most forgiving reader we have.
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form", "noscript"]):
        tag.decompose()
    node = soup.find("article") or soup.find("main") or soup.body or soup
    fallback = _soup_paragraphs(node)
    return (
        fallback
        if len(fallback) > len(text or "")
        else re.sub(r"\n+", "\n\n", (text or "").strip())
    )


def _soup_paragraphs(node: Any) -> str:
    blocks = [
        " ".join(el.get_text(" ", strip=True).split())
        for el in node.find_all(["p", "h2", "h3", "li", "blockquote"])
    ]
    blocks = [b for b in blocks if len(b) > 1]
    if not blocks:
        blocks = [" ".join(node.get_text(" ", strip=True).split())]
    return "\n\n".join(dict.fromkeys(blocks))


def html_document(
    url: str,
    html: str,
    source_id: str,
    source_languages: tuple[str, ...],
    raw_hash: str,
    hints: dict[str, Any] | None = None,
    body_selector: str | None = None,
) -> Document:
    """Build a document from one page. `hints` come from the feed or listing that linked it."""
    hints = hints or {}
    warnings: list[str] = []
    tree = None
    try:
        tree = lxml_html.fromstring(html)
        meta = page_metadata(tree)
    except (ValueError, lxml_html.etree.ParserError):
        meta = {}
        warnings.append("unparseable HTML")
    declared_language = (meta.get("language") or "")[:2].lower() or (
        source_languages[0] if len(source_languages) == 1 else None
    )
    # trafilatura parses the string itself: its parser's tree is faster for it than ours
    body = main_text(html, url, body_selector)
    title = " ".join((meta.get("title") or hints.get("title") or "").split())
    title = re.sub(r"\s+[|–-]\s+[^|–-]{2,40}$", "", title) if title else ""
    language = detect(f"{title}. {body}", declared_language)
    published = parse_date(meta.get("published"), language) or parse_date(hints.get("published"))
    if published is None:
        warnings.append("no publication date")
    modified = parse_date(meta.get("modified"), language)
    canonical = canonicalize(meta.get("canonical") or url)
    if urlsplit(canonical).netloc != urlsplit(url).netloc:
        canonical = canonicalize(url)  # a canonical pointing elsewhere is not trusted
    return assemble(
        url,
        canonical,
        source_id,
        title,
        body,
        (published, modified),
        language,
        raw_hash,
        meta.get("description") or hints.get("summary"),
        warnings,
    )


def assemble(
    url: str,
    canonical: str,
    source_id: str,
    title: str,
    body: str,
    dates: tuple[date | None, date | None],
    language: str,
    raw_hash: str,
    description: str | None,
    warnings: list[str],
) -> Document:
    """The document of a page or a PDF: its text is the title, a blank line and the body (with
    the title taken off the body's start, where extractors often repeat it), so claim offsets
    count from the same text whatever the page was."""
    if title and body.startswith(title):
        body = body[len(title) :].lstrip()
    published, modified = dates
    return Document(
        id=document_id(canonical),
        url=url,
        canonical_url=canonical,
        source_id=source_id,
        title=title or url,
        published=published.isoformat() if published else None,
        modified=modified.isoformat() if modified else None,
        language=language,
        text=f"{title}\n\n{body}" if title else body,
        content_hash=raw_hash,
        description=description,
        warnings=warnings,
    )


def pdf_document(
    url: str,
    body: bytes,
    source_id: str,
    source_languages: tuple[str, ...],
    raw_hash: str,
    hints: dict[str, Any] | None = None,
) -> Document:
    """A PDF notice. The listing that linked it usually knows its title and date better than
    the PDF's own metadata (often a template's), so hints come first there."""
    hints = hints or {}
    extracted = pdf_text(body)
    warnings = [extracted.problem] if extracted.problem else []
    first_line = extracted.text.split("\n\n", 1)[0][:200] if extracted.text else ""
    title = " ".join((hints.get("title") or extracted.title or first_line or "").split())
    declared = source_languages[0] if len(source_languages) == 1 else None
    language = detect(f"{title}. {extracted.text}", declared)
    published = (
        parse_date(hints.get("published"))
        or parse_date(first_dated_line(extracted.text), language)
        or extracted.created
    )
    if published is None:
        warnings.append("no publication date")
    return assemble(
        url,
        canonicalize(url),
        source_id,
        title,
        extracted.text,
        (published, None),
        language,
        raw_hash,
        hints.get("summary"),
        warnings,
    )


DATED_LINE = re.compile(
    r"^(?:Brussel|Bruxelles|Brüssel|Brussels|Gent|Antwerpen|Datum|Date)\b[^\n]{0,10}?,?\s*"
    r"(?:(?:de[nr]?|le)\s+)?(\d{1,2}\.?\s*(?:er\s+)?[^\W\d_]+\.?\s+\d{4})",
    re.M | re.I,
)


def first_dated_line(text: str) -> str | None:
    """The date line official letters and circulars carry ('Brussel, 11 september 2025')."""
    found = DATED_LINE.search(text[:3000])
    return found.group(1) if found else None
