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
from re import _constants as _sre  # the regex parser and its opcodes: see first_literals
from re import _parser as _sre_parser

import ahocorasick

_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}


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


_FOLD_TABLE: dict[int, str] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_non_ascii(match: re.Match[str]) -> str:
    char = match.group()
    folded = _FOLD_TABLE.get(ord(char))
    if folded is None:
        folded = _FOLD_TABLE[ord(char)] = _fold_char(char)
    return folded


def fold(text: str) -> str:
    """Same length as `text`; lower case, no diacritics, typographic quotes and dashes unified.

    `str.lower` does the ASCII letters in C and only the few other characters go through
    Python (a translation table would send every character through a dictionary lookup, five
    times slower on a page); each distinct character is folded once."""
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer ("İ"): one by one
        for char in set(text):
            if ord(char) not in _FOLD_TABLE:
                _FOLD_TABLE[ord(char)] = _fold_char(char)
        return text.translate(_FOLD_TABLE)
    return _NON_ASCII.sub(_fold_non_ascii, lower)


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
    "rep",
    "reps",
    "sen",
    "sens",
    "gen",
    "lt",
    "col",
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
            or (re.fullmatch(r"\d{1,2}", last_word) and _german_ordinal(before, chunk, match.end()))
        ):
            continue
        _add(text, start + cursor, start + match.end(2), paragraph, out)
        cursor = match.end()
    _add(text, start + cursor, end, paragraph, out)


_ORDINAL_BEFORE = {
    "am", "vom", "zum", "bis", "seit", "ab", "dem", "den", "der", "des", "die", "das", "im",
    "ihrem", "seinem", "am,", "den,",
}  # fmt: skip
_MONTH_AFTER = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)(?![\w])"
)


def _german_ordinal(before: str, chunk: str, after: int) -> bool:
    """'am 20. März', 'ab dem 1. Juli', 'Montag, 17. März': a German ordinal, not the end of
    a sentence ('signed the law on May 17. It would ...')."""
    words = before.split()
    previous = words[-2].lower() if len(words) >= 2 else ""
    return previous in _ORDINAL_BEFORE or bool(_MONTH_AFTER.match(chunk, after))


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


_WORD_START = re.compile(r"(?<![\w])\w")
_WORD_CHAR = re.compile(r"\w")


class HeadFinder:
    """Word starts where one of many literal heads begins, found in one pass with an
    Aho-Corasick automaton (C code): the indexes below then try their patterns only there,
    instead of at every word of the text."""

    def __init__(self, heads: Iterable[str]):
        self.automaton: ahocorasick.Automaton | None = None
        heads = {h for h in heads if h}
        if heads:
            self.automaton = ahocorasick.Automaton()
            for head in heads:
                self.automaton.add_word(head, len(head))
            self.automaton.make_automaton()

    def has_word(self, text: str) -> bool:
        """Whether a head occurs as a whole word (word characters on neither side)."""
        if self.automaton is None:
            return False
        for last, size in self.automaton.iter(text):
            at = last - size + 1
            if _WORD_START.match(text, at) and not _WORD_CHAR.match(text, last + 1):
                return True
        return False

    def anywhere(self, text: str, start: int, end: int) -> list[int]:
        """Every position where a head begins, word start or not."""
        if self.automaton is None or start >= end:
            return []
        found = {last - size + 1 for last, size in self.automaton.iter(text, start, end)}
        return sorted(at for at in found if at >= start)

    def starts(self, text: str, start: int, end: int) -> list[int]:
        if self.automaton is None or start >= end:
            return []
        found = set()
        for last, size in self.automaton.iter(text, start, end):
            at = last - size + 1
            if at >= start and _WORD_START.match(text, at):
                found.add(at)
        return sorted(found)


class LiteralStartPattern:
    """A compiled pattern tried only where one of its possible first strings occurs (found by
    an automaton), with the same matches as `re.finditer`: a long alternation of cues otherwise
    costs a full regex pass over every document. Patterns whose first strings cannot be told
    run as usual."""

    def __init__(self, pattern: re.Pattern[str]):
        self.compiled = pattern
        self.pattern = pattern.pattern
        firsts = first_literals(pattern)
        self.firsts = HeadFinder(firsts) if firsts else None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
        end = len(text) if end is None else end
        if self.firsts is None:
            yield from self.compiled.finditer(text, start, end)
            return
        after = start  # as finditer: the leftmost match, then on from its end
        for at in self.firsts.anywhere(text, start, end):
            if at < after:
                continue
            match = self.compiled.match(text, at, end)
            if match:
                yield match
                after = max(match.end(), at + 1)


