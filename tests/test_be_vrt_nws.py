"""VRT NWS (nl, RSS): the federal DeepSeek ban, its entry into force, Ghent, TikTok 2023."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_feed_articles_and_documents():
    documents = check_source("be_vrt_nws")
    found = measures_in(documents)
    assert ("be", "deepseek", "restrictive") in found
    assert ("be-gent", "grok", "restrictive") in found
    assert ("be-vlg", "tiktok", "restrictive") in found


def test_in_force_date_from_relative_words():
    """'vanaf vandaag' in an article of 1 December 2025 dates the entry into force."""
    document = by_url(check_source("be_vrt_nws"), "2025/12/01")
    federal = [
        m
        for m in extraction(document).measures
        if m.jurisdiction == "be" and "deepseek" in m.products
    ]
    assert any(
        e.type == "in_force" and e.date.isoformat() == "2025-12-01" for e in federal[0].events
    )


def test_unrelated_and_no_ban_articles_yield_nothing():
    documents = check_source("be_vrt_nws")
    for fragment in ("wielertoeristen", "chatgpt-in-de-klas", "technologieaandelen"):
        assert extraction(by_url(documents, fragment)).measures == []
