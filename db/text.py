"""Text utilities that keep character offsets exact.

`fold` lower-cases and strips accents one character for one character, so a match found in the
folded text has the same offsets in the original: quotes and offsets in claims always point at
the document's own characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "\u2019\u2018\u02bc":
        return "'"
    if char in "\u2010\u2011\u2012\u2013\u2014":
        return "-"
    lower = char.lower()
    if len(lower) != 1:
        return char if len(char) == 1 else lower[0]
    decomposed = unicodedata.normalize("NFKD", lower)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base if len(base) == 1 else lower


def fold(text: str) -> str:
    """Same length as `text`; lower case, no diacritics, typographic quotes and dashes unified."""
    return "".join(_fold_char(c) for c in text)


def fold_phrase(text: str) -> str:
    """Fold a lexicon entry (offsets do not matter there): also collapse spaces."""
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and
# a capital letter, digit or opening quote; or at a blank line. Abbreviations are protected.
_ABBREVIATIONS = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "st",
    "nr",
    "no",
    "vs",
    "ca",
    "bv",
    "bijv",
    "o.a",
    "m.a.w",
    "mevr",
    "dhr",
    "mme",
    "mlle",
    "m",
    "p",
    "art",
    "jan",
    "feb",
    "febr",
    "aug",
    "sept",
    "sep",
    "oct",
    "okt",
    "nov",
    "dec",
    "déc",
    "janv",
    "févr",
    "fév",
    "avr",
    "juil",
    "z.b",
    "u.a",
    "bzw",
    "etc",
    "e.g",
    "i.e",
    "inc",
    "ltd",
    "co",
    "corp",
    "gov",
    "u.s",
    "dept",
    "min",
    "ir",
    "ing",
}
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[A-ZÀ-ÖØ-Þ0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph_start = 0
    paragraph_index = 0
    for para_match in [*_PARAGRAPH.finditer(text), None]:
        paragraph_end = para_match.start() if para_match else len(text)
        _split_paragraph(text, paragraph_start, paragraph_end, paragraph_index, sentences)
        if para_match:
            paragraph_start = para_match.end()
            paragraph_index += 1
    return sentences


def _split_paragraph(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    cursor = 0
    for match in _BOUNDARY.finditer(chunk):
        before = chunk[cursor : match.start()]
        last_word = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if match.group(1) == "." and (
            last_word.rstrip(".") in _ABBREVIATIONS
            or re.fullmatch(r"[a-z]", last_word)
            or re.fullmatch(r"\d{1,2}", last_word)  # German ordinals: "am 20. März"
        ):
            continue
        _add(text, start + cursor, start + match.end(2), paragraph, out)
        cursor = match.end()
    _add(text, start + cursor, end, paragraph, out)


def _add(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for a list of cues: whole words, or word starts where a cue ends with '*'.

    A cue starting with '-' matches at the end of a compound ("TikTok-verbod").
    """
    parts = []
    cues = list(cues)
    # "re:" entries are regular expressions over folded text, for constructions that are not
    # fixed strings ("geen DeepSeek meer", "kein TikTok mehr").
    parts.extend(f"(?:{c[3:]})" for c in cues if c.startswith("re:"))
    cues = [c for c in cues if not c.startswith("re:")]
    for cue in sorted({fold_phrase(c) for c in cues if c.strip()}, key=len, reverse=True):
        stem = cue.endswith("*")
        body = re.escape(cue.rstrip("*").strip()).replace(r"\ ", r"\s+")
        left = "" if cue.startswith("-") or not cue[0].isalnum() else r"(?<![\w])"
        right = r"\w*" if stem else (r"(?![\w])" if cue.rstrip("*")[-1:].isalnum() else "")
        parts.append(f"{left}{body}{right}")
    if not parts:
        return None
    return re.compile("|".join(parts))


def find_all(
    pattern: re.Pattern[str] | None, folded: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    if pattern is None:
        return iter(())
    return pattern.finditer(folded, start, len(folded) if end is None else end)


def truncate_quote(text: str, limit: int = 300) -> str:
    """Quotes are published, so they stay short (fair quotation, not republication)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
