"""European Commission press corner (en, RSS with keyword filter): TikTok on staff devices
(2023) and an AI Factories release that bans nothing."""

from tests.sourcecheck import by_url, check_source, crawl_fixtures, extraction, measures_in


def test_feed_articles_and_documents():
    documents = check_source("eu_ec_presscorner")
    assert len(documents) == 2
    assert ("eu-ec", "tiktok", "restrictive") in measures_in(documents)


def test_off_topic_items_are_not_followed():
    articles, _ = crawl_fixtures("eu_ec_presscorner")
    assert not any("mex_26_3418" in url or "ip_26_3391" in url for url in articles)


def test_tiktok_suspension_dates():
    document = by_url(check_source("eu_ec_presscorner"), "ip_23_1161")
    events = {
        (e.type, e.date.isoformat())
        for m in extraction(document).measures
        if m.jurisdiction == "eu-ec"
        for e in m.events
    }
    assert ("announced", "2023-02-23") in events
    assert ("in_force", "2023-03-15") in events


def test_ai_factories_release_is_not_a_ban():
    document = by_url(check_source("eu_ec_presscorner"), "ip_24_6302")
    assert extraction(document).measures == []
