"""European Parliament press releases (en, RSS)."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_feed_articles_and_documents():
    documents = check_source("eu_ep_press_en")
    found = measures_in(documents)
    assert ("eu-ep", "tiktok", "restrictive") in found


def test_committee_vote_with_count():
    document = by_url(check_source("eu_ep_press_en"), "20260318")
    votes = [m for m in extraction(document).measures if m.action == "vote"]
    assert votes and votes[0].vote == (101, 9)
    assert "nudify-apps" in votes[0].products and votes[0].jurisdiction == "eu"
