"""EUR-Lex Official Journal L feed (en, RSS with keyword filter). The acts are fictitious: an
implementing decision on AI standards and a customs classification of an AI accelerator card;
neither bans anything."""

from bantracker.sources import load_sources
from db.documents import html_document
from tests.helpers import demo_pages
from tests.sourcecheck import check_source, crawl_fixtures, extraction


def test_feed_articles_and_documents():
    documents = check_source("eu_eurlex_legislation")
    assert len(documents) == 2
    assert all(d.published == "2026-06-22" for d in documents)


def test_acts_without_ai_keyword_are_not_followed():
    articles, _ = crawl_fixtures("eu_eurlex_legislation")
    assert not any("L_202601255" in url or "L_202601249" in url for url in articles)


def test_acts_report_no_measure():
    for document in check_source("eu_eurlex_legislation"):
        assert extraction(document).measures == [], document.url


def test_declared_body_selector_keeps_recitals_and_annex():
    source = load_sources()["eu_eurlex_legislation"]
    selector = source.raw["extraction"]["body"]
    page = next(p for p in demo_pages(source.id) if "L_202601252" in p.url)
    document = html_document(
        page.url, page.path.read_text("utf-8"), source.id, source.languages, "test", None, selector
    )
    assert "General Rules for the interpretation" in document.text  # a recital
    assert "8473 30 20" in document.text  # the annex table
    assert extraction(document).measures == []
