"""BBC News technology (en, RSS): Italy, South Korea, Australia."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_feed_articles_and_documents():
    documents = check_source("gb_bbc_technology")
    found = measures_in(documents)
    assert ("au", "deepseek", "restrictive") in found
    assert ("kr", "deepseek", "app_store") in found
    assert ("it", "chatgpt", "restrictive") in found


def test_lift_is_reported():
    document = by_url(check_source("gb_bbc_technology"), "cx4mw2pl8j9o")
    events = [e for m in extraction(document).measures for e in m.events]
    assert any(e.type == "lifted" and e.date.isoformat() == "2023-04-28" for e in events)


def test_company_measure_is_not_a_government_ban():
    document = by_url(check_source("gb_bbc_technology"), "cp8r1v6zq3eo")
    assert extraction(document).measures == []
