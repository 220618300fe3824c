"""Centre for Cybersecurity Belgium news (en, RSS with keyword filter): DeepSeek 2025,
TikTok 2023, and a phishing warning that is no ban."""

from tests.sourcecheck import by_url, check_source, crawl_fixtures, extraction, measures_in


def test_feed_articles_and_documents():
    documents = check_source("be_ccb_news")
    assert len(documents) == 3
    found = measures_in(documents)
    assert ("be", "deepseek", "restrictive") in found
    assert ("be", "tiktok", "restrictive") in found


def test_off_topic_warnings_are_not_followed():
    articles, _ = crawl_fixtures("be_ccb_news")
    assert not any("vpn-gateways" in url or "nis2" in url for url in articles)
    assert len(articles) == 3


def test_deepseek_ban_dates():
    document = by_url(check_source("be_ccb_news"), "bans-deepseek")
    events = {
        (e.type, e.date.isoformat())
        for m in extraction(document).measures
        if m.jurisdiction == "be"
        for e in m.events
    }
    assert ("in_force", "2025-12-01") in events


def test_phishing_warning_is_not_a_ban():
    document = by_url(check_source("be_ccb_news"), "phishing")
    assert extraction(document).measures == []
