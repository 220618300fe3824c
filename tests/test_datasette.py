"""The site through Datasette's own client, with the project's metadata and settings."""

import asyncio

import pytest
import yaml
from datasette.app import Datasette
from sqlite_utils import Database

from bantracker.cli import SERVE_SETTINGS
from bantracker.config import METADATA_FILE


@pytest.fixture(scope="module")
def metadata():
    return yaml.safe_load(METADATA_FILE.read_text())


@pytest.fixture
def site(public_db, metadata):
    settings = {name: (int(v) if v.isdigit() else v == "on") for name, v in SERVE_SETTINGS}
    return Datasette([str(public_db)], immutables=[], metadata=metadata, settings=settings)


def test_every_documented_table_and_column_exists(public_db, metadata):
    db = Database(public_db)
    tables = metadata["databases"]["public"]["tables"]
    existing = set(db.table_names()) | set(db.view_names())
    for table, spec in tables.items():
        assert table in existing, f"metadata.yml documents missing table {table}"
        columns = {c.name for c in db[table].columns}
        assert set(spec.get("columns", {})) <= columns, table
    for table in existing:
        if "_fts" in table or table.startswith("_"):
            continue
        assert table in tables, f"{table} is not documented in metadata.yml"
        assert set(spec_cols := tables[table].get("columns", {})) == {
            c.name for c in db[table].columns
        }, (table, spec_cols)


def get(site: Datasette, path: str):
    return asyncio.run(site.client.get(path))


def test_timeline_json(site):
    response = get(site, "/public/timeline.json?_shape=array&_size=100")
    assert response.status_code == 200
    events = response.json()
    assert any(e["jurisdiction"] == "Ghent" and "Grok" in e["products"] for e in events)


def test_canned_queries_answer(site, metadata):
    params = {
        "product_timeline": "product=DeepSeek",
        "in_force_on": "date=2026-01-01",
        "jurisdiction_and_children": "jurisdiction_id=be",
    }
    for name in metadata["databases"]["public"].get("queries", {}):
        response = get(site, f"/public/{name}.json?_shape=array&{params.get(name, '')}")
        assert response.status_code == 200, (name, response.text[:300])
    belgium = get(
        site, "/public/jurisdiction_and_children.json?_shape=array&jurisdiction_id=be"
    ).json()
    assert {"Ghent", "Belgium"} <= {row["jurisdiction"] for row in belgium}


def test_site_is_read_only(site):
    response = asyncio.run(site.client.post("/public/measures/-/insert", json={"row": {"id": "x"}}))
    assert response.status_code in (403, 404, 405)
