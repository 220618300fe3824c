"""Turning archived bytes into text when servers lie about encodings."""

from __future__ import annotations

import re
from dataclasses import dataclass

META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""", re.I)
HEADER_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9_.:-]+)", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None  # set when the declared encoding was wrong


def _normal(name: str) -> str | None:
    import codecs

    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_body(body: bytes, content_type: str | None) -> Decoded:
    """Try the BOM, the header, the document's own declaration, then UTF-8 and Windows-1252.

    A declared encoding that fails strict decoding is reported, not trusted: Windows-1252 served
    as UTF-8 (and the reverse) is common on older CMSs.
    """
    if body.startswith(b"\xef\xbb\xbf"):
        return Decoded(body[3:].decode("utf-8", "replace"), "utf-8", None)
    declared = []
    if content_type and (m := HEADER_CHARSET.search(content_type)):
        declared.append(m.group(1))
    head = body[:2048]
    for pattern in (XML_ENCODING, META_CHARSET):
        if m := pattern.search(head):
            declared.append(m.group(1).decode("ascii", "ignore"))
    first = _normal(declared[0]) if declared else None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        # Valid UTF-8 with non-ASCII bytes is almost never anything else, whatever is declared.
        wrong = first not in (None, "utf-8") and any(b > 127 for b in body)
        return Decoded(text, "utf-8", f"declared {declared[0]} but is UTF-8" if wrong else None)
    for name in [*declared, "cp1252"]:
        encoding = _normal(name)
        if encoding in (None, "utf-8"):
            continue
        if encoding in ("latin-1", "iso8859-1", "ascii"):
            encoding = "cp1252"  # browsers read ISO-8859-1 as Windows-1252
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        wrong = first == "utf-8" or first is None
        return Decoded(
            text,
            encoding,
            f"declared {declared[0]} but is {encoding}" if wrong and declared else None,
        )
    return Decoded(body.decode("utf-8", "replace"), "utf-8", "undecodable bytes replaced")
