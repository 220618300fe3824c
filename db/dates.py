"""Dates in running text, in four languages, resolved against the publication date.

Explicit dates ("1 december 2025", "le 1er décembre", "am 1. Dezember", "December 1, 2025",
"01/12/2025") are found with patterns built from the month lexicon; relative ones ("maandag",
"jeudi", "yesterday") are resolved against the document's publication date, looking forward
when the words before them point to the future ("vanaf maandag", "from Monday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from db.reference import load_reference
from db.text import HeadFinder, cue_pattern, fold_phrase


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the text that was searched
    end: int
    value: date
    precision: str  # day | month | year
    relative: bool  # resolved against the publication date


@dataclass(frozen=True)
class _Grammar:
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    month_year: re.Pattern[str]
    month_only: re.Pattern[str]
    months: dict[str, int]
    weekdays: re.Pattern[str]
    weekday_index: dict[str, int]
    offsets: re.Pattern[str] | None
    offset_days: dict[str, int | None]
    future: re.Pattern[str] | None
    anchored: re.Pattern[str] | None
    anchored_days: dict[str, int]
    spans: re.Pattern[str] | None
    span_days: dict[str, int]
    years_after: re.Pattern[str] | None
    year_offsets: dict[str, int]
    past: re.Pattern[str] | None
    # First words of every name a date mention can contain (months, weekdays, relative words);
    # None when a lexicon entry is a regular expression and the words cannot be listed.
    triggers: tuple[HeadFinder, HeadFinder] | None = None
    # parts of a year named against the publication date ("eind vorig jaar"): years, month
    year_parts: re.Pattern[str] | None = None
    year_part_at: dict[str, tuple[int, int]] | None = None
    # after a month, words naming the year the text gave last ("in maart van dat jaar")
    that_year: re.Pattern[str] | None = None


NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d/.])")
ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])")
# the tense of a step told as earlier than another past one ("had beslist", "avait décidé")
# (or of a step told as the same as that one: "Het Parlement deed op 28 februari hetzelfde")
RECALLED_STEP = re.compile(
    r"(?<![\w])(?:had|hadden|avait|avaient|hatte|hatten|deed|deden|did|tat|taten)(?![\w])"
)
ANY_YEAR = re.compile(r"(?<![\w])((?:19|20)\d{2})(?![\w])")
YEAR = re.compile(
    r"(?<![\w])(?:in|en|im|sinds|since|depuis|seit|begin|eind|fin|ende|early|late|debut)"
    # "au début de 2025", "early in 2025", "begin van 2025", "Anfang des Jahres 2025"
    r"(?:\s+(?:de|of|in|van|des\s+jahres|de\s+l'annee))?\s+(20\d{2})(?![\d])"
)


@cache
def grammar(language: str) -> _Grammar:
    ref = load_reference()
    months: dict[str, int] = {}
    for lang in dict.fromkeys([language, "en"]):
        for name, number in ref.months[lang].items():
            months.setdefault(fold_phrase(str(name)), int(number))
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    ordinal = r"(?:er|e|ste|de|st|nd|rd|th|\.)?"
    day_month = re.compile(
        rf"(?<![\w])(\d{{1,2}}){ordinal}\s*(?:-|/|tot|au|bis|to)?\s*(?:\d{{1,2}}{ordinal}\s+)?"
        rf"(?:de\s+|of\s+)?({names})\.?(?:\s+|,\s*)?(\d{{4}})?(?![\w])"
    )
    month_day = re.compile(
        rf"(?<![\w])({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?![\w])"
    )
    month_year = re.compile(rf"(?<![\w])({names})\.?\s+(?:of\s+)?(\d{{4}})(?![\w])")
    # "in January", "eind maart", "fin janvier", "Ende Januar": a month of the nearest year
    month_only = re.compile(
        r"(?<![\w])(?:(?:in|im|en|ende|anfang|mitte|begin|eind|midden|half|medio|fin|debut|late|"
        r"early|since|sinds|sedert|depuis|seit|des|"
        rf"mid|at the end of|au mois de|in de maand)\s+|(?:mi|mid)-)({names})(?![\w]|\.?\s*\d)"
    )
    weekday_index = {fold_phrase(k): v for k, v in ref.relative["weekdays"][language].items()}
    # Dutch and German glue the part of the day on ("maandagavond", "Montagabend")
    suffixes = (ref.relative.get("weekday_suffixes") or {}).get(language) or []
    glued = "(?:" + "|".join(map(re.escape, suffixes)) + ")?" if suffixes else ""
    weekdays = re.compile(
        r"(?<![\w])(" + "|".join(map(re.escape, weekday_index)) + r")" + glued + r"(?![\w])"
    )
    weekday_triggers = {f"{k}*" if suffixes else k: v for k, v in weekday_index.items()}
    offset_days = {fold_phrase(k): v for k, v in ref.relative["offsets"][language].items()}
    offsets = cue_pattern(offset_days)
    future = cue_pattern(ref.relative["future"][language])

    def table(name: str) -> dict[str, int]:
        return {fold_phrase(k): v for k, v in ref.relative[name][language].items()}

    anchored_days, span_days, year_offsets = (
        table("anchored"),
        table("months"),
        table("years_after"),
    )
    year_part_at = {
        fold_phrase(k): (int(v[0]), int(v[1]))
        for k, v in ref.relative.get("year_parts", {}).get(language, {}).items()
    }
    return _Grammar(
        day_month,
        month_day,
        month_year,
        month_only,
        months,
        weekdays,
        weekday_index,
        offsets,
        offset_days,
        future,
        cue_pattern(anchored_days),
        anchored_days,
        cue_pattern(span_days),
        span_days,
        re.compile(r"\s*,?\s*(" + "|".join(map(re.escape, year_offsets)) + r")(?![\w])"),
        year_offsets,
        cue_pattern(ref.relative["past_tense"][language]),
        _triggers(months, weekday_triggers, offset_days, anchored_days, span_days, year_part_at),
        cue_pattern(year_part_at) if year_part_at else None,
        year_part_at,
        _after(ref.relative.get("that_year", {}).get(language, [])),
    )


def _after(phrases: list[str]) -> re.Pattern[str] | None:
    """Words right after a date ("van dat jaar"), matched at its end."""
    if not phrases:
        return None
    names = "|".join(re.escape(fold_phrase(p)).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"\s*,?\s*(?:{names})(?![\w])")


def _triggers(*tables: dict) -> tuple[HeadFinder, HeadFinder] | None:
    """Words a sentence must contain for any date pattern to match it: the longest word of each
    name, as a whole word (patterns bound names on both sides), or as a word start for stems."""
    whole, starts = [], []
    for name in (str(name) for table in tables for name in table):
        if name.startswith("re:"):
            return None
        words = fold_phrase(name).split()
        longest = max(words, key=len)
        if longest is words[-1] and longest.endswith("*"):
            starts.append(longest.rstrip("*"))
        else:
            whole.append(longest)
    return HeadFinder(whole), HeadFinder(starts)


DIGIT = re.compile(r"\d")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: date | None, forward: bool) -> date | None:
    """A day and month without a year: the nearest such date to publication, preferring the
    past unless the wording points forward."""
    if published is None:
        return None
    best: tuple[float, date] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is None:
            continue
        delta = (candidate - published).days
        cost = abs(delta) * (1 if (delta <= 0) != forward or delta == 0 else 3)
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1] if best else None


def _looks_forward(folded: str, start: int, g: _Grammar) -> bool:
    """Future words just before a date ("from Monday"), unless the verb before it is in a past
    tense ("had been removed as of Saturday")."""
    window = folded[max(0, start - 25) : start]
    if not g.future:
        return False
    # a preposition ("from", "vanaf", "ab") must introduce the date itself: "banned agencies
    # from using DeepSeek in January" looks back; an auxiliary ("will", "zal") may stand further
    if not any(
        (m[0].strip() in FUTURE_AUXILIARIES or len(window[m.end() :].split()) <= 2)
        and not CLAUSE_BREAK.search(window, m.end())
        for m in g.future.finditer(window)
    ):
        return False
    return not (g.past and g.past.search(folded, max(0, start - 100), start))


# German 'wird/werden' also make the passive ("heruntergeladen werden"), so they count only
# right before the date, like a preposition
FUTURE_AUXILIARIES = {"will", "zal", "zullen", "sera", "seront"}
CLAUSE_BREAK = re.compile(r"[;.:!?]")


def month_of(month: int, published: date, forward: bool) -> date:
    """A month named without a year: the last such month up to the publication date ("in
    January" in a December paper is this year's January), or with forward-looking words the
    next one from it."""
    year = published.year
    if forward:
        return date(year if month >= published.month else year + 1, month, 1)
    return date(year if month <= published.month else year - 1, month, 1)


DATELINE_BEFORE = re.compile(r"[\w .'-]{2,40},\s*")
DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,30}\))?\s+-{1,2}\s")


def _in_dateline(folded: str, start: int, end: int) -> bool:
    """'NEW DELHI, June 30 (IPA) - ...': the date of the dispatch, not of an event."""
    return bool(DATELINE_BEFORE.fullmatch(folded, 0, start) and DATELINE_AFTER.match(folded, end))


# "under 16 may no longer ...": the modal verb, not the month, when a word follows it straight
# away and no preposition introduces the number ("on 16 May the minister said")
_DATE_PREPOSITION = re.compile(
    r"(?:(?<![\w])(?:on|from|until|till|by|since|before|after|to|of|between|and|or|the|through|"
    r"starting|effective|dated|as\s+of)|[(,;:.\n-])\s*$"
)
_WORD_NEXT = re.compile(r"\s+[a-z]")


def _modal_may(folded: str, m: re.Match[str]) -> bool:
    if m[2] != "may" or m[3]:
        return False
    if not _WORD_NEXT.match(folded, m.end(2)):
        return False
    before = folded[max(0, m.start() - 20) : m.start()]
    return not (before.strip() == "" or _DATE_PREPOSITION.search(before))


def find_dates(
    folded: str,
    language: str,
    published: date | None,
    anchor: date | None = None,
    anchor_year: int | None = None,
    recalled_year: int | None = None,
) -> list[DateMention]:
    """All date mentions in folded text, without overlaps, in order of appearance. `anchor` is
    the last day the text gave before this passage ("a day later" counts from it), and
    `anchor_year` the last year ("in maart van dat jaar" is in it; without one, no date)."""
    g = grammar(language)
    if (
        g.triggers is not None
        and not DIGIT.search(folded)
        and not g.triggers[0].has_word(folded)
        and not g.triggers[1].starts(folded, 0, len(folded))
    ):
        return []  # no digit and no date word: every pattern below would fail
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(start: int, end: int, value: date | None, precision: str, relative: bool) -> None:
        if value is None or not free(start, end) or not (1990 <= value.year <= 2100):
            return
        if _in_dateline(folded, start, end):
            taken.append((start, end))
            return
        taken.append((start, end))
        found.append(DateMention(start, end, value, precision, relative))

    for m in ISO.finditer(folded):
        add(m.start(), m.end(), _safe_date(int(m[1]), int(m[2]), int(m[3])), "day", False)
    for m in NUMERIC.finditer(folded):
        day, month = int(m[1]), int(m[2])
        if month > 12 and day <= 12:
            day, month = month, day
        add(m.start(), m.end(), _safe_date(int(m[3]), month, day), "day", False)

    def without_year(month: int, day: int, start: int, end: int) -> tuple[date | None, int]:
        """A day and month: the year a following 'last year' names, else the nearest."""
        said = g.years_after.match(folded, end) if g.years_after and published else None
        if said and published is not None:
            year = published.year + g.year_offsets[" ".join(said[1].split())]
            return _safe_date(year, month, day), said.end()
        if (
            recalled_year is not None
            and published is not None
            and recalled_year < published.year
            and RECALLED_STEP.search(folded, 0, start)
        ):
            # "Op 10 maart 2023 besliste de regering ... De Commissie had op 23 februari al
            # beslist": a day recalled in the pluperfect belongs to the year its paragraph
            # named (`recalled_year`)
            return _safe_date(recalled_year, month, day), end
        return infer_year(month, day, published, _looks_forward(folded, start, g)), end

    for m in g.day_month.finditer(folded):
        if _modal_may(folded, m):
            continue
        month = g.months[m[2]]
        day = int(m[1])
        if m[3]:
            add(m.start(), m.end(), _safe_date(int(m[3]), month, day), "day", False)
        else:
            value, end = without_year(month, day, m.start(), m.end(2))
            add(m.start(), end, value, "day", True)
    if language == "en":
        for m in g.month_day.finditer(folded):
            month = g.months[m[1]]
            day = int(m[2])
            if m[3]:
                add(m.start(), m.end(), _safe_date(int(m[3]), month, day), "day", False)
            else:
                value, end = without_year(month, day, m.start(), m.end())
                add(m.start(), end, value, "day", True)
    for m in g.month_year.finditer(folded):
        add(m.start(), m.end(), _safe_date(int(m[2]), g.months[m[1]], 1), "month", False)
    if published is not None:
        for m in g.month_only.finditer(folded):
            that = g.that_year.match(folded, m.end(1)) if g.that_year else None
            if that:
                # "in maart van dat jaar": the year the text named last (earlier in this
                # sentence, else before it), never a guess
                earlier = [int(y[1]) for y in ANY_YEAR.finditer(folded, 0, m.start())]
                year = earlier[-1] if earlier else anchor_year
                if year is not None:
                    value = _safe_date(year, g.months[m[1]], 1)
                    add(m.start(1), that.end(), value, "month", True)
                else:
                    taken.append((m.start(1), that.end()))
                continue
            said = g.years_after.match(folded, m.end(1)) if g.years_after else None
            if said:
                # "eind november vorig jaar", "in March last year": the year the words name
                year = published.year + g.year_offsets[" ".join(said[1].split())]
                add(m.start(1), said.end(), _safe_date(year, g.months[m[1]], 1), "month", True)
                continue
            forward = _looks_forward(folded, m.start(), g)
            add(m.start(1), m.end(1), month_of(g.months[m[1]], published, forward), "month", True)
    for m in YEAR.finditer(folded):
        add(m.start(1), m.end(1), _safe_date(int(m[1]), 1, 1), "year", False)
    if published is not None:
        explicit_starts = {d.start for d in found}
        for m in g.weekdays.finditer(folded):
            if any(m.end() < s <= m.end() + 10 for s in explicit_starts):
                continue  # "maandag 1 december": the explicit date already says it
            add(
                m.start(),
                m.end(),
                resolve_weekday(
                    g.weekday_index[m[1]],
                    published,
                    _looks_forward(folded, m.start(), g),
                    bool(NEXT.search(folded[max(0, m.start() - 15) : m.start()])),
                ),
                "day",
                True,
            )
        for m in g.year_parts.finditer(folded) if g.year_parts is not None else ():
            # "at the end of last year": a month the year's part names, not a span of days
            years, month = (g.year_part_at or {})[" ".join(m.group().split())]
            add(m.start(), m.end(), date(published.year + years, month, 1), "month", True)
        for m in g.spans.finditer(folded) if g.spans is not None else ():
            day = published + timedelta(days=g.span_days[" ".join(m.group().split())])
            add(m.start(), m.end(), day.replace(day=1), "month", True)
        if g.offsets is not None:
            for m in g.offsets.finditer(folded):
                days = g.offset_days.get(" ".join(m.group().split()))
                if days is not None:
                    add(m.start(), m.end(), published + timedelta(days=days), "day", True)
    for m in g.anchored.finditer(folded) if g.anchored is not None else ():
        if OF_EVENT.match(folded, m.end()):
            continue  # "la veille du Conseil": the day before another event, not that date
        earlier = [d for d in found if d.end <= m.start() and d.precision == "day"]
        base = max(earlier, key=lambda d: d.end).value if earlier else anchor
        if base is not None:
            days = g.anchored_days[" ".join(m.group().split())]
            add(m.start(), m.end(), base + timedelta(days=days), "day", True)
    found.sort(key=lambda d: d.start)
    return found


OF_EVENT = re.compile(r"\s+(?:du|de|des|van|of|der|des|vom|von)(?![\w])")
NEXT = re.compile(
    r"(?<![\w])(next|volgende|komende|prochain|prochaine|nachsten|nachste|kommenden)\s*$"
)


def resolve_weekday(weekday: int, published: date, forward: bool, next_week: bool = False) -> date:
    """The named weekday nearest the publication date: the last one on or before it, or with
    forward-looking words, the next one from it ("vanaf maandag" in Monday's paper is today;
    "volgende maandag" is a week later)."""
    if forward:
        ahead = (weekday - published.weekday()) % 7
        if ahead == 0 and next_week:
            ahead = 7
        return published + timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back)
