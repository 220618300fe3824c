"""Build the working and public databases from the archive alone, offline.

archive (WARC) -> documents -> claims -> measures + events -> work.sqlite -> public.sqlite

Each database is written to a temporary file next to its final path, checked, and renamed over
the old one, so readers never see a half-written database. Extraction results are cached by
content hash and extractor version, so a rebuild with nothing new skips the expensive parts.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bantracker.sources import Source
from db import claims as claims_module
from db.api_documents import API_DOCUMENTS
from db.archive_reader import Record, read_archive, read_body
from db.checks import check_database
from db.claims import Extraction, extract
from db.dates import grammar
from db.decoding import decode_body
from db.documents import Document, canonicalize, html_document, pdf_document
from db.feed_hints import feed_hints, listing_hints
from db.fingerprint import code_version, inputs_fingerprint, stamp_path
from db.history import Run, append_jsonl, diff, latest_runs, read_jsonl, write_history_tables
from db.language import detect
from db.pdf_text import looks_pdf
from db.public import write_public
from db.reference import load_reference, patterns_for
from db.relevance import action_words, could_report
from db.resolve import DocInfo, Measure, resolve
from db.reviews import apply_reviews, load_reviews
from db.schema import create_schema, enable_search
from db.text import truncate_quote

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml")


@dataclass
class BuildReport:
    records: int = 0
    documents: int = 0
    relevant_documents: int = 0
    unparsed: int = 0  # pages without any action word, skipped before parsing (db/relevance.py)
    claims: int = 0
    measures: int = 0
    events: int = 0
    conflicts: int = 0
    cache_hits: int = 0
    cache_misses: int = 0
    warnings: list[str] = field(default_factory=list)
    per_source: dict[str, int] = field(default_factory=dict)
    changes: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    skipped: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "warnings"} | {
            "warnings": len(self.warnings)
        }


class Cache:
    """Extraction results by key, in a small SQLite file beside the databases."""

    def __init__(self, path: Path | None):
        self.conn = sqlite3.connect(path) if path else sqlite3.connect(":memory:")
        self.conn.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value BLOB)")
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Any | None:
        row = self.conn.execute("SELECT value FROM cache WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return pickle.loads(row[0])

    def put(self, key: str, value: Any) -> None:
        self.conn.execute("INSERT OR REPLACE INTO cache VALUES (?, ?)", (key, pickle.dumps(value)))

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()


@dataclass(frozen=True)
class PageRef:
    """An archived page without its body: the worker that parses it reads the body again, so a
    build of 50,000 pages does not hold them all in memory."""

    url: str
    date: str
    content_type: str
    source_id: str | None
    file: str
    offset: int
    digest: str
    kind: str  # html | pdf | other

    @classmethod
    def of(cls, record: Record, digest: str) -> PageRef:
        if looks_pdf(record.body, record.content_type):
            kind = "pdf"
        elif any(t in record.content_type.lower() for t in HTML_TYPES) or (
            record.body.lstrip()[:1] == b"<"
        ):
            kind = "html"
        else:
            kind = "other"
        return cls(
            record.url,
            record.date,
            record.content_type,
            record.source_id,
            record.file,
            record.offset,
            digest,
            kind,
        )


@dataclass
class Seen:
    first: str
    last: str
    hashes: set[str]


OFF_TOPIC = "off-topic"  # what the cache holds for a page the relevance gate turned away
PAGE_GATE = True  # tests/test_relevance.py checks the gate changes no result


def document_job(args: tuple) -> tuple[Document, Extraction] | None:
    """One page to one document and its claims (runs in a worker process): one round trip per
    page, and the text never travels back and forth between the two steps. None for a page
    that uses no action word anywhere: it could not report a measure, so it is not parsed."""
    page_args, (default, country) = args
    url, (file, offset), content_type, source_id, languages, raw_hash, hint, selector = page_args
    body = read_body(file, offset)
    if looks_pdf(body, content_type):
        document = pdf_document(url, body, source_id, languages, raw_hash, hint)
    else:
        decoded = decode_body(body, content_type)
        if PAGE_GATE and not could_report(decoded.text, hint):
            return None
        document = html_document(url, decoded.text, source_id, languages, raw_hash, hint, selector)
        if decoded.warning:
            document.warnings.append(decoded.warning)
    return document, extract(*claims_args(document, default, country))


def claims_args(document: Document, default: str | None, country: str | None) -> tuple:
    return (
        document.id,
        document.text,
        document.language,
        document.published_date,
        default,
        country,
    )


def claims_key(version: str, document: Document) -> str:
    return (
        f"claims|{version}|{document.content_hash}|{document.id}|"
        f"{document.published}|{document.language}"
    )


def source_context(source: Source | None) -> tuple[str | None, str | None]:
    """The jurisdiction a source speaks for by default, and its country."""
    if source is None:
        return None, None
    return source.raw.get("jurisdiction"), source.country.lower()


def claims_job(args: tuple) -> Extraction:
    return extract(*args)


def warm_up() -> None:
    for language in ("nl", "fr", "en", "de"):
        patterns_for(language)
        grammar(language)
    action_words()
    detect("warm up the language model with a sentence of several words", "en")


def parallel_map(function: Callable[[Any], Any], items: list[Any], workers: int) -> list[Any]:
    """Extraction is CPU-bound: spread it over processes when there is enough of it."""
    if workers <= 1 or len(items) < 40:
        return [function(item) for item in items]
    chunk = max(1, min(64, len(items) // (workers * 8)))
    warm_up()  # forked workers inherit compiled lexicons instead of compiling them again
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items, chunksize=chunk))


def collect(records: Iterable[Record], report: BuildReport) -> tuple[dict, dict, dict]:
    """Newest article record per URL, API records, hints, and first/last observation per URL."""
    latest: dict[str, PageRef] = {}
    api_records: dict[str, Record] = {}
    hints: dict[str, dict[str, Any]] = {}
    seen: dict[str, Seen] = {}
    for record in records:
        report.records += 1
        if record.status != 200 or not record.body:
            continue
        key = canonicalize(record.url)
        entry = seen.get(key)
        digest = hashlib.sha256(record.body).hexdigest()
        if entry is None:
            seen[key] = Seen(record.date, record.date, {digest})
        else:
            entry.first = min(entry.first, record.date)
            entry.last = max(entry.last, record.date)
            entry.hashes.add(digest)
        if record.role == "feed":
            for url, hint in feed_hints(record.body, record.url).items():
                hints.setdefault(canonicalize(url), hint)
        elif record.role == "listing":
            for url, hint in listing_hints(record.body, record.url).items():
                hints.setdefault(canonicalize(url), hint)
        elif record.role == "api":
            if key not in api_records or record.date >= api_records[key].date:
                api_records[key] = record
        elif record.role == "article" and (key not in latest or record.date >= latest[key].date):
            latest[key] = PageRef.of(record, digest)
    return latest, api_records, {"hints": hints, "seen": seen}


def make_documents(
    latest: dict[str, PageRef],
    api_records: dict[str, Record],
    context: dict,
    sources: dict[str, Source],
    cache: Cache,
    version: str,
    report: BuildReport,
    workers: int = 1,
) -> tuple[dict[str, tuple[Document, Seen]], dict[str, Extraction]]:
    """Documents by id, and the claims of the pages parsed in this run (by document id)."""
    documents: dict[str, tuple[Document, Seen]] = {}
    fresh: dict[str, Extraction] = {}
    seen: dict[str, Seen] = context["seen"]
    hints = context["hints"]
    jobs: list[tuple[str, tuple]] = []
    cached: list[tuple[str, Document]] = []
    for key, record in sorted(latest.items()):
        source = sources.get(record.source_id or "")
        if source is None:
            report.warnings.append(f"{record.url}: unknown source {record.source_id!r}; skipped")
            continue
        if record.kind == "other":
            report.warnings.append(
                f"{record.url}: neither HTML nor PDF ({record.content_type}); skipped"
            )
            continue
        raw_hash = record.digest
        selector = (source.raw.get("extraction") or {}).get("body")
        hint = hints.get(key)
        cache_key = f"doc|{version}|{raw_hash}|{json.dumps(hint, sort_keys=True)}"
        document = cache.get(cache_key)
        if document == OFF_TOPIC:
            report.unparsed += 1
            continue
        if document is None:
            args = (
                record.url,
                (record.file, record.offset),
                record.content_type,
                source.id,
                source.languages,
                raw_hash,
                hint,
                selector,
            )
            jobs.append((cache_key, (args, source_context(source))))
        else:
            cached.append((key, document))
    made = parallel_map(document_job, [args for _, args in jobs], workers)
    for (cache_key, args), result in zip(jobs, made, strict=True):
        if result is None:
            cache.put(cache_key, OFF_TOPIC)
            report.unparsed += 1
            continue
        document, extraction = result
        cache.put(cache_key, document)
        cache.put(claims_key(version, document), extraction)
        fresh[document.id] = extraction
        cached.append((canonicalize(args[0][0]), document))
    for key, document in cached:
        for warning in document.warnings:
            report.warnings.append(f"{document.url}: {warning}")
        documents[document.id] = (document, seen[key])
    for key, record in sorted(api_records.items()):
        source = sources.get(record.source_id or "")
        if source is None or source.spider not in API_DOCUMENTS:
            continue
        for document in API_DOCUMENTS[source.spider](
            record.body, record.url, source.id, source.raw["api"]
        ):
            observed = seen[key]
            known = documents.get(document.id)
            if known is not None:
                observed = Seen(
                    min(known[1].first, observed.first),
                    max(known[1].last, observed.last),
                    known[1].hashes | {document.content_hash},
                )
            documents[document.id] = (document, observed)
    return documents, fresh


def build(
    archive_dir: Path,
    work_db: Path,
    public_db: Path,
    sources: dict[str, Source],
    as_of: date,
    cache_path: Path | None = None,
    reviews_dir: Path | None = None,
    progress: Callable[[str], None] = lambda message: None,
    run: Run | None = None,
    history_dir: Path | None = None,
    workers: int | None = None,
    skip_unchanged: bool = False,
    max_drop: float = 0.5,
) -> BuildReport:
    """Rebuild both databases from the archive. Raises CheckFailed (nothing swapped) when the
    new database does not pass its checks, among them that no table lost more than `max_drop`
    of the published one's rows (1.0 accepts any drop)."""
    report = BuildReport()
    stamp = stamp_path(work_db)
    fingerprint = inputs_fingerprint(archive_dir, public_db, sources, as_of, reviews_dir)
    unchanged = stamp.exists() and stamp.read_text() == fingerprint
    if skip_unchanged and work_db.exists() and public_db.exists() and unchanged:
        report.skipped = True  # same archive, code, reviews and date: same databases
        return report
    ref = load_reference()
    workers = workers or os.cpu_count() or 1
    version = code_version()
    cache = Cache(cache_path)
    try:
        progress("reading archive")
        latest, api_records, context = collect(read_archive(archive_dir), report)
        progress(
            f"extracting documents from {len(latest)} pages and {len(api_records)} API answers"
        )
        documents, fresh = make_documents(
            latest, api_records, context, sources, cache, version, report, workers
        )
        progress(f"extracting claims from {len(documents)} documents")
        extractions: dict[str, Extraction] = {}
        claim_jobs: list[tuple[str, str, tuple]] = []
        for doc_id, (document, _) in sorted(documents.items()):
            if doc_id in fresh:
                extractions[doc_id] = fresh[doc_id]
                continue
            cache_key = claims_key(version, document)
            found = cache.get(cache_key)
            if found is None:
                args = claims_args(document, *source_context(sources.get(document.source_id)))
                claim_jobs.append((doc_id, cache_key, args))
            else:
                extractions[doc_id] = found
        made = parallel_map(claims_job, [args for _, _, args in claim_jobs], workers)
        for (doc_id, cache_key, _), extraction in zip(claim_jobs, made, strict=True):
            cache.put(cache_key, extraction)
            extractions[doc_id] = extraction
    finally:
        report.cache_hits, report.cache_misses = cache.hits, cache.misses
        cache.close()

    parts = []
    infos = {}
    for doc_id, (document, _) in documents.items():
        source = sources[document.source_id]
        infos[doc_id] = DocInfo(
            doc_id,
            document.url,
            source.id,
            source.kind,
            source.reliability,
            document.published_date,
        )
        for dm in extractions[doc_id].measures:
            parts.append((infos[doc_id], dm))
    progress(f"resolving {len(parts)} reported measures")
    measures, links = resolve(parts, as_of)
    reviews = load_reviews(reviews_dir) if reviews_dir else []
    report.warnings.extend(apply_reviews(measures, reviews, as_of))

    progress("writing the working database")
    tmp = work_db.with_name(work_db.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    db = Database(tmp)
    create_schema(db)
    write_reference(db, sources, ref)
    write_documents(db, documents, extractions, measures, report)
    write_measures(db, measures, links, documents, report)
    if run is not None and history_dir is not None:
        record_history(db, public_db, run, history_dir, report)
    enable_search(db, full_text=True)
    db.conn.commit()
    check_database(db, previous=None, sources=sources, report=report)
    db.close()

    progress("writing the public database")
    public_tmp = write_public(tmp, public_db, max_drop)
    # Readers only ever see a complete, checked file: both are renamed over the old ones.
    os.replace(tmp, work_db)
    os.replace(public_tmp, public_db)
    stamp.write_text(fingerprint)
    return report


def record_history(
    db: Database, public_db: Path, run: Run, history_dir: Path, report: BuildReport
) -> None:
    """Diff against the published database, log the changes, and copy both logs into tables."""
    changes, counts = diff(public_db, db, run.run_id, run.started)
    report.changes = len(changes)
    report.counts = counts
    for name, value in counts.items():
        setattr(run, name, value)
    append_jsonl(history_dir / "changes.jsonl", changes)
    runs = latest_runs(history_dir / "runs.jsonl")
    runs[run.run_id] = asdict(run) | {"status": "published"}
    write_history_tables(db, runs, read_jsonl(history_dir / "changes.jsonl"))


def write_reference(db: Database, sources: dict[str, Source], ref: Any) -> None:
    db["sources"].insert_all(
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "country": s.country,
            "official": int(s.official),
            "kind": s.kind,
            "reliability": s.reliability,
            "languages": json.dumps(list(s.languages)),
            "spider": s.spider,
            "schedule": s.schedule,
            "licence": s.licence,
            "urls": json.dumps(list(s.start_urls) or [s.raw.get("api", {}).get("url")]),
        }
        for s in sources.values()
    )
    db["jurisdictions"].insert_all(
        {
            "id": j["id"],
            **{f"name_{lang}": j[f"name_{lang}"] for lang in ("en", "nl", "fr", "de")},
            "level": j["level"],
            "parent_id": j.get("parent"),
            "country_code": j["country_code"],
            "wikidata": j.get("wikidata"),
            "latitude": j.get("lat"),
            "longitude": j.get("lon"),
            "aliases": json.dumps(
                sorted({a for names in (j.get("aliases") or {}).values() for a in names}),
                ensure_ascii=False,
            ),
        }
        for j in sorted(
            ref.jurisdictions.values(), key=lambda j: (j.get("parent") is not None, j["id"])
        )
    )
    db["actors"].insert_all(
        {
            "id": a["id"],
            "name": a["name"],
            "kind": a["kind"],
            "jurisdiction_id": a["jurisdiction"]
            if a["jurisdiction"] in ref.jurisdictions
            else None,
            "decides": int(a.get("decides", True)),
        }
        for a in ref.actors.values()
    )
    db["products"].insert_all(
        {
            "id": p["id"],
            "name": p["name"],
            "aliases": json.dumps(p.get("aliases", []), ensure_ascii=False),
            "vendor": p.get("vendor"),
            "vendor_country": p.get("vendor_country"),
            "category": p["category"],
            "wikidata": p.get("wikidata"),
        }
        for p in ref.products.values()
    )
    db["rationales"].insert_all(
        {"id": r["id"], **{f"label_{lang}": r["label"][lang] for lang in ("en", "nl", "fr", "de")}}
        for r in ref.rationales.values()
    )


