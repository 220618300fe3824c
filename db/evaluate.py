"""Precision and recall of the extractor against annotated documents (eval/README.md).

Scored units:
- (jurisdiction, product, action) triples, per document;
- event dates: (jurisdiction, product, event type, date) for events the text states;
- scope and rationale values of measures whose triple was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bantracker.config import FAST_LOADER
from db.claims import extract


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, expected: set, found: set) -> tuple[set, set]:
        self.true_positive += len(expected & found)
        self.false_positive += len(found - expected)
        self.false_negative += len(expected - found)
        return expected - found, found - expected


@dataclass
class Report:
    documents: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())


def gold_date(value: Any) -> tuple[str, str]:
    """Gold dates may be '2025-02-04', '2025-02' or '2025' (or YAML dates)."""
    if isinstance(value, date):
        return value.isoformat(), "day"
    text = str(value)
    if len(text) == 4:
        return f"{text}-01-01", "year"
    if len(text) == 7:
        return f"{text}-01", "month"
    return text[:10], "day"


TLD_COUNTRY = {"uk": "gb", "eu": None, "com": None, "org": None, "net": None, "int": None}


def country_of_url(url: str | None) -> str | None:
    """The publisher's country from its domain (.be, .fr, .co.uk); None for generic domains."""
    if not url:
        return None
    host = url.split("/")[2] if "://" in url else url
    tld = host.rsplit(".", 1)[-1].lower()
    return TLD_COUNTRY.get(tld, tld)


def load_gold(path: Path) -> list[dict[str, Any]]:
    files = (
        sorted(p for p in path.glob("*.yml") if p.name[:2] in ("g-", "h-", "d-"))
        if path.is_dir()
        else [path]
    )
    return [
        yaml.load(f.read_text(encoding="utf-8"), Loader=FAST_LOADER) | {"_file": f.name}
        for f in files
    ]


def evaluate(gold_path: Path) -> Report:
    report = Report()
    for doc in load_gold(gold_path):
        report.documents += 1
        published = doc.get("published")
        if isinstance(published, str):
            published = date.fromisoformat(published)
        text = f"{doc.get('title', '')}\n\n{doc['text']}"
        extraction = extract(
            doc["id"],
            text,
            doc["language"],
            published,
            publisher_country=country_of_url(doc.get("url")),
        )
        name = doc["_file"]
        expected_triples, found_triples = set(), set()
        expected_events, found_events = set(), set()
        expected_scope, found_scope = set(), set()
        expected_reasons, found_reasons = set(), set()
        expected_primary, found_primary = set(), set()
        for m in doc.get("expected") or []:
            for product in m["products"]:
                triple = (m["jurisdiction"], product, m["action"])
                expected_triples.add(triple)
                if m.get("role", "primary") == "primary":
                    expected_primary.add(triple)
                for event in m.get("events") or []:
                    day, precision = gold_date(event["date"])
                    expected_events.add((m["jurisdiction"], product, event["type"], day))
            key = (m["jurisdiction"], m["action"], frozenset(m["products"]))
            expected_scope |= {(key, s) for s in m.get("scope") or []}
            expected_reasons |= {(key, r) for r in m.get("rationales") or []}
        found_keys = {}
        for dm in extraction.measures:
            for product in dm.products:
                triple = (dm.jurisdiction, product, dm.action)
                found_triples.add(triple)
                if dm.role == "news":
                    found_primary.add(triple)
                for event in dm.events:
                    found_events.add((dm.jurisdiction, product, event.type, event.date.isoformat()))
            found_keys[(dm.jurisdiction, dm.action)] = dm
        # scope and rationales are scored on measures whose triple was found
        for m in doc.get("expected") or []:
            key = (m["jurisdiction"], m["action"], frozenset(m["products"]))
            dm = found_keys.get((m["jurisdiction"], m["action"]))
            if dm is not None and dm.products & set(m["products"]):
                found_scope |= {(key, s) for s in dm.scope}
                found_reasons |= {(key, r) for r in dm.rationales}
            else:
                expected_scope = {x for x in expected_scope if x[0] != key}
                expected_reasons = {x for x in expected_reasons if x[0] != key}
        missed, extra = report.score("jurisdiction+product+action").add(
            expected_triples, found_triples
        )
        report.score("primary (news) measures").add(expected_primary, found_primary)
        # Dates are scored where the measure itself was found, so that a missed measure is
        # counted once (above), not again for each of its dates.
        pairs = {(t[0], t[1]) for t in expected_triples & found_triples}
        expected_dated = {e for e in expected_events if (e[0], e[1]) in pairs}
        found_dated = {e for e in found_events if (e[0], e[1]) in pairs}
        missed_events, extra_events = report.score("event dates").add(expected_dated, found_dated)
        for kind in sorted({e[2] for e in expected_dated | found_dated}):
            report.score(f"  {kind}").add(
                {e for e in expected_dated if e[2] == kind},
                {e for e in found_dated if e[2] == kind},
            )
        report.score("scope").add(expected_scope, found_scope)
        report.score("rationales").add(expected_reasons, found_reasons)
        for triple in sorted(missed):
            report.misses.append(f"{name}: missed {triple}")
        for triple in sorted(extra):
            report.misses.append(f"{name}: spurious {triple}")
        for event in sorted(missed_events):
            report.misses.append(f"{name}: missed event {event}")
        for event in sorted(extra_events):
            report.misses.append(f"{name}: wrong event {event}")
    return report


def format_report(report: Report) -> str:
    lines = [f"{report.documents} documents", f"{'':38} precision  recall     f1   (tp/fp/fn)"]
    main = [n for n in report.scores if not n.startswith("  ")]
    steps = sorted(n for n in report.scores if n.startswith("  "))
    for name in main[:3] + steps + main[3:]:
        score = report.scores[name]
        lines.append(
            f"{name:38} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f}   "
            f"({score.true_positive}/{score.false_positive}/{score.false_negative})"
        )
    return "\n".join(lines)
