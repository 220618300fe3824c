"""Meta-tests: declarations and lookups only use the vocabulary, every source is tested."""

from pathlib import Path

import pytest
import yaml

from bantracker.config import DEMO_PAGES_DIR, SOURCES_DIR
from bantracker.sources import SourceError, load_sources, parse_source
from db.reference import ACTIONS, CATEGORIES, EVENT_TYPES, LEVELS, SCOPES, load_reference

TESTS = Path(__file__).parent


def test_every_source_validates_and_has_fixtures_and_a_test():
    sources = load_sources()
    assert len(sources) >= 12
    for source_id, source in sources.items():
        assert (TESTS / f"test_{source_id}.py").is_file(), f"no tests/test_{source_id}.py"
        if source.spider != "manual":
            assert (DEMO_PAGES_DIR / source_id / "manifest.yml").is_file(), (
                f"no fixtures for {source_id}"
            )


def test_a_bad_declaration_is_reported_with_its_name():
    data = yaml.safe_load((SOURCES_DIR / "be_vrt_nws.yml").read_text())
    data["kind"] = "blog"
    with pytest.raises(SourceError, match="broken.yml: kind"):
        parse_source(data, "broken.yml")


def test_reference_data_uses_the_vocabulary():
    ref = load_reference()
    for row in ref.jurisdictions.values():
        assert row["level"] in LEVELS, row["id"]
        assert row.get("parent") is None or row["parent"] in ref.jurisdictions, row["id"]
        assert isinstance(row["id"], str) and row["id"] == row["id"].lower()
    for row in ref.actors.values():
        jurisdiction = row["jurisdiction"]
        assert jurisdiction in ref.jurisdictions or jurisdiction in (
            "context:federal",
            "context:national",
            "context:municipal",
            "context:lower_house",
        ), row["id"]
    for row in ref.products.values():
        assert row["category"] in CATEGORIES, row["id"]
    assert set(ref.actions) <= set(ACTIONS) | {"remove", "investigation", "same"}
    assert set(ref.scopes) == set(SCOPES)
    # besides the event types, two cue groups that type a date as the start (in_force)
    assert set(ref.events) <= set(EVENT_TYPES) | {"put_in_place", "from_ahead"}


def test_reference_ids_are_declared_once():
    """A second entry with the same id would silently replace the first when loaded."""
    reference = TESTS.parent / "db" / "reference"
    for name in ("jurisdictions.yml", "products.yml", "actors.yml", "rationales.yml"):
        rows = yaml.safe_load((reference / name).read_text(encoding="utf-8"))
        rows = rows if isinstance(rows, list) else list(rows.values())
        ids = [row["id"] for row in rows if isinstance(row, dict) and "id" in row]
        assert ids, name
        assert sorted({i for i in ids if ids.count(i) > 1}) == [], name


def test_gold_annotations_use_the_vocabulary():
    ref = load_reference()
    for path in sorted((TESTS.parent / "eval").glob("*/[ghd]-*.yml")):
        doc = yaml.safe_load(path.read_text())
        for measure in doc["expected"] or []:
            assert measure["action"] in ACTIONS, path.name
            assert set(measure.get("scope") or []) <= set(SCOPES), path.name
            assert set(measure.get("rationales") or []) <= set(ref.rationales), path.name
            assert all(e["type"] in EVENT_TYPES for e in measure.get("events") or []), path.name