def write_documents(
    db: Database,
    documents: dict[str, tuple[Document, Seen]],
    extractions: dict[str, Extraction],
    measures: list[Measure],
    report: BuildReport,
) -> None:
    measure_of: dict[tuple[str, int], str] = {}
    counts: dict[str, int] = defaultdict(int)
    for measure in measures:
        for doc, dm in measure.parts:
            counts[doc.id] += 1
            for claim in dm.claims:
                measure_of[(claim.document_id, id(claim))] = measure.id
    rows = []
    claim_rows = []
    for doc_id, (document, seen) in sorted(documents.items()):
        extraction = extractions[doc_id]
        if not extraction.relevant:
            continue  # off-topic: stays in the archive, not in the tracker
        report.per_source[document.source_id] = report.per_source.get(document.source_id, 0) + 1
        rows.append(
            {
                "id": document.id,
                "url": document.url,
                "canonical_url": document.canonical_url,
                "source_id": document.source_id,
                "title": document.title,
                "published": document.published,
                "modified": document.modified,
                "language": document.language,
                "content_hash": document.content_hash,
                "first_seen": seen.first,
                "last_seen": seen.last,
                "versions": len(seen.hashes),
                "measure_count": counts.get(doc_id, 0),
                "warnings": json.dumps(document.warnings) if document.warnings else None,
                "description": truncate_quote(document.description or "", 300) or None,
                "text": document.text,
            }
        )
        for claim in extraction.claims:
            claim_rows.append(
                {
                    "id": claim.id,
                    "document_id": claim.document_id,
                    "measure_id": measure_of.get((claim.document_id, id(claim))),
                    "field": claim.field,
                    "value": claim.value,
                    "quote": document.text[claim.quote_start : claim.quote_end],
                    "quote_start": claim.quote_start,
                    "quote_end": claim.quote_end,
                    "value_start": claim.start,
                    "value_end": claim.end,
                    "sentence": claim.sentence,
                    "role": claim.role,
                    "confidence": claim.confidence,
                    "extractor_version": claims_module.EXTRACTOR_VERSION,
                    "first_seen": seen.first,
                }
            )
    report.documents = len(documents) + report.unparsed
    report.relevant_documents = len(rows)
    report.claims = len(claim_rows)
    db["documents"].insert_all(rows)
    db["claims"].insert_all(claim_rows, replace=True)


