"""The Brussels Times (en, RSS; one page with sloppy markup, one without a date)."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_feed_articles_and_documents():
    documents = check_source("be_brusselstimes")
    found = measures_in(documents)
    assert ("be-antwerpen", "tiktok", "restrictive") in found
    assert ("be-gent", "deepseek", "restrictive") in found


def test_reports_its_own_effective_date():
    """This source gives 1 November 2025 (the official date is 1 December): kept as stated."""
    document = by_url(check_source("be_brusselstimes"), "1763408")
    federal = [m for m in extraction(document).measures if m.jurisdiction == "be"]
    assert any(e.date.isoformat() == "2025-11-01" for m in federal for e in m.events)
