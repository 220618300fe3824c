"""Offsets survive folding; dates are found and resolved against the publication date."""

from datetime import date

from db.dates import find_dates
from db.decoding import decode_body
from db.text import fold, split_sentences


def test_fold_keeps_offsets():
    text = "Réglementation à Gand – l’échevin"
    assert len(fold(text)) == len(text)
    assert fold(text) == "reglementation a gand - l'echevin"


def test_sentences_keep_offsets_and_abbreviations():
    text = (
        "Dat zei minister Matz op 11 sept. 2025 in Brussel. Vanaf 1 december geldt het.\n\nNieuw."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Dat zei minister Matz op 11 sept. 2025 in Brussel.",
        "Vanaf 1 december geldt het.",
        "Nieuw.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def dates(text: str, language: str, published: date) -> list[tuple[str, str]]:
    return [(d.value.isoformat(), d.precision) for d in find_dates(fold(text), language, published)]


def test_explicit_dates_in_four_languages():
    published = date(2025, 9, 11)
    assert dates("vanaf maandag 1 december", "nl", published) == [("2025-12-01", "day")]
    assert dates("dès le 1er décembre 2025", "fr", published) == [("2025-12-01", "day")]
    assert dates("am 1. Dezember 2025", "de", published) == [("2025-12-01", "day")]
    assert dates("on December 1, 2025", "en", published) == [("2025-12-01", "day")]
    assert dates("im März 2023", "de", published) == [("2023-03-01", "month")]


def test_relative_dates_follow_the_wording():
    published = date(2025, 12, 3)  # a Wednesday
    assert dates("maandag", "nl", published) == [("2025-12-01", "day")]
    assert dates("vanaf maandag", "nl", published) == [("2025-12-08", "day")]
    assert dates("jeudi", "fr", published) == [("2025-11-27", "day")]
    assert dates("gestern", "de", published) == [("2025-12-02", "day")]


def test_declared_charset_lies_are_caught():
    cp1252 = "Réglementation".encode("cp1252")
    decoded = decode_body(cp1252, "text/html; charset=utf-8")
    assert decoded.text == "Réglementation" and decoded.warning
    utf8 = "Réglementation".encode()
    decoded = decode_body(utf8, "text/html; charset=windows-1252")
    assert decoded.text == "Réglementation" and decoded.warning


def test_a_weekday_in_that_days_paper():
    monday = date(2025, 12, 1)
    assert dates("vanaf maandag", "nl", monday) == [("2025-12-01", "day")]
    assert dates("ab Montag", "de", monday) == [("2025-12-01", "day")]
    assert dates("volgende maandag", "nl", monday) == [("2025-12-08", "day")]
