"""City of Ghent eBesluitvorming (nl, paginated overview of the college's decision lists)."""

from tests.sourcecheck import by_url, check_source, extraction, measures_in


def test_decision_lists_and_documents():
    documents = check_source("be_gent_besluitvorming")
    assert len(documents) == 3
    found = measures_in(documents)
    assert ("be-gent", "grok", "restrictive") in found
    assert ("be-gent", "deepseek", "restrictive") in found
    assert ("be-gent", "tiktok", "restrictive") in found


def test_grok_and_deepseek_decision():
    document = by_url(check_source("be_gent_besluitvorming"), "26.0619.8823.0146")
    assert document.published == "2026-06-23"
    ghent = [m for m in extraction(document).measures if m.jurisdiction == "be-gent"]
    assert any({"grok", "deepseek"} <= m.products and m.role == "news" for m in ghent)
    in_force = {e.date.isoformat() for m in ghent for e in m.events if e.type == "in_force"}
    assert "2026-06-23" in in_force


def test_copilot_licences_are_not_a_ban():
    document = by_url(check_source("be_gent_besluitvorming"), "26.0611.4407.9352")
    assert document.published == "2026-06-18"
    assert extraction(document).measures == []
