"""Documents that arrive inside API answers rather than as pages (Lokaal Beslist agenda items).

Each source spider type that fetches an API has one function here turning an archived answer
into documents; the build picks it by the source's `spider` key.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from bs4 import BeautifulSoup

from db.documents import Document, canonicalize, content_hash, document_id, parse_date
from db.language import detect

log = logging.getLogger(__name__)


def lokaalbeslist_documents(
    body: bytes, url: str, source_id: str, api: dict[str, Any]
) -> list[Document]:
    try:
        payload = json.loads(body)
        items = payload["data"]
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("%s: not a JSON:API answer (%s)", url, exc)
        return []
    documents = []
    for item in items:
        attributes = item.get("attributes") or {}
        item_url = canonicalize(api["item_url"].format(id=item.get("id")))
        title = " ".join((attributes.get("title") or "").split())
        description = (attributes.get("description") or "").strip()
        body_text = description
        body_name = attributes.get("abstract_governing_body_name")
        if body_name:
            body_text = f"{body_name}. {description}"
        published = parse_date(attributes.get("session_started_at")) or parse_date(
            attributes.get("session_planned_start")
        )
        text = f"{title}\n\n{body_text}"
        raw = json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")
        documents.append(
            Document(
                id=document_id(item_url),
                url=item_url,
                canonical_url=item_url,
                source_id=source_id,
                title=title or item_url,
                published=published.isoformat() if published else None,
                modified=None,
                language=detect(text, "nl"),
                text=text,
                content_hash=content_hash(raw),
                description=description[:300] or None,
                warnings=[] if published else ["no session date"],
            )
        )
    return documents


RESULTS = {"ADOPTED": "adopted", "REJECTED": "rejected"}


def howtheyvote_documents(
    body: bytes, url: str, source_id: str, api: dict[str, Any]
) -> list[Document]:
    """One document per vote detail answer; search answers only list votes (no document).

    The text is written from the answer's fields, in the plain form the claim extractor reads
    ("voted on 13 March 2024 ... 523 in favour, 46 against"), followed by HowTheyVote's own
    summary snippet when it has one."""
    try:
        vote = json.loads(body)
    except ValueError as exc:
        log.warning("%s: not a HowTheyVote answer (%s)", url, exc)
        return []
    if not isinstance(vote, dict) or "stats" not in vote or vote.get("id") is None:
        return []  # a search answer
    when = parse_date(str(vote.get("timestamp") or ""))
    title = " ".join(str(vote.get("display_title") or "").split()) or f"Vote {vote['id']}"
    total = (vote.get("stats") or {}).get("total") or {}
    subject = vote.get("description") or "the text"
    reference = f" ({vote['reference']})" if vote.get("reference") else ""
    day = f"{when.day} {when.strftime('%B %Y')}" if when else "an unknown date"
    result = RESULTS.get(str(vote.get("result") or "").upper())
    counts = (
        f"{total.get('FOR', 0)} votes in favour, {total.get('AGAINST', 0)} against and "
        f"{total.get('ABSTENTION', 0)} abstentions"
    )
    outcome = f"The text was {result}, with {counts}." if result else f"The count: {counts}."
    paragraphs = [
        f"The European Parliament voted in plenary on {day} on {subject} of "
        f'"{title}"{reference}. {outcome}'
    ]
    snippet = (vote.get("snippet") or {}).get("text")
    if snippet:
        paragraphs.append(" ".join(BeautifulSoup(snippet, "html.parser").get_text(" ").split()))
    item_url = canonicalize(api["item_url"].format(id=vote["id"]))
    text = f"{title}\n\n" + "\n\n".join(paragraphs)
    return [
        Document(
            id=document_id(item_url),
            url=item_url,
            canonical_url=item_url,
            source_id=source_id,
            title=title,
            published=when.isoformat() if when else None,
            modified=None,
            language="en",
            text=text,
            content_hash=content_hash(body),
            description=paragraphs[0][:300],
            warnings=[] if when else ["no vote date"],
        )
    ]


API_DOCUMENTS: dict[str, Callable[[bytes, str, str, dict[str, Any]], list[Document]]] = {
    "lokaalbeslist": lokaalbeslist_documents,
    "howtheyvote": howtheyvote_documents,
}
