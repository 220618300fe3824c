"""Belgian Official Journal (nl, daily table of contents in ISO-8859-1, one text page per act):
two acts unrelated to AI, which become dated documents and yield nothing."""

from tests.sourcecheck import by_url, check_source, crawl_fixtures, extraction


def test_summary_acts_and_documents():
    documents = check_source("be_ejustice_summary")
    assert len(documents) == 2
    assert {d.published for d in documents} == {"2025-12-16"}
    assert {d.language for d in documents} == {"nl"}


def test_acts_published_only_as_an_image_are_not_followed():
    articles, _ = crawl_fixtures("be_ejustice_summary")
    assert len(articles) == 2
    assert not any("mopdf" in url or "2025206102" in url for url in articles)


def test_the_iso_8859_1_text_is_read_correctly():
    document = by_url(check_source("be_ejustice_summary"), "numac=2025205981")
    assert document.title.startswith("28 NOVEMBER 2025. - Koninklijk besluit betreffende")
    assert "inspecteur van financiën" in document.text and "Coördinatie" in document.text


def test_unrelated_acts_yield_no_measure():
    for document in check_source("be_ejustice_summary"):
        result = extraction(document)
        assert not result.relevant and result.measures == []
