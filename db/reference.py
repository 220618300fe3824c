"""Reference data (jurisdictions, actors, products, rationales) and the lexicons, loaded once.

All of it is data under db/reference and db/lexicon; this module only reads and indexes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bantracker.config import FAST_LOADER
from db.text import CueIndex, HeadFinder, LiteralStartPattern, cue_pattern, fold_phrase

HERE = Path(__file__).resolve().parent
REFERENCE_DIR = HERE / "reference"
LEXICON_DIR = HERE / "lexicon"
LANGUAGES = ("en", "nl", "fr", "de")
LEVELS = (
    "supranational",
    "national",
    "regional",
    "community",
    "provincial",
    "municipal",
    "institution",
)
ACTIONS = (
    "ban",
    "block",
    "restrict",
    "remove_from_app_store",
    "lift",
    "vote",
    "proposal",
    "warning",
    "court_ruling",
)
EVENT_TYPES = (
    "announced",
    "adopted",
    "in_force",
    "extended",
    "amended",
    "suspended",
    "lifted",
    "expired",
    "vote",
    "court_ruling",
)
SCOPES = (
    "government_devices",
    "government_network",
    "all_staff",
    "parliament_network",
    "whole_population",
    "app_stores",
    "education",
)
CATEGORIES = (
    "ai_chatbot",
    "ai_model",
    "image_generator",
    "social_app",
    "messaging",
    "video_app",
    "search",
    "other",
)


def read_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=FAST_LOADER)


@dataclass(frozen=True)
class Entity:
    """Something the gazetteer finds in text: a jurisdiction, an actor or a product."""

    kind: str
    id: str
    data: dict[str, Any] = field(compare=False, repr=False)


@dataclass
class Reference:
    jurisdictions: dict[str, dict[str, Any]]
    actors: dict[str, dict[str, Any]]
    products: dict[str, dict[str, Any]]
    rationales: dict[str, dict[str, Any]]
    actions: dict[str, dict[str, list[str]]]
    scopes: dict[str, dict[str, list[str]]]
    events: dict[str, dict[str, list[str]]]
    modifiers: dict[str, dict[str, list[str]]]
    months: dict[str, dict[str, int]]
    relative: dict[str, dict[str, Any]]

    def country_of(self, jurisdiction_id: str | None) -> str | None:
        """The national (or supranational) ancestor of a jurisdiction."""
        seen = set()
        current = jurisdiction_id
        while current and current not in seen:
            seen.add(current)
            row = self.jurisdictions.get(current)
            if row is None:
                return None
            if row["level"] in ("national", "supranational"):
                return current
            current = row.get("parent")
        return None

    def ancestors(self, jurisdiction_id: str) -> list[str]:
        out = []
        current = self.jurisdictions.get(jurisdiction_id, {}).get("parent")
        while current and current not in out:
            out.append(current)
            current = self.jurisdictions.get(current, {}).get("parent")
        return out

    def name(self, jurisdiction_id: str, language: str = "en") -> str:
        row = self.jurisdictions.get(jurisdiction_id)
        return row[f"name_{language}"] if row else jurisdiction_id


@cache
def load_reference() -> Reference:
    by_id = lambda rows: {row["id"]: row for row in rows}  # noqa: E731
    return Reference(
        jurisdictions=by_id(read_yaml(REFERENCE_DIR / "jurisdictions.yml")),
        actors=by_id(read_yaml(REFERENCE_DIR / "actors.yml")),
        products=by_id(read_yaml(REFERENCE_DIR / "products.yml")),
        rationales=by_id(read_yaml(REFERENCE_DIR / "rationales.yml")),
        actions=read_yaml(LEXICON_DIR / "actions.yml"),
        scopes=read_yaml(LEXICON_DIR / "scopes.yml"),
        events=read_yaml(LEXICON_DIR / "events.yml"),
        modifiers=read_yaml(LEXICON_DIR / "modifiers.yml"),
        months=read_yaml(LEXICON_DIR / "months.yml"),
        relative=read_yaml(LEXICON_DIR / "relative_dates.yml"),
    )


WORD_START = re.compile(r"(?<![\w])\w")


class AliasIndex:
    """Finds gazetteer aliases in folded text.

    Aliases are looked up by the first characters of each word instead of trying ~1,500
    alternatives at every position, which made one regex the build's bottleneck. Longer aliases
    win. Products may open a compound (TikTok-verbod, DeepSeek-App): no boundary after them;
    other names may carry a genitive ending (des Europäischen Parlaments).
    """

    def __init__(self, aliases: dict[str, Entity]):
        self.by_prefix: dict[str, list[tuple[re.Pattern[str], Entity]]] = {}
        heads: list[str] = []
        for alias in sorted(aliases, key=len, reverse=True):
            entity = aliases[alias]
            body = re.escape(alias).replace(r"\ ", r"\s+")
            if entity.kind == "product" and len(alias) >= 4:
                right = ""
            elif len(alias) >= 5 and alias[-1].isalnum():
                right = r"(?:s|es|n)?(?![\w])"  # genitive and dative endings
            else:
                right = r"(?![\w])" if alias[-1].isalnum() else ""
            key = alias[: min(4, len(alias))]
            self.by_prefix.setdefault(key, []).append((re.compile(body + right), entity))
            heads.append(alias.split(" ", 1)[0])  # patterns start with this word verbatim
        self.heads = HeadFinder(heads)

    def find(self, folded: str, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Matches at every word start where an alias may begin (found by the automaton);
        where two overlap, the one reaching further wins ("le gouvernement flamand" is the
        Flemish government, not "le gouvernement")."""
        found = []
        for at in self.heads.starts(folded, start, end):
            for size in (4, 3, 2):
                match = None
                for pattern, entity in self.by_prefix.get(folded[at : at + size], ()):
                    match = pattern.match(folded, at, end)
                    if match:
                        found.append((at, match.end(), entity))
                        break
                if match:
                    break
        kept: list[tuple[int, int, Entity]] = []
        for item in found:
            if kept and item[0] < kept[-1][1]:
                if item[1] > kept[-1][1]:
                    kept[-1] = item  # the later match covers more
                continue
            kept.append(item)
        return kept


