"""The demo database, built through the real CLI from the bundled archive."""

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.schema import EVIDENCE_COLUMNS, TIMELINE_COLUMNS
from tests.conftest import run_cli


def rows(db: Path, sql: str, *params) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(sql, params)]


def measure(db: Path, jurisdiction: str, product: str, family: str = "restrictive") -> dict:
    found = rows(
        db,
        "SELECT * FROM measures WHERE jurisdiction_id = ? AND family = ? AND EXISTS "
        "(SELECT 1 FROM json_each(product_ids) WHERE value = ?)",
        jurisdiction,
        family,
        product,
    )
    assert len(found) == 1, f"{jurisdiction}/{product}/{family}: {len(found)} measures"
    return found[0]


def events(db: Path, measure_id: str) -> dict[str, str]:
    return {
        r["event_type"]: r["event_date"]
        for r in rows(db, "SELECT * FROM events WHERE measure_id = ?", measure_id)
    }


@pytest.mark.parametrize("name", ["public_db", "work_db"])
def test_views_have_the_documented_columns(name, request):
    db = Database(request.getfixturevalue(name))
    assert [c.name for c in db["timeline"].columns] == TIMELINE_COLUMNS
    assert [c.name for c in db["evidence"].columns] == EVIDENCE_COLUMNS


def test_seed_events_are_in_the_timeline(public_db):
    federal = measure(public_db, "be", "deepseek")
    assert (
        events(public_db, federal["id"]).items()
        >= {"announced": "2025-09-11", "in_force": "2025-12-01"}.items()
    )
    ghent = measure(public_db, "be-gent", "grok")
    assert set(json.loads(ghent["product_ids"])) == {"grok", "deepseek"}
    assert "2026-06-23" in events(public_db, ghent["id"]).values()
    assert {"government_devices", "government_network"} <= set(json.loads(ghent["scope"]))
    for jurisdiction in ("be", "be-vlg", "be-gent", "be-antwerpen"):
        tiktok = measure(public_db, jurisdiction, "tiktok")
        assert tiktok["first_event_date"].startswith("2023-03"), jurisdiction
    vote = measure(public_db, "eu", "nudify-apps", "legislative")
    assert (vote["vote_for"], vote["vote_against"]) == (101, 9)
    assert events(public_db, vote["id"]).get("vote") == "2026-03-18"
    measure(public_db, "au", "deepseek")
    measure(public_db, "kr", "deepseek", "app_store")


def test_several_sources_support_one_measure_and_conflicts_are_kept(public_db):
    federal = measure(public_db, "be", "deepseek")
    assert federal["source_count"] >= 6
    conflicts = rows(
        public_db, "SELECT * FROM measure_conflicts WHERE measure_id = ?", federal["id"]
    )
    assert any(
        c["other_value"] == "2025-11-01" and c["chosen_value"] == "2025-12-01" for c in conflicts
    )
    roles = {
        r["role"]
        for r in rows(public_db, "SELECT * FROM evidence WHERE measure_id = ?", federal["id"])
    }
    assert {"primary", "corroborating", "contradicting"} <= roles


def test_documents_without_a_ban_yield_no_measure(public_db):
    no_ban = rows(public_db, "SELECT url FROM documents WHERE measure_count = 0")
    assert len(no_ban) >= 8
    urls = {r["url"] for r in rows(public_db, "SELECT url FROM documents")}
    assert not any("wielertoeristen" in u or "fietsbrug" in u for u in urls), (
        "off-topic pages are kept out"
    )


def test_every_event_links_to_its_sources(public_db):
    orphans = rows(
        public_db, "SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM evidence)"
    )
    assert orphans == []
    for row in rows(public_db, "SELECT quote, url FROM evidence"):
        assert row["quote"] and len(row["quote"]) <= 300 and row["url"].startswith("http")


def test_public_database_has_no_full_texts(public_db, work_db):
    assert "text" not in Database(public_db)["documents"].columns_dict
    assert (
        rows(work_db, "SELECT COUNT(*) AS n FROM documents WHERE length(text) > 1000")[0]["n"] > 20
    )


def test_search_folds_accents(public_db):
    hits = rows(public_db, "SELECT rowid FROM measures_fts WHERE measures_fts MATCH 'gand'")
    assert hits, "the French name of Ghent finds its measures"
    hits = rows(
        public_db, "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'interdiction'"
    )
    assert hits


def test_rebuild_gives_the_same_ids_and_uses_the_cache(demo_data, tmp_path):
    published = (demo_data / "public.sqlite").read_bytes()
    before = {r["id"] for r in rows(demo_data / "public.sqlite", "SELECT id FROM measures")}
    unchanged = run_cli("build", "--as-of", "2026-11-23", data=demo_data)
    assert "nothing to rebuild" in unchanged.stdout
    assert (demo_data / "public.sqlite").read_bytes() == published
    rebuilt = run_cli("build", "--as-of", "2026-11-24", data=demo_data)  # another date: rebuild
    after = {r["id"] for r in rows(demo_data / "public.sqlite", "SELECT id FROM measures")}
    assert before == after
    assert " 0 misses" in rebuilt.stdout


def test_failed_build_leaves_the_published_database_alone(demo_data, tmp_path):
    """A build whose checks fail (here: an archive that lost most documents) swaps nothing."""
    published = (demo_data / "public.sqlite").read_bytes()
    partial = tmp_path / "data"
    (partial / "archive").mkdir(parents=True)
    (partial / "public.sqlite").write_bytes(published)
    result = run_cli("build", data=partial, check=False)
    assert result.returncode != 0 and "nothing was published" in result.stderr
    assert "--allow-drop" in result.stderr  # the way out when the drop is expected
    assert (partial / "public.sqlite").read_bytes() == published
    # an operator who expects the drop (an extractor change) publishes it on purpose
    run_cli("build", "--allow-drop", data=partial)
    assert rows(partial / "public.sqlite", "SELECT COUNT(*) AS n FROM documents") == [{"n": 0}]


def test_reviewed_measures_say_so(public_db):
    """db/reviews/ confirms Ghent's block and corrects the federal DeepSeek ban's products;
    every other measure says it is not reviewed."""
    ghent = measure(public_db, "be-gent", "grok")
    assert ghent["reviewed"] == 1 and "stad.gent" in ghent["review_note"]
    flags = {
        r["reviewed"]
        for r in rows(public_db, "SELECT reviewed FROM timeline WHERE measure_id = ?", ghent["id"])
    }
    assert flags == {1}
    federal = measure(public_db, "be", "deepseek")
    assert federal["reviewed"] == 1 and json.loads(federal["products"]) == ["DeepSeek"]
    reviewed = {ghent["id"], federal["id"]}
    others = [
        r for r in rows(public_db, "SELECT id, reviewed FROM measures") if r["id"] not in reviewed
    ]
    assert others and {r["reviewed"] for r in others} == {0}


def test_a_review_of_an_unknown_measure_is_reported(tmp_path):
    from db.reviews import ReviewError, load_reviews

    (tmp_path / "bad.yml").write_text("- measure: abc\n  set: {action: ban}\n")
    with pytest.raises(ReviewError, match="bad.yml: review 1: needs source_url and quote"):
        load_reviews(tmp_path)
