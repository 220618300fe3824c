"""Le Soir (fr, RSS with a keyword filter; two Le Soir+ articles behind the paywall)."""

from db.documents import canonicalize
from tests.sourcecheck import by_url, check_source, extraction, feed_links_and_followed, measures_in

FEED = "https://www.lesoir.be/rss2/2/cible_principale"


def test_feed_articles_and_documents():
    documents = check_source("be_lesoir")
    assert len(documents) == 3
    found = measures_in(documents)
    assert ("be", "deepseek", "restrictive") in found
    assert ("be-gent", "grok", "restrictive") in found
    assert ("be-gent", "deepseek", "restrictive") in found


def test_off_topic_feed_items_are_not_followed():
    links, articles = feed_links_and_followed("be_lesoir", FEED)
    off_topic = [link for link in links if "meteo" in link or "budget-federal" in link]
    assert len(links) == 5 and len(off_topic) == 2
    assert not {canonicalize(link) for link in off_topic} & articles


def test_federal_ban_announced_for_1_december():
    document = by_url(check_source("be_lesoir"), "676412")
    federal = [
        m
        for m in extraction(document).measures
        if m.jurisdiction == "be" and m.role == "news" and "deepseek" in m.products
    ]
    assert any(
        e.type == "in_force" and e.date.isoformat() == "2025-12-01" for e in federal[0].events
    )


def test_school_debate_is_not_a_ban():
    document = by_url(check_source("be_lesoir"), "701238")
    assert extraction(document).measures == []


def test_antwerp_without_plans_is_not_a_measure():
    document = by_url(check_source("be_lesoir"), "729874")
    assert all(m.jurisdiction != "be-antwerpen" for m in extraction(document).measures)
