"""Resolution: the measures several documents report become one timeline entry each.

Documents' measures merge when they are about the same jurisdiction, the same family of action
(ban/block/restrict are one family: sources call the same decision by different verbs), an
overlapping set of products and compatible dates. Each field then takes the value best
supported, weighing source kind and reliability, whether the document reports the measure as
news or as background, and how many documents agree. Disagreements are kept as conflicts.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from db.claims import DocMeasure, EventClaim, compatible_dates
from db.reference import load_reference

KIND_WEIGHT = {
    "official": 3.0,
    "parliament": 3.0,
    "public_broadcaster": 2.0,
    "wire": 2.0,
    "newspaper": 1.5,
    "aggregator": 1.0,
}
RELIABILITY_WEIGHT = {"A": 1.2, "B": 1.0, "C": 0.8, "D": 0.6, "E": 0.4}
PRECISION_WEIGHT = {"day": 1.0, "month": 0.5, "year": 0.25}
SINGLE_EVENTS = {"announced", "adopted", "in_force", "lifted", "expired", "vote"}
ACTION_VERB = {
    "ban": "bans",
    "block": "blocks",
    "restrict": "restricts",
    "remove_from_app_store": "has app stores remove",
    "lift": "lifts its measure on",
    "vote": "votes for a ban on",
    "proposal": "proposes a ban on",
    "warning": "warns against",
    "court_ruling": "court rules on",
}


@dataclass(frozen=True)
class DocInfo:
    """What resolution needs to know about a supporting document."""

    id: str
    url: str
    source_id: str
    source_kind: str
    reliability: str
    published: date | None

    @property
    def weight(self) -> float:
        return KIND_WEIGHT.get(self.source_kind, 1.0) * RELIABILITY_WEIGHT.get(
            self.reliability, 1.0
        )


@dataclass
class Event:
    id: str
    type: str
    date: date
    precision: str
    basis: str  # stated | publication
    supporters: list[tuple[DocInfo, EventClaim | None]] = field(default_factory=list)


@dataclass
class Conflict:
    measure_id: str
    field: str
    chosen: str
    value: str
    document_id: str
    claim_id: str | None


@dataclass
class Measure:
    id: str
    jurisdiction: str
    family: str
    action: str
    products: list[str]
    scope: list[str]
    rationales: list[str]
    actor: str | None
    officials: list[str]
    vote_for: int | None
    vote_against: int | None
    parts: list[tuple[DocInfo, DocMeasure]]
    events: list[Event] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    status: str = "announced"
    summary: str = ""
    reviewed: bool = False

    @property
    def documents(self) -> list[DocInfo]:
        return list({d.id: d for d, _ in self.parts}.values())


@dataclass
class Link:
    from_measure: str
    to_measure: str
    relation: str
    document_id: str


def _hash(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _weight(doc: DocInfo, dm: DocMeasure) -> float:
    return doc.weight * (1.0 if dm.role == "news" else 0.4)


def _cluster(parts: list[tuple[DocInfo, DocMeasure]]) -> list[list[tuple[DocInfo, DocMeasure]]]:
    """Greedy clustering, strongest evidence first so that clusters form around good anchors."""
    ordered = sorted(parts, key=lambda p: (-_weight(*p), p[0].id, sorted(p[1].products)))
    clusters: list[dict] = []
    for doc, dm in ordered:
        if dm.is_lift_only:
            continue  # attached below, to the measure it lifts
        home = None
        for cluster in clusters:
            if cluster["jurisdiction"] != dm.jurisdiction or cluster["family"] != dm.family:
                continue
            if not cluster["products"] & dm.products:
                continue
            if not compatible_dates(cluster["dates"], dm.origin_dates()):
                continue
            home = cluster
            break
        if home is None:
            home = {
                "jurisdiction": dm.jurisdiction,
                "family": dm.family,
                "products": set(),
                "dates": [],
                "parts": [],
            }
            clusters.append(home)
        home["products"] |= dm.products
        home["dates"] += dm.origin_dates()
        home["parts"].append((doc, dm))
    for doc, dm in ordered:
        if not dm.is_lift_only:
            continue
        lift_dates = [e.date for e in dm.events] or ([doc.published] if doc.published else [])
        candidates = [
            c
            for c in clusters
            if c["jurisdiction"] == dm.jurisdiction
            and c["family"] in ("restrictive", "app_store")
            and c["products"] & dm.products
            and (not c["dates"] or not lift_dates or min(c["dates"]) <= min(lift_dates))
        ]
        if candidates:
            target = max(candidates, key=lambda c: max(c["dates"]) if c["dates"] else date.min)
        else:
            target = {
                "jurisdiction": dm.jurisdiction,
                "family": dm.family,
                "products": set(),
                "dates": [],
                "parts": [],
            }
            clusters.append(target)
        target["products"] |= dm.products
        target["parts"].append((doc, dm))
    return [c["parts"] for c in clusters]


def _vote(values: list[tuple[str, float]]) -> list[str]:
    totals: dict[str, float] = defaultdict(float)
    for value, weight in values:
        totals[value] += weight
    return sorted(totals, key=lambda v: (-totals[v], v))


def _set_field(parts: list[tuple[DocInfo, DocMeasure]], attribute: str) -> list[str]:
    """A value of a multi-valued field is kept when enough of the evidence states it: all
    values from the strongest document, others when a second document agrees."""
    support: dict[str, float] = defaultdict(float)
    documents: dict[str, set[str]] = defaultdict(set)
    for doc, dm in parts:
        for value in getattr(dm, attribute):
            support[value] += _weight(doc, dm)
            documents[value].add(doc.id)
    if not support:
        return []
    best_doc, best_dm = max(parts, key=lambda p: _weight(*p))
    keep = set(getattr(best_dm, attribute)) | {v for v, docs in documents.items() if len(docs) >= 2}
    return sorted(keep)


def _events(
    measure_id: str, parts: list[tuple[DocInfo, DocMeasure]]
) -> tuple[list[Event], list[Conflict]]:
    by_type: dict[str, list[tuple[DocInfo, DocMeasure, EventClaim]]] = defaultdict(list)
    for doc, dm in parts:
        for event in dm.events:
            by_type[event.type].append((doc, dm, event))
    events: list[Event] = []
    conflicts: list[Conflict] = []
    for kind in sorted(by_type):
        mentions = by_type[kind]
        groups: dict[date, list] = defaultdict(list)
        for doc, dm, event in mentions:
            groups[event.date].append((doc, dm, event))
        scored = []
        for day, group in groups.items():
            precision = min((e.precision for _, _, e in group), key=lambda p: -PRECISION_WEIGHT[p])
            score = sum(_weight(d, m) * PRECISION_WEIGHT[e.precision] for d, m, e in group)
            # coarser mentions (a month) that contain this day support it too
            for other_day, other in groups.items():
                if other_day == day:
                    continue
                for d, m, e in other:
                    if e.precision == "month" and (e.date.year, e.date.month) == (
                        day.year,
                        day.month,
                    ):
                        score += _weight(d, m) * 0.5
                    if e.precision == "year" and e.date.year == day.year:
                        score += _weight(d, m) * 0.25
            scored.append((score, PRECISION_WEIGHT[precision], day, precision, group))
        scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
        chosen_groups = [scored[0]] if kind in SINGLE_EVENTS else _distinct_dates(scored)
        chosen_days = {s[2] for s in chosen_groups}
        for _, _, day, precision, group in chosen_groups:
            event_id = _hash(measure_id, kind, day.isoformat())
            event = Event(event_id, kind, day, precision, "stated")
            event.supporters = [(d, e) for d, _, e in group]
            for _other_score, _, other_day, other_precision, other_group in scored:
                if other_day in chosen_days:
                    continue
                compatible = (
                    (
                        other_precision == "month"
                        and (other_day.year, other_day.month) == (day.year, day.month)
                    )
                    or (other_precision == "year" and other_day.year == day.year)
                    or (
                        precision != "day"
                        and other_precision == "day"
                        and (day.year, day.month) == (other_day.year, other_day.month)
                    )
                )
                if compatible:
                    event.supporters += [(d, e) for d, _, e in other_group]
                elif kind in SINGLE_EVENTS:
                    for d, _, e in other_group:
                        conflicts.append(
                            Conflict(
                                measure_id,
                                f"date_{kind}",
                                day.isoformat(),
                                other_day.isoformat(),
                                d.id,
                                e.claim.id,
                            )
                        )
            events.append(event)
    return events, conflicts


ENDINGS = {"lifted", "expired", "suspended"}
STARTS = {"announced", "adopted", "in_force", "vote"}


def _without_endings_before_start(events: list[Event]) -> list[Event]:
    """A measure cannot end before it began: a lifting dated before every start of the measure
    belongs to another measure the same articles mention (Italy's 2023 ChatGPT lift beside its
    2025 DeepSeek block), so it is left out rather than marking this one as lifted."""
    starts = [e.date for e in events if e.type in STARTS]
    if not starts:
        return events
    first = min(starts)
    return [e for e in events if e.type not in ENDINGS or e.date >= first]


def _distinct_dates(scored: list) -> list:
    kept = []
    for entry in sorted(scored, key=lambda s: s[2]):
        if kept and (entry[2] - kept[-1][2]).days < 14:
            if entry[0] > kept[-1][0]:
                kept[-1] = entry
            continue
        kept.append(entry)
    return kept


def status_of(action: str, events: list[Event], as_of: date) -> str:
    types = {e.type: e for e in events}
    if "lifted" in types and types["lifted"].date <= as_of:
        return "lifted"
    if "expired" in types and types["expired"].date <= as_of:
        return "expired"
    if "suspended" in types and types["suspended"].date <= as_of:
        return "suspended"
    if action in ("vote", "proposal"):
        return "pending"
    if action == "warning":
        return "issued"
    if action == "court_ruling":
        return "ruled"
    in_force = types.get("in_force")
    if in_force is not None:
        return "in_force" if in_force.date <= as_of else "announced"
    if action == "lift":
        return "lifted"
    return "in_force"


def summarize_measure(measure: Measure) -> str:
    ref = load_reference()
    actor = (
        ref.actors[measure.actor]["name"]
        if measure.actor in ref.actors
        else ref.name(measure.jurisdiction)
    )
    products = ", ".join(
        ref.products[p]["name"] if p in ref.products else p for p in measure.products
    )
    scope = f" ({', '.join(s.replace('_', ' ') for s in measure.scope)})" if measure.scope else ""
    verb = ACTION_VERB.get(measure.action, measure.action)
    return f"{actor} {verb} {products}{scope}"


def resolve(
    parts: list[tuple[DocInfo, DocMeasure]], as_of: date
) -> tuple[list[Measure], list[Link]]:
    ref = load_reference()
    measures: list[Measure] = []
    for cluster in _cluster(parts):
        jurisdiction = cluster[0][1].jurisdiction
        family = cluster[0][1].family
        products = sorted({p for _, dm in cluster for p in dm.products})
        actions = _vote(
            [(a, _weight(d, dm) * w) for d, dm in cluster for a, w in dm.actions if a != "lift"]
        )
        action = actions[0] if actions else "lift"
        stated_dates = sorted(e.date for _, dm in cluster for e in dm.events if e.type != "lifted")
        published = sorted(d.published for d, _ in cluster if d.published)
        anchor = stated_dates[0] if stated_dates else (published[0] if published else None)
        measure_id = _hash(
            jurisdiction, family, ",".join(products), str(anchor.year if anchor else "")
        )
        actors = Counter(a for _, dm in cluster for a in dm.actors)
        actor = None
        if actors:
            governments = [a for a in actors if ref.actors[a]["kind"] != "person"]
            actor = max(governments or list(actors), key=lambda a: (actors[a], a))
        votes = [dm.vote for _, dm in cluster if dm.vote]
        measure = Measure(
            id=measure_id,
            jurisdiction=jurisdiction,
            family=family,
            action=action,
            products=products,
            scope=_set_field(cluster, "scope"),
            rationales=_set_field(cluster, "rationales"),
            actor=actor,
            officials=sorted({o for _, dm in cluster for o in dm.officials}),
            vote_for=votes[0][0] if votes else None,
            vote_against=votes[0][1] if votes else None,
            parts=sorted(cluster, key=lambda p: (p[0].published or date.max, p[0].id)),
        )
        measure.events, measure.conflicts = _events(measure_id, cluster)
        measure.events = _without_endings_before_start(measure.events)
        if not [e for e in measure.events if e.type != "lifted"]:
            first = min(
                (d for d, _ in cluster if d.published), key=lambda d: d.published, default=None
            )
            if first is not None:
                kind = {"vote": "vote", "court_ruling": "court_ruling"}.get(action, "announced")
                event = Event(
                    _hash(measure_id, kind, "publication"),
                    kind,
                    first.published,
                    "day",
                    "publication",
                )
                event.supporters = [(first, None)]
                measure.events.append(event)
        measure.events.sort(key=lambda e: (e.date, e.type))
        measure.status = status_of(action, measure.events, as_of)
        measure.summary = summarize_measure(measure)
        measures.append(measure)
    measures = _dedupe_ids(measures)
    return measures, _links(measures)


def _dedupe_ids(measures: list[Measure]) -> list[Measure]:
    seen: Counter[str] = Counter()
    for measure in sorted(
        measures, key=lambda m: (m.events[0].date if m.events else date.max, m.id)
    ):
        seen[measure.id] += 1
        if seen[measure.id] > 1:
            measure.id = _hash(measure.id, str(seen[measure.id]))
            for event in measure.events:
                event.id = _hash(measure.id, event.type, event.date.isoformat())
            for conflict in measure.conflicts:
                conflict.measure_id = measure.id
    return measures


def _links(measures: list[Measure]) -> list[Link]:
    """follows_precedent: a document reporting a measure names an earlier one as its model."""
    links = []
    for measure in measures:
        start = measure.events[0].date if measure.events else None
        for doc, dm in measure.parts:
            for jurisdiction in dict.fromkeys(dm.precedents):
                candidates = [
                    m
                    for m in measures
                    if m is not measure
                    and m.jurisdiction == jurisdiction
                    and m.family in ("restrictive", "app_store")
                    and m.events
                    and start
                    and m.events[0].date < start
                ]
                if not candidates:
                    continue
                target = max(
                    candidates,
                    key=lambda m: (bool(set(m.products) & set(measure.products)), m.events[0].date),
                )
                links.append(Link(measure.id, target.id, "follows_precedent", doc.id))
    unique = {(link.from_measure, link.to_measure, link.relation): link for link in links}
    return list(unique.values())
