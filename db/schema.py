"""The database schema, as sqlite-utils migrations, and the researchers' views.

The working database and the public one share this schema; the public one is derived from the
working one without full texts (db/public.py). Column meanings are documented in metadata.yml,
and a test checks that every documented column exists.
"""

from __future__ import annotations

from sqlite_migrate import Migrations
from sqlite_utils import Database

migrations = Migrations("bantracker")

TIMELINE_COLUMNS = [
    "event_id",
    "measure_id",
    "event_date",
    "date_precision",
    "event_type",
    "action",
    "jurisdiction",
    "jurisdiction_level",
    "country_code",
    "actor",
    "products",
    "vendors",
    "vendor_countries",
    "scope",
    "rationales",
    "status",
    "vote",
    "summary",
    "source_count",
    "first_source_url",
    "reviewed",
    "first_seen",
    "last_change",
]
EVIDENCE_COLUMNS = [
    "event_id",
    "measure_id",
    "document_id",
    "url",
    "source",
    "source_kind",
    "published",
    "language",
    "role",
    "quote",
]


@migrations()
def m001_reference(db: Database) -> None:
    db["sources"].create(
        {
            "id": str,
            "title": str,
            "publisher": str,
            "country": str,
            "official": int,
            "kind": str,
            "reliability": str,
            "languages": str,
            "spider": str,
            "schedule": str,
            "licence": str,
            "urls": str,
        },
        pk="id",
    )
    db["jurisdictions"].create(
        {
            "id": str,
            "name_en": str,
            "name_nl": str,
            "name_fr": str,
            "name_de": str,
            "level": str,
            "parent_id": str,
            "country_code": str,
            "wikidata": str,
            "latitude": float,
            "longitude": float,
            "aliases": str,
        },
        pk="id",
        foreign_keys=[("parent_id", "jurisdictions", "id")],
    )
    db["actors"].create(
        {"id": str, "name": str, "kind": str, "jurisdiction_id": str, "decides": int},
        pk="id",
        foreign_keys=[("jurisdiction_id", "jurisdictions", "id")],
    )
    db["products"].create(
        {
            "id": str,
            "name": str,
            "aliases": str,
            "vendor": str,
            "vendor_country": str,
            "category": str,
            "wikidata": str,
        },
        pk="id",
    )
    db["rationales"].create(
        {"id": str, "label_en": str, "label_nl": str, "label_fr": str, "label_de": str},
        pk="id",
    )


