"""FPS BOSA circulars (nl/fr, Drupal listing whose teasers link straight to PDF files): the
DeepSeek circular in Dutch and in French, and an e-learning circular that bans nothing."""

from db.documents import canonicalize, pdf_document
from db.feed_hints import listing_hints
from tests.helpers import demo_pages
from tests.sourcecheck import by_url, check_source, crawl_fixtures, extraction, measures_in


def test_listing_pdfs_and_documents():
    documents = check_source("be_bosa_circulars")
    assert len(documents) == 3
    assert {d.language for d in documents} == {"nl", "fr"}
    assert ("be", "deepseek", "restrictive") in measures_in(documents)


def test_the_listing_links_only_pdf_files():
    articles, _ = crawl_fixtures("be_bosa_circulars")
    assert len(articles) == 3
    assert all("/sites/default/files/" in url and url.endswith(".pdf") for url in articles)


def test_the_dutch_circular_is_a_dated_ban():
    document = by_url(check_source("be_bosa_circulars"), "omzendbrief-deepseek")
    assert document.published == "2025-09-11" and document.language == "nl"
    assert document.title.startswith(
        "Omzendbrief betreffende het verbod op het gebruik van DeepSeek"
    )
    assert "mogen niet worden geïnstalleerd of gebruikt op de diensttoestellen" in document.text
    assert "treedt in werking op 1 december 2025" in document.text
    found = {
        (m.jurisdiction, p, m.family) for m in extraction(document).measures for p in m.products
    }
    assert found == {("be", "deepseek", "restrictive")}


def test_the_french_circular_is_a_dated_ban():
    document = by_url(check_source("be_bosa_circulars"), "circulaire-deepseek")
    assert document.published == "2025-09-11" and document.language == "fr"
    assert "ne peuvent pas être installées ni utilisées sur les appareils de service" in (
        document.text
    )
    measures = extraction(document).measures
    assert [(m.jurisdiction, m.products, m.family) for m in measures] == [
        ("be", {"deepseek"}, "restrictive")
    ]


def test_without_the_listing_the_pdf_gives_its_own_title_and_date_line():
    """Fetched on its own (no teaser hints), the French PDF is titled by its document info and
    dated by its 'Bruxelles, le 11 septembre 2025' line."""
    page = next(p for p in demo_pages("be_bosa_circulars") if "circulaire-deepseek" in p.url)
    document = pdf_document(
        page.url, page.path.read_bytes(), "be_bosa_circulars", ("nl", "fr"), "test", None
    )
    assert document.title == "Circulaire DeepSeek appareils de service"
    assert document.published == "2025-09-11" and document.language == "fr"


def test_teasers_give_title_and_date():
    listing = next(p for p in demo_pages("be_bosa_circulars") if "regulations" in p.url)
    hints = {
        canonicalize(u): h for u, h in listing_hints(listing.path.read_bytes(), listing.url).items()
    }
    hint = hints[
        "https://bosa.belgium.be/sites/default/files/2026-02/"
        "omzendbrief-federaal-e-learningplatform-nl.pdf"
    ]
    assert hint["published"].startswith("2026-02-16")
    assert hint["title"].startswith("Omzendbrief betreffende het gebruik van het federale")


def test_e_learning_circular_is_not_a_ban():
    document = by_url(check_source("be_bosa_circulars"), "e-learningplatform")
    assert document.published == "2026-02-16" and "ChatGPT" in document.text
    result = extraction(document)
    # it names ChatGPT but restricts nothing (no action word): it stays in the archive only
    assert not result.relevant and result.measures == []
