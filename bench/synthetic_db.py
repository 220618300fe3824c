# ruff: noqa: E501 - row literals read better unwrapped
"""A public database at scale (for the site benchmark): the real schema and views, filled with
synthetic documents, measures, events and evidence. Deterministic for given sizes."""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from bantracker.sources import load_sources
from db.build import write_reference
from db.public import materialize_views
from db.reference import load_reference
from db.schema import create_schema, enable_search


def make(path: Path, documents: int, measures: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    if path.exists():
        path.unlink()
    db = Database(path)
    create_schema(db)
    ref = load_reference()
    write_reference(db, load_sources(), ref)
    sources = list(load_sources())
    jurisdictions = list(ref.jurisdictions)
    products = list(ref.products)
    db["documents"].insert_all(
        {
            "id": f"d{n:08d}",
            "url": f"https://news.example/{n}",
            "canonical_url": f"https://news.example/{n}",
            "source_id": rng.choice(sources),
            "title": f"Document {n} about {rng.choice(products)}",
            "published": (date(2023, 1, 1) + timedelta(days=rng.randrange(1200))).isoformat(),
            "language": rng.choice(["nl", "fr", "en", "de"]),
            "content_hash": f"{n:064x}",
            "first_seen": "2026-01-01T00:00:00Z",
            "last_seen": "2026-01-01T00:00:00Z",
            "versions": 1,
            "measure_count": 1,
            "text": None,
        }
        for n in range(documents)
    )
    measure_rows, event_rows, source_rows = [], [], []
    for n in range(measures):
        chosen = rng.sample(products, rng.randint(1, 2))
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(1200))
        measure_id = f"m{n:08d}"
        measure_rows.append(
            {
                "id": measure_id,
                "jurisdiction_id": rng.choice(jurisdictions),
                "action": rng.choice(["ban", "block", "restrict"]),
                "family": "restrictive",
                "products": json.dumps([ref.products[p]["name"] for p in chosen]),
                "product_ids": json.dumps(chosen),
                "vendors": "[]",
                "vendor_countries": "[]",
                "scope": json.dumps(
                    rng.sample(["government_devices", "government_network", "all_staff"], 2)
                ),
                "rationales": json.dumps(["data_protection"]),
                "status": rng.choice(["in_force", "announced", "lifted"]),
                "summary": f"Measure {n}",
                "first_event_date": day.isoformat(),
                "last_event_date": day.isoformat(),
                "source_count": 10,
                "conflict_count": 0,
                "reviewed": 0,
                "first_seen": "2026-01-01T00:00:00Z",
                "last_seen": "2026-01-01T00:00:00Z",
                "last_change": "2026-01-01T00:00:00Z",
                "search_text": f"measure {n}",
            }
        )
        for kind in ("announced", "in_force"):
            event_id = f"e{n:08d}{kind[0]}"
            event_rows.append(
                {
                    "id": event_id,
                    "measure_id": measure_id,
                    "event_type": kind,
                    "event_date": day.isoformat(),
                    "date_precision": "day",
                    "date_basis": "stated",
                    "source_count": 5,
                    "reviewed": 0,
                    "first_seen": "2026-01-01T00:00:00Z",
                }
            )
            for k in range(5):
                source_rows.append(
                    {
                        "event_id": event_id,
                        "document_id": f"d{rng.randrange(documents):08d}",
                        "role": "corroborating" if k else "primary",
                        "quote": "A sentence quoted.",
                    }
                )
    db["measures"].insert_all(measure_rows)
    db["measure_products"].insert_all(
        {"measure_id": r["id"], "product_id": p}
        for r in measure_rows
        for p in json.loads(r["product_ids"])
    )
    db["events"].insert_all(event_rows)
    db["event_sources"].insert_all(source_rows, ignore=True)
    db["changes"].insert_all(
        {
            "id": f"c{n:08d}",
            "run_id": "bench",
            "at": "2026-01-01T00:00:00Z",
            "measure_id": r["id"],
            "change": "added",
            "field": None,
            "old_value": None,
            "new_value": r["summary"],
        }
        for n, r in enumerate(measure_rows)
    )
    db["documents"].transform(drop={"text"})
    materialize_views(db)
    enable_search(db, full_text=False)
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    make(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