@migrations()
def m002_documents_claims(db: Database) -> None:
    db["documents"].create(
        {
            "id": str,
            "url": str,
            "canonical_url": str,
            "source_id": str,
            "title": str,
            "published": str,
            "modified": str,
            "language": str,
            "content_hash": str,
            "first_seen": str,
            "last_seen": str,
            "versions": int,
            "measure_count": int,
            "warnings": str,
            "description": str,
            "text": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["documents"].create_index(["source_id"])
    db["documents"].create_index(["published"])
    db["claims"].create(
        {
            "id": str,
            "document_id": str,
            "measure_id": str,
            "field": str,
            "value": str,
            "quote": str,
            "quote_start": int,
            "quote_end": int,
            "value_start": int,
            "value_end": int,
            "sentence": int,
            "role": str,
            "confidence": float,
            "extractor_version": str,
            "first_seen": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["claims"].create_index(["document_id"])
    db["claims"].create_index(["measure_id"])


@migrations()
def m003_measures_events(db: Database) -> None:
    db["measures"].create(
        {
            "id": str,
            "jurisdiction_id": str,
            "actor_id": str,
            "action": str,
            "family": str,
            "products": str,
            "product_ids": str,
            "vendors": str,
            "vendor_countries": str,
            "scope": str,
            "rationales": str,
            "status": str,
            "summary": str,
            "vote_for": int,
            "vote_against": int,
            "officials": str,
            "first_event_date": str,
            "last_event_date": str,
            "source_count": int,
            "conflict_count": int,
            "reviewed": int,
            "review_note": str,
            "first_seen": str,
            "last_seen": str,
            "last_change": str,
            "search_text": str,
        },
        pk="id",
        foreign_keys=[("jurisdiction_id", "jurisdictions", "id"), ("actor_id", "actors", "id")],
    )
    db["measures"].create_index(["jurisdiction_id"])
    db["measure_products"].create(
        {"measure_id": str, "product_id": str},
        pk=("measure_id", "product_id"),
        foreign_keys=[("measure_id", "measures", "id"), ("product_id", "products", "id")],
    )
    db["measure_products"].create_index(["product_id"])
    db["events"].create(
        {
            "id": str,
            "measure_id": str,
            "event_type": str,
            "event_date": str,
            "date_precision": str,
            "date_basis": str,
            "source_count": int,
            "reviewed": int,
            "first_seen": str,
        },
        pk="id",
        foreign_keys=[("measure_id", "measures", "id")],
    )
    db["events"].create_index(["measure_id"])
    db["events"].create_index(["event_date"])
    db["event_sources"].create(
        {"event_id": str, "document_id": str, "role": str, "quote": str, "claim_id": str},
        pk=("event_id", "document_id"),
        foreign_keys=[("event_id", "events", "id"), ("document_id", "documents", "id")],
    )
    db["measure_links"].create(
        {"from_measure_id": str, "to_measure_id": str, "relation": str, "document_id": str},
        pk=("from_measure_id", "to_measure_id", "relation"),
        foreign_keys=[
            ("from_measure_id", "measures", "id"),
            ("to_measure_id", "measures", "id"),
            ("document_id", "documents", "id"),
        ],
    )
    db["conflicts"].create(
        {
            "id": str,
            "measure_id": str,
            "field": str,
            "chosen_value": str,
            "other_value": str,
            "document_id": str,
            "claim_id": str,
        },
        pk="id",
        foreign_keys=[("measure_id", "measures", "id"), ("document_id", "documents", "id")],
    )


TIMELINE_SQL = """
CREATE VIEW timeline AS
SELECT
  e.id AS event_id,
  m.id AS measure_id,
  e.event_date,
  e.date_precision,
  e.event_type,
  m.action,
  j.name_en AS jurisdiction,
  j.level AS jurisdiction_level,
  j.country_code,
  COALESCE(a.name, j.name_en) AS actor,
  m.products,
  m.vendors,
  m.vendor_countries,
  m.scope,
  m.rationales,
  m.status,
  CASE WHEN m.vote_for IS NOT NULL THEN m.vote_for || '-' || m.vote_against END AS vote,
  m.summary,
  m.source_count,
  (SELECT d.url FROM event_sources es JOIN documents d ON d.id = es.document_id
    WHERE es.event_id = e.id
    ORDER BY es.role = 'primary' DESC, d.published, d.id LIMIT 1) AS first_source_url,
  MAX(m.reviewed, e.reviewed) AS reviewed,
  m.first_seen,
  m.last_change
FROM events e
JOIN measures m ON m.id = e.measure_id
JOIN jurisdictions j ON j.id = m.jurisdiction_id
LEFT JOIN actors a ON a.id = m.actor_id
"""

EVIDENCE_SQL = """
CREATE VIEW evidence AS
SELECT
  es.event_id,
  e.measure_id,
  es.document_id,
  d.url,
  d.source_id AS source,
  s.kind AS source_kind,
  d.published,
  d.language,
  es.role,
  es.quote
FROM event_sources es
JOIN events e ON e.id = es.event_id
JOIN documents d ON d.id = es.document_id
JOIN sources s ON s.id = d.source_id
"""

CONFLICTS_VIEW_SQL = """
CREATE VIEW measure_conflicts AS
SELECT c.measure_id, m.summary, c.field, c.chosen_value, c.other_value, d.url,
       d.source_id AS source, cl.quote
FROM conflicts c
JOIN measures m ON m.id = c.measure_id
JOIN documents d ON d.id = c.document_id
LEFT JOIN claims cl ON cl.id = c.claim_id
"""


@migrations()
def m004_views(db: Database) -> None:
    db.execute(TIMELINE_SQL)
    db.execute(EVIDENCE_SQL)
    db.execute(CONFLICTS_VIEW_SQL)


@migrations()
def m005_history(db: Database) -> None:
    db["runs"].create(
        {
            "run_id": str,
            "kind": str,
            "started": str,
            "finished": str,
            "status": str,
            "exit_code": int,
            "documents_new": int,
            "documents_changed": int,
            "measures_new": int,
            "measures_changed": int,
            "measures_lifted": int,
            "message": str,
            "source_count": int,
        },
        pk="run_id",
    )
    db["run_sources"].create(
        {
            "run_id": str,
            "source_id": str,
            "requests": int,
            "responses": int,
            "by_status": str,
            "documents": int,
            "errors": int,
            "duration_s": float,
            "warning": str,
        },
        pk=("run_id", "source_id"),
        foreign_keys=[("run_id", "runs", "run_id")],
    )
    db["changes"].create(
        {
            "id": str,
            "run_id": str,
            "at": str,
            "measure_id": str,
            "change": str,
            "field": str,
            "old_value": str,
            "new_value": str,
        },
        pk="id",
    )
    db["changes"].create_index(["at"])


@migrations()
def m006_run_sources_unchanged(db: Database) -> None:
    """Incremental crawls: pages a run found unchanged are neither fetched nor missing."""
    db["run_sources"].add_column("unchanged", int, not_null_default=0)


@migrations()
def m007_events_by_measure_and_type(db: Database) -> None:
    """The canned queries ask, per measure, for its earliest event of a type and for liftings
    before a date: one index answers both without reading the table."""
    db["events"].create_index(["measure_id", "event_type", "event_date"])


MEASURE_SPANS_SQL = """
CREATE VIEW measure_spans AS
SELECT m.id AS measure_id,
       COALESCE(
         (SELECT MIN(e.event_date) FROM events e
          WHERE e.measure_id = m.id AND e.event_type = 'in_force'),
         (SELECT MIN(e.event_date) FROM events e
          WHERE e.measure_id = m.id AND e.event_type IN ('announced', 'adopted'))
       ) AS start_date,
       CASE WHEN EXISTS (SELECT 1 FROM events e
                         WHERE e.measure_id = m.id AND e.event_type = 'in_force')
            THEN 'in_force' ELSE 'announced' END AS start_basis,
       (SELECT MIN(e.event_date) FROM events e
        WHERE e.measure_id = m.id AND e.event_type IN ('lifted', 'expired', 'suspended'))
         AS end_date
FROM measures m
WHERE m.family IN ('restrictive', 'app_store') AND m.action != 'lift'
"""


@migrations()
def m008_measure_spans(db: Database) -> None:
    """When each restrictive measure started and first stopped: 'in force on a date' becomes a
    range lookup instead of three subqueries per measure."""
    db.execute(MEASURE_SPANS_SQL)


@migrations()
def m009_changes_newest_first(db: Database) -> None:
    """The feed lists changes newest first with a tie-break on id; one run writes all its
    changes with the same time, so an index on time alone left SQLite sorting a whole run's
    changes to return the first 200."""
    db["changes"].create_index(["at", "id"], index_name="idx_changes_at_id", if_not_exists=True)


def create_schema(db: Database) -> None:
    migrations.apply(db)


def enable_search(db: Database, full_text: bool) -> None:
    """FTS5 with diacritics folded, so 'reglementation' finds 'réglementation'."""
    document_columns = ["title", "text"] if full_text else ["title"]
    db["documents"].enable_fts(
        document_columns,
        fts_version="FTS5",
        tokenize="unicode61 remove_diacritics 2",
        create_triggers=False,
        replace=True,
    )
    db["measures"].enable_fts(
        ["summary", "search_text"],
        fts_version="FTS5",
        tokenize="unicode61 remove_diacritics 2",
        create_triggers=False,
        replace=True,
    )
