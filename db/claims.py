"""Statement-level extraction: which sentences report a measure, and the facts they state.

A sentence reports a measure when it names (or refers back to) a product and carries an action
cue that is not negated or hypothetical. Its jurisdiction is the most specific place or body
that acts in it (not one that is only a precedent, and not the vendor's country); its dates are
typed by the words just before them. Everything found is kept as a claim with the sentence as
its quote and exact character offsets, so every value in the timeline can be traced back.

Nothing here is keyed to particular documents: the vocabulary lives in db/lexicon and
db/reference, and the rules are about sentence structure.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from db.dates import DateMention, find_dates
from db.reference import (
    LEXICON_DIR,
    Entity,
    Patterns,
    Reference,
    load_reference,
    patterns_for,
    read_yaml,
)
from db.relevance import SUSPENSION_STEMS
from db.text import CueIndex, Sentence, fold, fold_phrase, split_sentences

EXTRACTOR_VERSION = "claims/1"

# Which action kinds describe the same restrictive measure in different words.
FAMILY = {
    "ban": "restrictive",
    "block": "restrictive",
    "restrict": "restrictive",
    "lift": "restrictive",
    "remove_from_app_store": "app_store",
    "vote": "legislative",
    "proposal": "legislative",
    "warning": "warning",
    "court_ruling": "court",
}
IMMEDIATE = {"block", "remove_from_app_store"}
CONTEXT_GOVERNMENTS = {"context:national", "context:federal"}  # 'the government'
STAFF_SCOPES = {"government_devices", "all_staff"}
# an age limit: who may hold an account, by age ("under 16", "unter 16-Jährige", "moins de 15
# ans", "Mindestalter")
AGE_LIMIT = re.compile(
    r"(?<![\w])(?:(?:under|unter|moins\s+de|jonger\s+dan|onder\s+de)[\s-]+1[3-8](?![\d])|"
    r"under-1[3-8]s?|altersgrenze|mindestalter|age\s+limit|minimum\s+age|leeftijdsgrens|"
    r"minimumleeftijd|age\s+minim\w+|limite\s+d'age|majorite\s+numerique)"
)
ORIGIN_EVENTS = {"announced", "adopted", "in_force"}
# the conditional of reported speech ("announced that X would be banned"), unlike "if"
REPORTED_MOOD = {"would be", "would", "zou", "zouden", "serait", "seraient", "wurde", "wurden"}
AUTHORITIES = {"regulator", "agency", "ministry", "government", "court"}
SPECIFICITY = {
    "municipal": 4,
    "provincial": 3,
    "institution": 3,
    "regional": 2,
    "community": 2,
    "national": 1,
    "supranational": 0,
}
# Definite or demonstrative references ("the ban", "dat verbod", "cette interdiction", "dieses
# Verbot"): one determiner list per language, and the nouns a reference can point back with.
_DETERMINERS = {
    "en": r"(?:the|this|that)\s+",
    "nl": r"(?:de|het|dat|dit|deze|die)\s+",
    "fr": r"(?:l'|le\s+|la\s+|ce\s+|cet\s+|cette\s+)",
    "de": r"(?:die|der|das|den|diese|dieses|diesen|dieser)\s+",
}
_PRODUCT_NOUNS = {
    "en": "app|application|chatbot|tool|service|platform",
    "nl": "app|applicatie|toepassing|chatbot|tool|videoapp|platform",
    "fr": "application|appli|chatbot|outil|plateforme",
    "de": "app|anwendung|chatbot|plattform",
}
_MEASURE_NOUNS = {
    "en": "ban|block|blockade|measure|restriction|prohibition|rule",
    "nl": "verbod|blokkering|blokkade|maatregel|regel|regeling",
    "fr": "interdiction|mesure|blocage|regle",
    "de": "verbot|sperre|massnahme|maßnahme|regel|regelung",
}
_LAW_NOUNS = {
    "en": "law|order|decree|bill|act|legislation",
    "nl": "wet|decreet|wetsvoorstel|wetsontwerp|wetgeving",
    "fr": "loi|decret|projet\\s+de\\s+loi|proposition\\s+de\\s+loi|legislation",
    "de": "gesetz|verordnung|gesetzentwurf|gesetzesentwurf|gesetzgebung",
}
_DECISION_NOUNS = {"en": "decision", "nl": "beslissing", "fr": "decision", "de": "entscheidung"}


def _references(*nouns: dict[str, str]) -> str:
    return "|".join(
        f"{determiner}(?:{'|'.join(group[language] for group in nouns)})"
        for language, determiner in _DETERMINERS.items()
    )


# the product or the measure named again
ANAPHORA = re.compile(
    rf"(?<![\w])((?:{_references(_PRODUCT_NOUNS, _MEASURE_NOUNS, _LAW_NOUNS)})|the app's)(?![\w])"
)
# a law named by its title stands in for the measure it sets, like "the law" does ("The Online
# Safety Amendment (Social Media Minimum Age) Act passed parliament in November", "das neue
# Jugendschutzgesetz"); the English title is told by its capitals, so it is found in the text
NAMED_LAW = re.compile(
    r"(?<![\w])(?:[Tt]he|[Dd]e|[Hh]et|[Ll]a|[Ll]e|[Dd]ie|[Dd]er|[Dd]as)\s+(?:[A-Z][\w'’-]*\s+|\([^()]{1,80}\)\s+|(?:of|and|on)\s+){1,10}"
    r"(?:Act|Law|Bill)(?![\w])"
)
NAMED_LAW_FOLDED = re.compile(
    r"(?<![\w])(?:das|dem|des|ein|einem)\s+(?:\w+\s+)?\w{3,}gesetz(?:es)?(?![\w])"
)
# the law a measure stands in ("the law", "de wet", "la loi", "das Gesetz")
LAW_REFERENCE = re.compile(rf"(?<![\w])(?:{_references(_LAW_NOUNS)})(?![\w])")
# the measure itself named again ("maakte de maatregel maandagavond bekend")
MEASURE_REFERENCE = re.compile(
    rf"(?<![\w])(?:{_references(_MEASURE_NOUNS, _DECISION_NOUNS)})(?![\w])"
)
VENDOR_CONTEXT = re.compile(
    r"^[\s,-]{0,3}(?:ai[\s-]?)?(?:server|servers|company|firm|start-?up|model|chatbot|app|"
    r"bedrijf|onderneming|servers|entreprise|societe|serveurs|unternehmen|firma|konzern|"
    r"authorities|autoriteiten|autorites|behorden|overheid|state|staat|etat|owner|eigenaar|"
    r"developer|ontwikkelaar|tech|technolog|ki-|ia\b|artificial)"
)
VOTE_COUNT = re.compile(
    r"(?<![\d])(\d{1,3})\s*(?:(?:senators?|senatoren|senateurs|members|leden|mps|"
    r"deputes|abgeordnete|parlementsleden|kamerleden)\s+)?"
    r"(?:votes?\s*(?:in favou?r|for)?|stemmen\s*voor|voix\s*pour|"
    r"ja-?stimmen|stimmen\s*dafur|stimmen|voix|voor|pour|in favou?r|dafur)?\s*(?:,|-|–|to|tegen|"
    r"contre|against|zu|gegen|en|bei|und|et|and)\s*(\d{1,3})(?![\d])"
)
VOTE_WORD = re.compile(
    r"(?<![\w])(?:votes?|voted|stemmen|stemden|stemde|voix|voterent|stimmen|stimmten)(?![\w])"
)


def _tallied(folded: str, start: int, end: int) -> bool:
    """The clause gives a vote's count ("by 34 votes to 19", "mit 79 zu 18 Stimmen")."""
    count = VOTE_COUNT.search(folded, start, end)
    return count is not None and bool(
        VOTE_WORD.search(folded, max(start, count.start() - 12), min(end, count.end() + 12))
    )


VENDOR_BEFORE = re.compile(
    r"(?:(?<![\w])(?:naar|to|vers|nach|uit|from|aus|into|in|en|a)\s+$)|(?:societe|entreprise|groupe|editeur|company|firm|developer|maker|bedrijf|ontwikkelaar|"
    r"unternehmen|konzern|hersteller|anbieter|app|application|applicatie|chatbot)\s*$"
)
# A place that describes a person or a firm, not who acts: a legislator's home state ("a New
# Jersey Democrat", "Republican from Illinois"), a firm's nationality ("the South Korean
# electronics giant Samsung", "la banque américaine"), the dateline of wire copy ("ALBANY -",
# "Prag/Wien (dpa) -").
PARTY_AFTER = re.compile(
    r"[\s-]{1,2}(?:democrat|republican|democraat|republikein|demokrat|republikaner|democrate|"
    r"republicain|senator|senateur|senatorin|congressman|congresswoman|lawmaker)"
)
PARTY_BEFORE = re.compile(
    r"(?:democrat|republican|democraat|republikein|demokrat|republikaner|democrate|republicain|"
    r"senator|senateur|senatorin|congressman|congresswoman|representative|rep\.|sen\.)\w*\s+"
    r"(?:from|of|uit|van|aus|de|du|d')\s*$"
)
FIRM_AFTER = re.compile(
    r"[\s-]{1,2}(?:[\w-]+\s+)?(?:tech(?:nology)?\s+giant|electronics\s+giant|bank|banks|lender|"
    r"retailer|carmaker|conglomerate|corporation|multinational|elektronicareus|techreus|"
    r"techbedrijf|zakenbank|grootbank|bank(?:en)?|concern|multinational|autobouwer|"
    r"elektronikkonzern|technologiekonzern|techkonzern|konzern|gro(?:ss|ß)bank|autobauer|"
    r"geant|banque|constructeur|multinationale|"
    # a school or hospital of the place sets its own rules ("Gentse school", "une école
    # liégeoise" is told by FIRM_BEFORE)
    r"school|scholen|atheneum|lyceum|college|ecole|lycee|schule|gymnasium|universiteit|"
    r"university|universite|universitat|hogeschool|hochschule|ziekenhuis|hospital|hopital|"
    r"krankenhaus)(?![\w])"
)
FIRM_BEFORE = re.compile(
    r"(?:geant|banque|groupe|constructeur|entreprise|societe|multinationale)\s+(?:[\w-]+\s+)?$"
)
DATELINE = re.compile(
    r"^(?:[A-ZÀ-Þ]{2,}[A-ZÀ-Þ .'-]*|[A-ZÀ-Þ][\w.'-]+(?:\s*/\s*[A-ZÀ-Þ][\w.'-]+)+|"
    r"[A-ZÀ-Þ][\w.'-]+(?:\s[A-ZÀ-Þ][\w.'-]+)?(?:,\s[\w .]{4,25})?\s*\([^)]{1,30}\))\s*[-–—]\s"
)


PERSON_AFTER = re.compile(
    r"[\s-]{1,2}(?:based\s+)?(?:[\w-]+\s+)?(?:\w*expert\w*|researchers?|onderzoek\w*|forscher\w*|"
    r"chercheu\w*|juris\w*|lawyers?|advoca\w*|anwalt\w*|anwaltin\w*|avocat\w*|professor\w*|"
    r"hoogleraar|analyst\w*|analist\w*|politolo\w*|wissenschaftler\w*|academic|academicus|"
    r"universitaire|akademiker\w*|journalist\w*)(?![\w])"
)
STATE_LEGISLATOR = re.compile(r"(?<![\w])(?:state|staats|assembly|statehouse)\w*\s")


PROHIBITED_SUBJECT = re.compile(
    r"(?<![\w])(?:(?:be|is|was|were|been|are)\s+(?:[\w-]+\s+)?(?:barred|banned|prohibited|"
    r"forbidden)|(?:no\s+longer|not)\s+(?:be\s+)?(?:allowed|permitted)|(?:mag|mogen|mocht|"
    r"mochten)\s+(?:[\w'-]+\s+){0,4}?niet\s+meer|(?:darf|durfen|durfte|durften)\s+"
    r"(?:[\w-]+\s+){0,4}?nicht\s+mehr|ne\s+(?:pourra|pourront|peut|peuvent)\s+plus|"
    r"n'est\s+plus\s+autoris|"
    # a service that stays or was made unreachable ("La plateforme reste inaccessible depuis
    # qu'un tribunal a ordonné son blocage", "the platform remains blocked")
    r"(?:reste|restent|est|sont|a\s+ete|ont\s+ete|remains?|is|was|has\s+been|blijft|bleef|"
    r"werd|bleibt|blieb|ist|wurde)\s+(?:[\w-]+\s+)?(?:inaccessibles?|bloque\w*|blocked|"
    r"inaccessible|unreachable|geblokkeerd|onbereikbaar|gesperrt|unerreichbar))"
)


def _describes_someone(mention: Mention, facts: SentenceFacts, folded: str) -> str | None:
    """Whether a place names where a legislator ("legislator"), a firm ("firm") or an expert
    quoted ("person") comes from, or is the dateline ("dateline")."""
    before = folded[max(0, mention.start - 40) : mention.start]
    if PARTY_AFTER.match(folded, mention.end) or PARTY_BEFORE.search(before):
        return "legislator"
    if FIRM_AFTER.match(folded, mention.end) or FIRM_BEFORE.search(before):
        return "firm"
    if PERSON_AFTER.match(folded, mention.end):
        return "person"  # "die Wiener Digitalrechtsexpertin", "a Brussels-based researcher"
    if facts.sentence.index > 0:
        dateline = DATELINE.match(facts.sentence.text)
        if dateline and mention.start < facts.sentence.start + dateline.end():
            return "dateline"
    return None


PARLIAMENT_WORDS = re.compile(
    # not the executive: "la Commission européenne", "de Europese Commissie"
    r"(?<![\w])(parliament|parlement|parlament|committee|(?<!europese )commissie|"
    r"(?<!european )(?<!eu )commission(?! europeenne)|ausschuss|mep|"
    r"meps|lawmakers|legislators|deputes|eurodeputes|abgeordnete|senat|senate|kamer|chamber|"
    r"volksvertegenwoordigers|bundestag|assemblee|congress|house of representatives|kongress|"
    r"congres|reprasentantenhaus|abgeordneten|afgevaardigden|representants|senators|senatoren|"
    r"senateurs|parlamentarier|parlementsleden|deputes)"
)
OFFICIAL_TITLE = re.compile(
    r"(?<![\w])(?:minister-president|minister|ministre|ministerin|premier|prime minister|"
    r"premierminister|eerste minister|schepen|echevin|alderman|alderwoman|burgemeester|"
    r"bourgmestre|burgermeister|mayor|secretary|staatssecretaris|secretaire d'etat|"
    r"commissioner|commissaris|commissaire|kommissarin|kommissar|governor|gouverneur|"
    r"president|voorzitter|presidente|prasident|datenschutzbeauftragte)\s+"
    r"(?:[\w'-]+\s+){0,4}?((?:[A-ZÀ-Þ][\w'-]+\s+){0,2}[A-ZÀ-Þ][\w'-]+)"
)


@dataclass
class Mention:
    """An entity, cue or date found in a document, with its offsets."""

    kind: str
    value: str
    start: int
    end: int
    entity: Entity | None = None


@dataclass
class Claim:
    """One extracted fact with its provenance."""

    document_id: str
    field: str
    value: str
    quote_start: int
    quote_end: int
    start: int
    end: int
    sentence: int
    confidence: float
    role: str  # news | background

    @property
    def id(self) -> str:
        raw = f"{self.document_id}|{self.field}|{self.value}|{self.sentence}"
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


@dataclass
class EventClaim:
    type: str
    date: date
    precision: str
    relative: bool
    claim: Claim
    derived: bool = False  # inferred ("in force the day it was announced"), not stated


@dataclass
class DocMeasure:
    """A measure as one document reports it; the resolver merges these across documents."""

    document_id: str
    jurisdiction: str
    family: str
    actions: list[tuple[str, float]] = field(default_factory=list)
    products: set[str] = field(default_factory=set)
    scope: set[str] = field(default_factory=set)
    rationales: set[str] = field(default_factory=set)
    actors: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    events: list[EventClaim] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    precedents: list[str] = field(default_factory=list)
    vote: tuple[int, int] | None = None
    role: str = "background"
    sentences: list[int] = field(default_factory=list)
    cues: set[str] = field(default_factory=set)  # the lexicon keys that named the action
    immediate: bool = False  # "with immediate effect": in force the day it is announced
    age_limit: bool = False  # its sentences set an age ("unter 16-Jährige"): see action
    # its products were not named with it but taken from the title or the sentence before
    guessed_products: bool = False
    placed: bool = True  # False when no word of its sentence named the place
    extension: bool = False  # "extends its ban to": the news is the widening of a measure
    # the kind of measure a lifting ends ("lifted its ban on X": ban), so that a document that
    # only reports the end still names the measure it ends
    lifted: str = ""

    @property
    def action(self) -> str:
        totals: dict[str, float] = {}
        for kind, weight in self.actions:
            totals[kind] = totals.get(kind, 0.0) + weight
        non_lift = {k: v for k, v in totals.items() if k != "lift"}
        if not non_lift and self.lifted:
            return self.lifted
        non_lift = non_lift or totals
        if (
            "block" in non_lift
            and self.age_limit
            and non_lift.get("restrict", 0) < max(non_lift.values())
        ):
            # "Social-Media-Sperre für unter 16-Jährige": accounts barred by age, not a
            # service made unreachable
            return "ban"
        if "ban" in non_lift and "block" in non_lift and self.scope & STAFF_SCOPES:
            # a rule for staff and their devices, enforced by blocking the app on the network
            # ("hat ihren Beschäftigten die Nutzung untersagt ... der Zugang über Nasa-Netze
            # werde gesperrt"): the rule is the measure
            return "ban"
        # on a tie, the words that reported the measure first ("only the paid version may be
        # used" before "staff were barred from pasting data into it": a restriction)
        return max(non_lift, key=lambda k: non_lift[k])

    @property
    def is_lift_only(self) -> bool:
        return all(kind == "lift" for kind, _ in self.actions)

    def event_dates(self) -> list[date]:
        return [e.date for e in self.events]

    def origin_dates(self) -> list[date]:
        """Dates of the measure's own start; later steps (an extension, a lifting, a ruling)
        do not make it a different measure."""
        return [e.date for e in self.events if e.type in ORIGIN_EVENTS]


