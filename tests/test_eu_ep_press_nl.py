"""Europees Parlement press releases (nl, RSS): TikTok 2023, nudification apps 2026."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_feed_articles_and_documents():
    documents = check_source("eu_ep_press_nl")
    assert len(documents) == 3
    found = measures_in(documents)
    assert ("eu-ep", "tiktok", "restrictive") in found
    assert ("eu", "nudify-apps", "legislative") in found


def test_tiktok_suspension_applies_from_20_march_2023():
    document = by_url(check_source("eu_ep_press_nl"), "20230228IPR76702")
    parliament = [m for m in extraction(document).measures if m.jurisdiction == "eu-ep"]
    assert any(
        e.type == "in_force" and e.date.isoformat() == "2023-03-20"
        for m in parliament
        for e in m.events
    )


def test_committee_vote_with_count():
    document = by_url(check_source("eu_ep_press_nl"), "20260318IPR38415")
    votes = [m for m in extraction(document).measures if m.action == "vote"]
    assert votes and votes[0].vote == (101, 9)
    assert "nudify-apps" in votes[0].products and votes[0].jurisdiction == "eu"


def test_ai_act_debate_is_not_a_ban():
    document = by_url(check_source("eu_ep_press_nl"), "20251021IPR31204")
    assert extraction(document).measures == []
