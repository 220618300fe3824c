"""Lokaal Beslist (nl, JSON:API): agenda items of local councils become documents."""

from tests.sourcecheck import check_source, extraction, measures_in


def test_api_items_become_documents_once():
    documents = check_source("be_lokaalbeslist")
    assert len({d.id for d in documents}) == len(documents) == 4
    assert all(
        d.url.startswith("https://lokaalbeslist.vlaanderen.be/agendapunten/") for d in documents
    )


def test_council_items():
    documents = check_source("be_lokaalbeslist")
    found = measures_in(documents)
    assert ("be-gent", "grok", "restrictive") in found
    antwerp = [d for d in documents if "Antwerpen" in d.text]
    assert antwerp and all(
        m.jurisdiction != "be-antwerpen" for d in antwerp for m in extraction(d).measures
    )