@dataclass
class SentenceFacts:
    sentence: Sentence
    products: list[Mention]
    places: list[Mention]  # jurisdictions and actors
    actions: list[Mention]
    scopes: list[Mention]
    rationales: list[Mention]
    dates: list[DateMention]
    negated: bool
    hypothetical: bool
    company: bool
    precedent_spans: list[tuple[int, int]]
    background: bool
    anaphora: bool
    suspends: bool = False
    immediate: bool = False
    language: str = ""
    # a law named by its title ("The Online Safety Amendment Act"): its passing may be the
    # adoption of the measure reported, but it may as well be another law ("The AI Act
    # already prohibits ..."), so it does not stand in for the measure's products
    named_law: bool = False
    # products named for the firm behind another app ("owned by TikTok's parent company"): not
    # a target, but the sentence still talks about that product
    owners: list[Mention] = field(default_factory=list)
    # products named only after the measure ("The cabinet advises against apps from ...
    # The reason is the debate about TikTok"): see _defer_products
    deferred: set[str] = field(default_factory=set)


@dataclass
class Extraction:
    document_id: str
    relevant: bool
    measures: list[DocMeasure]
    claims: list[Claim]


def _entities(text: str, folded: str, patterns: Patterns, start: int, end: int) -> list[Mention]:
    found = [
        Mention(entity.kind, entity.id, s, e, entity)
        for s, e, entity in patterns.entities.find(folded, start, end)
    ]
    if patterns.acronyms is not None:
        for m in patterns.acronyms.finditer(text, start, end):
            entity = patterns.acronym_for.get(m.group())
            if entity is not None and not any(f.start <= m.start() < f.end for f in found):
                found.append(Mention(entity.kind, entity.id, m.start(), m.end(), entity))
    return sorted(found, key=lambda m: m.start)


LONE_X = re.compile(r"(?<![\w.@/-])X(?![\w'’@/-])(?!\.\w)")
# the words a measure puts before the platform it targets ("blocked access to X", "het verbod
# op X", "le blocage de X", "die Sperre von X"): there a lone 'X' is the former Twitter even
# when no other platform is listed with it (a descriptor, "the social network X", is not
# enough: it often names where another product sits, "Grok, integrated into X")
X_OBJECT_BEFORE = re.compile(
    r"(?<![\w])(?:access\s+to|ban\s+on|block(?:ed|s|ing)?(?:\s+of)?|suspension\s+of|"
    r"restrict(?:ed|s|ing)?|throttl\w*|unblock\w*|toegang\s+tot|verbod\s+op|blokk\w+(?:\s+van)?|"
    r"blokkade\s+van|l'acces\s+a|blocage\s+de|interdiction\s+de|suspension\s+de|bloqu\w*|"
    r"zugang\s+zu|sperr\w*(?:\s+von)?|verbot\s+von)\s+(?:the\s+)?$"
)
# or the measure words right after it ("X has been blocked", "X in het hele land laten
# blokkeren", "X est bloqué", "X wird gesperrt")
X_OBJECT_AFTER = re.compile(
    r"\s+(?:[\w'-]+\s+){0,5}?(?:ge)?(?:block|ban|blokk|verbod|verbied|bloqu|interdi|sperr|"
    r"verbot|verbiet|restrict|suspend|geschorst|opgeschort)\w*"
)
BUILT_INTO_X = {"grok"}
X_DESCRIPTOR = re.compile(
    r"(?:social\s+(?:network|media\s+platform|platform)|sociale?\s+(?:netwerk|mediaplatform)|"
    r"reseau\s+social|plateforme|soziale[ns]?\s+netzwerk|plattform|platform)\s+$"
)
LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|en|et|und|or|of|ou|oder|sowie))\s*")


def _listed_x(text: str, folded: str, entities: list[Mention]) -> list[Mention]:
    """A bare 'X' is too ambiguous to be a gazetteer alias, but listed among other platforms
    ("Facebook, Instagram, TikTok, X en YouTube") it is the former Twitter."""
    if "X" not in text:
        return entities
    products = [m for m in entities if m.kind == "product"]
    ref = load_reference()
    if "x" not in ref.products:
        return entities
    added = []
    for m in LONE_X.finditer(text):
        if any(e.start <= m.start() < e.end for e in entities):
            continue
        if (
            X_OBJECT_BEFORE.search(folded, max(0, m.start() - 40), m.start())
            or X_OBJECT_AFTER.match(folded, m.end())
            # "het sociale netwerk X" in a text that names no product built into X (Grok),
            # where "the social network X" would say where that product sits
            or (
                not any(p.value in BUILT_INTO_X for p in products)
                and X_DESCRIPTOR.search(folded, max(0, m.start() - 30), m.start())
            )
            or any(
                LIST_GAP.fullmatch(folded, p.end, m.start())
                or LIST_GAP.fullmatch(folded, m.end(), p.start)
                for p in products
                if p.end <= m.start() or p.start >= m.end()
            )
        ):
            entity = Entity("product", "x", ref.products["x"])
            added.append(Mention("product", "x", m.start(), m.end(), entity))
    return sorted([*entities, *added], key=lambda m: m.start) if added else entities


def _listed_names(text: str, folded: str, entities: list[Mention]) -> list[Mention]:
    """Product names that are also ordinary words ("Signal") count only with their capital and
    listed among other products ("WhatsApp, Signal und Telegram"): `listed` in products.yml."""
    names = _listed_name_pattern()
    if names is None:
        return entities
    candidates = [
        m
        for m in names[0].finditer(text)
        if not any(e.start <= m.start() < e.end for e in entities)
    ]
    if not candidates:
        return entities
    ref = load_reference()
    found = [m for m in entities if m.kind == "product"]
    added: list[Mention] = []
    changed = True
    while changed and candidates:  # a list may chain: "WhatsApp, Signal, Line en Telegram"
        changed = False
        for m in list(candidates):
            if any(
                LIST_GAP.fullmatch(folded, p.end, m.start())
                or LIST_GAP.fullmatch(folded, m.end(), p.start)
                for p in [*found, *added]
            ):
                product = names[1][m.group()]
                entity = Entity("product", product, ref.products[product])
                added.append(Mention("product", product, m.start(), m.end(), entity))
                candidates.remove(m)
                changed = True
    return sorted([*entities, *added], key=lambda m: m.start) if added else entities


@cache
def _listed_name_pattern() -> tuple[re.Pattern[str], dict[str, str]] | None:
    ref = load_reference()
    product_of = {name: p["id"] for p in ref.products.values() for name in p.get("listed") or []}
    if not product_of:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(product_of, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), product_of


FAR_AFTER = 80
STATE_AFTER = re.compile(
    r"[\s-]{0,2}(?:state|staat|deelstaat|bundesstaat|bundesstaats|bundesstaates|province|"
    r"provincie|provinz|region|regio)(?![\w])"
)
STATE_BEFORE = re.compile(r"(?<![\w])(?:etat|province|region)\s+$")


# a product named for the firm behind another one ("Lemon8, owned by TikTok's parent company",
# "het moederbedrijf van TikTok", "la maison mère de TikTok"): the app the sentence is about is
# the other one
OWNER_AFTER = re.compile(r"['’]s?\s+(?:chinese\s+)?(?:parent|owner|maker|developer)")
OWNER_BEFORE = re.compile(
    r"(?<![\w])(?:parent(?:\s+company)?|owner|maker|moederbedrijf|eigenaar|maison\s+mere|"
    r"societe\s+mere|proprietaire|mutterkonzern|mutterfirma|eigentumer|muttergesellschaft)"
    r"\s+(?:of|van|de|du|von|des)\s+(?:the\s+|het\s+|la\s+|l'|der\s+|dem\s+)?$"
)


# a title and a first name before a place's name make it a surname ("Premierminister Anthony
# Albanese" is no Albanian, "Gouverneur Phil Murphy" no Murphy county)
TITLE_AND_FIRST_NAME = re.compile(
    r"(?<![\w])(?i:minister\w*|ministre|premier\w*|prime\s+minister|president\w*|"
    r"prasident\w*|präsident\w*|governor|gouverneur\w*|mayor|maire|burgemeester|"
    r"bürgermeister\w*|chancellor|kanzler\w*|senator\w*|sénat\w*|senateur|senatrice)"
    r"\s+[A-ZÀ-Þ][\w'-]+\s+$"
)


def _names_an_owner(mention: Mention, folded: str) -> bool:
    return mention.kind == "product" and bool(
        OWNER_AFTER.match(folded, mention.end)
        or OWNER_BEFORE.search(folded, max(0, mention.start - 40), mention.start)
    )


def _names_a_member_state(mention: Mention, folded: str) -> bool:
    """'A US state', 'een Amerikaanse staat', 'le premier État américain': the country's name
    only says which country the state is in; the acting state is the one the document is
    about, not the country (plurals, 'US states', stay the country: they name no one state)."""
    if mention.kind != "jurisdiction" or mention.entity is None:
        return False
    if mention.entity.data.get("level") != "national":
        return False
    return bool(
        STATE_AFTER.match(folded, mention.end)
        or STATE_BEFORE.search(folded, max(0, mention.start - 12), mention.start)
    )


def _cues(index: CueIndex, folded: str, start: int, end: int) -> list[Mention]:
    return [Mention("cue", key, s, e) for s, e, key in index.find(folded, start, end)]


@dataclass
class Scan:
    """Every entity, cue and modifier of a document, found in one pass over its text: running
    each lexicon once per document instead of once per sentence is what keeps the build fast."""

    entities: list[Mention]
    cues: dict[str, list[Mention]]
    modifiers: dict[str, list[tuple[int, int]]]
    anaphora: list[tuple[int, int]]
    starts: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, folded: str, patterns: Patterns) -> Scan:
        end = len(folded)
        cues = {
            "actions": _cues(patterns.actions, folded, 0, end),
            "scopes": _cues(patterns.scopes, folded, 0, end),
            "rationales": _cues(patterns.rationales, folded, 0, end),
        }
        modifiers: dict[str, list[tuple[int, int]]] = {}
        for s, e, name in patterns.modifiers.find(folded, 0, end):
            modifiers.setdefault(name, []).append((s, e))
        anaphora = [(m.start(), m.end()) for m in ANAPHORA.finditer(folded)]
        # (each pattern only where its head word occurs: both run on every document)
        modifiers["named_law"] = sorted(
            (m.start(), m.end())
            for found in (
                NAMED_LAW.finditer(text)
                if "Act" in text or "Law" in text or "Bill" in text
                else (),
                NAMED_LAW_FOLDED.finditer(folded)
                if patterns.language == "de" and "gesetz" in folded
                else (),
            )
            for m in found
        )
        entities = _entities(text, folded, patterns, 0, end)
        entities = _listed_x(text, folded, entities)
        entities = _listed_names(text, folded, entities)
        kept = []
        for m in entities:
            if m.kind == "jurisdiction" and TITLE_AND_FIRST_NAME.search(
                text, max(0, m.start - 60), m.start
            ):
                continue  # a surname ("Premierminister Anthony Albanese")
            if _names_an_owner(m, folded):
                m.kind = "owner"
            elif _names_a_member_state(m, folded):
                m.value = f"context:region:{m.value}"
            kept.append(m)
        entities = kept
        scan = cls(entities, cues, modifiers, anaphora)
        scan.starts = {"entities": [m.start for m in scan.entities]}
        for name, mentions in cues.items():
            scan.starts[name] = [m.start for m in mentions]
        return scan

    def within(self, name: str, start: int, end: int) -> list[Mention]:
        items = self.entities if name == "entities" else self.cues[name]
        starts = self.starts[name]
        return [
            m for m in items[bisect_left(starts, start) : bisect_left(starts, end)] if m.end <= end
        ]

    @staticmethod
    def spans_within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
        index = bisect_left(spans, (start, -1))
        out = []
        while index < len(spans) and spans[index][0] < end:
            if spans[index][1] <= end:
                out.append(spans[index])
            index += 1
        return out


INVERTED_FOLLOW = re.compile(r"(?:volg|folg)\w*$")
OPENING_PREPOSITION = re.compile(r"\s*(?:op|am|an|in|im|vanaf|seit|sinds)?\s*$")


def _follows_as_subject(
    folded: str, s: int, start: int, end: int, dates: list[DateMention]
) -> bool:
    """Dutch and German put the subject after the verb when a time opens the sentence:
    in "Maandag volgde de staat New York met een verbod" New York follows, it is not the
    example followed (as Antwerp is in "Gent volgde Antwerpen")."""
    if not INVERTED_FOLLOW.search(folded, start, end) or start - s > 40:
        return False
    first = next((d for d in dates if s <= d.start and d.end <= start), None)
    return first is not None and bool(OPENING_PREPOSITION.match(folded[s : first.start]))


# an explainer's headline asks where or which ("Wo die chinesische KI schon gesperrt ist",
# "Where DeepSeek is banned"): the answer is in the body, place by place
TITLE_QUESTION = re.compile(
    r"\s*(?:[^:\n]{1,40}:\s*)?(?:where|waar|wo|ou|which|welke|welche|quels?|quelles?)\s"
)


def _hypothetical(
    scan: Scan, patterns: Patterns, folded: str, s: int, e: int, last_cue: int | None = None
) -> bool:
    """Questions and conditionals, but not reported speech ("announced that TikTok would be
    banned" reports a decision), nor a condition far after the verb, which qualifies something
    else ("it banned TikTok and fined app stores if they kept offering it")."""
    if folded[s:e].rstrip().endswith("?") or (s == 0 and TITLE_QUESTION.match(folded, s)):
        return True
    spans = [
        (start, end)
        for start, end in Scan.spans_within(scan.modifiers.get("hypothetical", []), s, e)
        if last_cue is None or start < last_cue + 40
    ]
    if CIRCULAR.search(folded, s, e):
        # what a circular 'asks' of the services it is addressed to is an instruction ("In een
        # omzendbrief vraagt de minister de diensten DeepSeek te verwijderen")
        spans = [(a, b) for a, b in spans if not REQUEST.match(folded[a:b].strip())]
    if not spans:
        return False
    announced = patterns.events.get("announced")
    said = announced.search(folded, s, e) if announced is not None else None
    reported = said and all(
        start > said.start() and folded[start:end].strip() in REPORTED_MOOD for start, end in spans
    )
    return not reported


def sentence_facts(
    text: str,
    folded: str,
    sentence: Sentence,
    patterns: Patterns,
    published: date | None,
    scan: Scan | None = None,
    anchor: date | None = None,
    anchor_year: int | None = None,
    recalled_year: int | None = None,
) -> SentenceFacts:
    s, e = sentence.start, sentence.end
    scan = scan or Scan.of(text, folded, patterns)
    entities = scan.within("entities", s, e)
    products = [m for m in entities if m.kind == "product"]
    if len(products) > 1 and (opener := AFTER_PRODUCT.match(folded, s)) is not None:
        # "Après TikTok, c'est au tour de WeChat et de Kaspersky": the product the sentence
        # opens with came before; the news is about the others
        products = [m for m in products if m.start >= opener.end()]
    places = [m for m in entities if m.kind in ("jurisdiction", "actor")]
    dates = [
        DateMention(d.start + s, d.end + s, d.value, d.precision, d.relative)
        for d in find_dates(
            folded[s:e], patterns.language, published, anchor, anchor_year, recalled_year
        )
    ]

    def has(name: str) -> bool:
        return bool(Scan.spans_within(scan.modifiers.get(name, []), s, e))

    precedent_spans = []
    followed: list[Mention] = []
    for start, end in Scan.spans_within(scan.modifiers.get("precedent", []), s, e):
        if _follows_as_subject(folded, s, start, end, dates):
            followed.append(Mention("cue", "same", start, end))
        else:
            precedent_spans.append((start, min(e, end + 45)))
    actions = scan.within("actions", s, e)
    if products and not any(a.value in ("ban", "block", "restrict") for a in actions):
        # "le gouvernement suspend TikTok", "la suspension de l'application TikTok": an app
        # suspended as a whole is blocked
        suspended = SUSPENDS_APP.search(folded, max(s, products[0].start - 50), products[0].start)
        if suspended is not None:
            block = Mention("cue", "block", suspended.start(), suspended.end())
            actions = sorted([*actions, block], key=lambda m: m.start)
    if followed and not actions:
        # "Einen Tag später, am Sonntag, folgte Malaysia.": the place after the verb took the
        # same step on that day
        actions = followed[:1]
    # the vendor acts only when it is the subject, named before the verb ("the company made
    # its service unavailable"), not in an apposition after it ("blocked Grok, the company's
    # chatbot")
    # a firm that is told what it may no longer do is the measure's target, not its author
    # ("the company will no longer be allowed to sell its products", "das Unternehmen darf ...
    # nicht mehr anbieten")
    prohibited = PROHIBITED_SUBJECT.search(folded, s, e)
    company = [
        start
        for start, _ in Scan.spans_within(scan.modifiers.get("company", []), s, e)
        if (not actions or start < actions[0].start)
        and not (prohibited and prohibited.start() > start)
    ]
    # an AI or platform firm that restricts its own product before the verb ("xAI hatte die
    # Bildbearbeitung mit Grok auf zahlende Abonnenten beschränkt"); restoring access ("OpenAI a
    # rétabli l'accès") still dates the end of an authority's measure
    company += [
        start
        for start, _ in Scan.spans_within(scan.modifiers.get("vendor", []), s, e)
        if actions and start < actions[0].start and actions[0].value in ("ban", "block", "restrict")
    ]
    # a firm ruling for its own staff, also as the subject after the verb ("Eerder beperkten
    # grote banken het gebruik van ChatGPT"), but not named after the product it targets
    company += [
        start
        for start, _ in Scan.spans_within(scan.modifiers.get("employer", []), s, e)
        if not actions
        or start < actions[0].start
        or (
            0 <= start - actions[0].end <= 40
            and not any(actions[0].end <= p.start < start for p in products)
        )
    ]
    if products and products[0].start - s <= 3 and PRODUCT_SPEAKS.match(folded, products[0].end):
        # "TikTok liet dinsdag weten dat ...", "TikTok said on Tuesday": the firm behind the
        # app speaks, and its day is not the measure's
        company.append(products[0].start)
    return SentenceFacts(
        sentence=sentence,
        products=products,
        places=places,
        actions=actions,
        scopes=scan.within("scopes", s, e),
        rationales=scan.within("rationales", s, e),
        dates=dates,
        negated=has("negation"),
        hypothetical=_hypothetical(
            scan, patterns, folded, s, e, actions[-1].end if actions else None
        ),
        company=bool(company),
        precedent_spans=precedent_spans,
        background=has("background"),
        anaphora=bool(Scan.spans_within(scan.anaphora, s, e)),
        named_law=has("named_law"),
        suspends=has("suspends"),
        immediate=has("immediate"),
        language=patterns.language,
        owners=[m for m in entities if m.kind == "owner"],
    )


