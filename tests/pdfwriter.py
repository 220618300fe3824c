"""A small writer of born-digital PDF notices, for fixtures: A4 pages, Helvetica in
WinAnsiEncoding (enough for nl/fr/de accents), title and creation date in the document info.

It exists so that PDF fixtures are made from text written for the project, reproducibly:
    python -m tests.pdfwriter notice.txt notice.pdf --title "..." --date 2025-09-11
In the text, a line starting with '# ' is set in bold; paragraphs are separated by blank lines.
"""

from __future__ import annotations

import argparse
import textwrap
import zlib
from datetime import date
from pathlib import Path

LINE_CHARS = 92
LINES_PER_PAGE = 52


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _layout(text: str) -> list[tuple[str, str]]:
    """(font, line) pairs; an empty line is a paragraph break."""
    lines: list[tuple[str, str]] = []
    for paragraph in text.strip().split("\n\n"):
        paragraph = paragraph.strip()
        font = "F2" if paragraph.startswith("# ") else "F1"
        paragraph = paragraph.removeprefix("# ")
        for line in textwrap.wrap(" ".join(paragraph.split()), LINE_CHARS) or [""]:
            lines.append((font, line))
        lines.append(("F1", ""))
    return lines


def write_pdf(text: str, title: str, created: date, compress: bool = True) -> bytes:
    lines = _layout(text)
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree exists
    tree = add(b"")
    regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        ops = [b"BT", b"14 TL", b"56 786 Td"]
        for font, line in page:
            ops.append(f"/{font} 10 Tf".encode())
            ops.append(b"(" + _escape(line) + b") Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        if compress:
            data = zlib.compress(stream)
            content = add(
                f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
                + data
                + b"\nendstream"
            )
        else:
            content = add(
                f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
            )
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> "
                f"/Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    objects[tree - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    stamp = created.strftime("%Y%m%d") + "090000"
    info = add(
        b"<< /Title (" + _escape(title) + b") /Producer (bantracker fixture writer) "
        b"/CreationDate (D:" + stamp.encode() + b") >>"
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--title", required=True)
    parser.add_argument("--date", required=True, type=date.fromisoformat)
    args = parser.parse_args()
    args.target.write_bytes(
        write_pdf(args.source.read_text(encoding="utf-8"), args.title, args.date)
    )


if __name__ == "__main__":
    main()
