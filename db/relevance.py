"""Whether a page could report a measure, decided on its raw HTML before it is parsed.

A page enters the tracker only when its text uses an action word (ban, block, restrict, lift,
vote, warn... in any of the four languages, from `db/lexicon/actions.yml`) or a suspension stem
(an app "suspended" as a whole is blocked): every measure starts from one, and the claim
extractor answers "nothing here" for a page without one. Most pages of
a wide crawl are such pages, and finding out on the extracted text costs the text extractor
(trafilatura, the most expensive step of a build). This gate looks for the same words in a
rough text of the raw page, made with two regular expressions, and lets the build skip the
parse when there are none.

The rough text is a superset of what the extractor can return: inline tags are dropped (so a
word split by `<em>` stays whole), every other tag becomes a space, entities are decoded, and
the values of `<meta content>` and JSON-LD, where titles and descriptions come from, are kept.
Scripts and styles are dropped because the extractor never returns them (their code says
"block" and "display" everywhere). A match in the real text is therefore a match here, and the
gate never drops a page the extractor would have kept; `tests/test_relevance.py` checks that on
every demo page and every evaluation text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from db.reference import LANGUAGES, load_reference
from db.text import CueIndex, fold

# The patterns are written for Python's engine: a look-ahead on the first letter keeps the
# alternation of tag names from being tried at every "<", and the script body is read in runs of
# characters other than "<" instead of one lazy step at a time (five and three times faster).
_SCRIPT_OR_STYLE = re.compile(
    r"<(?=[sS])(script|style)\b([^>]*)>([^<]*(?:<(?!/\1)[^<]*)*)</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_JSON_LD = re.compile(r"application/ld\+json", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_META_CONTENT = re.compile(r"<meta\b[^>]*?\bcontent\s*=\s*(\"[^\"]*\"|'[^']*')", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?=[abcdefikmqstuvw])(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|"
    r"samp|small|span|strong|sub|sup|time|u|var|wbr)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


# An app suspended as a whole ("le gouvernement suspend TikTok") is blocked, though no action
# word says so (db/claims.py reads it so): these stems let such a page through.
SUSPENSION_STEMS = ("suspen", "schors", "aussetz")


@lru_cache(maxsize=1)
def action_words() -> CueIndex:
    """Every action cue of every language in one index."""
    table: dict[str, list[str]] = {}
    for key, by_language in load_reference().actions.items():
        for language in LANGUAGES:
            table.setdefault(key, []).extend((by_language or {}).get(language, []))
    return CueIndex(table)


def rough_text(page: str) -> str:
    """The page's words without markup: more than the extractor returns, never less."""
    kept: list[str] = [m.group(1)[1:-1] for m in _META_CONTENT.finditer(page)]

    def script(match: re.Match[str]) -> str:
        if _JSON_LD.search(match.group(2)):
            kept.append(_JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), match.group(3)))
        return " "

    text = _SCRIPT_OR_STYLE.sub(script, page)
    text = _COMMENT.sub(" ", text)
    text = _ANY_TAG.sub(" ", _INLINE_TAG.sub("", text))
    return html.unescape(" ".join([text, *kept]))


def could_report(page: str, hints: dict | None = None) -> bool:
    """False only when neither the page nor its feed entry uses any action word (or a
    suspension stem)."""
    text = rough_text(page)
    if hints:
        text += " " + " ".join(str(v) for v in hints.values() if isinstance(v, str))
    folded = fold(text)
    return action_words().any(folded) or any(stem in folded for stem in SUSPENSION_STEMS)
