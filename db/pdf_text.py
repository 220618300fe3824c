"""Text of PDF notices (circulars, Official Journal issues), which official sources publish
as often as HTML.

pypdf is used because it is pure Python (no system library to install on the crawl machine)
and reads the text layer of born-digital PDFs, which is what government notices are; scanned
PDFs without a text layer yield no text and are reported, not guessed at (no OCR).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from datetime import date

from pypdf import PdfReader
from pypdf.errors import PdfReadError

log = logging.getLogger(__name__)

PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
NEW_ARTICLE = re.compile(r"^(Art(\.|ikel|icle)|\d+[.)°])\s")
MAX_PAGES = 60  # a notice is a few pages; a 900-page annex is not read to the end


@dataclass
class PdfText:
    text: str
    title: str | None
    created: date | None
    pages: int
    problem: str | None = None


def looks_pdf(body: bytes, content_type: str) -> bool:
    return "application/pdf" in content_type.lower() or body[:5] == b"%PDF-"


def reflow(lines: list[str]) -> str:
    """PDF text comes as visual lines: join them into paragraphs (blank-line separated, as the
    sentence splitter expects). A line ends a paragraph when it is clearly shorter than the
    page's usual line and ends a sentence, or when the next one starts a numbered article."""
    widths = sorted(len(line) for line in lines if line.strip())
    if not widths:
        return ""
    usual = widths[int(len(widths) * 0.8)]
    paragraphs: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        line = " ".join(line.split())
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line)
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        short = len(line) < 0.75 * usual
        if (short and line[-1:] in ".:;!?") or re.match(
            r"^(Art(\.|ikel|icle)|\d+[.)°])\s", following
        ):
            paragraphs.append([])
    text = "\n\n".join(" ".join(p) for p in paragraphs if p)
    # A hyphen at a line end is kept: born-digital notices rarely hyphenate words, and dropping
    # it would break real compounds ("commissaris-generaal").
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


def page_lines(page) -> list[str]:
    """Layout mode keeps the vertical gaps between paragraphs as blank lines, which plain mode
    loses; it fails on some odd fonts, where plain mode still reads the words."""
    try:
        text = page.extract_text(extraction_mode="layout")
    except Exception:  # pypdf's layout engine raises many kinds of error on odd fonts
        text = page.extract_text()
    return (text or "").splitlines()


def pdf_text(body: bytes) -> PdfText:
    try:
        reader = PdfReader(io.BytesIO(body))
        pages = reader.pages
        lines: list[str] = []
        for page in list(pages)[:MAX_PAGES]:
            lines += page_lines(page) + [""]
        info = reader.metadata or {}
        title = str(info.get("/Title") or "").strip() or None
        found = PDF_DATE.match(str(info.get("/CreationDate") or ""))
        created = None
        if found:
            try:
                created = date(*map(int, found.groups()))
            except ValueError:
                created = None
        text = reflow(lines)
        problem = None if text.strip() else "no text layer (a scan?); nothing extracted"
        return PdfText(text, title, created, len(pages), problem)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        return PdfText("", None, None, 0, f"unreadable PDF ({exc.__class__.__name__}: {exc})")
