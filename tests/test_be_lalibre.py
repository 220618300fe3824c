"""La Libre Belgique (fr, Arc XP RSS with a keyword filter; one article behind the paywall)."""

from db.documents import canonicalize
from tests.sourcecheck import by_url, check_source, extraction, feed_links_and_followed, measures_in

FEED = "https://www.lalibre.be/arc/outboundfeeds/rss/?outputType=xml"


def test_feed_articles_and_documents():
    documents = check_source("be_lalibre")
    assert len(documents) == 2
    found = measures_in(documents)
    assert ("be", "tiktok", "restrictive") in found
    assert ("be", "deepseek", "restrictive") in found


def test_off_topic_feed_item_is_not_followed():
    links, articles = feed_links_and_followed("be_lalibre", FEED)
    off_topic = [link for link in links if "francofolies" in link]
    assert len(links) == 3 and len(off_topic) == 1
    assert canonicalize(off_topic[0]) not in articles


def test_tiktok_ban_announced_by_de_croo():
    document = by_url(check_source("be_lalibre"), "KQ4T7XWZ2BFHRNMLU3YDCEGAPS")
    tiktok = [m for m in extraction(document).measures if "tiktok" in m.products]
    assert tiktok[0].jurisdiction == "be"
    assert any(
        e.type == "announced" and e.date.isoformat() == "2023-03-10" for e in tiktok[0].events
    )


def test_deepseek_ban_in_force_this_monday():
    document = by_url(check_source("be_lalibre"), "6VNJ2PQHXAZ3DLWEKT5RMYBOCU")
    federal = [
        m
        for m in extraction(document).measures
        if m.jurisdiction == "be" and "deepseek" in m.products
    ]
    assert any(
        e.type == "in_force" and e.date.isoformat() == "2025-12-01" for e in federal[0].events
    )
