"""Documents that arrive inside API answers rather than as pages (Lokaal Beslist agenda items).

Each source spider type that fetches an API has one function here turning an archived answer
into documents; the build picks it by the source's `spider` key.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

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


API_DOCUMENTS: dict[str, Callable[[bytes, str, str, dict[str, Any]], list[Document]]] = {
    "lokaalbeslist": lokaalbeslist_documents,
}