def write_measures(
    db: Database,
    measures: list[Measure],
    links: list[Any],
    documents: dict[str, tuple[Document, Seen]],
    report: BuildReport,
) -> None:
    ref = load_reference()
    texts = {doc_id: doc.text for doc_id, (doc, _) in documents.items()}
    seen = {doc_id: s for doc_id, (_, s) in documents.items()}
    measure_rows, product_rows, event_rows, source_rows, conflict_rows = [], [], [], [], []
    for m in sorted(measures, key=lambda m: m.id):
        docs = m.documents
        firsts = [seen[d.id].first for d in docs]
        lasts = [seen[d.id].last for d in docs]
        products = [ref.products.get(p, {"name": p}) for p in m.products]
        jurisdiction = ref.jurisdictions[m.jurisdiction]
        quotes = " ".join(
            truncate_quote(texts[c.document_id][c.quote_start : c.quote_end])
            for _, dm in m.parts
            for c in dm.claims
            if c.field == "action"
        )
        search_text = " ".join(
            [
                *[jurisdiction[f"name_{lang}"] for lang in ("en", "nl", "fr", "de")],
                *[a for names in (jurisdiction.get("aliases") or {}).values() for a in names],
                *[p["name"] for p in products],
                *[a for p in products for a in p.get("aliases", [])],
                quotes,
            ]
        )
        measure_rows.append(
            {
                "id": m.id,
                "jurisdiction_id": m.jurisdiction,
                "actor_id": m.actor,
                "action": m.action,
                "family": m.family,
                "products": json.dumps([p["name"] for p in products]),
                "product_ids": json.dumps(m.products),
                "vendors": json.dumps(sorted({p["vendor"] for p in products if p.get("vendor")})),
                "vendor_countries": json.dumps(
                    sorted({p["vendor_country"] for p in products if p.get("vendor_country")})
                ),
                "scope": json.dumps(m.scope),
                "rationales": json.dumps(m.rationales),
                "status": m.status,
                "summary": m.summary,
                "vote_for": m.vote_for,
                "vote_against": m.vote_against,
                "officials": json.dumps(m.officials, ensure_ascii=False),
                "first_event_date": m.events[0].date.isoformat() if m.events else None,
                "last_event_date": m.events[-1].date.isoformat() if m.events else None,
                "source_count": len(docs),
                "conflict_count": len(m.conflicts),
                "reviewed": int(m.reviewed),
                "review_note": getattr(m, "review_note", None),
                "first_seen": min(firsts) if firsts else None,
                "last_seen": max(lasts) if lasts else None,
                "last_change": max(firsts) if firsts else None,
                "search_text": search_text,
            }
        )
        product_rows += [
            {"measure_id": m.id, "product_id": p} for p in m.products if p in ref.products
        ]
        for event in m.events:
            stating = {d.id: claim for d, claim in event.supporters}
            event_rows.append(
                {
                    "id": event.id,
                    "measure_id": m.id,
                    "event_type": event.type,
                    "event_date": event.date.isoformat(),
                    "date_precision": event.precision,
                    "date_basis": event.basis,
                    "source_count": len(stating),
                    "reviewed": int(getattr(event, "reviewed", False)),
                    "first_seen": min(seen[d].first for d in stating) if stating else None,
                }
            )
            contradicting = {
                c.document_id: c for c in m.conflicts if c.field == f"date_{event.type}"
            }
            best = max(
                (d for d, _ in event.supporters),
                key=lambda d: (d.weight, -(d.published or date.max).toordinal()),
                default=None,
            )
            for doc, dm in m.parts:
                if doc.id in contradicting:
                    role = "contradicting"
                    claim_id = contradicting[doc.id].claim_id
                    quote_claim = next((c for c in dm.claims if c.id == claim_id), None)
                elif doc.id in stating:
                    role = "primary" if best is not None and doc.id == best.id else "corroborating"
                    event_claim = stating[doc.id]
                    quote_claim = event_claim.claim if event_claim else None
                else:
                    role = "corroborating" if dm.role == "news" else "background"
                    quote_claim = None
                if quote_claim is None:
                    quote_claim = next((c for c in dm.claims if c.field == "action"), dm.claims[0])
                if best is None and role == "corroborating" and doc.id == docs[0].id:
                    role = "primary"
                source_rows.append(
                    {
                        "event_id": event.id,
                        "document_id": doc.id,
                        "role": role,
                        "quote": texts[doc.id][quote_claim.quote_start : quote_claim.quote_end],
                        "claim_id": quote_claim.id,
                    }
                )
        for number, conflict in enumerate(m.conflicts):
            conflict_rows.append(
                {
                    "id": hashlib.sha256(
                        f"{m.id}|{conflict.field}|{conflict.value}|{conflict.document_id}|{number}".encode()
                    ).hexdigest()[:16],
                    "measure_id": m.id,
                    "field": conflict.field,
                    "chosen_value": conflict.chosen,
                    "other_value": conflict.value,
                    "document_id": conflict.document_id,
                    "claim_id": conflict.claim_id,
                }
            )
    db["measures"].insert_all(measure_rows)
    db["measure_products"].insert_all(product_rows, ignore=True)
    db["events"].insert_all(event_rows, replace=True)
    db["event_sources"].insert_all(source_rows, replace=True)
    db["measure_links"].insert_all(
        (
            {
                "from_measure_id": link.from_measure,
                "to_measure_id": link.to_measure,
                "relation": link.relation,
                "document_id": link.document_id,
            }
            for link in links
        ),
        replace=True,
    )
    db["conflicts"].insert_all(conflict_rows, replace=True)
    report.measures = len(measure_rows)
    report.events = len(event_rows)
    report.conflicts = len(conflict_rows)
