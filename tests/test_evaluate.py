"""Extraction against the annotated set (eval/gold), written apart from the extractor.

These floors guard against regressions; the target bars (0.90 for the triple, 0.85 for event
dates) are tracked in the evaluation issue and printed by `bantracker evaluate eval/gold`.
"""

from datetime import date

from bantracker.config import REPO_ROOT
from db.claims import extract
from db.evaluate import evaluate, load_gold


def test_extraction_does_not_regress():
    report = evaluate(REPO_ROOT / "eval" / "gold")
    assert report.documents >= 60
    triple = report.score("jurisdiction+product+action")
    assert triple.precision >= 0.72 and triple.recall >= 0.55, (triple.precision, triple.recall)
    dates = report.score("event dates")
    assert dates.precision >= 0.5 and dates.recall >= 0.25, (dates.precision, dates.recall)


def test_documents_without_a_measure_mostly_yield_none():
    gold = [d for d in load_gold(REPO_ROOT / "eval" / "gold") if not d["expected"]]
    assert len(gold) >= 15
    quiet = 0
    for doc in gold:
        published = date.fromisoformat(str(doc["published"]))
        text = f"{doc['title']}\n\n{doc['text']}"
        quiet += not extract(doc["id"], text, doc["language"], published).measures
    assert quiet / len(gold) >= 0.8, f"{quiet} of {len(gold)} no-ban documents yield nothing"
