"""What feeds and listings say about the articles they link: title, date, summary.

Used as fallbacks when an article page lacks its own metadata (some official pages carry no
date at all; their feed does).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html


def _text(node: Any, *paths: str) -> str | None:
    for path in paths:
        found = node.xpath(path)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text
            if value and value.strip():
                return value.strip()
    return None


def feed_hints(body: bytes, base_url: str) -> dict[str, dict[str, Any]]:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return {}
    if root is None:
        return {}
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    hints = {}
    for item in root.xpath("//item | //entry"):
        link = _text(item, "link/text()", "link[@rel='alternate']/@href", "link/@href")
        if not link:
            continue
        hints[urljoin(base_url, link)] = {
            "title": _text(item, "title/text()"),
            "published": _text(
                item, "pubDate/text()", "published/text()", "updated/text()", "date/text()"
            ),
            "summary": _text(item, "description/text()", "summary/text()"),
        }
    return hints


def listing_hints(body: bytes, base_url: str) -> dict[str, dict[str, Any]]:
    """Teasers: a link with a <time> in the same teaser element."""
    try:
        tree = lxml_html.fromstring(body)
    except (ValueError, etree.ParserError):
        return {}
    hints = {}
    for teaser in tree.xpath(
        "//article | //li[.//a and .//time] | //div[contains(@class,'teaser')]"
    ):
        link = teaser.xpath(".//h2//a/@href | .//h3//a/@href | .//a/@href")
        if not link:
            continue
        hints.setdefault(
            urljoin(base_url, link[0]),
            {
                "title": " ".join(teaser.xpath("string(.//h2|.//h3)").split()) or None,
                "published": (teaser.xpath(".//time/@datetime") or [None])[0],
                "summary": None,
            },
        )
    return hints