@dataclass
class Patterns:
    """Compiled matchers for one language (every language also gets the English cues for
    terms that travel, like product names and acronyms)."""

    language: str
    entities: AliasIndex
    acronyms: LiteralStartPattern | None  # matched case-sensitively on the original text
    acronym_for: dict[str, Entity]
    actions: CueIndex
    scopes: CueIndex
    events: dict[str, re.Pattern[str]]
    rationales: CueIndex
    modifiers: CueIndex


def _per_language(
    table: dict[str, dict[str, list[str]]], language: str
) -> dict[str, re.Pattern[str]]:
    out = {}
    for key, by_lang in table.items():
        cues = list((by_lang or {}).get(language, []))
        pattern = cue_pattern(cues)
        if pattern is not None:
            out[key] = pattern
    return out


ACRONYM = re.compile(r"^[A-Z][A-Z.\-]{1,5}$")


def _cue_index(table: dict[str, dict[str, list[str]]], language: str) -> CueIndex:
    return CueIndex(
        {key: list((by_lang or {}).get(language, [])) for key, by_lang in table.items()}
    )


def _entity_aliases(ref: Reference) -> tuple[dict[str, Entity], dict[str, Entity]]:
    """Folded alias -> entity, and acronym -> entity. Products first: their names are the least
    ambiguous. Short all-capital aliases (EU, US, CCB) are kept apart and matched with their
    case, since folded they collide with ordinary words ("us", "eu")."""
    aliases: dict[str, Entity] = {}
    acronyms: dict[str, Entity] = {}

    def add(alias: str, entity: Entity) -> None:
        if ACRONYM.match(alias.strip()):
            acronyms.setdefault(alias.strip(), entity)
            return
        key = fold_phrase(alias)
        if len(key) >= 2 and key not in aliases:
            aliases[key] = entity

    for row in ref.products.values():
        entity = Entity("product", row["id"], row)
        for alias in [row["name"], *row.get("aliases", [])]:
            add(alias, entity)
    for row in ref.actors.values():
        entity = Entity("actor", row["id"], row)
        for names in (row.get("aliases") or {}).values():
            for alias in names:
                add(alias, entity)
    for row in ref.jurisdictions.values():
        entity = Entity("jurisdiction", row["id"], row)
        for lang in LANGUAGES:
            add(row[f"name_{lang}"], entity)
        for names in (row.get("aliases") or {}).values():
            for alias in names:
                add(alias, entity)
        if row["level"] == "national":
            for alias in (row.get("aliases") or {}).get("nl", []):
                uninflected = dutch_uninflected(alias)
                if uninflected:
                    add(uninflected, entity)
    return aliases, acronyms


# uninflected forms that are also common words or names ("Frans Timmermans", "pools")
_NOT_ADJECTIVES = {"frans", "pools"}


def dutch_uninflected(alias: str) -> str | None:
    """A Dutch nationality adjective is inflected before a de-word ("de Australische regering")
    and not before a neuter one ("het Australisch parlement", "Australisch socialemediaverbod"):
    the lexicon lists the inflected form, news uses both."""
    if " " in alias or not alias[:1].isupper() or not alias.endswith(("se", "sche")):
        return None
    if alias.endswith("ese"):
        form = alias[:-3] + "ees"  # Chinese -> Chinees, Nepalese -> Nepalees
    elif alias.endswith("iase"):
        form = alias[:-4] + "iaas"  # Indiase -> Indiaas
    else:
        form = alias[:-1]  # Australische -> Australisch, Italiaanse -> Italiaans
    return None if form.lower() in _NOT_ADJECTIVES else form


def _with_lifting_words(ref: Reference) -> dict[str, dict[str, list[str]]]:
    """The step words, where 'lifted' also has every word that reports a lifting as a measure
    ("Dat verbod werd in augustus 2024 weer ingetrokken"): one list to keep up, not two."""
    events = {kind: dict(by_language or {}) for kind, by_language in ref.events.items()}
    lifted = events.setdefault("lifted", {})
    for language, cues in (ref.actions.get("lift") or {}).items():
        lifted[language] = [*lifted.get(language, []), *cues]
    return events


@cache
def patterns_for(language: str) -> Patterns:
    ref = load_reference()
    aliases, acronym_map = _entity_aliases(ref)
    acronyms = (
        LiteralStartPattern(
            re.compile(
                "|".join(
                    rf"(?<![\w.])(?:{re.escape(a)})(?![\w])"
                    for a in sorted(acronym_map, key=len, reverse=True)
                )
            )
        )
        if acronym_map
        else None
    )
    rationale_cues = {r["id"]: (r.get("cues") or {}) for r in ref.rationales.values()}
    return Patterns(
        language=language,
        entities=AliasIndex(aliases),
        acronyms=acronyms,
        acronym_for=acronym_map,
        actions=_cue_index(ref.actions, language),
        scopes=_cue_index(ref.scopes, language),
        events=_per_language(_with_lifting_words(ref), language),
        rationales=_cue_index(rationale_cues, language),
        modifiers=_cue_index(ref.modifiers, language),
    )
