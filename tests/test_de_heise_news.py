"""heise online (de, Atom)."""

from tests.sourcecheck import check_source, measures_in


def test_atom_entries_and_documents():
    documents = check_source("de_heise_news")
    found = measures_in(documents)
    assert ("de-be", "deepseek", "app_store") in found
    assert ("kr", "deepseek", "app_store") in found
