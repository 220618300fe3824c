"""Data News / Knack (nl, WordPress RSS with a keyword filter)."""

from db.documents import canonicalize
from tests.sourcecheck import by_url, check_source, extraction, feed_links_and_followed, measures_in

FEED = "https://datanews.knack.be/feed/"


def test_feed_articles_and_documents():
    documents = check_source("be_knack_datanews")
    assert len(documents) == 2
    assert ("be", "deepseek", "restrictive") in measures_in(documents)


def test_smartphone_review_is_not_followed():
    links, articles = feed_links_and_followed("be_knack_datanews", FEED)
    review = [link for link in links if "review-fairphone" in link]
    assert len(links) == 3 and len(review) == 1
    assert canonicalize(review[0]) not in articles


def test_federal_ban_takes_effect_on_1_december():
    document = by_url(check_source("be_knack_datanews"), "na-analyse-van-ccb")
    federal = [m for m in extraction(document).measures if m.jurisdiction == "be"]
    assert federal and "deepseek" in federal[0].products
    assert any(
        e.type == "in_force" and e.date.isoformat() == "2025-12-01" for e in federal[0].events
    )


def test_new_model_release_is_not_a_ban():
    document = by_url(check_source("be_knack_datanews"), "redeneermodel-r1")
    assert extraction(document).measures == []