SUSPENDS_APP = re.compile(
    r"(?<![\w])(?:suspend\w*|suspension\s+(?:de|du|of|van)|schorst|schorsing\s+van|"
    r"setzt\s+(?:[\w-]+\s+)?aus|aussetzung\s+von)\s+(?:(?:de|la|l'|le|the|het|die|das|des|"
    r"der)\s*)?(?:(?:application|appli|app|reseau\s+social|plateforme|platform|service|"
    r"dienst|plattform|videoplattform)\s+)?$"
)
AFTER_PRODUCT = re.compile(
    r"\W*(?:apres|after|nach|na|following|na\s+het\s+verbod\s+op)\s+[^,.;]{1,40},"
)
PRODUCT_SPEAKS = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:said|says|stated|responded|replied|liet\s+(?:[\w-]+\s+){0,2}?"
    r"weten|zei|zegt|reageerde|verklaarde|a\s+(?:[\w-]+\s+)?(?:declare|indique|reagi|affirme|"
    r"fait\s+savoir)|erklarte|erklart|teilte|sagte|reagierte)(?![\w])"
)


CONJUNCTION = re.compile(
    r"(?:;|,\s*(?:and|en|et|und|while|terwijl|tandis que|wahrend)?"
    r"|\s(?:and|en|et|und|while|terwijl|whereas|alors que|wahrend)\s)"
)


# between a conjunction and the subject of the next clause: nothing, an article, or a
# preposition with its article ("and in the Netherlands the government ...")
CLAUSE_OPENER = re.compile(
    r"\s*(?:(?:then|later|puis|ensuite|daarna|vervolgens|dann|danach|spater)\s+)?"
    r"(?:(?:in|im|en|au|aux|a|dans|bij|op|at)\s+)?"
    # "et le gouverneur de Virginie ...", "and the governor of Virginia ..."
    r"(?:(?:the|le|la|de|het|der|die)\s+(?:gouverneure?|governor|premier|prime\s+minister|"
    r"ministre|minister|president\w*|gouvernement|government|regering|regierung|maire|mayor|"
    r"burgemeester|burgermeister\w*)\s+(?:de|du|des|of|van|von|der)\s+)?"
    r"(?:(?:the|de|het|la|le|les|l'|die|der|den|dem|des)\s*)?"
)


def split_clauses(
    text: str,
    folded: str,
    sentence: Sentence,
    facts: SentenceFacts,
    patterns: Patterns,
    published: date | None,
    scan: Scan | None = None,
    anchor: date | None = None,
    anchor_year: int | None = None,
    recalled_year: int | None = None,
) -> list[SentenceFacts]:
    """'Italy blocked the app and Australia banned it': one clause per acting place."""
    places = {m.value for m in facts.places}
    cues = []
    for m in facts.actions:  # one cue per stretch of words ("verbied ... verwijderen" twice)
        if not cues or m.start - cues[-1].end > 20:
            cues.append(m)
    if len(cues) < 2 or len(places) < 2:
        return [facts]
    cuts = []
    for left, right in zip(cues, cues[1:], strict=False):
        # the subject of the second clause sits between the conjunction and its verb
        between = list(CONJUNCTION.finditer(folded, left.end, right.start))
        # a new clause starts where a conjunction is followed at once by its subject
        usable = [
            c
            for c in between
            if any(
                m.start < right.start and CLAUSE_OPENER.fullmatch(folded, c.end(), m.start)
                for m in facts.places
            )
        ]
        if usable:
            cuts.append(usable[0].end())
    if not cuts:
        return [facts]
    bounds = [sentence.start, *cuts, sentence.end]
    out = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        clause = Sentence(sentence.index, start, end, text[start:end], sentence.paragraph)
        clause_facts = sentence_facts(
            text, folded, clause, patterns, published, scan, anchor, anchor_year, recalled_year
        )
        if not clause_facts.products:
            clause_facts.products = facts.products  # "Ghent banned an app: TikTok"
        out.append(clause_facts)
    return out


def choose_action(facts: SentenceFacts, folded: str) -> tuple[str, Mention] | None:
    """The kind of measure a sentence reports, from its cues."""
    kinds: dict[str, Mention] = {}
    for m in facts.actions:
        kinds.setdefault(m.value, m)  # the first word of each kind: the one that reports it
    if not kinds:
        return None
    for kind in ("block", "ban", "restrict"):
        if kind in kinds and BESIDES.search(
            folded, max(facts.sentence.start, kinds[kind].start - 24), kinds[kind].start
        ):
            # "Naast het verbod op diensttoestellen raadt de regering af ...": the measure named
            # in passing is not what this sentence reports
            later = [m for m in facts.actions if m.value == kind and m.start > kinds[kind].end]
            if later:
                kinds[kind] = later[0]
            else:
                del kinds[kind]
    if not kinds:
        return None
    restrictive = [k for k in ("block", "ban", "restrict") if k in kinds]
    sentence = folded[facts.sentence.start : facts.sentence.end]
    parliamentary = bool(PARLIAMENT_WORDS.search(sentence)) or bool(VOTE_COUNT.search(sentence))
    if (
        "court_ruling" in kinds
        and CHALLENGED.search(sentence)
        and not RULED.search(sentence)
        and not facts.suspends
    ):
        # "TikTok vecht die wet aan voor de rechter": a case brought, no ruling yet
        del kinds["court_ruling"]
        if not kinds:
            return None
    if "lift" in kinds and not _lifted_later(kinds, folded):
        return "lift", kinds["lift"]
    if "court_ruling" in kinds and (
        restrictive or "remove_from_app_store" in kinds or facts.anaphora or facts.suspends
    ):  # "a judge halted the measures against the app": a ruling that suspends one
        return "court_ruling", kinds["court_ruling"]
    if (
        "vote" in kinds
        and restrictive
        and WHOLE_LEGISLATURE.search(sentence)
        and not CHAMBER.search(sentence)
        and not VOTE_COUNT.search(sentence)
        and kinds["vote"].start < kinds[restrictive[0]].start
    ):
        # "le Congrès avait voté une interdiction ... dès décembre": both chambers passing a
        # ban without a tally is its adoption, the ban itself
        return restrictive[0], kinds[restrictive[0]]
    if (
        "vote" in kinds
        and parliamentary
        and (restrictive or "proposal" in kinds or VOTE_COUNT.search(sentence) or facts.dates)
    ):
        return "vote", kinds["vote"]
    if facts.hypothetical and parliamentary and restrictive:
        return "proposal", kinds[restrictive[0]]
    if (
        "proposal" in kinds
        and restrictive
        and PLAN_IN_CUE.search(folded, kinds["proposal"].start, kinds["proposal"].end)
    ):
        # "hij zal zijn regering een gelijkaardig verbod voorleggen": a ban still to be put
        return "proposal", kinds["proposal"]
    if "proposal" in kinds and restrictive and not _decided(kinds, restrictive, sentence):
        return "proposal", kinds["proposal"]
    if "proposal" in kinds and restrictive and _describes_a_plan(kinds, restrictive, sentence):
        return "proposal", kinds["proposal"]
    if "remove_from_app_store" in kinds and restrictive:
        first = min(restrictive, key=lambda k: kinds[k].start)
        cue = kinds[first]
        if cue.start < kinds["remove_from_app_store"].start and any(
            0 <= p.start - cue.end <= 15 for p in facts.products
        ):
            # "the law bars TikTok from operating in the state and app stores from offering
            # it": a ban, of which the app stores' part is one provision
            return first, cue
    if "remove_from_app_store" in kinds:
        return "remove_from_app_store", kinds["remove_from_app_store"]
    if "warning" in kinds and "remove" in kinds and not restrictive:
        return "warning", kinds["warning"]  # "urged users to delete the app": advice
    if "remove" in kinds and not _removes_the_product(facts, kinds["remove"], folded):
        del kinds["remove"]  # "messages users have deleted": not the app
    if "remove" in kinds and "proposal" in kinds and BILL.search(sentence):
        return "proposal", kinds["proposal"]  # "the bill would require agencies to remove it"
    if "remove" in kinds:
        scopes = {m.value for m in facts.scopes}
        if "app_stores" in scopes:
            return "remove_from_app_store", kinds["remove"]
        if not restrictive and scopes & {"government_devices", "all_staff", "government_network"}:
            return "ban", kinds["remove"]
        if restrictive == ["block"] and scopes & {"government_devices", "all_staff"}:
            # "retirée des appareils mobiles délivrés par le gouvernement et bloquée": taken
            # off staff devices, the block enforcing it
            return "ban", kinds["remove"]
    if restrictive:
        first = min(restrictive, key=lambda k: kinds[k].start)
        cue = kinds[first]
        if CRIMINALISED.search(folded, cue.start, cue.end) and PLAN_MODAL.search(sentence):
            # "creating or supplying nudification apps will be made illegal": a government
            # cannot make an offence on its own; until a law passes, it is a proposal
            return "proposal", cue
        if first == "restrict" and RESTRICTED_ON_DEVICES.search(sentence):
            # "governments that have restricted the app on official devices": taken off them
            return "ban", kinds[first]
        return first, kinds[first]
    if "proposal" in kinds and (facts.dates or facts.products) and BILL.search(sentence):
        return "proposal", kinds["proposal"]  # "Senator X introduced a bill in January"
    if "warning" in kinds:
        return "warning", kinds["warning"]
    if "investigation" in kinds and not facts.hypothetical:
        # an investigation only called for ("lawmakers called for a probe") is no measure
        return "warning", kinds["investigation"]
    if "same" in kinds:
        return "same", kinds["same"]  # "took a similar step": the action of the last measure
    return None


# nothing but a preposition between the start of a clause and its date
DATE_OPENS = re.compile(r"\W*(?:in|on|en|au|le|des|depuis|since|from)?\s*")
# a running total of apps ("Insgesamt hat Indien seit 2020 mehr als 300 Apps gesperrt", "more
# than 300 apps in all"): a sum of measures, not the one the title names
RUNNING_TOTAL = re.compile(
    r"(?<![\w])(?:more\s+than|over|mehr\s+als|uber|plus\s+de|meer\s+dan|ruim)\s+\d[\d.,]*\s+"
    r"(?:apps|anwendungen|applications|applis|toepassingen|applicaties)(?![\w])"
)
# places left unnamed ("in other countries", "elders", "dans d'autres pays"): the next
# sentences name them
OTHER_PLACES = re.compile(
    r"(?<![\w])(?:in\s+other\s+countries|other\s+countries\s+have|in\s+andere\s+landen|"
    r"andere\s+landen\s+(?:hebben|deden)|dans\s+d'autres\s+pays|d'autres\s+pays\s+ont|"
    r"in\s+anderen\s+landern|andere\s+lander\s+haben|(?:wo|where|waar|ou)\s+(?:des\s+)?"
    r"(?:staaten|lander|regierungen|countries|states|governments|landen|overheden|pays|etats|"
    r"gouvernements))(?![\w])"
)
# a removal told as done ("was removed", "a été retirée", "werd verwijderd", "wurde entfernt")
REMOVED_DONE = re.compile(
    r"(?<![\w])(?:was|were|has\s+been|have\s+been|a\s+ete|ont\s+ete|werd|werden|is|zijn|"
    r"wurde|wurden)\s+(?:[\w'-]+\s+)?(?:removed|deleted|retire\w*|supprime\w*|verwijderd|"
    r"gewist|entfernt|geloscht)(?![\w])"
)
# a legislature as a whole, whose passing makes law, and the single chambers whose votes are
# steps towards it
WHOLE_LEGISLATURE = re.compile(r"(?<![\w])(?:congress|congres|kongress)(?![\w])")
CHAMBER = re.compile(
    r"(?<![\w])(?:house|senate|senat|chambre|kamer|huis|reprasentantenhaus|chamber)(?![\w])"
)
CRIMINALISED = re.compile(
    r"illegal|illegaal|illegaux|strafba|outlaw|criminali|penalis|unter\s+strafe"
)
BESIDES = re.compile(
    r"(?<![\w])(?:besides|apart\s+from|in\s+addition\s+to|naast|behalve|outre|en\s+plus\s+de|"
    r"au-dela\s+de|neben|zusatzlich\s+zu|abgesehen\s+von)\s+(?:[\w'-]+\s+){0,2}$"
)
RESTRICTED_ON_DEVICES = re.compile(
    r"(?<![\w])(?:restrict|restricted|restricting|restricts|beperk(?:t|en|te|ten)?|restreint|"
    r"restreignent|restreindre|beschrank(?:t|en|te|ten)?)\s+(?:[\w'-]+\s+){0,3}?(?:on|from|op|sur|des|auf)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:official|government|work|state|federal|service|dienst|overheids|werk|officiels|professionnels|"
    r"de\s+service)\w*\s+(?:devices|phones|toestellen|telefoons|appareils|telephones|geraten|"
    r"diensthandys|handys)"
)
REMOVE_REACH = 30
APP_WORDS = re.compile(
    r"(?<![\w])(?:apps?|applications?|applicaties?|anwendungen|programmes|software|"
    r"logiciels?|diensten|services)(?![\w])"
)
# the modal that states what a draft provides ("Beamte sollen TikTok nicht mehr nutzen dürfen,
# sieht der Entwurf vor", "officials would no longer be allowed to ... under the bill")
PLAN_MODAL = re.compile(
    r"(?<![\w])(?:soll|sollen|zou|zouden|zullen|would|will|serait|seraient|devra|devront)(?![\w])"
)


# a proposal word that carries its own future ("zal voorleggen", "will submit", "va soumettre")
PLAN_IN_CUE = re.compile(
    r"(?<![\w])(?:zal|zullen|wil|wilde|will|would|plans\s+to|intends\s+to|va|vont|compte|"
    r"entend|wird|werde|soll)(?![\w])"
)


def _describes_a_plan(kinds: dict[str, Mention], restrictive: list[str], sentence: str) -> bool:
    """A bill or draft named with a ban cue in the future or intended mood describes what the
    draft would do, not a ban in force, whatever the word order ("sollen ... dürfen")."""
    return (
        bool(BILL.search(sentence) or "entwurf" in sentence or "proposal" in sentence)
        and bool(PLAN_MODAL.search(sentence))
        and not DECIDED.search(sentence)
    )


def _removes_the_product(facts: SentenceFacts, cue: Mention, folded: str) -> bool:
    """A removal word is about the product when the product (or a word for it: "the app"), or
    what it is removed from, stands next to it ("delete the app", "TikTok van de toestellen
    verwijderen", "aus ihren App-Stores zu entfernen")."""
    near = [(p.start, p.end) for p in facts.products]
    near += [(m.start, m.end) for m in facts.scopes]  # "from their app stores", "from devices"
    near += [
        (m.start(), m.end())
        for m in ANAPHORA.finditer(folded, facts.sentence.start, facts.sentence.end)
    ]
    # "retirer toutes les applications DeepSeek des appareils": the product's kind of thing
    near += [
        (m.start(), m.end())
        for m in APP_WORDS.finditer(folded, facts.sentence.start, facts.sentence.end)
        if any(0 <= p.start - m.end() <= 40 for p in facts.products)
    ]
    return any(
        0 <= start - cue.end <= REMOVE_REACH or 0 <= cue.start - end <= REMOVE_REACH
        for start, end in near
    )


def _lifted_later(kinds: dict[str, Mention], folded: str) -> bool:
    """'Downloads were stopped in February; at the end of April the app returned': a measure
    and, in a later clause, its end. The sentence reports the measure (its lifting is an
    event of it), unlike 'the government lifts its ban'."""
    lift = kinds["lift"]
    earlier = [m for k, m in kinds.items() if k in FAMILY and k != "lift" and m.start < lift.start]
    return any(
        CLAUSE_END.search(folded, m.end, lift.start)
        # "heeft de blokkade van Facebook, Instagram en WhatsApp opgeheven": the measure named
        # as the object of the lifting, however long its list of products
        and not OBJECT_DETERMINER.search(folded, max(0, m.start - 8), m.start)
        for m in earlier
    )


CHALLENGED = re.compile(
    r"(?<![\w])(?:challeng\w*|sued|sues|suing|lawsuit|appeal\w*|vecht\w*\s+(?:[\w'-]+\s+){0,4}?"
    r"aan|aangevochten|aanvechten|stapt\w*\s+naar\s+de\s+rechter|contest\w*|attaqu\w*\s+en\s+"
    r"justice|recours|klagt|klagen|geklagt|klage|angefochten|anfechten|ficht\w*\s+"
    r"(?:[\w'-]+\s+){0,4}?an)(?![\w])"
)
RULED = re.compile(
    r"(?<![\w])(?:ruled|rules|ruling|upheld|struck|blocked|halted|granted|rejected|dismissed|"
    r"rejet\w*|verworpen|verwierp|wees\s+(?:[\w'-]+\s+){0,4}?af|abgewiesen|wies\s+"
    r"(?:[\w'-]+\s+){0,4}?ab|zuruckgewiesen|oordeelde|oordeelt|"
    r"vonnis|uitspraak|besliste|a\s+juge|juge\s+que|jugement|a\s+tranche|entschied|urteil|"
    r"geurteilt|bestatigt)(?![\w])"
)
OBJECT_DETERMINER = re.compile(
    r"(?<![\w])(?:the|its|their|de|het|zijn|haar|hun|la|le|les|son|sa|ses|leur|die|das|der|den|"
    r"ihre|ihr|seine|sein)\s+$|(?<![\w])l'$"
)


# a bill is a proposal whatever it is said to do ("introduced a bill that would cut ...")
BILL = re.compile(
    r"(?<![\w])(?:bill|draft law|draft legislation|introduced legislation|wetsvoorstel|"
    r"wetsontwerp|ontwerpdecreet|proposition de loi|projet de loi|gesetzentwurf|"
    r"gesetzesentwurf)(?![\w])"
)
SIGNED = re.compile(
    r"(?<![\w])(?:signed|signs|ondertekende|ondertekenden|ondertekend|tekende|signe|a\s+signe|"
    r"promulgue|unterzeichnete|unterzeichnet|unterschrieb)(?![\w])"
)
DECIDED = re.compile(
    r"(?<![\w])(beslist|besliste|beslisten|besloten|decided|decides|has decided|a decide|"
    r"ont decide|beschlossen|beschliesst|entschieden|entschied)(?![\w])"
)


