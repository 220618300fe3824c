"""GDELT discovery (JSON article lists): articles in our languages are followed, others are not,
and an answer that is not JSON is logged, never fatal."""

import logging

from tests.sourcecheck import by_url, check_source, extraction, walk_fixtures


def test_lists_lead_to_articles_in_our_languages():
    articles, _, visited = walk_fixtures("xx_gdelt")
    assert len(visited) == 4  # one list per query
    assert all("hln.be" in a or "7sur7.be" in a for a in articles) and len(articles) == 2
    assert not any("rtl.it" in a for a in articles)  # Italian: not a language we read


def test_plain_text_answer_is_logged_and_skipped(caplog):
    with caplog.at_level(logging.WARNING):
        walk_fixtures("xx_gdelt")
    assert any(
        "no JSON" in r.getMessage() and "sourcelang" in r.getMessage() for r in caplog.records
    )


def test_discovered_articles_become_documents_with_their_measures():
    documents = check_source("xx_gdelt")
    ghent = by_url(documents, "hln.be")
    assert ghent.language == "nl" and ghent.published == "2026-06-23"
    found = {(m.jurisdiction, p) for m in extraction(ghent).measures for p in m.products}
    assert ("be-gent", "grok") in found and ("be-gent", "deepseek") in found
    federal = by_url(documents, "7sur7.be")
    assert federal.language == "fr"
    measures = extraction(federal).measures
    assert any(m.jurisdiction == "be" and "deepseek" in m.products for m in measures)
