"""Europäisches Parlament press releases (de, RSS)."""

from tests.sourcecheck import check_source, measures_in


def test_feed_articles_and_documents():
    documents = check_source("eu_ep_press_de")
    found = measures_in(documents)
    assert ("eu-ep", "tiktok", "restrictive") in found
    assert ("eu", "nudify-apps", "legislative") in found
