"""Offsets survive folding; dates are found and resolved against the publication date."""

from datetime import date

from db.dates import find_dates
from db.decoding import decode_body
from db.text import fold, split_sentences


def test_fold_keeps_offsets():
    text = "Réglementation à Gand – l’échevin"
    assert len(fold(text)) == len(text)
    assert fold(text) == "reglementation a gand - l'echevin"


def test_fold_is_the_same_character_by_character():
    """fold() lower-cases ASCII in C and only looks up the other characters: the result is
    what folding each character alone gives, also for characters whose lower case is longer
    or ASCII (the Kelvin sign), capitals with accents and typographic punctuation."""
    from db.text import _fold_char

    for text in (
        "ÉCOLE Straße ẞ Ölförbud – „Verbot“ ’s-Hertogenbosch Œuvre",
        "İstanbul yasakladı TikTok’u",  # 'İ'.lower() is two characters
        "5 \u212a-pop KELVIN \u212a",
        "Ĳsland ǅ ﬁnal Ⅻ",
    ):
        assert fold(text) == "".join(_fold_char(c) for c in text), text
        assert len(fold(text)) == len(text)


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


def test_a_year_word_after_the_day_and_month():
    published = date(2024, 8, 23)
    assert dates("op 13 november vorig jaar", "nl", published) == [("2023-11-13", "day")]
    assert dates("on November 13 last year", "en", published) == [("2023-11-13", "day")]
    assert dates("le 13 novembre de l'an dernier", "fr", published)[0][0].startswith("20")
    assert dates("am 13. November letzten Jahres", "de", published) == [("2023-11-13", "day")]


def test_a_month_without_year_is_the_last_one_unless_the_words_look_ahead():
    published = date(2025, 12, 1)
    assert dates("hatte im Januar gesperrt", "de", published) == [("2025-01-01", "month")]
    assert dates("was blocked in February.", "en", published) == [("2025-02-01", "month")]
    assert dates("de regel zal in januari ingaan", "nl", published) == [("2026-01-01", "month")]


def test_days_counted_from_the_date_just_given():
    published = date(2025, 1, 18)
    got = dates("votée le 23 avril 2024, puis promulguée le lendemain", "fr", published)
    assert got == [("2024-04-23", "day"), ("2024-04-24", "day")]
    got = find_dates(fold("Een dag later volgde Maleisië."), "nl", published, date(2026, 1, 10))
    assert [d.value.isoformat() for d in got] == ["2026-01-11"]
    got = find_dates(
        fold("Seit diesem Tag gilt es: am selben Tag"), "de", published, date(2023, 3, 10)
    )
    assert [d.value.isoformat() for d in got] == ["2023-03-10"]


def test_weeks_are_kept_as_their_month_and_datelines_are_not_events():
    published = date(2025, 2, 11)
    assert dates("dienden vorige week een voorstel in", "nl", published) == [
        ("2025-02-01", "month")
    ]
    assert dates("the bill introduced last week", "en", published) == [("2025-02-01", "month")]
    assert dates("NEW DELHI, June 30 (IPA) - The government banned", "en", published) == []


def test_a_past_tense_outweighs_a_forward_word():
    published = date(2025, 2, 17)  # a Monday
    got = dates("the app had been removed as of 6 p.m. on Saturday", "en", published)
    assert got == [("2025-02-15", "day")]
    assert dates("the rule applies from Saturday", "en", published) == [("2025-02-22", "day")]


def test_a_month_with_the_year_named_after_it():
    published = date(2025, 11, 7)
    assert dates("eind november vorig jaar", "nl", published) == [("2024-11-01", "month")]
    assert dates("in March last year", "en", published) == [("2024-03-01", "month")]


def test_a_part_of_a_year_named_against_publication():
    published = date(2025, 3, 12)
    assert dates("at the end of last year, albania", "en", published) == [("2024-12-01", "month")]
    assert dates("eind vorig jaar verbood albanie", "nl", published) == [("2024-12-01", "month")]
    assert dates("fin de l'annee derniere, l'albanie", "fr", published) == [("2024-12-01", "month")]
    assert dates("ende vergangenen jahres verboten", "de", published) == [("2024-12-01", "month")]
    assert dates("anfang dieses jahres", "de", published) == [("2025-01-01", "month")]


def test_since_a_month_without_a_year():
    published = date(2025, 3, 12)
    for text, language in (
        ("seit januar verboten", "de"),
        ("since january", "en"),
        ("depuis janvier", "fr"),
        ("sinds januari verboden", "nl"),
    ):
        assert dates(text, language, published) == [("2025-01-01", "month")], (text, language)


def test_a_month_of_that_year_takes_the_year_the_text_gave_last():
    published = date(2026, 6, 23)
    text = fold("In maart van dat jaar verboden de federale en de Vlaamse regering de app.")
    assert [(d.value, d.precision) for d in find_dates(text, "nl", published, None, 2023)] == [
        (date(2023, 3, 1), "month")
    ]
    # no year given before: no date, rather than the publication year's March
    assert find_dates(text, "nl", published) == []


def test_french_step_words_agree_with_their_noun():
    """'une loi adoptée en décembre': the participle agrees, the step is still an adoption."""
    from db.claims import extract

    text = (
        "TikTok\n\nAux États-Unis, une loi adoptée en décembre 2022 interdit TikTok sur les "
        "appareils fédéraux."
    )
    extraction = extract("t", text, "fr", date(2023, 2, 28), publisher_country="ca")
    steps = {
        (m.jurisdiction, e.type, e.date.isoformat()) for m in extraction.measures for e in m.events
    }
    assert ("us", "adopted", "2022-12-01") in steps


def test_may_after_a_bare_number_is_the_verb():
    published = date(2025, 6, 1)
    assert dates("Children under 16 may no longer hold accounts.", "en", published) == []
    assert dates("Users aged 13 may keep their accounts.", "en", published) == []
    # the month after a preposition, a sentence start, or with its year
    assert dates("The ban starts on 16 May and covers TikTok.", "en", published) == [
        ("2025-05-16", "day")
    ]
    assert dates("It was signed. 16 May was the day.", "en", published) == [("2025-05-16", "day")]
    assert dates("Under 16 May 2025 rules.", "en", published) == [("2025-05-16", "day")]


def test_the_middle_of_a_month_in_four_languages():
    published = date(2025, 2, 12)
    for text, language in (
        ("à la mi-janvier", "fr"),
        ("in mid-January", "en"),
        ("medio januari", "nl"),
        ("Mitte Januar", "de"),
    ):
        assert dates(text, language, published) == [("2025-01-01", "month")], text
