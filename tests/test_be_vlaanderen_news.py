"""Vlaanderen.be news of the Flemish government (nl, paginated HTML listing, Vlaanderen UI)."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_listing_pages_and_documents():
    documents = check_source("be_vlaanderen_news")
    assert len(documents) == 3
    assert ("be-vlg", "tiktok", "restrictive") in measures_in(documents)


def test_tiktok_press_release():
    document = by_url(check_source("be_vlaanderen_news"), "blokkeert-tiktok")
    assert document.published == "2023-03-13"
    flemish = [m for m in extraction(document).measures if m.jurisdiction == "be-vlg"]
    assert flemish and all(m.role == "news" for m in flemish)


def test_ai_policy_plan_and_roadworks_are_not_bans():
    documents = check_source("be_vlaanderen_news")
    assert extraction(by_url(documents, "beleidsplan-artificiele-intelligentie")).measures == []
    roadworks = extraction(by_url(documents, "zomerwerken-op-de-r4"))
    assert roadworks.measures == [] and not roadworks.relevant
