"""PDF notices: text with its paragraphs, the date line of a circular, and clear reports for
PDFs that have no text or are not PDFs at all."""

from datetime import date

from db.documents import pdf_document
from db.pdf_text import looks_pdf, pdf_text
from tests.pdfwriter import write_pdf

CIRCULAR = """# Omzendbrief over het gebruik van chatbots

Brussel, 11 september 2025

Aan de voorzitters van de directiecomités van de federale overheidsdiensten. Deze zin is lang
genoeg om over twee regels te lopen, zodat het samenvoegen van regels getest wordt.

Art. 1. DeepSeek mag niet worden geïnstalleerd op diensttoestellen.

Art. 2. Deze omzendbrief treedt in werking op 1 december 2025."""


def test_paragraphs_and_accents_survive():
    extracted = pdf_text(write_pdf(CIRCULAR, "Omzendbrief chatbots", date(2025, 9, 12)))
    assert extracted.problem is None and extracted.pages == 1
    paragraphs = extracted.text.split("\n\n")
    assert paragraphs[0] == "Omzendbrief over het gebruik van chatbots"
    assert "Art. 1. DeepSeek mag niet worden geïnstalleerd op diensttoestellen." in paragraphs
    assert any(
        p.startswith("Aan de voorzitters") and p.endswith("getest wordt.") for p in paragraphs
    )
    assert extracted.created == date(2025, 9, 12) and extracted.title == "Omzendbrief chatbots"


def test_the_date_line_wins_over_the_file_date():
    body = write_pdf(CIRCULAR, "Omzendbrief", date(2025, 9, 12))
    document = pdf_document("https://example.org/o.pdf", body, "xx", ("nl",), "h")
    assert document.published == "2025-09-11" and document.language == "nl"
    assert document.text.startswith("Omzendbrief\n\n")


def test_listing_hints_come_first():
    body = write_pdf(CIRCULAR, "Template title", date(2025, 9, 12))
    hints = {"title": "Omzendbrief DeepSeek", "published": "2025-09-10"}
    document = pdf_document("https://example.org/o.pdf", body, "xx", ("nl",), "h", hints)
    assert document.title == "Omzendbrief DeepSeek" and document.published == "2025-09-10"


def test_pdfs_without_text_and_broken_pdfs_are_reported():
    empty = pdf_text(write_pdf("", "Scan", date(2025, 1, 1)))
    assert empty.text == "" and "no text layer" in empty.problem
    broken = pdf_text(b"%PDF-1.4\nthis is not really a PDF")
    assert broken.text == "" and broken.problem
    assert looks_pdf(b"%PDF-1.7 ...", "application/octet-stream")
    assert not looks_pdf(b"<html>", "text/html")
