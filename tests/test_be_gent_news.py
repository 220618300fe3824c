"""City of Ghent news (nl, paginated HTML listing, one page with broken markup)."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_listing_pages_and_documents():
    documents = check_source("be_gent_news")
    assert len(documents) == 5
    found = measures_in(documents)
    assert ("be-gent", "grok", "restrictive") in found
    assert ("be-gent", "deepseek", "restrictive") in found
    assert ("be-gent", "tiktok", "restrictive") in found


def test_broken_markup_page_still_gives_its_text():
    document = by_url(check_source("be_gent_news"), "tiktok-niet-langer-toegelaten")
    assert "TikTok" in document.text and document.published == "2023-03-14"


def test_guidelines_and_workshops_are_not_bans():
    documents = check_source("be_gent_news")
    for fragment in ("richtlijnen", "digitale-inclusie", "fietsbrug"):
        assert extraction(by_url(documents, fragment)).measures == []