def _decided(kinds: dict[str, Mention], restrictive: list[str], sentence: str = "") -> bool:
    """'proposal' words next to a ban still describe a decision when the ban cue comes first
    ("bans X, as proposed by ...") or the sentence says it was decided ("on a proposal of the
    Prime Minister, the government decided ...")."""
    return min(kinds[k].start for k in restrictive) < kinds["proposal"].start or bool(
        DECIDED.search(sentence)
    )


def _in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


# a joiner, then perhaps a conjunction and an article ("Canada, the UK and the US"); an
# article alone is a genitive, not a list ("die Regierung der Deutschsprachigen Gemeinschaft")
LIST_JOINER = re.compile(
    r"^\s*(?:(?:,|;|and|en|et|und|sowie|as well as|ainsi que|evenals|alsook|or|of|ou|oder|als|"
    r"comme|wie auch|as)\s*(?:,?\s*(?:and|en|et|und)\s*)?"
    r"(?:the|de|het|la|le|les|l'|die|der|das)?)?\s*$"
)


def coordinated(mention: Mention, places: list[Mention], folded: str) -> list[Mention]:
    """'Canada, the UK and the US banned ...': the places listed together with `mention`."""
    group = [mention]
    ordered = sorted(places, key=lambda m: m.start)
    index = ordered.index(mention)
    for step in (-1, 1):
        current = index
        while 0 <= current + step < len(ordered):
            a, b = sorted((ordered[current], ordered[current + step]), key=lambda m: m.start)
            if not LIST_JOINER.match(folded[a.end : b.start]):
                break
            if b.kind == "actor" and _generic_actor(b) and "," in folded[a.end : b.start]:
                break  # "Au Royaume-Uni, le gouvernement avait interdit ...": that place's
            if a.kind == "actor" and _generic_actor(a) and not folded[a.end : b.start].strip():
                break  # "Le gouvernement danois": the government of that country
            current += step
            group.append(ordered[current])
    return group


def _generic_actor(mention: Mention) -> bool:
    """'The government', 'the federal government': an actor whose place the text supplies."""
    actor = load_reference().actors.get(mention.value) or {}
    return str(actor.get("jurisdiction", "")).startswith("context:")


LIST_INTRO = re.compile(
    r"(?<![\w])(?:including|such\s+as|among\s+them|among\s+others|waaronder|onder\s+meer|"
    r"onder\s+andere|dont|notamment|parmi\s+lesquels|parmi\s+lesquelles|darunter|"
    r"unter\s+anderem)(?![\w])"
)


FOLLOWED_BY = re.compile(
    r"(?<![\w])(?:followed\s+by|gevolgd\s+door|suivie?s?\s+(?:par|de|du|des)|gefolgt\s+(?:von|vom))\s+"
)


def _follower(
    f: SentenceFacts,
    cue: Mention,
    folded: str,
    ref: Reference,
    context: dict[str, str | None] | None,
) -> tuple[str, Mention, int] | None:
    """The place that took the same measure after the one the sentence reports ("Maandag volgde
    New York met een verbod, een dag later gevolgd door Virginia"), with where its part of the
    sentence starts: the dates after that point are its own."""
    follow = FOLLOWED_BY.search(folded, cue.end, f.sentence.end)
    if follow is None:
        return None
    for m in f.places:
        if 0 <= m.start - follow.end() <= 12 and not _in_spans(m.start, f.precedent_spans):
            place = _place_jurisdiction(m, ref, context)
            if place in ref.jurisdictions:
                # its part opens at the comma before ("..., een dag later gevolgd door")
                comma = folded.rfind(",", cue.end, follow.start())
                return place, m, comma if comma >= 0 else follow.start()
    return None


def _listed_examples(
    f: SentenceFacts,
    cue: Mention,
    folded: str,
    ref: Reference,
    context: dict[str, str | None] | None,
    minimum: int = 2,
) -> list[tuple[str, Mention]]:
    """The places a sentence lists as examples of those that took the measure ("governments
    that have restricted the app, including the United States, Canada and the European
    Commission"): each took it, recalled as background."""
    intro = LIST_INTRO.search(folded, cue.end, f.sentence.end)
    if intro is None:
        return []
    places = [
        m
        for m in f.places
        if m.kind == "jurisdiction" and not _in_spans(m.start, f.precedent_spans)
    ]
    first = next((m for m in places if 0 <= m.start - intro.end() <= 12), None)
    if first is None:
        return []
    out = []
    for m in coordinated(first, places, folded):
        place = _place_jurisdiction(m, ref, context)
        if place in ref.jurisdictions:
            out.append((place, m))
    return out if len(out) >= minimum else []


def choose_jurisdiction(
    facts: SentenceFacts,
    anchor: int,
    folded: str,
    ref: Reference,
    context: dict[str, str | None] | None = None,
    vendors: set[str] | frozenset[str] = frozenset(),
) -> tuple[str | None, Mention | None, list[str]]:
    """The acting jurisdiction of a sentence, the mention that named it, and precedents.
    `vendors`: the home countries of the products the document names."""
    vendor_countries = {
        (ref.products[p.value].get("vendor_country") or "").upper() for p in facts.products
    }
    makers = vendor_countries or set(vendors)  # whose apps the sentence is about
    best: tuple[float, str, Mention] | None = None
    precedents: list[str] = []
    named = {
        _place_jurisdiction(m, ref, context)
        for m in facts.places
        if not _in_spans(m.start, facts.precedent_spans)
    }
    located = {a for j in named if j for a in ref.ancestors(j)}
    for mention in facts.places:
        jurisdiction = _place_jurisdiction(mention, ref, context)
        if mention.kind == "jurisdiction" and jurisdiction in located:
            continue  # "Montana, a US state": the country only locates the state
        if mention.kind == "actor":
            actor = ref.actors[mention.value]
            bonus = 1.5 if actor.get("decides", True) else -1.0
            if actor["jurisdiction"].startswith("context:"):
                if any(m.kind == "jurisdiction" for m in facts.places):
                    continue  # "the Italian privacy watchdog": the named place says which
                bonus = 0.3
        else:
            bonus = 0.0
        row = ref.jurisdictions.get(jurisdiction or "")
        if row is None:
            continue
        if row["country_code"] in makers and (
            len(makers) == 1
            and row["level"] == "national"
            # the country of the app's maker named in a sentence about that app is its origin
            # ("to protect data from the Chinese government"), not who restricts it
            or VENDOR_CONTEXT.match(folded, mention.end)
            # "servers in the US": a country; "In Texas, Gov. Abbott ordered": a state acts
            or (
                row["level"] == "national"
                and VENDOR_BEFORE.search(folded, max(0, mention.start - 25), mention.start)
            )
            or any(0 <= p.start - mention.end <= 12 for p in facts.products)
        ):
            continue  # "the Chinese AI model", "la société russe Kaspersky": the vendor
        if _in_spans(mention.start, facts.precedent_spans):
            precedents.append(jurisdiction)
            continue
        if (
            mention.kind == "jurisdiction"
            and row["level"] != "institution"  # "a bill in the House": the body that acts
            and _locates_something_else(
                mention,
                facts,
                folded,
                # a maker's home is a country ("servers in China"), not one of its states
                row["level"] == "national" and row["country_code"] in makers,
            )
        ):
            continue
        if mention.start > anchor + FAR_AFTER:
            continue  # far after the verb: a complement ("... the aid to Ukraine"), not the actor
        described = _describes_someone(mention, facts, folded)
        if described == "legislator" and row["level"] == "regional":
            around = folded[max(0, mention.start - 40) : mention.end + 40]
            if STATE_LEGISLATOR.search(around):
                continue  # a state legislator: the state's own chamber is named elsewhere
            # a member of the national legislature from that state: the country acts
            jurisdiction = row["country_code"].lower()
            row = ref.jurisdictions.get(jurisdiction)
            if row is None:
                continue
        elif described:
            continue
        distance = abs(mention.start - anchor)
        score = bonus + SPECIFICITY.get(row["level"], 1) * 0.6 - distance / 60.0
        if mention.start < anchor:
            score += 1.0
        if best is None or score > best[0]:
            best = (score, jurisdiction, mention)
    if best is None:
        return None, None, precedents
    return best[1], best[2], [p for p in precedents if p != best[1]]


@dataclass(frozen=True)
class _PlaceGrammar:
    phrase: re.Pattern[str]  # a preposition (and article) just before a place
    not_a_place: re.Pattern[str]  # words that make a place name something else


@cache
def place_grammar(language: str) -> _PlaceGrammar | None:
    table = read_yaml(LEXICON_DIR / "grammar.yml")

    def words(name: str) -> str:
        cues = sorted({fold_phrase(w) for w in table[name].get(language, [])}, key=len)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reversed(cues))

    if language not in table["place_prepositions"]:
        return None
    return _PlaceGrammar(
        re.compile(
            rf"(?<![\w'])({words('place_prepositions')})\s+(?:(?:{words('place_articles')})\s*)?$"
        ),
        re.compile(rf"(?<![\w])(?:{words('not_a_place_before')})\s*$"),
    )


def _locates_something_else(
    mention: Mention, facts: SentenceFacts, folded: str, vendor: bool = False
) -> bool:
    """A place in a prepositional phrase inside its clause ("servers in China", "Senator aus
    Missouri", "a reporter in Vienna") says where something is, not who acts; it acts when the
    phrase opens the clause ("In Italien hatte die Garante ...") or sits by the action word
    ("banned in Montana", "in Österreich verboten"). A language taught as a subject
    ("leerkracht Nederlands") is no place at all."""
    grammar = place_grammar(facts.language)
    if grammar is None:
        return False
    lo = max(facts.sentence.start, mention.start - 40)
    if grammar.not_a_place.search(folded, lo, mention.start):
        return True
    phrase = grammar.phrase.search(folded, lo, mention.start)
    if phrase is None:
        return False
    opens = phrase.start(1)
    clause_start = facts.sentence.start
    for end in CLAUSE_END.finditer(folded, facts.sentence.start, opens):
        clause_start = end.end()
    if vendor:
        return True  # "in China", "servers in China": the vendor's country, where it sits
    if len(folded[clause_start:opens].split()) <= 1:
        return False  # "In Italien, ...", "Ook in Nederland ...": the scene of the clause
    if any(0 <= opens - cue.end <= 2 or 0 <= cue.start - mention.end <= 2 for cue in facts.actions):
        return False
    # the place of the measure's object ("the law banning TikTok in the United States",
    # "l'interdiction de TikTok dans le Montana", "das Verbot von TikTok in den USA")
    return not any(
        0 <= opens - p.end <= 2 and any(0 <= p.start - cue.end <= 12 for cue in facts.actions)
        for p in facts.products
    )


