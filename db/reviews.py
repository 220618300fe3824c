"""Human reviews (db/reviews/*.yml) that confirm or correct what extraction found.

A review names a measure by id, says which fields it sets, and cites the source that justifies
it. Reviewed values win over extracted ones, and the measure is marked reviewed.

    measure: 3f9c0a1b2c3d4e5f
    confirm: true                 # or set fields:
    set: {action: block, scope: [government_devices, government_network]}
    events: {in_force: 2026-06-23}
    source_url: https://stad.gent/nl/nieuws/...
    quote: "..."
    reviewer: initials
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from db.reference import ACTIONS, EVENT_TYPES, SCOPES, load_reference
from db.resolve import Event, Measure, _hash, status_of, summarize_measure


class ReviewError(ValueError):
    """A review file that cannot be applied; the message names the file."""


def load_reviews(directory: Path) -> list[dict[str, Any]]:
    reviews = []
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for number, review in enumerate(data if isinstance(data, list) else [data], 1):
            where = f"{path}: review {number}"
            if not isinstance(review, dict) or "measure" not in review:
                raise ReviewError(f"{where}: needs a 'measure' id")
            if not review.get("source_url") or not review.get("quote"):
                raise ReviewError(f"{where}: needs source_url and quote")
            fields = review.get("set") or {}
            if "action" in fields and fields["action"] not in ACTIONS:
                raise ReviewError(f"{where}: unknown action {fields['action']!r}")
            for scope in fields.get("scope", []):
                if scope not in SCOPES:
                    raise ReviewError(f"{where}: unknown scope {scope!r}")
            for kind in review.get("events") or {}:
                if kind not in EVENT_TYPES:
                    raise ReviewError(f"{where}: unknown event type {kind!r}")
            reviews.append(review | {"_where": where})
    return reviews


def apply_reviews(measures: list[Measure], reviews: list[dict[str, Any]], as_of: date) -> list[str]:
    """Returns warnings for reviews whose measure no longer exists."""
    ref = load_reference()
    by_id = {m.id: m for m in measures}
    warnings = []
    for review in reviews:
        measure = by_id.get(review["measure"])
        if measure is None:
            warnings.append(f"{review['_where']}: no measure {review['measure']} in this build")
            continue
        fields = review.get("set") or {}
        for name in ("action", "scope", "rationales", "products"):
            if name in fields:
                setattr(measure, name, fields[name])
        if "jurisdiction" in fields and fields["jurisdiction"] in ref.jurisdictions:
            measure.jurisdiction = fields["jurisdiction"]
        for kind, value in (review.get("events") or {}).items():
            day = value if isinstance(value, date) else date.fromisoformat(str(value))
            existing = next((e for e in measure.events if e.type == kind), None)
            if existing is None:
                existing = Event(_hash(measure.id, kind, "review"), kind, day, "day", "stated")
                measure.events.append(existing)
            existing.date, existing.precision = day, "day"
            existing.reviewed = True
        measure.events.sort(key=lambda e: (e.date, e.type))
        measure.reviewed = True
        measure.review_note = f"{review.get('reviewer', 'reviewed')}: {review['source_url']}"
        measure.status = status_of(measure.action, measure.events, as_of)
        measure.summary = summarize_measure(measure)
    return warnings
