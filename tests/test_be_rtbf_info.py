"""RTBF Info (fr, RSS; one page in ISO-8859-1, one without any date in its HTML)."""

from tests.sourcecheck import by_url, check_source, measures_in


def test_feed_articles_and_documents():
    documents = check_source("be_rtbf_info")
    found = measures_in(documents)
    assert ("be", "deepseek", "restrictive") in found
    assert ("be-gent", "grok", "restrictive") in found


def test_latin1_page_is_decoded():
    document = by_url(check_source("be_rtbf_info"), "11498213")
    assert "é" in document.text and "Ã" not in document.text


def test_date_comes_from_feed_when_page_has_none():
    document = by_url(check_source("be_rtbf_info"), "11712305")
    assert document.published == "2026-03-18"