def _clause_around(folded: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of a sentence (lo..hi) that holds the span start..end."""
    left = lo
    for m in CLAUSE_END.finditer(folded, lo, start):
        left = m.end()
    right = CLAUSE_END.search(folded, end, hi)
    return left, right.start() if right else hi


def event_type_for(
    date_mention: DateMention,
    action: str,
    folded: str,
    patterns: Patterns,
    published: date | None,
    clause_end: int | None = None,
    sentence_start: int | None = None,
    cues: list[Mention] | None = None,
) -> str:
    """Which dated step a date in a measure sentence belongs to: the step words just before
    it ("from 1 March", "signed on"); in Dutch and German, a step verb after it in the same
    clause ("het verbod werd op 13 november afgekondigd"); else the action's own step. A
    sentence that reports a measure and its end ("stopped downloads in February; at the end
    of April the app returned") types each date by its own clause."""
    lo = sentence_start if sentence_start is not None else max(0, date_mention.start - 200)
    before = folded[max(lo, date_mention.start - 32) : date_mention.start]
    hi = clause_end if clause_end is not None else date_mention.end
    left, right = _clause_around(folded, date_mention.start, date_mention.end, lo, hi)
    clause_cues = [m.value for m in cues or [] if left <= m.start < right]

    def cue(kind: str, start: int, end: int) -> bool:
        pattern = patterns.events.get(kind)
        return pattern is not None and pattern.search(folded, start, end) is not None

    def tallied_here_or_next() -> bool:
        """A count in the clause or in the sentence after ("... werd eind november
        aangenomen. In de Senaat stemden 34 senatoren voor en 19 tegen.")."""
        return _tallied(folded, left, _next_sentence_end(folded, folded.find(".", right)))

    put = patterns.events.get("put_in_place")
    imposed_on = put is not None and any(
        len(before[m.end() :].split()) <= 1 for m in put.finditer(before)
    )
    if cue("lifted", left, right) and action != "court_ruling" and not imposed_on:
        # (not "lifting the block imposed in January": that date is the block's)
        return "lifted"
    if action == "lift" and not imposed_on:
        if "lift" in clause_cues or not clause_cues:
            return "lifted"
        action = next((k for k in clause_cues if k in FAMILY), "ban")
    if action == "court_ruling":
        return "court_ruling"
    if (
        FAMILY.get(action) == "restrictive"
        and WHOLE_LEGISLATURE.search(folded, left, right)
        and cue("vote", left, date_mention.start)
    ):
        return "adopted"  # "le Congrès avait voté une interdiction ... dès décembre"
    # a parliament passing a ban adopts it; a vote is its own step only for a vote or a bill
    parliamentary = bool(PARLIAMENT_WORDS.search(folded, left, right)) and action in (
        "vote",
        "proposal",
    )
    order = ["lifted", "suspended", "extended", "in_force", "adopted"]
    if imposed_on:
        order = ["in_force"]
    if parliamentary:
        order.insert(4, "vote")
    if TAKES_EFFECT.search(before):
        return "in_force"  # "la suspension prendra effet le 20 mars": the measure's own start
    suspension = patterns.events.get("suspended")
    found = (
        suspension.search(folded, min(left, date_mention.start - len(before)), right)
        if suspension is not None
        else None
    )
    if found is not None and (
        SUSPENDED_USE.match(folded, found.end())
        or any(
            m.value == "block" and m.start <= found.start() < m.end for m in cues or []
        )  # "il avait suspendu ChatGPT en mars 2023": the suspension is the block itself
    ):
        # "a suspendu samedi les nouveaux téléchargements": suspending downloads, use or access
        # is the measure itself, not the suspension of one
        order.remove("suspended")
    for kind in order:
        if cue(kind, date_mention.start - len(before), date_mention.start):
            if kind == "in_force" and not _introduces(patterns, folded, before, date_mention):
                continue  # "banned agencies from using DeepSeek in January": not 'from' a date
            if kind == "adopted" and tallied_here_or_next():
                return "vote"  # "The Senate passed the bill on 28 November by 34 votes to 19"
            return kind
    if patterns.language in ("nl", "de"):
        for kind in ("extended", "suspended", *(["vote"] if parliamentary else []), "adopted"):
            if cue(kind, date_mention.end, right):
                if kind == "adopted" and tallied_here_or_next():
                    return "vote"  # "... werd eind november aangenomen. 34 stemmen voor ..."
                return kind
    elif DATE_OPENS.fullmatch(folded, left, date_mention.start) and cue(
        "extended", date_mention.end, right
    ):
        # "In January 2021 the ban was made permanent", "En mars, l'interdiction a été
        # prolongée": a date that opens its clause is typed by the step verb that follows
        # (not a suspension: "On 30 August the judge suspended X" is the measure itself)
        return "extended"
    if cue("from_ahead", date_mention.start - len(before), date_mention.start) and (
        (published is not None and date_mention.value > published)
        or AHEAD_MOOD.search(folded, left, right)
    ):
        return "in_force"
    if (
        action != "vote"
        and cue("put_in_place", left, right)
        and not cue("announced", left, right)
        and (published is None or date_mention.value <= published)
    ):
        return "in_force"  # "Het verbod werd in maart ingevoerd": it applied from then
    if action == "vote":
        return "vote"
    if published is not None and date_mention.value > published and date_mention.precision == "day":
        return "in_force"
    if (
        action == "ban"
        and "remove" in {m.value for m in cues or []}
        and REMOVED_DONE.search(folded, left, hi)
    ):
        return "in_force"  # "TikTok a été retirée des appareils le 28 février": done that day
    return "announced"


# the measure takes effect on the date that follows, whatever the noun that names it ("la
# suspension prendra effet le 20 mars" starts a suspension of use, it suspends no measure)
TAKES_EFFECT = re.compile(
    r"(?<![\w])(?:tak\w*\s+effect|took\s+effect|comes?\s+into\s+force|came\s+into\s+force|"
    r"entered\s+into\s+force|enters?\s+into\s+force|prend\w*\s+effet|pris\s+effet|"
    r"entre\w*\s+en\s+vigueur|entree?s?\s+en\s+vigueur|treedt\s+(?:[\w'-]+\s+)?in\s+werking|"
    r"trad\s+(?:[\w'-]+\s+)?in\s+werking|tritt\s+(?:[\w'-]+\s+)?in\s+kraft|"
    r"trat\s+(?:[\w'-]+\s+)?in\s+kraft|s'appliqu\w*|appl(?:y|ies)|gilt|gelten|geldt|gelden)"
    r"\s+(?:[\w'-]+\s+){0,2}$"
)
SUSPENDED_USE = re.compile(
    r"\s+(?:[\w'-]+\s+){0,3}?(?:the\s+|les\s+|de\s+|het\s+|die\s+|l')?(?:new\s+|nouveaux\s+|"
    r"nieuwe\s+|neue\s+)?(?:downloads?|telechargements?|use|usage|l'utilisation|utilisation|"
    r"access|acces|toegang|gebruik|nutzung|zugang)(?![\w])"
)


def _said_on(patterns: Patterns, folded: str, d: DateMention, start: int) -> bool:
    """A verb of saying just before the date ("teilte am Montag mit", "said on Monday")."""
    pattern = patterns.events.get("announced")
    return (
        pattern is not None
        and pattern.search(folded, max(start, d.start - 24), d.end + 8) is not None
    )


def _introduces(patterns: Patterns, folded: str, before: str, d: DateMention) -> bool:
    """A start word stands right before the date it introduces, at most a few words from it
    ("from 1 March", "in werking op 1 maart"), not before some other phrase ("from using
    DeepSeek in January")."""
    pattern = patterns.events.get("in_force")
    if pattern is None:
        return False
    return any(len(before[m.end() :].split()) <= 3 for m in pattern.finditer(before))


CIRCULAR = re.compile(
    r"(?<![\w])(?:omzendbrief|circulaire|circular|rundschreiben|dienstanweisung|"
    r"note\s+de\s+service|instruction\s+ministerielle)\w*"
)
# a step still to come in the reporter's past ("serait retiré dès le 28 février")
AHEAD_MOOD = re.compile(
    r"(?<![\w])(?:will|would|shall|must|zal|zou|zullen|zouden|moet|moeten|sera|seront|serait|"
    r"seraient|doit|doivent|devra|devrait|va|vont|wird|werden|soll|sollen|muss)(?![\w])"
)
# the action was asked for or ordered, not carried out: its date is the decision's
REQUEST = re.compile(
    r"(?:reported|asked|asks|urged|urges|requested|gemeld|meldt|vraagt|vroeg|gevraagd|signal|"
    r"demand|meldet|gemeldet|melden|fordert|forderte|aufgefordert|rauswurf)"
)
ORDERED = re.compile(
    r"(?<![\w])(?:lassen|liess|ließ|lasst|laat|liet|lieten|fait|fit|faire|ordered|ordonne\w*|"
    r"orders|beval|angeordnet|ordnete|asked|vroeg|demande)(?![\w])"
)
LIST_WORD = re.compile(r"(?<![\w])(?:list|lijst|liste)(?![\w])")
# a measure described by the state it left ("no longer to be found in the App Store")
STATE_CUE = re.compile(
    r"(?<![\w])(?:no\s+longer|niet\s+(?:meer|langer)|plus|nicht\s+mehr)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:available|downloadable|listed|found|te\s+vinden|te\s+downloaden|beschikbaar|disponible|"
    r"telechargeable|verfugbar|erhaltlich|zu\s+finden)"
)
# "announced that it would prohibit app stores from ...": the step is to come, not taken
REPORTED_FUTURE = re.compile(
    r"(?<![\w])(?:would|will|zou|zouden|zal|zullen|serait|seraient|sera|seront|wird|werden)\s+(?:[\w'-]+\s+){0,3}?(?:prohibit|ban|block|remove|bar|verbied|verbieden|"
    r"blokkeren|verwijderen|interdire|bloquer|retirer|verbieten|sperren|entfernen)\w*"
)
# a subordinate clause that dates another, earlier event
AFTER_CLAUSE = re.compile(
    r"(?<![\w])(?:shortly after|soon after|after the|nadat|kort na|na de|apres que|apres la|"
    r"apres le|peu apres|nachdem|kurz nach|nach dem|nach der)(?![\w])"
)
CONTRAST = re.compile(r"(?<![\w])(?:but|mais|maar|aber|however|toutefois|echter|jedoch)(?![\w])")
CLAUSE_END = re.compile(r"[,;:]|\s(?:and|en|et|und|but|maar|mais|aber)\s")


def officials_in(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    found = []
    for m in OFFICIAL_TITLE.finditer(text, start, end):
        name = m.group(1).strip()
        if len(name.split()) >= 2 or name[:1].isupper():
            found.append((name, m.start(1), m.end(1)))
    return found


def _add_mention(
    dm: DocMeasure,
    claims: list[Claim],
    document_id: str,
    field_name: str,
    m: Mention,
    sentence: Sentence,
) -> None:
    """A product, scope or reason a later sentence adds to a measure: its claim quotes that
    sentence and goes to the document's claims and the measure's."""
    c = Claim(
        document_id,
        field_name,
        m.value,
        sentence.start,
        sentence.end,
        m.start,
        m.end,
        sentence.index,
        0.6,
        dm.role,
    )
    claims.append(c)
    dm.claims.append(c)


def _add_date(
    dm: DocMeasure,
    claims: list[Claim],
    document_id: str,
    kind: str,
    d: DateMention,
    quote: tuple[int, int],
    sentence: int,
    derived: bool = False,
) -> None:
    """A dated step of a measure: its claim (quoting `quote`, pointing at the date) goes to the
    document's claims and the measure's, and the step to the measure's events."""
    c = Claim(
        document_id,
        f"date_{kind}",
        d.value.isoformat(),
        quote[0],
        quote[1],
        d.start,
        d.end,
        sentence,
        0.6,
        dm.role,
    )
    claims.append(c)
    dm.claims.append(c)
    dm.events.append(EventClaim(kind, d.value, d.precision, d.relative, c, derived=derived))


TITLE_WEIGHT = 2.0  # the headline names the measure; the body, sentence by sentence, weighs 1
ACTION_GATE = True  # tests/test_matchers.py checks the gate changes no result


def extract(
    document_id: str,
    text: str,
    language: str,
    published: date | None,
    default_jurisdiction: str | None = None,
    publisher_country: str | None = None,
) -> Extraction:
    """All measures one document reports, with their claims."""
    ref = load_reference()
    patterns = patterns_for(language if language in ("nl", "fr", "en", "de") else "en")
    folded = fold(text)
    scan = Scan.of(text, folded, patterns)
    if not any(m.kind in ("product", "owner") for m in scan.entities):
        # no product named anywhere: off-topic, nothing to extract
        return Extraction(document_id, False, [], [])
    if (
        ACTION_GATE
        and not scan.cues["actions"]
        # (an app suspended as a whole is blocked: see sentence_facts)
        and not any(stem in folded for stem in SUSPENSION_STEMS)
    ):
        # A product but no action word anywhere (ban, block, lift, vote, warn...): every measure
        # starts from one, so there is nothing to report, and most pages of a wide crawl end
        # here at the cost of one scan. Such a page is not about a measure: it stays in the
        # archive, like an off-topic one (db/relevance.py turns most away before parsing).
        return Extraction(document_id, False, [], [])
    sentences = split_sentences(text)
    facts = []
    anchor: date | None = None  # the last day the text named, for "a day later"
    anchor_year: int | None = None  # the last year it named, for "in March of that year"
    # the last year its paragraph wrote out, for a day recalled in the pluperfect
    recalled: tuple[int, int] | None = None
    for sentence in sentences:
        recalled_year = (
            recalled[1] if recalled is not None and recalled[0] == sentence.paragraph else None
        )
        whole = sentence_facts(
            text, folded, sentence, patterns, published, scan, anchor, anchor_year, recalled_year
        )
        facts.extend(
            split_clauses(
                text,
                folded,
                sentence,
                whole,
                patterns,
                published,
                scan,
                anchor,
                anchor_year,
                recalled_year,
            )
        )
        days = [d.value for d in whole.dates if d.precision == "day"]
        anchor = days[-1] if days else anchor
        anchor_year = whole.dates[-1].value.year if whole.dates else anchor_year
        written = [d.value.year for d in whole.dates if not d.relative]
        if written:
            recalled = (sentence.paragraph, written[-1])
    # an action word, or an app suspended as a whole (the block sentence_facts reads there)
    suspends_app = not scan.cues["actions"] and any(
        a.value == "block" for f in facts for a in f.actions
    )
    relevant = (bool(scan.cues["actions"]) or suspends_app) and any(f.products for f in facts)
    _defer_products(facts, folded)

    title_products = {p.value for p in facts[0].products} if facts else set()
    context = document_context(
        facts, ref, publisher_country or ref.country_of(default_jurisdiction or "")
    )
    main_jurisdiction = default_jurisdiction
    for f in facts[:6]:
        places = [
            (SPECIFICITY.get(ref.jurisdictions[j]["level"], 0), j)
            for j in (
                _place_jurisdiction(m, ref, context)
                for m in f.places
                if m.kind != "jurisdiction"
                or ref.jurisdictions.get(m.value, {}).get("level") == "institution"
                or not _locates_something_else(m, f, folded)
            )
            if j in ref.jurisdictions
        ]
        if places:
            main_jurisdiction = max(places)[1]
            break
    # a text that names no place before its measure ("The Chancellor of the Duchy of Lancaster
    # has today announced a ban ... on government corporate devices", on a gov.uk page): a
    # government's measure is the publisher's own country's (a firm's is nobody's)
    home = publisher_country if publisher_country in ref.jurisdictions else None

    vendors = {
        (ref.products[m.value].get("vendor_country") or "").upper()
        for m in scan.entities
        if m.kind in ("product", "owner")
    }
    claims: list[Claim] = []
    measures: list[DocMeasure] = []
    waiting: list[SentenceFacts] = []
    previous: tuple[str, set[str]] | None = None
    previous_at = -1  # sentence of the last measure
    last_place: tuple[str, int] | None = None  # the last place a sentence named
    carried: tuple[str, int] | None = None
    last_product_at = -10  # the last sentence that named a product
    # a dated sentence that moved the story to a place without reporting a measure yet
    scene_date: tuple[str, int, SentenceFacts] | None = None
    facts_by_index = {g.sentence.index: g for g in facts}
    company_at = -1  # the last sentence where a firm, not a government, acted
    last_named: tuple[int, int, set[str]] | None = None
    for f in facts:
        sentence = f.sentence
        # a measure word with no product of its own is about the product the text is on: one
        # named in the lead or in the sentences just before, not one named paragraphs earlier
        # ("the Commission's guidelines on the Act's bans" long after a chatbot was named)
        product_in_view = sentence.index <= LEAD_SENTENCES or (
            sentence.index - max(last_product_at, previous_at) <= PRODUCT_REACH
        )
        # the products the sentence just before named without a measure, in the same
        # paragraph ("Instagram fonctionne de nouveau. L'accès avait été bloqué le 2 août"):
        # nearer than the title's
        just_named = (
            last_named[2]
            if last_named is not None
            and last_named[0] == sentence.index - 1
            and last_named[1] == sentence.paragraph
            and previous_at != last_named[0]  # (not the products of a measure it reported)
            else set()
        )
        if f.products:
            last_product_at = sentence.index
            if not f.negated:
                last_named = (sentence.index, sentence.paragraph, {p.value for p in f.products})
        if carried is not None and carried[1] < sentence.index:
            last_place = carried
        _follow_city(f, ref, context)
        here = _scene(f, folded, ref, context, vendors)
        if here is not None:
            carried = (here, sentence.index)
        chosen = choose_action(f, folded)
        near_last = bool(measures) and sentence.index - measures[-1].sentences[-1] <= 2
        same_place = bool(measures) and all(
            _place_jurisdiction(m, ref, context) == measures[-1].jurisdiction
            for m in _acting_places(f, folded)
        )
        dates_last = f.anaphora or f.products or (near_last and same_place)
        if (
            chosen is None
            and not any(m.placed or m.sentences != [0] for m in measures)
            and f.dates
            and not f.negated
            and sentence.index <= 4
        ):
            waiting.append(f)  # a lead that dates the decision before naming it (or its place)
            continue
        if (
            chosen is None
            and f.immediate
            and not f.negated
            and near_last
            and MEASURE_REFERENCE.search(folded, sentence.start, sentence.end)
        ):
            # "La règle s'applique avec effet immédiat": the measure just reported applies
            # from the day it was announced
            measures[-1].immediate = True
        if chosen is None and measures and f.dates and dates_last and not f.negated:
            if f.products and f.products[0].start - sentence.start <= 40:
                # "Met TikTok liep het in 2023 op een gelijkaardige manier": the sentence is
                # about this product, so "the app" in the next one is it, not the last measure's
                # (a product named late, "... ahead of ChatGPT", is only a comparison)
                previous = (previous[0] if previous else "", {p.value for p in f.products})
            _add_dated_steps(
                _dated_target(measures, f, ref, context, folded),
                f,
                folded,
                patterns,
                published,
                document_id,
                claims,
                context,
            )
            continue
        if (
            (chosen is None or _refers_back(scan, chosen[1]))
            and f.products
            and not f.negated
            and measures
            and sentence.index - measures[-1].sentences[-1] <= 2
            and COVERS.search(folded, sentence.start, min(sentence.end, sentence.start + 40))
            and (
                MEASURE_REFERENCE.search(folded, sentence.start, sentence.end)
                or SUBJECT_PRONOUN.match(folded, sentence.start)
                or COVERED_FIRST.match(folded, sentence.start)
            )
        ):
            # "L'interdiction s'applique sans délai. Elle vise ... à l'image de Candy Crush",
            # "The ban also covers Lemon8": the products a sentence says the measure covers
            target = measures[-1]
            for p in f.products:
                if p.value not in target.products:
                    target.products.add(p.value)
                    _add_mention(target, claims, document_id, "product", p, sentence)
            if chosen is not None:
                continue
        designated = (
            chosen is None
            and len(f.products) >= 2
            and not f.negated
            and DESIGNATES.search(folded, sentence.start, sentence.end)
            and (
                authorities := {
                    _place_jurisdiction(m, ref, context) for m in _authority_actors(f, ref)
                }
            )
            and next(
                (
                    dm
                    for dm in reversed(measures)
                    if dm.family == "restrictive" and dm.jurisdiction in authorities
                ),
                None,
            )
        )
        if designated:
            # "De toezichthouder eSafety heeft tien diensten aangewezen: Facebook, ...": the
            # authority names the platforms its country's measure covers
            for p in f.products:
                if p.value not in designated.products:
                    designated.products.add(p.value)
                    _add_mention(designated, claims, document_id, "product", p, sentence)
            continue
        if chosen is None and here is not None and f.dates and not f.products and not f.negated:
            # "In Italië ging de privacywaakhond donderdag al een stap verder.": a day for the
            # measure the next sentence reports for that place
            scene_date = (here, sentence.index, f)
        if (
            chosen is not None
            and f.hypothetical
            and STATE_CUE.search(folded, chosen[1].start, chosen[1].end)
        ):
            # "Entfernen sie die App, wäre sie nicht mehr verfügbar": a state that would follow
            chosen = None
        if chosen is None or f.negated or (f.hypothetical and chosen[0] not in HYPOTHETICAL_OK):
            # products a negated sentence names are the ones left out ("messaging apps such as
            # WhatsApp are exempted"): later references to "the law" are not about them
            if f.products and not f.negated:
                previous = (
                    previous[0] if previous else main_jurisdiction or "",
                    {p.value for p in f.products},
                )
            continue
        action, cue = chosen
        if _dates_something_by(scan, cue, folded):
            continue
        if not f.places and OTHER_PLACES.search(folded, sentence.start, sentence.end):
            continue  # "In anderen Ländern ist DeepSeek bereits eingeschränkt worden": which?
        if (
            action in ("ban", "block", "restrict")
            and not f.products
            and not f.places
            and not f.dates
            and INDEFINITE_BEFORE.search(folded, cue.start - 24, cue.start)
        ):
            continue  # "a ban without an alternative only drives people to ...": talk of bans
        if f.company and not f.places:
            company_at = sentence.index
            continue
        if _refers_back(scan, cue) and company_at > previous_at:
            continue  # "the ban also covers Bard": the firm's own rule, reported just before
        listed_on: DocMeasure | None = None
        if action == "same":
            if not measures or measures[-1].family not in ("restrictive", "app_store"):
                continue
            action = measures[-1].action
            if LIST_WORD.search(folded, cue.start, cue.end):
                listed_on = measures[-1]  # "X and Y were already on that list"
        if action == "warning" and not _by_an_authority(
            f, folded, ref, [g for g in facts if g is not f and _same_paragraph_or_title(g, f)]
        ):
            continue  # anyone can warn; a measure needs an authority that does
        products = {p.value for p in f.products}
        if not products and chosen[0] == "same":
            products = set(measures[-1].products)
        if not products and f.anaphora:
            products = set(previous[1]) if previous else set(title_products)
            if (
                title_products
                and measures
                and measures[-1].role == "background"
                and previous is not None
                and previous[1] == measures[-1].products
                and facts_by_index[max(measures[-1].sentences)].sentence.paragraph
                != sentence.paragraph
            ):
                # "il avait suspendu ChatGPT en mars 2023. ¶ Aux Pays-Bas, l'AP met en garde
                # contre l'application": a recalled measure's app, told in a paragraph before,
                # is an aside; the app the title names is the subject
                products = set(title_products)
        acting = choose_jurisdiction(f, cue.start, folded, ref, context, vendors)
        own_products = bool(products)
        if (
            not products
            and action == "lift"
            and measures
            and sentence.index - measures[-1].sentences[-1] <= 1
        ):
            # "Instagram a été bloqué le 2 août. L'accès a été rétabli le 10 août": the
            # lifting ends the measure just reported, not the headline's
            products = set(measures[-1].products)
        if (
            not products
            and product_in_view
            and (acting[1] is not None or f.dates or action in ("vote", "lift"))
            and not RUNNING_TOTAL.search(folded, sentence.start, sentence.end)
        ):
            # the article's subject, named in its title ("The amendment was adopted ..."),
            # unless the sentence just before named another
            products = (
                set(just_named) or set(title_products) or (set(previous[1]) if previous else set())
            )
        if not products and measures and any(m.value == "same" for m in f.actions):
            # "New York announced a similar ban": on the product of the measure just reported
            products = set(measures[-1].products)
        if not own_products and f.deferred:
            # the targets the body lists complete the headline's ("TikTok, Twitter, Candy
            # Crush ..." in the title, "TikTok, Twitter et Instagram" in the list)
            products |= set(f.deferred)
        if not products:
            continue
        signed = (
            _reported_law(measures, choose_jurisdiction(f, cue.start, folded, ref, context)[0])
            if action == "proposal" and SIGNED.search(folded, sentence.start, sentence.end)
            else None
        )
        if signed is not None:
            # "Gov. Gianforte signed Senate Bill 419 on May 17": the bill became the law the
            # article reports; its signature dates that measure, it is not a new proposal
            _add_evidence(signed, f, action, folded, patterns, published, document_id, claims)
            continue
        if (
            action == "vote"
            and not f.products
            and measures
            # (not a vote on another text: "The House had first approved a stand-alone
            # version on March 13 by 352 votes to 65; the measure was later folded into ...")
            and not INDEFINITE_OBJECT.match(folded, cue.end)
            and (
                f.anaphora
                or f.named_law
                # "In de Senaat stemden 34 senatoren voor en 19 tegen.": the tally of the
                # passing just told
                or (
                    sentence.index - max(measures[-1].sentences) <= 1
                    and _tallied(folded, sentence.start, sentence.end)
                    # (when the news is the law's start; when it is the passing itself, the
                    # tallied votes are the news: "Der Senat stimmte am Donnerstag mit 34 zu
                    # 19 Stimmen für die Vorlage")
                    and any(e.type == "in_force" for e in measures[-1].events)
                )
            )
            and measures[-1].family == "restrictive"
            and choose_jurisdiction(f, cue.start, folded, ref, context)[0]
            in (None, measures[-1].jurisdiction)
        ):
            # "The law that sets the ban was passed by parliament last November": the passing
            # of the measure already reported (its adoption), not a vote on a new one
            _add_evidence(measures[-1], f, action, folded, patterns, published, document_id, claims)
            continue
        if (
            not f.products
            and measures
            and _refers_back(scan, cue)
            and choose_jurisdiction(f, cue.start, folded, ref, context)[0]
            in (None, measures[-1].jurisdiction)
        ):
            # "Critics see the block as ...": the measure already reported, not a new one
            # (a restrictive word refers to the last restrictive measure: "signed the ban into
            # law on May 17", after a paragraph on the ruling that halted it)
            meant = measures[-1]
            if FAMILY.get(action) == "restrictive" and meant.family != "restrictive":
                meant = _reported_law(measures, meant.jurisdiction) or meant
            _add_evidence(meant, f, action, folded, patterns, published, document_id, claims)
            continue
        jurisdiction, named_by, precedents = acting
        if (
            named_by is not None
            and named_by.kind == "actor"
            and ref.actors[named_by.value]["jurisdiction"] in CONTEXT_GOVERNMENTS
            and carried is not None
            and 0 < sentence.index - carried[1] <= 2
            and carried[0] != jurisdiction
            # a country's government ('die Regierung' after 'Indonesien ...'), never a city's
            and ref.jurisdictions.get(carried[0], {}).get("level") == "national"
            and sentence.paragraph == facts_by_index[carried[1]].sentence.paragraph
        ):
            # "Indonesien war am Samstag vorgegangen. ... habe die Regierung den Zugang zu Grok
            # blockiert": 'the government' of the place the paragraph is about
            jurisdiction = carried[0]
        if jurisdiction is None:
            # "TikTok werd van de diensttelefoons gehaald, onder meer in België": the one place
            # given as an example is where it happened
            lone = _listed_examples(f, cue, folded, ref, context, minimum=1)
            if lone:
                jurisdiction, named_by = lone[0]
        if (
            action in ("ban", "restrict")
            and named_by is not None
            and named_by.kind == "actor"
            and ref.actors[named_by.value]["kind"] == "regulator"
        ):
            # a regulator rules on no one's devices: what it orders against an app (stop
            # processing Italians' data, cut access) blocks it ("the Garante curbed DeepSeek")
            action = "block"
        if f.company and named_by is None:
            company_at = sentence.index
            continue  # the company itself acted ("the firm made its service unavailable")
        inherited = jurisdiction is None
        if inherited and last_place is not None and last_place[1] > previous_at:
            # the place the text moved on to since the last measure ("A day later, Virginia
            # took a similar step. Gov. Youngkin on Tuesday signed ...")
            jurisdiction = last_place[0]
        elif inherited:
            jurisdiction = (previous[0] if previous and previous[0] else None) or main_jurisdiction
            if not jurisdiction and home and _by_a_government(f, folded, cue):
                jurisdiction = home
        if not jurisdiction:
            continue
        targets = [(jurisdiction, named_by)]
        if named_by is not None and _place_jurisdiction(named_by, ref, context) == jurisdiction:
            # (not when the mention stood for its country: "an Illinois Republican")
            listed = [m for m in f.places if not _in_spans(m.start, f.precedent_spans)]
            targets = []
            for m in coordinated(named_by, listed, folded):
                place = _place_jurisdiction(m, ref, context)
                if place in ref.jurisdictions and place not in {t[0] for t in targets}:
                    targets.append((place, m))
        examples = _listed_examples(f, cue, folded, ref, context)
        for place, m in examples:
            if place not in {t[0] for t in targets}:
                targets.append((place, m))
        follower = _follower(f, cue, folded, ref, context)
        if follower is not None and follower[0] not in {t[0] for t in targets}:
            targets.append(follower[:2])
        for jurisdiction, named_by in targets:  # noqa: B020 - one measure per listed place
            row = ref.jurisdictions.get(jurisdiction, {})
            if (
                FAMILY[action] == "legislative"
                and row.get("level") == "institution"
                and row.get("parent")
            ):
                jurisdiction = row["parent"]  # a parliament votes on the law of its jurisdiction
            elif action == "warning" and row.get("supervises_for"):
                # the Commission investigating a platform under the DSA acts for the EU, not
                # for its own staff and devices
                jurisdiction = row["supervises_for"]
            previous = (jurisdiction, products)
            previous_at = sentence.index
            in_lead = sentence.paragraph <= 1 and sentence.index <= 2
            dated_old = (
                bool(f.dates)
                and published is not None
                and all((published - d.value).days > 75 for d in f.dates)
            )
            role = (
                "background"
                if (
                    dated_old
                    or (f.background and not in_lead)
                    or (jurisdiction, named_by) in examples
                )
                else "news"
            )
            confidence = 0.9 if not inherited else 0.7
            if f.hypothetical:
                confidence -= 0.2

            def claim(
                field_name: str,
                value: str,
                start: int,
                end: int,
                conf: float = confidence,
                sentence: Sentence = sentence,
                role: str = role,
            ) -> Claim:
                c = Claim(
                    document_id,
                    field_name,
                    value,
                    sentence.start,
                    sentence.end,
                    start,
                    end,
                    sentence.index,
                    round(conf, 2),
                    role,
                )
                claims.append(c)
                return c

            dm = DocMeasure(document_id, jurisdiction, FAMILY[action], role=role)
            dm.placed = not inherited
            dm.guessed_products = not own_products
            dm.actions.append((action, TITLE_WEIGHT if sentence.index == 0 else 1.0))
            dm.cues.add(cue.value)
            dm.immediate = f.immediate
            dm.extension = bool(EXTENSION.search(folded, sentence.start, sentence.end))
            if action == "lift":
                dm.lifted = _ended_kind(f, cue)
            dm.sentences.append(sentence.index)
            dm.precedents.extend(precedents)
            dm.claims.append(claim("action", action, cue.start, cue.end))
            if named_by is not None:
                dm.claims.append(claim("jurisdiction", jurisdiction, named_by.start, named_by.end))
                if named_by.kind == "actor" and _names_a_body(ref.actors[named_by.value]):
                    dm.actors.append(named_by.value)
                    dm.claims.append(claim("actor", named_by.value, named_by.start, named_by.end))
            else:
                dm.claims.append(
                    claim("jurisdiction", jurisdiction, sentence.start, sentence.start, 0.6)
                )
            for p in f.products:
                dm.products.add(p.value)
                dm.claims.append(claim("product", p.value, p.start, p.end))
            if not f.products:
                dm.products |= products
                for value in sorted(products):
                    dm.claims.append(claim("product", value, sentence.start, sentence.start, 0.6))
            for m in f.places:
                if (
                    m.kind == "actor"
                    and m is not named_by
                    and ref.actors[m.value]["jurisdiction"] == jurisdiction
                    and ref.actors[m.value].get("decides", True)
                ):
                    dm.actors.append(m.value)
                    dm.claims.append(claim("actor", m.value, m.start, m.end))
            for m in f.scopes:
                if m.value not in dm.scope:
                    dm.scope.add(m.value)
                    dm.claims.append(claim("scope", m.value, m.start, m.end))
            for m in f.rationales:
                if m.value not in dm.rationales:
                    dm.rationales.add(m.value)
                    dm.claims.append(claim("rationale", m.value, m.start, m.end))
            for name, start, end in officials_in(text, sentence.start, sentence.end):
                dm.officials.append(name)
                dm.claims.append(claim("official", name, start, end))
            for d in f.dates:
                if published is not None and (d.value - published).days > 730:
                    continue
                if follower is not None and (d.start > follower[2]) != (named_by is follower[1]):
                    continue  # "Monday New York, followed a day later by Virginia": each its day
                if d.start > cue.end and AFTER_CLAUSE.search(folded, cue.end, d.start):
                    continue  # "blocked it shortly after the tool's release on 30 November"
                kind = event_type_for(
                    d, action, folded, patterns, published, sentence.end, sentence.start, f.actions
                )
                if (
                    kind == "announced"
                    and STATE_CUE.search(folded, cue.start, cue.end)
                    and not _said_on(patterns, folded, d, sentence.start)
                ):
                    # "By Tuesday the app could no longer be found in the stores": an observed
                    # state dates no decision; only a stated start ("since 15 February") counts,
                    # or the day an authority said so ("teilte am Montag mit, die App sei ...")
                    continue
                immediate = (
                    action in IMMEDIATE
                    and not REQUEST.search(folded, sentence.start, sentence.end)
                    and not REPORTED_FUTURE.search(folded, sentence.start, sentence.end)
                )
                if (
                    kind == "announced"
                    and immediate
                    and d.precision != "day"
                    and not ORDERED.search(folded, sentence.start, sentence.end)
                ):
                    kind = "in_force"  # "the regulator blocked the app in February": in effect
                elif (
                    kind == "announced"
                    and immediate
                    and len(f.dates) > 1
                    and not _said_on(patterns, folded, d, sentence.start)
                    and any(_said_on(patterns, folded, o, sentence.start) for o in f.dates)
                ):
                    # "The PIPC said on Monday that the app had been removed on Saturday": the
                    # day it said so is the announcement, the other the day it took effect
                    kind = "in_force"
                c = claim(
                    f"date_{kind}",
                    d.value.isoformat(),
                    d.start,
                    d.end,
                    confidence - (0.1 if d.relative else 0.0),
                )
                dm.events.append(EventClaim(kind, d.value, d.precision, d.relative, c))
                if kind == "announced" and immediate and d.precision == "day":
                    # a block or an app-store removal takes effect when it is ordered
                    c = claim("date_in_force", d.value.isoformat(), d.start, d.end, 0.6)
                    dm.events.append(
                        EventClaim("in_force", d.value, d.precision, d.relative, c, derived=True)
                    )
                if kind == "court_ruling" and f.suspends:
                    # an injunction: the measure it rules on stops applying that day
                    c = claim("date_suspended", d.value.isoformat(), d.start, d.end, 0.6)
                    dm.events.append(EventClaim("suspended", d.value, d.precision, d.relative, c))
            if action == "vote":
                count = VOTE_COUNT.search(folded, sentence.start, sentence.end)
                if count:
                    dm.vote = (int(count.group(1)), int(count.group(2)))
                    dm.claims.append(
                        claim(
                            "vote", f"{count.group(1)}-{count.group(2)}", count.start(), count.end()
                        )
                    )
            if listed_on is not None and listed_on.jurisdiction == dm.jurisdiction:
                # products on the same list fall under the same rule from the same day, and a
                # recalled list is recalled with them; the list was announced with them unless
                # they were on it already
                if listed_on.role == "background" and not f.dates:
                    dm.role = "background"
                if listed_on.guessed_products and sentence.index - max(listed_on.sentences) <= 1:
                    # "In June 2020 the government banned 59 apps. The list included: TikTok,
                    # ...": the list names the apps the measure was only assumed to cover
                    listed_on.products = set(dm.products)
                    listed_on.guessed_products = False
                copied = {"in_force"} if f.background else ORIGIN_EVENTS
                for e in listed_on.events:
                    if e.type in copied and not any(x.type == e.type for x in dm.events):
                        dm.events.append(
                            EventClaim(e.type, e.date, e.precision, e.relative, e.claim, True)
                        )
            if (
                scene_date is not None
                and scene_date[0] == dm.jurisdiction
                and sentence.index - scene_date[1] == 1
                and not f.dates
            ):
                scene = scene_date[2].sentence  # the date's own sentence is its quote
                for d in scene_date[2].dates:
                    # "Le texte avait été promulgué le 17 mai par le gouverneur": the scene's own
                    # step word types its date
                    steps = [
                        event_type_for(
                            d,
                            action,
                            folded,
                            patterns,
                            published,
                            scene.end,
                            scene.start,
                            scene_date[2].actions,
                        )
                    ]
                    if steps[0] == "announced" and SIGNED.search(
                        folded, max(scene.start, d.start - 60), d.start
                    ):
                        steps = ["adopted"]
                    if steps[0] == "announced" and action in IMMEDIATE and d.precision == "day":
                        steps.append("in_force")
                    for step in steps:
                        _add_date(
                            dm,
                            claims,
                            document_id,
                            step,
                            d,
                            (scene.start, scene.end),
                            scene.index,
                            step != steps[0],
                        )
            measures.append(dm)
            halted = _halted_kind(f, cue, folded) if action == "court_ruling" else None
            if halted is not None:
                # "a judge blocked Montana's ban on TikTok": the ruling and the measure it rules
                # on are two measures; the ruled-on one is reported too
                ruled = DocMeasure(document_id, jurisdiction, FAMILY[halted], role=role)
                ruled.placed = dm.placed
                ruled.actions.append((halted, 0.01))  # names the kind; weighs nothing
                ruled.cues.add("court_ruling")
                ruled.products |= dm.products
                ruled.sentences.append(sentence.index)
                ruled.claims.append(claim("action", halted, cue.start, cue.end, 0.5))
                # "Montana passed the ban in 2023, but a federal judge blocked that law in
                # November 2023": a date in a clause before the court's is the law's own
                for d in f.dates:
                    if d.end > cue.start or not CONTRAST.search(folded, d.end, cue.start):
                        continue
                    moved = {id(e.claim) for e in dm.events if e.claim.start == d.start}
                    if not moved:
                        continue
                    dm.events = [e for e in dm.events if id(e.claim) not in moved]
                    claims[:] = [c for c in claims if id(c) not in moved]
                    kind = event_type_for(
                        d, halted, folded, patterns, published, cue.start, sentence.start
                    )
                    _add_date(
                        ruled,
                        claims,
                        document_id,
                        kind,
                        d,
                        (sentence.start, sentence.end),
                        sentence.index,
                    )
                measures.append(ruled)
            for model in dict.fromkeys(precedents):
                # "following the Commission": the model took the same kind of measure earlier
                ref_row = ref.jurisdictions.get(model)
                if (
                    ref_row is None
                    or model == jurisdiction
                    or dm.family not in ("restrictive", "app_store")
                ):
                    continue
                earlier = DocMeasure(document_id, model, FAMILY[action], role="background")
                earlier.actions.append((action, 0.5))
                earlier.cues.add("precedent")
                earlier.products |= dm.products
                earlier.sentences.append(sentence.index)
                earlier.claims.append(
                    claim(
                        "jurisdiction",
                        model,
                        sentence.start,
                        sentence.start,
                        0.5,
                        sentence,
                        "background",
                    )
                )
                earlier.claims.append(
                    claim("action", action, cue.start, cue.end, 0.5, sentence, "background")
                )
                measures.append(earlier)

    # the lead dates the first measure the text reports with its place (a headline with
    # none, "Banning 'nudify' apps is the right instinct", only names the subject)
    first_news = next(
        (dm for dm in measures if dm.role == "news" and (dm.placed or dm.sentences != [0])),
        None,
    ) or next((dm for dm in measures if dm.role == "news"), None)
    if first_news is not None:
        for f in waiting:
            _add_dated_steps(
                first_news, f, folded, patterns, published, document_id, claims, context
            )
    merged = _fold_proposals(
        _fold_investigations(merge_document_measures(_place_headlines(measures))), folded
    )
    _recall_late_measures(merged)
    for dm in merged:
        dm.age_limit = any(
            AGE_LIMIT.search(
                folded, facts_by_index[i].sentence.start, facts_by_index[i].sentence.end
            )
            for i in set(dm.sentences)
            if i in facts_by_index
        )
        _date_extension(dm)
        _in_force_when_immediate(dm)
        _prefer_stated_in_force(dm)
        _prefer_exact_days(dm)
        _announced_when_starting_today(dm, published)
    _attach_reasons(merged, facts, claims, document_id)
    return Extraction(document_id, relevant, merged, claims)


# a court that rules on an existing measure (upholds, overturns or halts it), rather than
# ordering one itself ("ordered the suspension of X")
RULES_ON = re.compile(
    r"(?<![\w])(?:upheld|upholds|uphold|confirm\w*|overturn\w*|struck\s+down|strikes\s+down|"
    r"annul\w*|quash\w*|bekrachtig\w*|bevestig\w*|vernietig\w*|confirm\w*|valid\w*|"
    r"annul\w*|cass\w*|bestatig\w*|aufgehoben|hebt\s+(?:[\w-]+\s+){0,4}?auf|kippt|gekippt)(?![\w])"
)
RESTRICTIVE_ORDER = ("ban", "block", "restrict")


def _restrictive_named(f: SentenceFacts, skip: Mention) -> str | None:
    """The restrictive kind a sentence names besides the cue that chose its action; a ban
    before a block ("blocked Montana's ban": the ban is what is named)."""
    named = {m.value for m in f.actions if m is not skip and m.start != skip.start}
    return next((k for k in RESTRICTIVE_ORDER if k in named), None)


def _ended_kind(f: SentenceFacts, cue: Mention) -> str:
    """The measure a lifting ends, by the word that names it ("lifted its ban", "heft de
    blokkade op"); nothing when the sentence only says the product is back."""
    return _restrictive_named(f, cue) or ""


def _halted_kind(f: SentenceFacts, cue: Mention, folded: str) -> str | None:
    """The measure a court rules on, when it halts, upholds or overturns one that exists."""
    s, e = f.sentence.start, f.sentence.end
    if not (f.suspends or RULES_ON.search(folded, s, e)):
        return None
    return _restrictive_named(f, cue)


BACK_REFERENCE = re.compile(
    r"\W*(?:dat|dit|das|dies|that|this|cela|ceci|c'est|ce|so|the decision|de beslissing|"
    r"het besluit|la decision|die entscheidung)(?![\w])"
)
# the decision as the object of the verb that made it known ("De minister maakte dat maandag
# bekend", "The ministry confirmed this on Friday")
OBJECT_BACK_REFERENCE = re.compile(
    r"(?<![\w])(?:(?:maakte|maakten|maakt)\s+(?:dat|dit)|(?:announced|confirmed)\s+this|"
    r"l'(?:a|ont)\s+(?:annonce|confirme)|(?:gab|gaben|bestatigte|teilte)\s+(?:das|dies))(?![\w])"
)
DEFAULT_STEP = {"lift": "lifted", "court_ruling": "court_ruling", "vote": "vote"}


def _add_dated_steps(
    dm: DocMeasure,
    f: SentenceFacts,
    folded: str,
    patterns: Patterns,
    published: date | None,
    document_id: str,
    claims: list[Claim],
    context: dict[str, str | None] | None = None,
) -> None:
    """A sentence that only dates the measure just reported ("the rule applies from Monday",
    "Dat heeft de premier vrijdag bekendgemaakt"). A date with no step word is the measure's
    own step when the sentence points back to it ("That was announced on Friday") or names
    its place ("Indonesia took the first step on Saturday")."""
    if f.company or (f.products and not ({p.value for p in f.products} & dm.products)):
        return
    ref = load_reference()
    places = {_place_jurisdiction(m, ref, context) for m in _acting_places(f, folded)}
    if places - {dm.jurisdiction}:
        return
    s, e = f.sentence.start, f.sentence.end
    lifted = patterns.events.get("lifted")
    for d in f.dates:
        before = folded[max(s, d.start - 32) : d.start]  # not the previous sentence's words
        left, right = _clause_around(folded, d.start, d.end, s, e)
        kind = (
            # "X is sinds dinsdagavond weer bereikbaar": the date of its return
            "lifted"
            if lifted is not None and lifted.search(folded, left, right)
            else "in_force"
            if TAKES_EFFECT.search(before)
            else next(
                (
                    k
                    for k in ("suspended", "extended", "in_force", "adopted", "announced")
                    if (pattern := patterns.events.get(k)) is not None and pattern.search(before)
                ),
                None,
            )
        )
        put_in_place = patterns.events.get("put_in_place")
        announced = patterns.events.get("announced")
        if (
            kind is None
            and put_in_place is not None
            and put_in_place.search(folded, left, right)
            and not (announced is not None and announced.search(folded, left, right))
            and (MEASURE_REFERENCE.search(folded, s, e) or BACK_REFERENCE.match(folded, s))
        ):
            kind = "in_force"  # "De maatregel gaat vandaag in"
        opens = DATE_OPENS.fullmatch(folded, left, d.start)
        if kind is None and (patterns.language in ("nl", "de") or opens):
            # a step verb after the date: Dutch and German word order, or (an extension) a
            # date that opens its clause ("In January 2021 the ban was made permanent")
            kind = next(
                (
                    k
                    for k in (
                        ("extended", "suspended", "adopted")
                        if patterns.language in ("nl", "de")
                        else ("extended",)
                    )
                    if (pattern := patterns.events.get(k)) is not None
                    and pattern.search(folded, d.end, e)
                ),
                None,
            )
        if (
            kind is None
            and (
                BACK_REFERENCE.match(folded, s)
                or OBJECT_BACK_REFERENCE.search(folded, s, e)
                or dm.jurisdiction in places
                or MEASURE_REFERENCE.search(folded, s, e)
                or LAW_REFERENCE.search(folded, s, e)
            )
            and any(
                (pattern := patterns.events.get(k)) is not None and pattern.search(folded, s, e)
                for k in ("announced", "adopted")
            )
        ):
            kind = DEFAULT_STEP.get(dm.action if not dm.is_lift_only else "lift", "announced")
            if kind == "announced" and SIGNED.search(folded, max(s, d.start - 60), d.start):
                kind = "adopted"  # "The law, signed by President Biden on April 24, ..."
        if kind in ("announced", "adopted") and dm.is_lift_only:
            kind = "lifted"
        if (
            kind == "adopted"
            and PARLIAMENT_WORDS.search(
                folded, _clause_around(folded, d.start, d.end, s, e)[0], d.start
            )
            and (pattern := patterns.events.get("vote")) is not None
            and pattern.search(folded, s, e)
            and (
                _tallied(folded, s, _next_sentence_end(folded, e))
                or SIGNED.search(folded, d.end, e)
            )
        ):
            # "The House passed the law in April by 352 votes to 65", "Der Kongress hatte das
            # Gesetz im April beschlossen, Biden unterzeichnete es am 24. April": a step before
            # the adoption; passed with nothing else, it is the adoption
            kind = "vote"
        if kind is None or not _in_order(dm, kind, d.value):
            continue
        for step in [kind, *(["in_force"] if _takes_effect_at_once(dm, kind, d) else [])]:
            _add_date(dm, claims, document_id, step, d, (s, e), f.sentence.index, step != kind)


GOVERNMENT_SUBJECT = re.compile(
    r"(?<![\w])(?:government|cabinet|chancellor|minister|regering|kabinet|gouvernement|"
    r"ministre|regierung|bundesregierung|kabinett|ministerin)(?![\w])"
)


def _by_a_government(f: SentenceFacts, folded: str, cue: Mention) -> bool:
    """The measure binds a government's own devices or networks, or a government or minister
    takes it: a public measure even when no place is named."""
    return any(m.value in ("government_devices", "government_network") for m in f.scopes) or bool(
        GOVERNMENT_SUBJECT.search(folded, f.sentence.start, cue.start)
    )


def _next_sentence_end(folded: str, end: int) -> int:
    """Where the sentence after the one ending at `end` ends: a tally is often told just after
    the passing ("... door het parlement aangenomen. In de Senaat stemden 34 senatoren voor en
    19 tegen.")."""
    if end < 0:
        return len(folded)
    stop = folded.find(".", end + 1, end + 250)
    return stop if stop >= 0 else end


def _acting_places(f: SentenceFacts, folded: str) -> list[Mention]:
    """The places of a sentence that may act, leaving out those in a prepositional phrase
    ("in a letter to the House of Representatives", "servers in China")."""
    return [
        m for m in f.places if m.kind != "jurisdiction" or not _locates_something_else(m, f, folded)
    ]


def _dated_target(
    measures: list[DocMeasure],
    f: SentenceFacts,
    ref: Reference,
    context: dict[str, str | None] | None,
    folded: str,
) -> DocMeasure:
    """The measure a dating sentence is about: the last one of the place it names, else the
    last one reported in its own words (not a precedent it was compared with)."""
    places = {_place_jurisdiction(m, ref, context) for m in f.places}
    target = next((dm for dm in reversed(measures) if dm.jurisdiction in places), None)
    if target is None:
        own = [dm for dm in measures if "precedent" not in dm.cues]
        target = own[-1] if own else measures[-1]
    if target.family == FAMILY["court_ruling"] and LAW_REFERENCE.search(
        folded, f.sentence.start, f.sentence.end
    ):
        # "The law, which President Biden signed on April 24, takes effect on Jan. 19": the
        # law the court ruled on, not the ruling, is what these dates are about
        law = _reported_law(measures, target.jurisdiction)
        if law is not None:
            return law
    return target


def _in_order(dm: DocMeasure, kind: str, value: date) -> bool:
    """A later sentence's date cannot put the measure in force long before it was decided
    ("the chatbot is available since November" after a ban of April)."""
    origin = [e.date for e in dm.events if e.type in ("announced", "adopted", "vote")]
    return not (kind == "in_force" and origin and (min(origin) - value).days > 30)


def _takes_effect_at_once(dm: DocMeasure, kind: str, d: DateMention) -> bool:
    return (
        kind == "announced"
        and d.precision == "day"
        and dm.action in IMMEDIATE
        and not any(e.type == "in_force" for e in dm.events)
    )


# words for what a measure targets when it does not name it yet ("apps from countries with an
# offensive cyber programme", "KI-Anwendungen", "les réseaux sociaux")
GENERIC_PRODUCT = re.compile(
    r"(?<![\w])(?:apps?|applications?|applicaties|applis?|\w*anwendungen|\w*toepassingen|"
    r"chatbots?|software|logiciels?|tools|outils|platforms|plateformes|plattformen|"
    r"social\w*[\s-]*media|sociale[\s-]*media|soziale\w*[\s-]*medien|reseaux\s+sociaux|"
    r"social\s+networks?|sociale\s+netwerken|soziale\w*\s+netzwerke\w*|"
    r"\w*diensten|\w*dienste|services)(?![\w])"
    r"|(?<![\w])(?:social\w*media|sozial\w*medien)\w*"  # "socialemediaverbod"
)


SUBJECT_PRONOUN = re.compile(r"\W*(?:elle|il|it|this|sie|es|ze|hij|het|dit|deze)\s")
# a verb saying what a measure covers ("Elle vise", "It covers", "Betroffen sind")
COVERS = re.compile(
    r"(?<![\w])(?:vise\w*|concerne\w*|covers?|covered|affects?|affected|applies\s+to|betrifft|"
    r"betroffen|gilt\s+fur|geldt\s+voor|treft|getroffen)(?![\w])"
)
# the covered products as the subject after the verb ("Sont notamment concernées TikTok ...",
# "Betroffen sind TikTok und ...", "Getroffen zijn onder meer ..."): what the measure covers
COVERED_FIRST = re.compile(
    r"\W*(?:(?:sont|seront|zijn|worden)\s+(?:[\w'-]+\s+){0,2}?(?:concerne\w*|vise\w*|getroffen)|"
    r"(?:betroffen|getroffen)\s+(?:sind|waren|zijn|werden))(?![\w])"
)
TARGET_WORDS = re.compile(
    r"(?<![\w])(?:such\s+as|including|among\s+them|affected|covered|concerns?|reason|named|"
    r"listed|noemt|genoemd|noemde|cite|nennt|genannt|nannte|mentioned|evoque\w*|mentionne\w*|"
    r"erwahnt\w*|applies\s+to|apply\s+to|geldt\s+voor|"
    r"gelden\s+voor|s'applique\s+a|gilt\s+fur|gelten\s+fur|"
    r"gaat\s+(?:het\s+)?om|onder\s+(?:meer|andere)|zoals|waaronder|aanleiding|betreft|"
    r"getroffen|notamment|parmi\s+lesquel\w*|concerne\w*|vise\w*|raison|"
    r"betroffen|etwa|darunter|unter\s+anderem|beispielsweise|anlass|grund)(?![\w])"
)


def _defer_products(facts: list[SentenceFacts], folded: str) -> None:
    """A measure stated before its product is named ("Civil servants are advised against apps
    from countries with an offensive cyber programme. [...] The reason is the debate about
    TikTok"): the measure waits for the first product named in the rest of its paragraph or
    the sentence after it, unless a product was named just before (then it refers to that)."""
    ref = load_reference()
    last_product_at = -10
    for i, f in enumerate(facts):
        index = f.sentence.index
        if f.products or f.owners:
            last_product_at = index
            continue
        if index - last_product_at <= PRODUCT_REACH or f.negated or not f.actions:
            continue
        if not GENERIC_PRODUCT.search(folded, f.sentence.start, f.sentence.end):
            continue
        paragraph_end = max(
            (g.sentence.index for g in facts if g.sentence.paragraph == f.sentence.paragraph),
            default=index,
        )
        limit = max(paragraph_end + 1, index + 2)
        if index == 0:
            # a headline's measure ("Australia's social media age limit starts today") may
            # name its platforms only once the body lists them
            limit = max(limit, LEAD_SENTENCES + TITLE_PRODUCT_REACH)
        for later in facts[i + 1 :]:
            if (
                later.sentence.index <= limit + 1
                and not later.products
                and folded[later.sentence.start : later.sentence.end].rstrip().endswith(":")
            ):
                limit = later.sentence.index + 1  # "The new names are:" opens the list
            if later.sentence.index > limit:
                if index > LEAD_SENTENCES + TITLE_PRODUCT_REACH:
                    break
                # further on, only a sentence that names this measure's targets ("Sont
                # notamment visées par cette interdiction TikTok, Instagram ou Twitter")
                if (
                    later.products
                    and not later.negated
                    and not later.company
                    and MEASURE_REFERENCE.search(folded, later.sentence.start, later.sentence.end)
                    and TARGET_WORDS.search(folded, later.sentence.start, later.sentence.end)
                ):
                    f.deferred = {p.value for p in later.products}
                    break
                continue
            if later.products:
                # a product sentence that reports a measure of another place is that place's
                # ("... instead of a list of banned apps. Ghent blocked Grok on Tuesday.")
                other_place = (
                    later.actions
                    and later.places
                    and f.places
                    # by jurisdiction: "the eSafety Commissioner" acts for "Australia"
                    and not {_place_jurisdiction(m, ref) or m.value for m in later.places}
                    & {_place_jurisdiction(m, ref) or m.value for m in f.places}
                )
                # the product sentence says what the measure covers ("It concerns apps such as
                # TikTok", "Betroffen ist etwa TikTok") or reports the measure itself; a product
                # merely named next ("Experts say TikTok is the most popular") is not its target
                names_target = (
                    bool(later.actions)
                    or bool(TARGET_WORDS.search(folded, later.sentence.start, later.sentence.end))
                    or folded[: later.sentence.start].rstrip().endswith(":")  # a list it opened
                    # an age limit's platforms, listed next ("Under-16s can no longer hold
                    # accounts ... From today, Facebook, Instagram ... must take steps")
                    or (
                        len(later.products) >= 2
                        and bool(AGE_LIMIT.search(folded, f.sentence.start, f.sentence.end))
                    )
                )
                # a firm named in the list ("la plateforme Netflix") is a target, not an actor
                acted = later.company and bool(later.actions)
                if names_target and not later.negated and not acted and not other_place:
                    f.deferred = {p.value for p in later.products}
                break


LEAD_SENTENCES = 3
PRODUCT_REACH = 3
TITLE_PRODUCT_REACH = 5
HYPOTHETICAL_OK = {"proposal", "vote", "remove_from_app_store", "warning"}
AUTHORITY_WORDS = re.compile(
    r"(?<![\w])(?:regulators?|watchdogs?|authority|authorities|commission|agency|ministry|"
    r"prosecutors?|toezichthouder|\w*waakhond|autoriteit|ministerie|parket|regulateur|"
    r"gendarme|autorite|ministere|parquet|\w*behorde|\w*aufsicht|ministerium|"
    r"\w*staatsanwaltschaft|commissioners?|commissaires?|commissaris(?:sen)?|\w*kommissar\w*|"
    r"\w*kommission|commissie|"
    r"\w*beauftragte\w*|ministers?|ministres?|ministerin|staatssecretaris|secretary)(?![\w])"
)
# who comments rather than decides: critics, experts, groups, analysts
COMMENTATORS = re.compile(
    r"(?<![\w])(?:critics|experts|groups|analysts|advocates|campaigners|researchers|"
    r"specialists|activists|critici|deskundigen|experts|organisaties|analisten|onderzoekers|"
    r"critiques|experts|associations|analystes|chercheurs|specialistes|militants|kritiker|"
    r"experten|verbande|analysten|forscher|fachleute|aktivisten)(?![\w])"
)


# an authority naming what a measure covers ("heeft tien diensten aangewezen", "has designated",
# "a désigné", "hat ... benannt")
DESIGNATES = re.compile(
    r"(?<![\w])(?:aangewezen|wees\s+aan|designated|designates|has\s+named|named|designe\w*|"
    r"benannt|bestimmt|eingestuft|classified|aangemerkt)(?![\w])"
)


def _authority_actors(f: SentenceFacts, ref: Reference) -> list[Mention]:
    """The actors of a sentence that are deciding authorities (a regulator, a ministry ...)."""
    return [
        m
        for m in f.places
        if m.kind == "actor"
        and ref.actors[m.value]["kind"] in AUTHORITIES
        and ref.actors[m.value].get("decides", True)
    ]


def _same_paragraph_or_title(other: SentenceFacts, f: SentenceFacts) -> bool:
    return other.sentence.index == 0 or other.sentence.paragraph == f.sentence.paragraph


def _authorities_in(f: SentenceFacts, folded: str, ref: Reference) -> list[int]:
    """Where a sentence names an authority: a regulator, a ministry, a government, a
    prosecutor, named or referred to by what it is ("the regulator"), or a country (or region)
    named as the subject of its clause ("Die Niederlande rieten ... ab": a state advises through
    its government), not one in a prepositional phrase ("apps from countries hostile to the
    Netherlands") nor a nationality adjective of commentators ("Dutch experts")."""
    start, end = f.sentence.start, f.sentence.end
    found = [m.start for m in _authority_actors(f, ref)]
    found += [m.start() for m in AUTHORITY_WORDS.finditer(folded, start, end)]
    for m in f.places:
        row = ref.jurisdictions.get(m.value) if m.kind == "jurisdiction" else None
        if row is None or row["level"] == "institution":
            continue
        names = {fold_phrase(row[f"name_{lang}"]) for lang in ("en", "nl", "fr", "de")}
        if fold_phrase(folded[m.start : m.end]) not in names:
            continue  # an adjective ("Dutch", "niederländische"): it qualifies a noun
        if COMMENTATORS.match(folded, m.end + 1) or _locates_something_else(m, f, folded):
            continue
        found.append(m.start)
    return found


def _by_an_authority(
    f: SentenceFacts, folded: str, ref: Reference, near: list[SentenceFacts] | None = None
) -> bool:
    """A warning is a measure only when an authority gives it. Advice is often given in the
    passive ("Civil servants are advised against ...", "Rijksambtenaren wordt ontraden ...")
    with the authority named in the headline or elsewhere in the paragraph (`near`)."""
    start, end = f.sentence.start, f.sentence.end
    authorities = _authorities_in(f, folded, ref)
    commentator = COMMENTATORS.search(folded, start, end)
    if not authorities:
        if commentator is not None or not PASSIVE_ADVICE.search(folded, start, end):
            return False
        return any(_authorities_in(other, folded, ref) for other in near or [])
    # "Several groups said the government should publish rules, and warned ...": the warning
    # is the commentators', whose subject comes before any authority
    return commentator is None or min(authorities) < commentator.start()


# advice with no subject: the authority is named elsewhere ("users are advised against")
PASSIVE_ADVICE = re.compile(
    r"(?<![\w])(?:wordt|worden|werd|werden)\s+(?:[\w'-]+\s+){0,5}?(?:ontraden|afgeraden|gewaarschuwd)"
    r"|(?<![\w])(?:are|is|were|was|been)\s+(?:[\w'-]+\s+){0,3}?(?:advised|warned|urged|told)"
    r"|(?<![\w])(?:il\s+est|est|sont)\s+(?:[\w'-]+\s+){0,3}?(?:deconseill|mis\w*\s+en\s+garde)"
    r"|(?<![\w])(?:wird|werden|wurde|wurden)\s+(?:[\w'-]+\s+){0,5}?(?:abgeraten|gewarnt)"
)


def _scene(
    f: SentenceFacts,
    folded: str,
    ref: Reference,
    context: dict[str, str | None],
    vendors: set[str],
) -> str | None:
    """The place a sentence moves the story to ("A day later, Virginia took a similar step."):
    a deciding place named in a sentence that names no product, so that nationality words
    about users or firms ("American sign-ups") do not count."""
    if f.products:
        return None
    jurisdiction, named_by, _ = choose_jurisdiction(f, f.sentence.end, folded, ref, context)
    if named_by is None:
        return None
    if named_by.kind == "actor" and not _names_a_body(ref.actors[named_by.value]):
        return None  # an adviser, or 'the government': a pointer, not a new scene
    if (ref.jurisdictions.get(jurisdiction or "", {}).get("country_code") or "") in vendors:
        return None  # "espionage by the Chinese government": the vendor's state, not a scene
    return jurisdiction


def _in_force_when_immediate(dm: DocMeasure) -> None:
    """'With immediate effect': the day it was announced is the day it applies from."""
    if not dm.immediate or any(e.type == "in_force" for e in dm.events):
        return
    for e in list(dm.events):
        if e.type == "announced" and e.precision == "day":
            c = Claim(**{**e.claim.__dict__, "field": "date_in_force", "confidence": 0.6})
            dm.claims.append(c)
            dm.events.append(
                EventClaim("in_force", e.date, e.precision, e.relative, c, derived=True)
            )


def _announced_when_starting_today(dm: DocMeasure, published: date | None) -> None:
    """A news measure that applies 'from today' and whose announcement the text does not date
    was made public that day: news of a rule in force from today is its announcement."""
    if published is None or dm.role != "news":
        return
    if any(e.type in ("announced", "adopted", "vote", "lifted") for e in dm.events):
        return
    for e in list(dm.events):
        if e.type == "in_force" and e.date == published and e.relative and not e.derived:
            c = Claim(**{**e.claim.__dict__, "field": "date_announced", "confidence": 0.5})
            dm.claims.append(c)
            dm.events.append(EventClaim("announced", e.date, e.precision, e.relative, c, True))
            return


# "Australia extends its ban to Reddit", "breidt zijn verbod uit", "étend l'interdiction",
# "weitet das Verbot aus": an existing measure now covers more
EXTENSION = re.compile(
    r"(?<![\w])(?:extend\w*\s+(?:[\w'-]+\s+){0,5}?(?:to|ban|block|restriction\w*)|"
    r"expand\w*\s+(?:its|the|their)\s+(?:[\w-]+\s+)?(?:ban|block|list)|"
    r"widen\w*\s+(?:its|the|their)\s+(?:[\w-]+\s+)?(?:ban|block|list)|"
    r"breid\w*\s+(?:[\w'-]+\s+){0,8}?uit|uitgebreid|uitbreiding|"
    r"etend\w*|elargi\w*|extension\s+(?:de\s+l'interdiction|du\s+blocage)|"
    r"weite\w*\s+(?:[\w-]+\s+){0,8}?aus|ausgeweitet|ausweitung|erweitert|erweitern)(?![\w])"
)


RECALLED_DAYS = 20
# a measure first told this far into the body, with no date of its own, is an aside to the news
LATE_SENTENCE = 8


def _recall_late_measures(measures: list[DocMeasure]) -> None:
    """News puts its news first: once the lead reports a dated measure, a measure first told
    deep in the body whose dates all lie well before it is context the article recalls
    ("Montana had banned the app in 2023"), not news of the same days (a round-up of cities
    that followed suit that week stays news)."""
    lead = [dm for dm in measures if dm.role == "news" and min(dm.sentences) <= LEAD_SENTENCES]
    if not lead:
        return
    places = {dm.jurisdiction for dm in lead}
    news_days = [d for dm in lead for d in dm.event_dates()]
    if not news_days:
        return
    for dm in measures:
        if dm.role != "news" or dm in lead or dm.jurisdiction in places:
            continue
        days = dm.event_dates()
        # undated and late, or told in one breath with a measure the text recalls ("La
        # Commission avait ouvert le bal le 23 février ..., suivie du Parlement européen")
        undated_aside = not days and (
            min(dm.sentences) > LATE_SENTENCE
            or any(
                other.role == "background" and min(other.sentences) == min(dm.sentences)
                for other in measures
            )
        )
        if undated_aside or (days and all((min(news_days) - d).days > RECALLED_DAYS for d in days)):
            dm.role = "background"
            for c in dm.claims:
                c.role = "background"


def _date_extension(dm: DocMeasure) -> None:
    """The date a document gives for an extension is the extension's, not the start of the
    measure it widens (the products it names are the newly covered ones)."""
    if not dm.extension:
        return
    for e in dm.events:
        if e.type == "announced":
            e.type = "extended"
            e.claim.field = "date_extended"


def _prefer_stated_in_force(dm: DocMeasure) -> None:
    """An inferred start ("a block applies when it is ordered") gives way to a start the text
    states ("removed from the stores as of Saturday") once the reports of a measure are merged."""
    if any(e.type == "in_force" and not e.derived for e in dm.events):
        dm.events = [e for e in dm.events if not (e.type == "in_force" and e.derived)]


def _prefer_exact_days(dm: DocMeasure) -> None:
    """A rough month ("au début de l'année") gives way to the day the text then states for
    the same step ("Annoncé le 27 février") when the two lie within two months: one step
    told twice, not two."""
    days = [e for e in dm.events if e.precision == "day"]
    dm.events = [
        e
        for e in dm.events
        if e.precision != "month"
        or not any(
            d.type == e.type
            and d.date.year == e.date.year
            and 0 < abs(d.date.month - e.date.month) <= 2
            for d in days
        )
    ]


INDEFINITE_OBJECT = re.compile(r"\s+(?:a|an|een|un|une|ein|eine|einen)\s")
INDEFINITE_BEFORE = re.compile(
    r"(?<![\w])(?:a|an|een|un|une|ein|eine|einen|einem|einer)\s+(?:[\w-]+\s+)?$"
)


def _reported_law(measures: list[DocMeasure], acting: str | None) -> DocMeasure | None:
    """The last restrictive measure of the acting jurisdiction (or of any, when the sentence
    names none)."""
    return next(
        (
            m
            for m in reversed(measures)
            if m.family == "restrictive" and acting in (None, m.jurisdiction)
        ),
        None,
    )


def _refers_back(scan: Scan, cue: Mention) -> bool:
    """The action word is part of a definite reference ("the ban", "die Sperre")."""
    return any(s <= cue.start < e for s, e in scan.anaphora)


TIME_BEFORE = re.compile(
    r"(?<![\w])(?:na|tijdens|sinds|sedert|after|during|since|following|apres|pendant|depuis|"
    r"nach|wahrend|seit)\s+$"
)


def _dates_something_by(scan: Scan, cue: Mention, folded: str) -> bool:
    """The measure is named only to date something else ("users reported a million sign-ups
    in the days after the block", "depuis le blocage"): the product that sentence names is not
    its target."""
    return any(
        s <= cue.start < e and TIME_BEFORE.search(folded, max(0, s - 20), s)
        for s, e in scan.anaphora
    )


def _add_evidence(
    dm: DocMeasure,
    f: SentenceFacts,
    action: str,
    folded: str,
    patterns: Patterns,
    published: date | None,
    document_id: str,
    claims: list[Claim],
) -> None:
    """A sentence that refers back to a measure ("the ban was proclaimed on 13 November")
    adds its dates, scope and reasons to it; it says what a lifting lifted, but does not
    otherwise outvote the words of the sentences that reported the measure."""
    dm.sentences.append(f.sentence.index)
    if dm.is_lift_only and FAMILY.get(action) == dm.family:
        dm.actions.append((action, 1.0))
    typed_as = action if FAMILY.get(action) == dm.family else dm.action
    for d in f.dates:
        kind = event_type_for(
            d, typed_as, folded, patterns, published, f.sentence.end, f.sentence.start, f.actions
        )
        _add_date(
            dm,
            claims,
            document_id,
            kind,
            d,
            (f.sentence.start, f.sentence.end),
            f.sentence.index,
        )
    for field_name, mentions, values in (
        ("scope", f.scopes, dm.scope),
        ("rationale", f.rationales, dm.rationales),
    ):
        for m in mentions:
            if m.value in values:
                continue
            values.add(m.value)
            _add_mention(dm, claims, document_id, field_name, m, f.sentence)


def _follow_city(f: SentenceFacts, ref: Reference, context: dict[str, str | None]) -> None:
    """'The city' is the municipality the text last named, not the one it names most."""
    for m in f.places:
        if m.kind == "jurisdiction":
            row = ref.jurisdictions.get(m.value)
            if row is not None and row["level"] == "municipal":
                context["municipal"] = m.value


def _fold_steps(
    measures: list[DocMeasure],
    is_step: Callable[[DocMeasure], bool],
    hosts: Callable[[DocMeasure, DocMeasure], bool],
) -> list[DocMeasure]:
    """Measures that are only a step of another one the same document reports give that one
    their evidence (claims other than action and place, reasons, sentences) and go."""
    out = []
    for dm in measures:
        host = (
            next((other for other in measures if other is not dm and hosts(other, dm)), None)
            if is_step(dm)
            else None
        )
        if host is None:
            out.append(dm)
            continue
        host.claims += [c for c in dm.claims if c.field not in ("action", "jurisdiction")]
        host.rationales |= dm.rationales
        host.sentences += dm.sentences
    return out


def _restricts_the_same(other: DocMeasure, dm: DocMeasure) -> bool:
    return (
        other.family in ("restrictive", "app_store")
        and other.jurisdiction == dm.jurisdiction
        and bool(other.products & dm.products)
    )


def _fold_investigations(measures: list[DocMeasure]) -> list[DocMeasure]:
    """An investigation by a place that also restricts the product in the same document is a
    step of that case ("the watchdog blocked the app and opened an investigation"), not a
    measure of its own."""
    return _fold_steps(
        measures,
        lambda dm: dm.family == "warning" and dm.cues <= {"investigation"},
        _restricts_the_same,
    )


def _fold_proposals(measures: list[DocMeasure], folded: str) -> list[DocMeasure]:
    """A proposal that the same document reports as decided ("stelt de schepen voor om Grok te
    blokkeren" in the council decision that blocks it) is a step of the decision, not a
    measure of its own; a bill stays a proposal whatever else the text reports."""

    def is_step(dm: DocMeasure) -> bool:
        said = [c for c in dm.claims if c.field == "action"]
        return (
            dm.action == "proposal"
            and bool(said)
            and not any(BILL.search(folded, c.quote_start, c.quote_end) for c in said)
        )

    return _fold_steps(
        measures,
        is_step,
        lambda other, dm: other.role == "news" and _restricts_the_same(other, dm),
    )


def _names_a_body(actor: dict) -> bool:
    """A deciding body the timeline can name; 'the government' or 'the city' only point to one."""
    return actor.get("decides", True) and not actor["jurisdiction"].startswith("context:")


def _place_jurisdiction(
    mention: Mention, ref: Reference, context: dict[str, str | None] | None = None
) -> str | None:
    if mention.kind == "actor":
        jurisdiction = ref.actors[mention.value]["jurisdiction"]
    else:
        jurisdiction = mention.value
    if jurisdiction.startswith("context:"):
        return (context or {}).get(jurisdiction.split(":", 1)[1])
    return jurisdiction


FEDERATIONS = {"be", "us", "ca", "de", "at", "ch", "au", "br", "in", "my", "ru"}


def document_context(
    facts: list[SentenceFacts], ref: Reference, publisher_country: str | None
) -> dict[str, str | None]:
    """What 'the government' and 'the federal government' of a document refer to: the
    publisher's country when it fits, else the country the document mentions most."""
    counts: dict[str, int] = {}
    for f in facts:
        for m in f.places:
            country = ref.country_of(_place_jurisdiction(m, ref, None) or "")
            if country and ref.jurisdictions[country]["level"] == "national":
                counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    home = publisher_country if publisher_country in ref.jurisdictions else None
    lead = {
        ref.country_of(_place_jurisdiction(m, ref, None) or "")
        for f in facts
        if f.sentence.index <= 2
        for m in f.places
    } - {None}
    if home is not None and not counts.get(home) and lead:
        # a paper abroad writing about another country: 'the government' is that country's
        home = max(sorted(lead), key=lambda c: counts.get(c, 0))
    federal = next((c for c in ranked if c in FEDERATIONS), None)
    if home in FEDERATIONS and counts.get(home, 0) >= counts.get(federal or "", 0):
        federal = home  # 'the federal government' of a Belgian paper, unless it is about the US
    national = home or (ranked[0] if ranked else None)
    cities: dict[str, int] = {}
    for f in facts:
        for m in f.places:
            place = _place_jurisdiction(m, ref, None)
            if place in ref.jurisdictions and ref.jurisdictions[place]["level"] == "municipal":
                cities[place] = cities.get(place, 0) + 1
    municipal = max(sorted(cities), key=lambda c: cities[c]) if cities else None
    context: dict[str, str | None] = {
        "federal": federal,
        "national": national,
        "municipal": municipal,
        # "the House of Representatives": the lower house of the country the text is about
        "lower_house": next(
            (
                j
                for j, row in ref.jurisdictions.items()
                if row.get("lower_house") and row.get("parent") in (national, federal)
            ),
            None,
        ),
    }
    regions: dict[str, int] = {}
    for f in facts:
        for m in f.places:
            place = _place_jurisdiction(m, ref, None)
            row = ref.jurisdictions.get(place or "")
            if row is not None and row["level"] not in ("national", "supranational"):
                regions[place] = regions.get(place, 0) + 1
    for place in sorted(regions, key=lambda r: (-regions[r], r)):
        context.setdefault(f"region:{ref.country_of(place)}", place)
    return context


def _attach_reasons(
    measures: list[DocMeasure], facts: list[SentenceFacts], claims: list[Claim], document_id: str
) -> None:
    """Reasons often come apart from the decision ("The city cites privacy ..."): the sentence
    after a measure's sentence, and, when a document reports one measure as news, any sentence
    that does not report a measure of its own."""
    reporting = {i for dm in measures for i in dm.sentences}
    by_index: dict[int, list[SentenceFacts]] = {}
    for f in facts:
        by_index.setdefault(f.sentence.index, []).append(f)
    news = [dm for dm in measures if dm.role == "news"]
    for dm in measures:
        indexes = {i + 1 for i in dm.sentences}
        if len(news) == 1 and dm is news[0]:
            indexes |= set(by_index)
        for index in sorted(indexes - reporting):
            for following in by_index.get(index, []):
                for m in following.rationales:
                    if m.value in dm.rationales:
                        continue
                    dm.rationales.add(m.value)
                    _add_mention(dm, claims, document_id, "rationale", m, following.sentence)


def compatible_dates(a: list[date], b: list[date], days: int = 150) -> bool:
    if not a or not b:
        return True
    return abs((min(a) - min(b)).days) <= days


def _adopted_then_in_force(a: DocMeasure, b: DocMeasure) -> bool:
    """A law passed in one year that applies from the next: one report dates only its adoption,
    the other only its start, and the start follows the adoption."""
    for first, second in ((a, b), (b, a)):
        passed = [e.date for e in first.events if e.type in ("adopted", "vote")]
        starts = [e.date for e in second.events if e.type == "in_force"]
        if (
            passed
            and starts
            and all(e.type in ("adopted", "vote") for e in first.events if e.type in ORIGIN_EVENTS)
            and all(e.type == "in_force" for e in second.events if e.type in ORIGIN_EVENTS)
            and 0 <= (min(starts) - max(passed)).days <= 3 * 365
        ):
            return True
    return False


def _same_family(a: DocMeasure, b: DocMeasure) -> bool:
    """Same kind of measure. Removal from app stores is the consequence of a ban or block
    when the same body (or no named body) is behind both."""
    if a.family == b.family:
        return True
    if {a.family, b.family} == {"restrictive", "app_store"}:
        store, other = (a, b) if a.family == "app_store" else (b, a)
        if not compatible_dates(store.origin_dates(), other.origin_dates(), days=3):
            # "ministries blocked access earlier this month ... downloads suspended on 15
            # February": two steps, each with its own day
            return False
        return set(store.actors) <= set(other.actors)
    return False


def _absorb(target: DocMeasure, dm: DocMeasure) -> None:
    """Fold what one report of a measure says into another report of the same measure."""
    target.actions += dm.actions
    target.products |= dm.products
    target.scope |= dm.scope
    target.rationales |= dm.rationales
    target.actors += dm.actors
    target.officials += dm.officials
    target.events += dm.events
    target.claims += dm.claims
    target.precedents += dm.precedents
    target.sentences += dm.sentences
    target.cues |= dm.cues
    target.immediate = target.immediate or dm.immediate
    target.extension = target.extension or dm.extension
    target.vote = target.vote or dm.vote
    target.lifted = target.lifted or dm.lifted
    if dm.role == "news":
        target.role = "news"


def _place_headlines(measures: list[DocMeasure]) -> list[DocMeasure]:
    """A headline that names no place ("DeepSeek pulled from app stores") announces the measure
    the body then reports with its place; the place it would otherwise inherit (a dateline, the
    first country the text happens to name) is a guess. It joins the first measure of the same
    kind and product that named its place."""
    out = []
    for dm in measures:
        host = None
        if not dm.placed and dm.sentences == [0]:
            same_kind = [
                other
                for other in measures
                if other is not dm and other.family == dm.family and other.products & dm.products
            ]
            # the lead's measure is the one the headline announces, even when the lead names
            # its place only through the publisher ('le ministre ... a annoncé'); else the
            # first one that named its place
            host = next(
                (o for o in same_kind if min(o.sentences) <= LEAD_SENTENCES and o.role == "news"),
                None,
            ) or next((o for o in same_kind if o.placed), None)
        if host is None:
            out.append(dm)
            continue
        dm.claims = [c for c in dm.claims if c.field != "jurisdiction"]
        # the headline's loose word ("geweerd", "banned") does not outvote the words the
        # body uses for this place's measure ("the regulator ordered it to stop processing")
        dm.actions = [(kind, 0.01) for kind, _ in dm.actions]
        _absorb(host, dm)
    return out


def merge_document_measures(measures: list[DocMeasure]) -> list[DocMeasure]:
    """Sentences of one document about the same measure become one DocMeasure: first the
    reports of one kind, then an app-store removal with the ban or block it follows from
    (so that "Südkorea stoppt Downloads" joins the lead's removal from the stores, not the
    ministries' block the body recalls)."""
    same_kind = _merge(measures, cross_family=False)
    return _merge(same_kind, cross_family=True)


def _merge(measures: list[DocMeasure], cross_family: bool) -> list[DocMeasure]:
    merged: list[DocMeasure] = []
    for dm in sorted(measures, key=lambda m: m.family != "restrictive"):
        target = None
        for candidate in merged:
            if candidate.jurisdiction != dm.jurisdiction or not _same_family(candidate, dm):
                continue
            if not cross_family and candidate.family != dm.family:
                continue
            if not (candidate.products & dm.products):
                continue
            if not compatible_dates(
                candidate.origin_dates(), dm.origin_dates()
            ) and not _adopted_then_in_force(candidate, dm):
                continue
            target = candidate
            break
        if target is None:
            merged.append(dm)
            continue
        _absorb(target, dm)
    return merged
