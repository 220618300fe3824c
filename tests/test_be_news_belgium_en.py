"""news.belgium.be (en, RSS): federal press releases."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_feed_articles_and_documents():
    documents = check_source("be_news_belgium_en")
    assert len(documents) == 3
    found = measures_in(documents)
    assert ("be", "deepseek", "restrictive") in found
    assert ("be", "tiktok", "restrictive") in found


def test_deepseek_ban_takes_effect_on_1_december_2025():
    document = by_url(check_source("be_news_belgium_en"), "deepseek-banned")
    federal = [m for m in extraction(document).measures if m.jurisdiction == "be"]
    assert any(
        e.type == "in_force" and e.date.isoformat() == "2025-12-01"
        for m in federal
        for e in m.events
    )


def test_consultation_on_ai_is_not_a_ban():
    document = by_url(check_source("be_news_belgium_en"), "consults-citizens")
    assert extraction(document).measures == []