def first_literals(pattern: re.Pattern[str]) -> set[str] | None:
    """Strings one of which every match of `pattern` starts with, or None when that cannot be
    told (a match may start with a character class, a repeat, or be empty). Lets a pattern
    be tried only where such a string occurs, with the same matches as `finditer`."""
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern the parser of this Python version reads differently
        return None
    return _firsts(list(parsed))


def _firsts(items: list) -> set[str] | None:
    index = 0
    while index < len(items) and items[index][0] in _ZERO_WIDTH:
        index += 1
    if index == len(items):
        return None  # can match the empty string
    op, value = items[index]
    if op is _sre.LITERAL:
        run = ""
        while index < len(items) and items[index][0] is _sre.LITERAL:
            run += chr(items[index][1])
            index += 1
        return {run}
    if op is _sre.SUBPATTERN:
        return _firsts(list(value[-1]))
    if op is _sre.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            firsts = _firsts(list(branch))
            if firsts is None:
                return None
            found |= firsts
        return found
    return None


def required_literals(pattern: re.Pattern[str]) -> list[set[str]] | None:
    """Sets of strings such that every match of `pattern` contains one string of each set, or
    None when the pattern cannot be read. Strings shorter than three characters are left out
    (they occur everywhere): a pattern whose sets are all absent from a text cannot match it,
    which is cheaper to learn with one automaton than with the pattern itself."""
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern the parser of this Python version reads differently
        return None
    lower = bool(pattern.flags & re.IGNORECASE)
    return [{s.lower() for s in found} if lower else found for found in _required(list(parsed))]


def _usable(found: set[str] | None) -> bool:
    return bool(found) and min(len(s) for s in found) >= 3


def _most_selective(sets: list[set[str]]) -> set[str] | None:
    usable = [s for s in sets if _usable(s)]
    return max(usable, key=lambda s: (min(map(len, s)), -len(s))) if usable else None


def _required(items: list) -> list[set[str]]:
    sets: list[set[str]] = []
    run = ""

    def flush() -> None:
        nonlocal run
        if len(run) >= 3:
            sets.append({run})
        run = ""

    for op, value in items:
        if op is _sre.LITERAL:
            run += chr(value)
            continue
        if op in (_sre.BRANCH, _sre.SUBPATTERN) and run:
            # a shared prefix the parser factored out ("m(?:ag|ogen)"): keep it whole
            firsts = _firsts([(op, value)])
            if firsts and _usable({run + f for f in firsts}):
                sets.append({run + f for f in firsts})
                run = ""
                continue
        flush()
        if op is _sre.SUBPATTERN:
            sets.extend(_required(list(value[-1])))
        elif op is _sre.BRANCH:
            each = [_most_selective(_required(list(branch))) for branch in value[1]]
            if all(each):
                sets.append(set().union(*each))  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and value[0] >= 1:
            sets.extend(_required(list(value[2])))
    flush()
    return [s for s in sets if _usable(s)]


def literal_head(literal: str) -> str:
    """The leading word characters of a lexicon entry: every match of it starts with them."""
    found = re.match(r"\w+", literal)
    return found.group() if found else ""


