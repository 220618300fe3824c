"""HowTheyVote.eu (JSON API): main votes are fetched in detail and become documents with their
date and counts; amendments are not followed."""

from db.api_documents import howtheyvote_documents
from tests.sourcecheck import check_source, extraction, walk_fixtures


def test_only_main_votes_are_fetched_in_detail():
    _, _, visited = walk_fixtures("eu_howtheyvote")
    details = {u for u in visited if "search" not in u}
    assert details == {"https://howtheyvote.eu/api/votes/166051"}  # not amendments 808, 809


def test_vote_detail_becomes_a_dated_document():
    documents = check_source("eu_howtheyvote")
    assert [d.url for d in documents] == ["https://howtheyvote.eu/votes/166051"]
    vote = documents[0]
    assert vote.published == "2024-03-13" and vote.title == "Artificial Intelligence Act"
    assert "523 votes in favour, 46 against and 49 abstentions" in vote.text


def test_a_vote_on_rules_for_ai_is_not_a_product_ban():
    vote = check_source("eu_howtheyvote")[0]
    assert extraction(vote).measures == []


def test_search_answers_make_no_documents():
    body = b'{"results": [{"id": 1, "is_main": true, "timestamp": "2024-03-13T12:00:00"}]}'
    api = {"item_url": "https://howtheyvote.eu/votes/{id}"}
    assert howtheyvote_documents(body, "https://howtheyvote.eu/api/votes/search", "x", api) == []
