"""The relevance gate (db/relevance.py) turns pages away before they are parsed; it must never
turn away a page whose extracted text uses an action word, and a build with it must give the
same databases as a build without it."""

from __future__ import annotations

import html
import random
import re
import sqlite3
from datetime import date
from pathlib import Path

import yaml

from bantracker.config import DEMO_PAGES_DIR
from bantracker.sources import load_sources
from db import build as build_module
from db.decoding import decode_body
from db.documents import html_document
from db.relevance import action_words, could_report, rough_text
from db.text import fold
from tests.helpers import REPO, demo_pages


def html_pages() -> list[tuple[str, str, Path]]:
    pages = []
    for manifest in sorted(DEMO_PAGES_DIR.glob("*/manifest.yml")):
        for page in demo_pages(manifest.parent.name):
            if "html" in page.content_type:
                pages.append((manifest.parent.name, page.url, page.path))
    return pages


def test_no_demo_page_with_an_action_word_is_turned_away():
    sources = load_sources()
    turned_away = kept = 0
    for source_id, url, path in html_pages():
        source = sources[source_id]
        page = decode_body(path.read_bytes(), "text/html").text
        document = html_document(url, page, source_id, source.languages, "test")
        uses_action_word = action_words().any(fold(document.text))
        if could_report(page):
            kept += 1
        else:
            assert not uses_action_word, url
            turned_away += 1
    # the gate does something on real page shapes, in both directions
    assert turned_away >= 5 and kept >= 60


def marked_up(text: str, rng: random.Random) -> str:
    """An evaluation text as a news page: paragraphs, inline markup inside and around words,
    entities, scripts and styles that use action words of their own in code."""

    def escaped(part: str) -> str:
        return html.escape(part, quote=False).replace("é", "&eacute;")

    words = []
    for word in re.split(r"(\s+)", text):
        roll = rng.random()
        if word.strip() and roll < 0.05 and len(word) > 3:
            cut = rng.randrange(1, len(word) - 1)
            words.append(f"{escaped(word[:cut])}<em>{escaped(word[cut:])}</em>")  # split by a tag
        elif word.strip() and roll < 0.15:
            words.append(f'<a href="/x">{escaped(word)}</a>')
        else:
            words.append(escaped(word))
    body = "".join(words).replace("\n\n", "</p>\n<p>")
    return (
        "<html><head><style>.x{display:block}</style>"
        "<script>if (banned) { block(); }</script></head>"
        f"<body><nav><ul><li>Home</li></ul></nav><article><p>{body}</p></article></body></html>"
    )


def test_marked_up_evaluation_texts_keep_their_action_words():
    """Every evaluation text that uses an action word still does after markup is taken off."""
    rng = random.Random(7)
    checked = 0
    for path in sorted((REPO / "eval").glob("*/[ghd]-*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = f"{data['title']}\n\n{data['text']}"
        if action_words().any(fold(text)):
            page = marked_up(text, rng)
            assert could_report(page), path.name
            checked += 1
    assert checked >= 60


def test_code_and_markup_alone_do_not_pass_the_gate():
    page = (
        "<html><head><title>Budget</title><style>.ban{display:block}</style>"
        "<script>var banned = true; function block() {}</script></head>"
        '<body><div class="cookie-banner">OK</div><p>De gemeenteraad besprak de begroting.</p>'
        "</body></html>"
    )
    assert not could_report(page)
    assert "display" not in rough_text(page)
    # the same words in the text, a meta description or a feed entry do pass
    assert could_report(page.replace("besprak de begroting", "verbiedt TikTok"))
    assert could_report(
        page.replace("<title>", '<meta name="description" content="TikTok verboden"><title>')
    )
    assert could_report(page, {"summary": "Gent blokkeert Grok"})


def table_rows(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    out = {}
    for table in ("documents", "claims", "measures", "events", "conflicts"):
        columns = [
            row[1]
            for row in connection.execute(f"PRAGMA table_info([{table}])")
            if row[1] not in ("first_seen", "last_seen")
        ]
        out[table] = sorted(
            connection.execute(f"SELECT {', '.join(columns)} FROM [{table}]").fetchall(), key=repr
        )
    connection.close()
    return out


def test_a_build_with_the_gate_equals_one_without(demo_data, tmp_path, monkeypatch):
    sources = load_sources()
    results = {}
    for gate in (True, False):
        monkeypatch.setattr(build_module, "PAGE_GATE", gate)
        out = tmp_path / str(gate)
        out.mkdir()
        report = build_module.build(
            demo_data / "archive",
            out / "work.sqlite",
            out / "public.sqlite",
            sources,
            date(2026, 11, 23),
            reviews_dir=REPO / "db" / "reviews",
        )
        results[gate] = (table_rows(out / "public.sqlite"), report)
    (gated, gated_report), (full, full_report) = results[True], results[False]
    assert gated_report.unparsed > 0 and full_report.unparsed == 0
    assert gated_report.documents == full_report.documents
    for table, rows in full.items():
        assert gated[table] == rows, table


def test_an_app_suspended_as_a_whole_passes_the_gate():
    """The extractor reads 'le gouvernement suspend TikTok' as a block although no action
    word says so; the gate must not drop such a page."""
    page = (
        "<html><head><title>Sénégal</title></head><body><h1>Le gouvernement suspend "
        "TikTok</h1><p>La suspension de l'application prend effet immédiatement.</p></body></html>"
    )
    assert not action_words().any(fold(rough_text(page)))
    assert could_report(page)
