"""City of Antwerp news (nl, paginated HTML listing, Antwerp Core Branding)."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_listing_pages_and_documents():
    documents = check_source("be_antwerpen_news")
    assert len(documents) == 3
    assert ("be-antwerpen", "tiktok", "restrictive") in measures_in(documents)


def test_no_plans_to_follow_ghent_is_not_an_antwerp_measure():
    """24 June 2026: Antwerp gives staff AI guidelines and does not block Grok or DeepSeek."""
    document = by_url(check_source("be_antwerpen_news"), "afspraken-over-ai")
    assert document.published == "2026-06-24"
    assert all(m.jurisdiction != "be-antwerpen" for m in extraction(document).measures)


def test_playground_is_off_topic():
    document = by_url(check_source("be_antwerpen_news"), "speeltuin")
    result = extraction(document)
    assert result.measures == [] and not result.relevant
