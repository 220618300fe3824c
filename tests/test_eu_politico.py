"""POLITICO Europe (en, WordPress RSS with a keyword filter; one story updated days later)."""

from db.documents import canonicalize
from tests.sourcecheck import by_url, check_source, extraction, feed_links_and_followed, measures_in

FEED = "https://www.politico.eu/feed/"


def test_feed_articles_and_documents():
    documents = check_source("eu_politico")
    assert len(documents) == 3
    assert ("eu-ec", "tiktok", "restrictive") in measures_in(documents)


def test_off_topic_feed_item_is_not_followed():
    links, articles = feed_links_and_followed("eu_politico", FEED)
    off_topic = [link for link in links if "farm-ministers" in link]
    assert len(links) == 4 and len(off_topic) == 1
    assert canonicalize(off_topic[0]) not in articles


def test_commission_tiktok_ban_dates():
    document = by_url(check_source("eu_politico"), "remove-tiktok-work-phones")
    commission = [m for m in extraction(document).measures if m.jurisdiction == "eu-ec"]
    dates = {(e.type, e.date.isoformat()) for e in commission[0].events}
    assert ("announced", "2023-02-23") in dates and ("in_force", "2023-03-15") in dates


def test_committee_vote_with_count():
    document = by_url(check_source("eu_politico"), "nudification-apps")
    votes = [m for m in extraction(document).measures if m.action == "vote"]
    assert votes and votes[0].vote == (101, 9)
    assert "nudify-apps" in votes[0].products and votes[0].jurisdiction == "eu"


def test_code_of_practice_analysis_is_not_a_ban():
    document = by_url(check_source("eu_politico"), "code-of-practice")
    assert extraction(document).measures == []


def test_parliament_tiktok_ban_is_restrictive():
    document = by_url(check_source("eu_politico"), "remove-tiktok-work-phones")
    assert ("eu-ep", "tiktok", "restrictive") in measures_in([document])
