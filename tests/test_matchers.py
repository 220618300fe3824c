"""The fast matchers give exactly what the plain regular expressions give: they only decide
where to try a pattern, never whether it matches. Checked on every demo page and evaluation
text in its own language."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from functools import cache

import pytest
import yaml

from bantracker.config import DEMO_PAGES_DIR, REPO_ROOT
from db import dates as dates_module
from db.reference import patterns_for
from db.text import LiteralStartPattern, first_literals, fold, split_sentences
from tests.helpers import demo_pages


@cache
def corpus() -> list[tuple[str, str]]:
    """(language, text) of the evaluation sets and of the demo's HTML pages (as raw text)."""
    texts = []
    for path in sorted((REPO_ROOT / "eval").glob("*/[gh]-*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts.append((data["language"], f"{data['title']}\n\n{data['text']}"))
    for folder in sorted(DEMO_PAGES_DIR.iterdir()):
        for page in demo_pages(folder.name) if (folder / "manifest.yml").exists() else []:
            if "html" in page.content_type:
                raw = page.path.read_bytes().decode("utf-8", "replace")
                texts.append(("en", re.sub(r"<[^>]+>", " ", raw)))
    return texts


def plain_find(index, folded: str) -> list[tuple[int, int, str]]:
    """What CueIndex.find did before the automaton: every cue's pattern at every word start."""
    found = []
    for word in re.finditer(r"(?<![\w])\w", folded):
        at = word.start()
        for pattern, key in index.by_prefix.get(folded[at : at + 3], ()):
            match = pattern.match(folded, at)
            if match:
                found.append((at, match.end(), key))
    for key, pattern in index.leftovers.items():
        found.extend((m.start(), m.end(), key) for m in pattern.compiled.finditer(folded))
    return sorted(found)


@pytest.mark.parametrize("language", ["nl", "fr", "en", "de"])
def test_cue_indexes_find_what_the_plain_patterns_find(language):
    patterns = patterns_for(language)
    for _, text in corpus():
        folded = fold(text)
        for index in (patterns.actions, patterns.scopes, patterns.rationales, patterns.modifiers):
            assert index.find(folded, 0, len(folded)) == plain_find(index, folded)
        if patterns.acronyms is not None:
            fast = [m.span() for m in patterns.acronyms.finditer(text)]
            assert fast == [m.span() for m in patterns.acronyms.compiled.finditer(text)]


def test_literal_start_patterns_keep_finditer_semantics():
    pattern = re.compile(r"(?<![\w])(?:ban|verbod)\w*|(?:geen\s+\w+\s+meer)|-verbot")
    assert first_literals(pattern) == {"ban", "verbod", "geen", "-verbot"}
    fast = LiteralStartPattern(pattern)
    text = "banned; geen TikTok meer; urban bans; tiktok-verbot and verboden, banban"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert first_literals(re.compile(r"\w+ban")) is None  # cannot tell: runs as usual
    assert [m.span() for m in LiteralStartPattern(re.compile(r"\w+ban")).finditer(text)] == [
        m.span() for m in re.finditer(r"\w+ban", text)
    ]


@pytest.mark.parametrize("language", ["nl", "fr", "en", "de"])
def test_date_trigger_check_changes_no_result(language, monkeypatch):
    grammar = dates_module.grammar(language)
    assert grammar.triggers is not None
    plain = dataclasses.replace(grammar, triggers=None)
    published = date(2025, 9, 11)
    for _, text in corpus():
        folded = fold(text)
        for sentence in split_sentences(text):
            part = folded[sentence.start : sentence.end]
            fast = dates_module.find_dates(part, language, published)
            with monkeypatch.context() as patched:
                patched.setattr(dates_module, "grammar", lambda _language: plain)
                assert dates_module.find_dates(part, language, published) == fast


def test_the_action_gate_changes_no_result(monkeypatch):
    """extract() stops early on pages that name a product but no action word; on every
    evaluation text and demo page that answer is exactly what the full analysis gives."""
    from db import claims

    documents = []
    for path in sorted((REPO_ROOT / "eval").glob("*/[gh]-*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = f"{data['title']}\n\n{data['text']}"
        documents.append(
            (data["id"], text, data["language"], date.fromisoformat(str(data["published"])))
        )
    gated = 0
    for doc_id, text, language, published in documents:
        fast = claims.extract(doc_id, text, language, published)
        with monkeypatch.context() as patched:
            patched.setattr(claims, "ACTION_GATE", False)
            full = claims.extract(doc_id, text, language, published)
        assert fast == full, doc_id
        scan = claims.Scan.of(text, fold(text), patterns_for(language))
        named = any(m.kind == "product" for m in scan.entities)
        gated += named and not scan.cues["actions"]
    assert gated >= 5  # the early answer is exercised, not only the full analysis
