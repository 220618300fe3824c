"""De Morgen (nl, RSS with a keyword filter; two articles behind the DM+ paywall)."""

from db.documents import canonicalize
from tests.sourcecheck import by_url, check_source, extraction, feed_links_and_followed, measures_in

FEED = "https://www.demorgen.be/rss.xml"


def test_feed_articles_and_documents():
    documents = check_source("be_demorgen")
    assert len(documents) == 3
    found = measures_in(documents)
    assert ("be-gent", "grok", "restrictive") in found
    assert ("be-gent", "deepseek", "restrictive") in found
    assert ("be", "deepseek", "restrictive") in found


def test_off_topic_feed_items_are_not_followed():
    links, articles = feed_links_and_followed("be_demorgen", FEED)
    off_topic = [link for link in links if "hittegolf" in link or "begroting" in link]
    assert len(links) == 5 and len(off_topic) == 2
    assert not {canonicalize(link) for link in off_topic} & articles


def test_paywalled_article_keeps_its_full_text():
    document = by_url(check_source("be_demorgen"), "b7e4a2c1")
    assert (
        "Federaal voorbeeld" in document.text and "Lees verder met De Morgen" not in document.text
    )


def test_in_force_from_monday_in_saturday_paper():
    """'Vanaf maandag' in the paper of Saturday 29 November 2025 is Monday 1 December."""
    document = by_url(check_source("be_demorgen"), "b3f0c9d2")
    federal = [
        m
        for m in extraction(document).measures
        if m.jurisdiction == "be" and "deepseek" in m.products
    ]
    assert any(
        e.type == "in_force" and e.date.isoformat() == "2025-12-01" for e in federal[0].events
    )


def test_ghent_block_is_dated_on_the_day():
    document = by_url(check_source("be_demorgen"), "b7e4a2c1")
    ghent = [m for m in extraction(document).measures if m.jurisdiction == "be-gent"]
    assert any(e.type == "in_force" and e.date.isoformat() == "2026-06-23" for e in ghent[0].events)


def test_column_about_homework_is_not_a_ban():
    document = by_url(check_source("be_demorgen"), "b5a61e8f")
    assert extraction(document).measures == []