class CueIndex:
    """All cues of a lexicon table (key -> cues), found in one pass over folded text.

    Plain cues are looked up by the first three characters of each word, so the cost grows with
    the text, not with the size of the lexicon; regular-expression cues (`re:`), cues that match
    inside a word (`-verbod`) and very short cues are run as one combined expression.
    """

    def __init__(self, table: dict[str, list[str]]):
        self.by_prefix: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        leftovers: dict[str, list[str]] = {}
        heads: list[str] = []
        for key, cues in table.items():
            for cue in cues or []:
                if cue.startswith("re:"):
                    leftovers.setdefault(key, []).append(cue)
                    continue
                folded = fold_phrase(cue)
                literal = folded.rstrip("*").strip()
                if len(literal) < 3 or not literal[0].isalnum() or not literal[:3].isalnum():
                    leftovers.setdefault(key, []).append(cue)
                    continue
                single = cue_pattern([cue])
                # cue_pattern starts with a look-behind for the word boundary; the scan below
                # only tries word starts, so match from the position itself.
                body = single.pattern.replace("(?<![\\w])", "", 1)
                self.by_prefix.setdefault(literal[:3], []).append((re.compile(body), key))
                heads.append(literal_head(literal))
        # every leftover cue of a key as one expression: what `find` must match exactly
        # (tests/test_matchers.py compares with it); `find` itself runs only the cues whose
        # required strings are in the text, combined the same way (`_possible`)
        self.leftovers = {
            key: LiteralStartPattern(pattern)
            for key, cues in leftovers.items()
            if (pattern := cue_pattern(cues)) is not None
        }
        self.heads = HeadFinder(heads)
        # Each leftover cue with the strings its matches must contain: a cue whose strings are
        # absent from a text cannot match there, so only the others are combined and run.
        self.required: dict[str, list[tuple[str, list[set[str]]]]] = {
            key: [(cue, required_literals(cue_pattern([cue])) or []) for cue in cues]
            for key, cues in leftovers.items()
        }
        self.literals = HeadFinder(
            {
                s
                for cues in self.required.values()
                for _, sets in cues
                for found in sets
                for s in found
            }
        )
        self._combined: dict[tuple[str, ...], LiteralStartPattern | None] = {}
        # each cue is woken by the strings of its most selective set; the others are checked
        # only for the cues woken, so a text costs its own strings, not the lexicon's size
        self._woken_by: dict[str, list[tuple[str, int]]] = {}
        self._always: list[tuple[str, int]] = []
        for key, cues in self.required.items():
            for index, (_, sets) in enumerate(cues):
                if not sets:
                    self._always.append((key, index))
                    continue
                trigger = max(sets, key=lambda found: min(map(len, found)))
                for literal in trigger:
                    self._woken_by.setdefault(literal, []).append((key, index))

    def _possible(
        self, folded: str, start: int, end: int
    ) -> Iterator[tuple[str, LiteralStartPattern]]:
        """The leftover cues of each key that can match in folded[start:end], combined (in
        the order of the whole key's expression, so the matches are the same)."""
        automaton = self.literals.automaton
        present = (
            {
                folded[last - size + 1 : last + 1]
                for last, size in automaton.iter(folded, start, end)
            }
            if automaton is not None and start < end
            else set()
        )
        woken = set(self._always)
        for literal in present:
            woken.update(self._woken_by.get(literal, ()))
        by_key: dict[str, list[int]] = {}
        for key, index in woken:
            sets = self.required[key][index][1]
            if all(not present.isdisjoint(found) for found in sets):
                by_key.setdefault(key, []).append(index)
        for key, indexes in by_key.items():
            cues = self.required[key]
            chosen = tuple(cues[i][0] for i in sorted(indexes))
            if chosen not in self._combined:
                pattern = cue_pattern(chosen)
                self._combined[chosen] = LiteralStartPattern(pattern) if pattern else None
            combined = self._combined[chosen]
            if combined is not None:
                yield key, combined

    def any(self, folded: str) -> bool:
        """Whether `find` would find anything, stopping at the first cue found."""
        for at in self.heads.starts(folded, 0, len(folded)):
            for pattern, _ in self.by_prefix.get(folded[at : at + 3], ()):
                if pattern.match(folded, at):
                    return True
        return any(
            next(pattern.finditer(folded), None) is not None
            for _, pattern in self._possible(folded, 0, len(folded))
        )

    def find(self, folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
        found = []
        # Only word starts where some cue's head begins can match: the automaton finds them.
        for at in self.heads.starts(folded, start, end):
            for pattern, key in self.by_prefix.get(folded[at : at + 3], ()):
                match = pattern.match(folded, at, end)
                if match:
                    found.append((at, match.end(), key))
        for key, pattern in self._possible(folded, start, end):
            found.extend((m.start(), m.end(), key) for m in pattern.finditer(folded, start, end))
        found.sort()
        return found
