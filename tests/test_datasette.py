"""The site through Datasette's own client, with the project's metadata and settings."""

import asyncio
from xml.etree import ElementTree

import pytest
import yaml
from datasette.app import Datasette
from sqlite_utils import Database

from bantracker.cli import SERVE_SETTINGS, serve_command
from bantracker.config import METADATA_FILE, TEMPLATES_DIR
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def metadata():
    return yaml.safe_load(METADATA_FILE.read_text())


@pytest.fixture
def site(public_db, metadata):
    settings = {name: (int(v) if v.isdigit() else v == "on") for name, v in SERVE_SETTINGS}
    return Datasette(
        [],
        immutables=[str(public_db)],
        metadata=metadata,
        settings=settings,
        template_dir=str(TEMPLATES_DIR),
    )


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
    # a product's timeline: by name or id, only its measures, in date order; empty: everything
    by_name = get(site, "/public/product_timeline.json?_shape=array&product=DeepSeek").json()
    by_id = get(site, "/public/product_timeline.json?_shape=array&product=deepseek").json()
    assert by_name and by_name == by_id
    assert all("DeepSeek" in row["products"] for row in by_name)
    assert [r["event_date"] for r in by_name] == sorted(r["event_date"] for r in by_name)
    everything = get(site, "/public/product_timeline.json?_shape=array&product=").json()
    timeline = get(site, "/public/timeline.json?_shape=array&_size=max").json()
    assert len(everything) == len(timeline) > len(by_name)


def test_site_is_read_only(public_db):
    """`bantracker serve` opens the database immutable, and Datasette then refuses writes."""
    command = serve_command(public_db, 8001)
    assert command[command.index("-i") + 1] == str(public_db)
    settings = {name: (int(v) if v.isdigit() else v == "on") for name, v in SERVE_SETTINGS}
    served = Datasette([], immutables=[str(public_db)], settings=settings)
    databases = get(served, "/-/databases.json").json()
    assert [d["is_mutable"] for d in databases if d["name"] == "public"] == [False]
    refused = get(served, "/public.json?sql=delete+from+measures")
    assert refused.status_code == 400
    assert Database(public_db)["measures"].count > 0


ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feeds_all_per_country_and_per_product(site):
    everything = ElementTree.fromstring(get(site, "/public/feed.atom?country=&product=").content)
    entries = everything.findall(f"{ATOM}entry")
    assert entries and all(e.find(f"{ATOM}updated") is not None for e in entries)
    belgium = ElementTree.fromstring(get(site, "/public/feed.atom?country=BE&product=").content)
    titles = [e.findtext(f"{ATOM}title") for e in belgium.findall(f"{ATOM}entry")]
    assert titles and len(titles) < len(entries)
    assert any("Ghent" in t for t in titles)
    tiktok = ElementTree.fromstring(get(site, "/public/feed.atom?country=&product=TikTok").content)
    assert all("TikTok" in e.findtext(f"{ATOM}title") for e in tiktok.findall(f"{ATOM}entry"))


def test_calendar_is_icalendar(site):
    text = get(site, "/public/calendar.ics").text
    lines = text.replace("\r\n", "\n").split("\n")
    assert lines[0] == "BEGIN:VCALENDAR" and "END:VCALENDAR" in lines
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") > 0
    assert any(line.startswith("DTSTART") for line in lines)


def test_robots_allow_measures_and_block_document_rows(site):
    robots = get(site, "/robots.txt").text
    assert "Allow: /public/measures" in robots
    assert "Disallow: /public/documents" in robots


def test_search_finds_ghent_by_its_other_names(site):
    """'Gand' and 'Ghent' find the measures of Gent; 'bloque' finds quotes saying 'bloqué'."""
    for query in ("Gent", "Gand", "Ghent", "bloque"):
        rows = get(site, f"/public/measures.json?_search={query}&_shape=array").json()
        assert rows, query
    gand = get(site, "/public/measures.json?_search=Gand&_shape=array").json()
    assert {row["jurisdiction_id"] for row in gand} == {"be-gent"}


def test_publish_runs_the_soundness_check_first(public_db, tmp_path):
    result = run_cli("publish", "docker", "--dry-run", "--db", str(public_db), data=tmp_path)
    assert "soundness check passed" in result.stdout
    command = result.stdout.strip().splitlines()[-1]
    assert "datasette package" in command and "metadata.yml" in command
    assert "--install datasette-atom" in command and "sql_time_limit_ms" in command
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database")
    failed = run_cli(
        "publish", "docker", "--dry-run", "--db", str(broken), data=tmp_path, check=False
    )
    assert failed.returncode != 0 and "nothing published" in failed.stderr
