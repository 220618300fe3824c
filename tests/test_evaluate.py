"""Extraction against the annotated sets.

eval/gold, eval/heldout, eval/heldout2, eval/dev2, eval/heldout3 and eval/heldout4 are
development sets (rules were written while reading them); a new unseen set replaces the last
one read. The floors guard against regressions and sit just under the figures measured when
they were set; the target bars (0.90 for the triple, 0.85 for event dates) are tracked in the
evaluation issue and printed by `bantracker evaluate DIR`.
"""

from datetime import date

import pytest

from bantracker.config import REPO_ROOT
from db.claims import extract
from db.evaluate import evaluate, load_gold

# set: (documents, triple precision, triple recall, date precision, date recall)
FLOORS = {
    "gold": (60, 0.98, 0.96, 0.87, 0.83),  # 0.985 0.970 / 0.881 0.846
    "heldout": (24, 0.92, 0.95, 0.88, 0.94),  # 0.930 0.952 / 0.891 0.942
    # heldout2 was never read until its first score (0.641 0.500 / 0.643 0.450), then used
    # for development, like dev2 (first score 0.644 0.588 / 0.672 0.581)
    "heldout2": (24, 0.86, 0.86, 0.84, 0.80),  # 0.880 0.880 / 0.864 0.826
    "dev2": (30, 0.81, 0.79, 0.78, 0.69),  # 0.833 0.812 / 0.802 0.711
    # heldout3 was never read until session 4 (first score 0.639 0.568 / 0.509 0.424, last
    # unseen score 0.680 0.630 / 0.574 0.486), then used for development
    "heldout3": (24, 0.79, 0.73, 0.74, 0.69),  # 0.813 0.753 / 0.766 0.711
    # heldout4 was never read until its misses were read in session 4 (first score 0.796
    # 0.524 / 0.575 0.646, last unseen score at 9c09402 0.800 0.585 / 0.600 0.686)
    "heldout4": (24, 0.93, 0.83, 0.81, 0.87),  # 0.959 0.854 / 0.833 0.891
    # heldout5 was never read until its misses were read in session 4 (first score 0.747
    # 0.729 / 0.841 0.813, last unseen score at 0bd2bbb 0.756 0.729 / 0.833 0.824)
    "heldout5": (24, 0.86, 0.86, 0.87, 0.89),  # 0.882 0.882 / 0.891 0.916
    # heldout6 was never read until its misses were read in session 4 (first and last unseen
    # score at 67b48e6: 0.689 0.662 / 0.750 0.667)
    "heldout6": (24, 0.88, 0.82, 0.82, 0.75),  # 0.903 0.844 / 0.841 0.771
    # heldout7 was never read until its misses were read in session 5 (first and last unseen
    # score, c3d0570 to a69272c: 0.699 0.708 / 0.634 0.634)
    "heldout7": (24, 0.89, 0.84, 0.86, 0.88),  # 0.912 0.861 / 0.880 0.901
    # heldout8: first unseen score at 3ceea34 (0.726 0.652 / 0.648 0.687), then read
    "heldout8": (24, 0.95, 0.88, 0.83, 0.86),  # 0.969 0.899 / 0.856 0.883
    # heldout9: first unseen score at c0aedc5 (0.803 0.740 / 0.553 0.662), then read
    "heldout9": (24, 0.92, 0.87, 0.86, 0.86),  # 0.945 0.896 / 0.880 0.880
    # heldout10: first unseen score at 127733e (0.836 0.648 / 0.783 0.671), then read
    "heldout10": (24, 0.87, 0.83, 0.84, 0.80),  # 0.897 0.859 / 0.863 0.828
    # heldout11: first unseen score at b8089b7 (0.693 0.754 / 0.746 0.667), then read
    "heldout11": (24, 0.80, 0.87, 0.78, 0.71),  # 0.827 0.899 / 0.800 0.731
    # never read: the honest figure for unseen text (first score, at e53a4f0)
    "heldout12": (24, 0.70, 0.58, 0.78, 0.69),  # 0.727 0.608 / 0.803 0.713
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_extraction_does_not_regress(name):
    documents, triple_p, triple_r, date_p, date_r = FLOORS[name]
    report = evaluate(REPO_ROOT / "eval" / name)
    assert report.documents >= documents
    triple = report.score("jurisdiction+product+action")
    assert triple.precision >= triple_p and triple.recall >= triple_r, (
        triple.precision,
        triple.recall,
    )
    dates = report.score("event dates")
    assert dates.precision >= date_p and dates.recall >= date_r, (dates.precision, dates.recall)


def test_documents_without_a_measure_mostly_yield_none():
    gold = [d for d in load_gold(REPO_ROOT / "eval" / "gold") if not d["expected"]]
    assert len(gold) >= 15
    quiet = 0
    for doc in gold:
        published = date.fromisoformat(str(doc["published"]))
        text = f"{doc['title']}\n\n{doc['text']}"
        quiet += not extract(doc["id"], text, doc["language"], published).measures
    assert quiet / len(gold) >= 0.8, f"{quiet} of {len(gold)} no-ban documents yield nothing"


def found(text: str, language: str, published: date, country: str | None = None) -> set:
    extraction = extract("t", text, language, published, publisher_country=country)
    return {(m.jurisdiction, p, m.action) for m in extraction.measures for p in m.products}


def events(text: str, language: str, published: date, country: str | None = None) -> set:
    extraction = extract("t", text, language, published, publisher_country=country)
    return {
        (m.jurisdiction, e.type, e.date.isoformat()) for m in extraction.measures for e in m.events
    }


def test_a_country_word_that_only_locates_a_state():
    published = date(2023, 12, 1)
    text = "Rechter stopt verbod\n\nDe Amerikaanse staat Montana verbiedt TikTok in de hele staat."
    assert found(text, "nl", published, "nl") == {("us-mt", "tiktok", "ban")}
    text = "Juge\n\nLe Montana est le premier État américain à interdire TikTok."
    assert found(text, "fr", published, "ca") == {("us-mt", "tiktok", "ban")}


def test_a_similar_step_is_taken_by_the_place_the_text_moves_to():
    published = date(2025, 2, 12)
    text = (
        "States act\n\nNew York banned DeepSeek on state devices on Monday. "
        "A day later, Virginia took a similar step. "
        "Governor Glenn Youngkin on Tuesday signed an order that bars DeepSeek from state devices."
    )
    assert ("us-va", "deepseek", "ban") in found(text, "en", published, "us")
    text = (
        "TikTok\n\nLe gouvernement fédéral a interdit TikTok sur les appareils de service. "
        "Le gouvernement flamand avait pris une décision comparable la veille."
    )
    assert ("be-vlg", "tiktok", "ban") in found(text, "fr", date(2023, 3, 17), "be")


def test_immediate_effect_puts_the_measure_in_force_the_day_it_is_announced():
    published = date(2023, 5, 12)
    text = (
        "Wien\n\nDie Stadt Wien verbietet TikTok ab sofort auf Diensthandys. "
        "Das hieß es am Freitag."
    )
    got = events(text, "de", published, "at")
    assert ("at-9", "announced", "2023-05-12") in got and ("at-9", "in_force", "2023-05-12") in got
    text = "UK\n\nThe UK banned TikTok on government phones on Thursday, effective immediately."
    got = events(text, "en", date(2023, 3, 16), "gb")
    assert ("gb", "in_force", "2023-03-16") in got


def test_an_investigation_by_the_regulator_that_blocked_is_part_of_the_block():
    published = date(2025, 2, 1)
    text = (
        "Italië\n\nDe Italiaanse privacywaakhond Garante blokkeerde DeepSeek donderdag. "
        "De toezichthouder opende ook een onderzoek naar de app."
    )
    assert found(text, "nl", published, "be") == {("it", "deepseek", "block")}


def test_a_measure_and_its_end_in_one_sentence():
    published = date(2025, 6, 27)
    text = (
        "DeepSeek\n\nIn Südkorea stoppte die Datenschutzkommission PIPC im Februar neue Downloads "
        "in den App-Stores, Ende April kehrte die App dort zurück."
    )
    assert found(text, "de", published, "de") == {("kr", "deepseek", "remove_from_app_store")}
    got = events(text, "de", published, "de")
    assert got == {("kr", "in_force", "2025-02-01"), ("kr", "lifted", "2025-04-01")}


def test_a_date_in_an_after_clause_dates_another_event():
    published = date(2023, 5, 19)
    text = (
        "Schools\n\nThe city's schools blocked ChatGPT on their networks shortly after "
        "the tool's public release on Nov. 30, 2022."
    )
    assert not {e for e in events(text, "en", published, "us") if e[2] == "2022-11-30"}


def test_not_allowed_any_more_is_a_ban_in_four_languages():
    published = date(2025, 3, 5)
    assert found(
        "Apps\n\nIn Österreich sind TikTok und Instagram auf Diensthandys nicht mehr erlaubt.",
        "de",
        published,
        "at",
    ) == {("at", "tiktok", "ban"), ("at", "instagram", "ban")}
    assert ("be-vlg", "chatgpt", "ban") in found(
        "AI\n\nHet gebruik van ChatGPT is voor Vlaamse ambtenaren niet toegestaan.", "nl", published
    )
    assert ("fr", "tiktok", "ban") in found(
        "Apps\n\nEn France, TikTok et Instagram ne sont plus autorisés sur les téléphones "
        "des élus.",
        "fr",
        published,
    )
    # "not be allowed to fall into Beijing's hands" is no ban
    assert not found(
        "Data\n\nIn the US, Gottheimer said DeepSeek data could not be allowed to fall into "
        "Beijing's hands.",
        "en",
        published,
        "us",
    )


def test_a_country_gives_advice_through_its_government():
    published = date(2023, 3, 22)
    text = "Apps\n\nAm Dienstag rieten die Niederlande ihren Beamten davon ab, TikTok zu nutzen."
    assert found(text, "de", published, "ch") == {("nl", "tiktok", "warning")}
    # commentators of a country are not the country
    text = "Apps\n\nNiederländische Experten warnten am Dienstag vor TikTok."
    assert not found(text, "de", published, "ch")


def test_a_measure_waits_for_the_product_named_after_it():
    published = date(2023, 3, 21)
    text = (
        "Kabinet ontraadt apps op werktelefoons\n\n"
        "Rijksambtenaren wordt met onmiddellijke ingang ontraden om apps te gebruiken van "
        "bedrijven uit landen met een offensief cyberprogramma. Het advies geldt voor "
        "werktelefoons.\n\nAanleiding is de discussie over de app TikTok."
    )
    assert found(text, "nl", published, "nl") == {("nl", "tiktok", "warning")}
    # a product merely named next is not the target; nor one another place acts on
    text = (
        "Sociale media\n\nHet Nederlandse kabinet heeft een verbod op sociale media voor kinderen "
        "besproken. Volgens experts is TikTok het populairst."
    )
    assert not found(text, "nl", published, "nl")


def test_an_extension_and_the_products_already_on_the_list():
    published = date(2025, 11, 7)
    text = (
        "Verbod\n\nAustralië breidt zijn socialemediaverbod voor jongeren uit. "
        "Het discussieplatform Reddit komt op de lijst van diensten die vanaf 10 december "
        "geen accounts van tieners meer mogen hebben. "
        "Dat maakte toezichthouder eSafety eerder deze week bekend.\n\n"
        "Eerder stonden al Facebook, TikTok en X op die lijst."
    )
    assert found(text, "nl", published, "nl") == {
        ("au", p, "ban") for p in ("reddit", "facebook", "tiktok", "x")
    }
    got = events(text, "nl", published, "nl")
    assert ("au", "extended", "2025-11-01") in got and ("au", "in_force", "2025-12-10") in got


def test_a_bill_that_says_what_may_no_longer_be_done_is_a_proposal():
    text = (
        "Entwurf\n\nIn Österreich sollen Beamte TikTok künftig nicht mehr auf Diensthandys "
        "nutzen dürfen, sieht der Gesetzentwurf vor."
    )
    assert found(text, "de", date(2025, 3, 5), "at") == {("at", "tiktok", "proposal")}


def test_a_department_acts_for_its_country():
    text = (
        "TikTok\n\nThe Commerce Department announced on Sept. 18 that it would prohibit app "
        "stores from distributing TikTok."
    )
    published = date(2020, 9, 28)
    assert found(text, "en", published, "us") == {("us", "tiktok", "remove_from_app_store")}
    # a step announced for later is not in force the day it is announced
    assert ("us", "in_force", "2020-09-18") not in events(text, "en", published, "us")


# Sentences written apart from the development sets, in the style of wire copy, one family of
# phrasings per test: they guard the generalisation of the rules, not the scores of a set.
FRESH = date(2025, 3, 12)  # a Wednesday


def test_a_lone_x_named_as_the_object_of_a_measure_is_the_platform():
    assert found("Pakistan\n\nPakistan blocked access to X on Saturday.", "en", FRESH, "gb") == {
        ("pk", "x", "block")
    }
    assert found("Pakistan\n\nLe Pakistan a levé vendredi le blocage de X.", "fr", FRESH, "fr") == {
        ("pk", "x", "block")
    }
    assert found(
        "Venezuela\n\nIn Venezuela is X voor tien dagen geblokkeerd.", "nl", FRESH, "be"
    ) == {("ve", "x", "block")}
    # a descriptor alone is not enough: there X is where another product sits
    text = "Grok\n\nL'Indonésie a bloqué l'accès à Grok, intégré au réseau social X."
    assert found(text, "fr", FRESH, "fr") == {("id", "grok", "block")}


def test_a_product_no_longer_available_or_throttled_in_a_country():
    cases = [
        ("en", "DeepSeek is no longer available in Italy after the watchdog's order.", "block"),
        ("nl", "DeepSeek is in Italië niet langer beschikbaar.", "block"),
        ("fr", "DeepSeek n'est plus disponible en Italie.", "block"),
        ("de", "DeepSeek ist in Italien nicht mehr verfügbar.", "block"),
    ]
    for language, sentence, action in cases:
        assert found(f"DeepSeek\n\n{sentence}", language, FRESH) == {("it", "deepseek", action)}
    assert found("Russia\n\nRussian authorities throttled Telegram on Monday.", "en", FRESH) == {
        ("ru", "telegram", "restrict")
    }
    text = "Russland\n\nRussland hat den Zugang zu Telegram und WhatsApp eingeschränkt."
    assert found(text, "de", FRESH, "de") == {
        ("ru", "telegram", "restrict"),
        ("ru", "whatsapp", "restrict"),
    }


def test_removal_from_government_devices_in_four_languages():
    cases = [
        (
            "nl",
            "De Australische regering heeft DeepSeek van alle overheidstoestellen laten "
            "verwijderen.",
        ),
        (
            "fr",
            "L'Australie a ordonné la suppression de DeepSeek de tous les appareils "
            "gouvernementaux.",
        ),
        ("de", "Australien lässt DeepSeek von allen Regierungsgeräten entfernen."),
        (
            "en",
            "The Australian government has ordered DeepSeek removed from all government "
            "systems and devices.",
        ),
    ]
    for language, sentence in cases:
        assert found(f"DeepSeek\n\n{sentence}", language, FRESH) == {("au", "deepseek", "ban")}
    text = "Estonie\n\nLes fonctionnaires estoniens n'ont plus le droit d'utiliser DeepSeek."
    assert found(text, "fr", FRESH, "fr") == {("ee", "deepseek", "ban")}


def test_a_court_that_rules_on_a_measure_reports_the_measure_too():
    both = {("us-mt", "tiktok", "court_ruling"), ("us-mt", "tiktok", "ban")}
    cases = [
        ("en", "A federal judge on Thursday blocked Montana's ban on TikTok from taking effect."),
        ("nl", "Een Amerikaanse rechter heeft het TikTok-verbod in Montana geschorst."),
        ("fr", "Un juge fédéral a suspendu l'interdiction de TikTok dans le Montana."),
        ("de", "Ein US-Bundesrichter hat das TikTok-Verbot in Montana vorläufig gestoppt."),
    ]
    for language, sentence in cases:
        assert found(f"Montana\n\n{sentence}", language, FRESH) == both, (language, sentence)
    text = "Supreme Court\n\nThe Supreme Court upheld the law banning TikTok in the United States."
    assert found(text, "en", FRESH, "gb") == {
        ("us", "tiktok", "court_ruling"),
        ("us", "tiktok", "ban"),
    }
    # a court that orders a block itself is the ruling alone
    text = "Brasil\n\nLa Cour suprême du Brésil a ordonné le blocage de X dans tout le pays."
    assert found(text, "fr", FRESH, "fr") == {("br", "x", "court_ruling")}


def test_a_lifting_names_the_measure_it_ends():
    cases = [
        ("en", "Nepal's new government has reversed the ban on TikTok.", "ban"),
        ("nl", "Nepal heft het verbod op TikTok op.", "ban"),
        ("fr", "Le Népal lève l'interdiction de TikTok.", "ban"),
        ("de", "Die Regierung Nepals hat das Verbot von TikTok wieder aufgehoben.", "ban"),
    ]
    for language, sentence, action in cases:
        assert found(f"Nepal\n\n{sentence}", language, FRESH) == {("np", "tiktok", action)}
    text = "Pakistan\n\nPakistan hat die Sperre von X am Freitag aufgehoben."
    assert found(text, "de", FRESH, "de") == {("pk", "x", "block")}
    assert events(text, "de", FRESH, "de") == {("pk", "lifted", "2025-03-07")}
    assert found("Italien\n\nChatGPT ist in Italien wieder zugelassen.", "de", FRESH, "de")


def test_what_is_only_considered_refused_or_called_for_is_no_measure():
    quiet = [
        ("en", "Lawmakers in Germany called for an investigation into DeepSeek."),
        ("en", "The Dutch government said it would not ban TikTok."),
        ("de", "Die Bundesregierung prüft ein Verbot von TikTok auf Diensthandys."),
        ("de", "Die Regierung lehnt ein Verbot von DeepSeek ab."),
        ("fr", "Le gouvernement envisage d'interdire TikTok aux moins de 15 ans."),
        ("nl", "Het kabinet ziet geen reden om DeepSeek te verbieden."),
        ("fr", "La Russie ne ralentit pas : TikTok et Instagram y sont populaires."),
    ]
    for language, sentence in quiet:
        assert not found(f"Apps\n\n{sentence}", language, FRESH, "de"), (language, sentence)


def test_a_part_of_last_year_dates_the_measure():
    cases = [
        ("en", "At the end of last year, Albania banned TikTok for one year."),
        ("nl", "Eind vorig jaar verbood Albanië TikTok."),
        ("fr", "Fin de l'année dernière, l'Albanie a interdit TikTok."),
        ("de", "Albanien hat TikTok Ende vergangenen Jahres verboten."),
    ]
    for language, sentence in cases:
        got = events(f"Albanien\n\n{sentence}", language, FRESH)
        assert {d for _, _, d in got} == {"2024-12-01"}, (language, got)
    text = "Nepal\n\nTikTok ist in Nepal seit Januar verboten."
    assert events(text, "de", FRESH, "de") == {("np", "in_force", "2025-01-01")}


def test_places_that_describe_someone_do_not_act():
    """A legislator's home state, a firm's nationality and a wire dateline are not who acts."""
    published = date(2025, 3, 5)
    text = (
        "Bill on TikTok\n\nSenators Ann Lee, a Texas Republican, and Bob Ray, an Ohio Democrat, "
        "introduced a bill on Tuesday that would ban TikTok on federal devices."
    )
    assert found(text, "en", published, "us") == {("us", "tiktok", "proposal")}
    text = (
        "Samsung verbiedt ChatGPT\n\nDe Zuid-Koreaanse elektronicareus Samsung verbiedt zijn "
        "personeel om ChatGPT te gebruiken."
    )
    assert found(text, "nl", published, "be") == set()
    text = "Stad\n\nBRUSSEL (Belga) - De stad Gent verbiedt TikTok op diensttoestellen."
    assert found(text, "nl", published, "be") == {("be-gent", "tiktok", "ban")}


def test_talk_of_a_ban_and_its_denial_make_no_measure():
    published = date(2025, 3, 5)
    text = "DeepSeek\n\nHet onderzoek betekent niet dat het gebruik van DeepSeek verboden is."
    assert found(text, "nl", published, "nl") == set()
    text = "TikTok\n\nEen verbod zonder alternatief werkt niet, zegt een expert over TikTok."
    assert found(text, "nl", published, "be") == set()


def test_places_listed_as_examples_each_took_the_measure():
    text = (
        "TikTok\n\nThe UK joined the governments that have restricted TikTok on official "
        "devices, including the United States, Canada and the European Commission."
    )
    assert found(text, "en", date(2023, 3, 17), "gb") == {
        ("gb", "tiktok", "ban"),
        ("us", "tiktok", "ban"),
        ("ca", "tiktok", "ban"),
        ("eu-ec", "tiktok", "ban"),
    }


def test_listed_ordinary_words_and_regulators():
    text = (
        "Messenger\n\nFür dienstliche Zwecke sind Whatsapp, Signal und Telegram in der Armee "
        "nicht mehr erlaubt, teilte die Schweizer Armee mit."
    )
    assert found(text, "de", date(2022, 1, 5), "ch") == {
        ("ch", "whatsapp", "ban"),
        ("ch", "signal", "ban"),
        ("ch", "telegram", "ban"),
    }
    # "Signal" alone is a word, not the messenger
    text = (
        "Armee\n\nDie Schweizer Armee verbietet Whatsapp im Dienst, ein klares Signal an die "
        "Truppe."
    )
    assert {p for _, p, _ in found(text, "de", date(2022, 1, 5), "ch")} == {"whatsapp"}
    text = "Garante\n\nDe Italiaanse privacywaakhond Garante legde DeepSeek aan banden."
    assert found(text, "nl", date(2025, 2, 3), "be") == {("it", "deepseek", "block")}


def test_a_weekday_glued_to_the_part_of_the_day_dates_the_measure_named_again():
    text = (
        "India\n\nDe Indiase regering heeft een verbod ingesteld op TikTok. Het ministerie "
        "maakte de maatregel maandagavond bekend."
    )
    assert events(text, "nl", date(2020, 6, 30), "be") == {("in", "announced", "2020-06-29")}


def test_immediate_effect_told_in_the_next_sentence():
    """'The rule applies with immediate effect' after the announcement: in force that day."""
    text = (
        "Fonction publique\n\nLe gouvernement français a annoncé mardi "
        "l'interdiction de TikTok sur les "
        "téléphones professionnels des agents. La règle s'applique avec effet immédiat."
    )
    got = events(text, "fr", date(2023, 3, 22), "fr")
    assert ("fr", "in_force", "2023-03-21") in got
    # an 'immediately' about something else (no reference to the measure) changes nothing
    text = (
        "Fonction publique\n\nLe gouvernement français a annoncé mardi "
        "l'interdiction de TikTok sur les "
        "téléphones professionnels des agents. Les syndicats ont réagi immédiatement."
    )
    assert ("fr", "in_force", "2023-03-21") not in events(text, "fr", date(2023, 3, 22), "fr")


def test_products_also_on_the_list_share_its_announcement():
    published = date(2020, 6, 30)
    text = (
        "India\n\nDe Indiase regering verbiedt 59 Chinese apps, waaronder TikTok. Het ministerie "
        "maakte de maatregel maandag bekend. Op de lijst staan ook Weibo en ShareIt."
    )
    got = events(text, "nl", published, "be")
    assert {("in", "announced", "2020-06-29")} <= got
    products = {p for m in extract("t", text, "nl", published, "be").measures for p in m.products}
    assert {"tiktok", "weibo", "shareit"} <= products
    dated = {
        p
        for m in extract("t", text, "nl", published, "be").measures
        for p in m.products
        if any(e.type == "announced" for e in m.events)
    }
    assert {"weibo", "shareit"} <= dated


def test_a_measure_put_in_place_on_a_date_applied_from_it():
    text = (
        "Verlenging\n\nDe Vlaamse regering verlengt het TikTok-verbod. Het verbod op TikTok werd "
        "in maart ingevoerd op alle diensttoestellen."
    )
    assert ("be-vlg", "in_force", "2023-03-01") in events(text, "nl", date(2023, 9, 28), "be")
    got = events(
        "Texas\n\nTexas imposed a ban on TikTok on state devices in December 2022.",
        "en",
        date(2023, 6, 1),
        "us",
    )
    assert ("us-tx", "in_force", "2022-12-01") in got
    # announced in the same clause: the date is the announcement's
    got = events(
        "Texas\n\nTexas announced in December 2022 that it imposed a ban on TikTok on state "
        "devices.",
        "en",
        date(2023, 6, 1),
        "us",
    )
    assert ("us-tx", "in_force", "2022-12-01") not in got


def test_des_le_is_a_start_ahead_and_as_early_as_behind():
    published = date(2023, 3, 1)
    ahead = (
        "Ottawa\n\nLe gouvernement fédéral a annoncé lundi que TikTok serait retiré des "
        "appareils du gouvernement dès le mardi 28 février."
    )
    assert ("ca", "in_force", "2023-02-28") in events(ahead, "fr", published, "ca")
    behind = (
        "Ottawa\n\nLe gouvernement fédéral a interdit TikTok sur ses appareils dès le 27 février."
    )
    got = events(behind, "fr", published, "ca")
    assert ("ca", "announced", "2023-02-27") in got and ("ca", "in_force", "2023-02-27") not in got


def test_an_age_limit_whose_platforms_the_body_lists():
    """A headline measure with no product of its own takes the platforms the body names."""
    published = date(2025, 12, 10)
    text = (
        "Denmark's social media age limit takes effect\n\n"
        "What changes?\n\n"
        "Teenagers under 15 may no longer open accounts. The minister called it overdue. "
        "Critics expect teenagers to find ways around it.\n\n"
        "Which services?\n\n"
        "The ministry has named TikTok, Snapchat, Threads and Kick."
    )
    got = found(text, "en", published, "dk")
    assert {("dk", p, "ban") for p in ("tiktok", "snapchat", "threads", "kick")} <= got
    # 'threads' and 'kick' as ordinary words are no products
    text = (
        "Denmark's social media age limit takes effect\n\n"
        "The ministry has named TikTok. Users kick off threads about it."
    )
    assert found(text, "en", published, "dk") == {("dk", "tiktok", "ban")}


def test_a_law_passed_by_a_tally_and_in_force_a_year_later_is_one_measure():
    published = date(2025, 12, 10)
    text = (
        "Australia's social media ban starts today\n\n"
        "From today, Australians under 16 may no longer hold accounts on TikTok. "
        "The rule comes from the Online Safety Amendment Act. "
        "The Senate passed the bill on 28 November 2024 by 34 votes to 19."
    )
    extraction = extract("t", text, "en", published, publisher_country="au")
    assert [(m.jurisdiction, m.action) for m in extraction.measures] == [("au", "ban")]
    got = events(text, "en", published, "au")
    assert ("au", "vote", "2024-11-28") in got and ("au", "in_force", "2025-12-10") in got
    # passed with no tally: the law's adoption
    untallied = text.replace(" by 34 votes to 19", "")
    assert ("au", "adopted", "2024-11-28") in events(untallied, "en", published, "au")


def test_an_order_to_stop_processing_users_data_blocks_the_app():
    published = date(2023, 2, 3)
    text = (
        "Replika\n\nLe Garante ordonne à la société qui développe Replika de cesser avec effet "
        "immédiat de traiter les données des utilisateurs en Italie."
    )
    assert found(text, "fr", published, "fr") == {("it", "replika", "block")}
    text = (
        "DeepSeek\n\nDe Italiaanse privacywaakhond Garante beval DeepSeek om de verwerking van "
        "gegevens van Italiaanse gebruikers met onmiddellijke ingang stop te zetten."
    )
    assert found(text, "nl", date(2025, 1, 31), "be") == {("it", "deepseek", "block")}


def test_a_measure_whose_targets_a_later_section_names():
    """'Sont notamment visées par cette interdiction TikTok ...' several paragraphs on."""
    published = date(2023, 3, 24)
    text = (
        "Applications récréatives : interdiction sur les téléphones des agents\n\n"
        "Le gouvernement français a décidé d'interdire, à compter de ce jour, l'installation "
        "d'applications récréatives sur les téléphones professionnels des agents. "
        "Cette mesure concerne tous les appareils fournis par l'administration. "
        "Les applications déjà installées devront être supprimées. "
        "Les services informatiques suivront le respect de la règle.\n\n"
        "Le ministre a parlé d'un outil de travail. Des dérogations seront possibles. "
        "La communication institutionnelle reste permise. Les syndicats ont été informés.\n\n"
        "Sont notamment visées par cette interdiction des applications telles que TikTok ou "
        "Instagram."
    )
    got = events(text, "fr", published, "fr")
    assert ("fr", "in_force", "2023-03-24") in got
    assert {("fr", "tiktok", "ban"), ("fr", "instagram", "ban")} <= found(
        text, "fr", published, "fr"
    )


def test_a_time_opening_the_sentence_puts_the_follower_after_the_verb():
    published = date(2025, 2, 12)
    text = (
        "DeepSeek\n\nTexas verbood DeepSeek op 28 januari op toestellen van de staat. "
        "Maandag volgde de staat New York met een verbod op DeepSeek op alle toestellen."
    )
    got = events(text, "nl", published, "nl")
    assert ("us-ny", "announced", "2025-02-10") in got
    assert ("us-tx", "announced", "2025-02-10") not in got


def test_a_placeless_headline_does_not_outvote_the_body():
    published = date(2025, 2, 12)
    text = (
        "In deze landen wordt DeepSeek geweerd\n\n"
        "De Italiaanse privacytoezichthouder Garante beval DeepSeek op 30 januari om de "
        "verwerking van gegevens van Italiaanse gebruikers stop te zetten."
    )
    assert found(text, "nl", published, "nl") == {("it", "deepseek", "block")}


def test_a_platform_back_since_a_day_and_the_ordered_suspension():
    published = date(2024, 10, 9)
    text = (
        "Brazilië heft blokkade van X op\n\n"
        "Het sociale netwerk X is sinds dinsdagavond weer bereikbaar in Brazilië. "
        "Op vrijdag 30 augustus had de regering de onmiddellijke opschorting van het platform "
        "in het hele land bevolen."
    )
    got = events(text, "nl", published, "be")
    assert ("br", "lifted", "2024-10-08") in got and ("br", "in_force", "2024-10-08") not in got
    assert ("br", "announced", "2024-08-30") in got
    assert found(text, "nl", published, "be") == {("br", "x", "block")}


def test_the_chamber_of_representatives_is_the_one_of_the_country_in_question():
    text = (
        "TikTok\n\nLa pression sur TikTok franchit un cap à Washington. La Chambre des "
        "représentants a voté mercredi, par 352 voix contre 65, un texte qui menace TikTok "
        "d'interdiction aux États-Unis."
    )
    got = found(text, "fr", date(2024, 3, 14), "be")
    assert got and all(j.startswith("us") for j, _, _ in got), got
    text = (
        "TikTok\n\nLa Chambre des représentants a voté jeudi une résolution qui demande "
        "l'interdiction de TikTok sur les appareils des députés belges."
    )
    got = found(text, "fr", date(2023, 3, 17), "be")
    assert got and all(j.startswith("be") for j, _, _ in got), got


def test_the_letter_that_carried_the_decision_dates_it():
    text = (
        "Armee verbietet WhatsApp im Dienst\n\n"
        "Die Schweizer Armee hat die Nutzung von WhatsApp für die dienstliche Kommunikation "
        "untersagt. Das geht aus einem Schreiben hervor, das Ende Dezember an alle "
        "Kommandanten verschickt wurde."
    )
    assert ("ch", "announced", "2021-12-01") in events(text, "de", date(2022, 1, 10), "ch")


def test_the_measure_goes_in_today():
    text = (
        "Regering weert TikTok\n\nDe federale regering heeft vandaag beslist TikTok te verbieden "
        "op diensttoestellen. De maatregel gaat vandaag in en wordt na zes maanden geëvalueerd."
    )
    got = events(text, "nl", date(2023, 3, 10), "be")
    assert ("be", "in_force", "2023-03-10") in got


def test_an_offence_still_to_be_made_is_a_proposal_dated_by_the_lead():
    text = (
        "Nudify apps: the right instinct\n\nAnalysis\n\n"
        "On Thursday the government finally said it would close that gap. Ministers announced "
        "that supplying nudification apps will be made illegal."
    )
    published = date(2025, 12, 19)
    assert found(text, "en", published, "gb") == {("gb", "nudify-apps", "proposal")}
    assert ("gb", "announced", "2025-12-18") in events(text, "en", published, "gb")
    # made illegal by a law already passed: a ban
    done = "Nudify apps\n\nThe Italian parliament has made nudification apps illegal."
    assert found(done, "en", published, "gb") == {("it", "nudify-apps", "ban")}


def test_no_comparable_restriction_and_a_decision_still_to_take_are_no_measures():
    published = date(2025, 10, 1)
    text = (
        "Altersprüfung\n\nAndere Anbieter wie ChatGPT oder Replika haben aber bisher keine "
        "vergleichbaren Einschränkungen angekündigt."
    )
    assert found(text, "de", published, "de") == set()
    text = "Chatbots\n\nOther providers such as ChatGPT have announced no similar restrictions."
    assert found(text, "en", published, "gb") == set()
    text = (
        "DeepSeek\n\nDie Unternehmen sind verpflichtet, über eine Sperrung der App DeepSeek in "
        "ihren deutschen Stores zu entscheiden."
    )
    assert found(text, "de", published, "de") == set()


def test_forbidding_an_app_to_process_data_blocks_it():
    published = date(2025, 6, 27)
    text = (
        "DeepSeek\n\nDie italienische Aufsichtsbehörde hatte DeepSeek bereits Ende Januar "
        "untersagt, Daten von Nutzern in Italien zu verarbeiten."
    )
    assert found(text, "de", published, "de") == {("it", "deepseek", "block")}
    text = (
        "DeepSeek\n\nItalië verbood DeepSeek op 30 januari om nog gegevens van Italiaanse "
        "gebruikers te verwerken."
    )
    assert found(text, "nl", published, "be") == {("it", "deepseek", "block")}


def test_a_place_that_followed_a_day_later_takes_its_own_day():
    published = date(2025, 2, 12)
    text = (
        "DeepSeek\n\nMaandag volgde de staat New York met een verbod op DeepSeek op alle "
        "toestellen van de staatsoverheid, een dag later gevolgd door Virginia."
    )
    got = events(text, "nl", published, "nl")
    assert ("us-ny", "announced", "2025-02-10") in got
    assert ("us-va", "announced", "2025-02-11") in got
    assert ("us-ny", "announced", "2025-02-11") not in got


def test_advice_to_delete_beside_the_ban_is_a_warning_of_its_own():
    published = date(2023, 3, 10)
    text = (
        "Regering weert TikTok\n\nDe federale regering verbiedt TikTok op diensttoestellen. "
        "Naast het verbod op diensttoestellen raadt de regering het personeel af om TikTok te "
        "installeren op privétoestellen."
    )
    got = found(text, "nl", published, "be")
    assert {("be", "tiktok", "ban"), ("be", "tiktok", "warning")} <= got
    text = (
        "TikTok\n\nLe gouvernement fédéral a interdit TikTok sur les appareils de service. "
        "Le gouvernement recommande vivement aux agents, à leurs proches et aux stagiaires de "
        "supprimer aussi TikTok de leurs téléphones privés."
    )
    assert ("be", "tiktok", "warning") in found(text, "fr", published, "be")


def test_the_suspension_of_use_takes_effect_on_its_start():
    text = (
        "TikTok\n\nLa direction du Parlement européen a décidé mardi de suspendre l'utilisation "
        "de TikTok sur les appareils de service. La suspension prendra effet le 20 mars."
    )
    got = events(text, "fr", date(2023, 3, 1), "be")
    assert ("eu-ep", "in_force", "2023-03-20") in got
    assert ("eu-ep", "suspended", "2023-03-20") not in got


def test_a_firm_limiting_its_own_product_and_a_regulator_opening_proceedings():
    published = date(2026, 1, 13)
    text = (
        "Grok\n\nxAI hatte am Freitag die Bildbearbeitung mit Grok auf zahlende Abonnenten "
        "beschränkt."
    )
    assert found(text, "de", published, "de") == set()
    text = (
        "Grok\n\nDie britische Medienaufsicht Ofcom hat am Montag ein förmliches Verfahren gegen "
        "Grok nach dem Online Safety Act eröffnet."
    )
    assert found(text, "de", published, "de") == {("gb", "grok", "warning")}
    # the firm restoring access still ends the authority's block
    text = (
        "ChatGPT\n\nLe Garante a bloqué ChatGPT le 31 mars. OpenAI a rétabli vendredi l'accès "
        "à ChatGPT en Italie."
    )
    got = events(text, "fr", date(2023, 4, 29), "fr")
    assert ("it", "lifted", "2023-04-28") in got


def test_taken_off_service_phones_in_one_example_place():
    text = (
        "DeepSeek\n\nDat argument klinkt bekend: in 2023 werd TikTok om dezelfde reden van de "
        "diensttelefoons van ambtenaren gehaald, onder meer in België."
    )
    got = found(text, "nl", date(2025, 2, 12), "nl")
    assert got == {("be", "tiktok", "ban")}


def test_a_staff_rule_enforced_by_a_network_block_is_a_ban():
    text = (
        "Nach der Navy sperrt auch die Nasa DeepSeek\n\n"
        "Die US-Raumfahrtbehörde Nasa hat ihren Beschäftigten die Nutzung von DeepSeek auf "
        "Dienstgeräten untersagt. Der Zugang zu DeepSeek über Nasa-Netze werde gesperrt."
    )
    assert found(text, "de", date(2025, 2, 1), "de") == {("us-nasa", "deepseek", "ban")}
    # a network block with no rule for staff stays a block
    text = "Nepal\n\nDie Regierung Nepals hat den Zugang zu TikTok landesweit gesperrt."
    assert found(text, "de", date(2025, 2, 1), "de") == {("np", "tiktok", "block")}


def test_companies_forbidding_their_staff_add_nothing_to_the_authority_measure():
    text = (
        "DeepSeek\n\nBegin februari blokkeerden meerdere Zuid-Koreaanse ministeries de toegang "
        "tot DeepSeek. Ook een aantal grote bedrijven verbood werknemers DeepSeek te gebruiken."
    )
    (measure,) = extract("t", text, "nl", date(2025, 4, 29), publisher_country="be").measures
    assert (measure.jurisdiction, measure.action) == ("kr", "block")
    assert {kind for kind, _ in measure.actions} == {"block"}  # the firms' ban is not its word


def test_communications_regulators_and_what_they_may_do_in_the_last_resort():
    published = date(2026, 1, 13)
    text = "Grok\n\nOfcom opened an investigation into Grok on Monday."
    assert found(text, "en", published, "gb") == {("gb", "grok", "warning")}
    text = (
        "Grok\n\nIn het uiterste geval kan Ofcom een rechter vragen om Grok in het Verenigd "
        "Koninkrijk te laten blokkeren."
    )
    assert found(text, "nl", published, "be") == set()


def test_taken_offline_then_unblocked():
    text = (
        "ChatGPT\n\nIn Italy, the data protection authority forced OpenAI to take ChatGPT "
        "offline at the end of March; access was restored on April 28."
    )
    got = events(text, "en", date(2023, 5, 19), "us")
    assert found(text, "en", date(2023, 5, 19), "us") == {("it", "chatgpt", "block")}
    assert ("it", "lifted", "2023-04-28") in got
    text = (
        "Instagram\n\nDie Türkei hat Instagram am 2. August gesperrt und am 10. August "
        "wieder freigegeben."
    )
    got = events(text, "de", date(2024, 8, 11), "at")
    assert ("tr", "in_force", "2024-08-02") in got and ("tr", "lifted", "2024-08-10") in got


def test_suspending_downloads_or_use_is_the_measure_not_its_suspension():
    got = events(
        "DeepSeek\n\nLa Corée du Sud a suspendu samedi les nouveaux téléchargements de DeepSeek.",
        "fr",
        date(2025, 2, 17),
        "fr",
    )
    assert ("kr", "announced", "2025-02-15") in got and ("kr", "suspended", "2025-02-15") not in got


def test_work_devices_government_issued_phones_and_plain_bans_in_other_words():
    published = date(2025, 2, 5)
    text = (
        "DeepSeek\n\nStaff at Australia's federal agencies must remove DeepSeek from their work "
        "devices, the home affairs department ordered on Tuesday."
    )
    assert found(text, "en", published, "au") == {("au", "deepseek", "ban")}
    text = (
        "WeChat\n\nCanada banned WeChat from government-issued mobile devices on Monday, citing "
        "an unacceptable level of risk."
    )
    assert ("ca", "adopted", "2025-02-03") not in events(text, "en", published, "ca")
    text = "TikTok\n\nTikTok is sinds vandaag taboe op de werktelefoons van de Vlaamse ambtenaren."
    assert found(text, "nl", published, "be") == {("be-vlg", "tiktok", "ban")}
    text = (
        "Gericht\n\nDer Oberste Gerichtshof der USA hat am Freitag das Gesetz bestätigt, das "
        "TikTok ein Verbot androht."
    )
    assert ("us", "tiktok", "court_ruling") in found(text, "de", published, "de")


def test_places_that_followed_or_had_done_the_same():
    published = date(2025, 7, 10)
    text = (
        "DeepSeek\n\nThe Czech government banned DeepSeek on Wednesday.\n\nTaiwan banned "
        "government agencies from using DeepSeek in late January, while Australia followed on "
        "4 February."
    )
    got = events(text, "en", published, "gb")
    assert ("tw", "announced", "2025-01-01") in got and ("au", "announced", "2025-02-04") in got
    assert ("tw", "in_force", "2026-01-01") not in got and (
        "tw",
        "in_force",
        "2025-01-01",
    ) not in got
    text = (
        "DeepSeek\n\nThe Czech government banned DeepSeek on Wednesday.\n\nEarlier, the European "
        "Commission had banned TikTok on staff phones, as had Belgium and the United Kingdom."
    )
    assert {("be", "tiktok", "ban"), ("gb", "tiktok", "ban")} <= found(text, "en", published, "gb")


def test_lifted_with_a_separable_verb_and_the_administration_by_its_president():
    published = date(2025, 7, 10)
    text = (
        "Nepal\n\nNepal verbood TikTok in november 2023 en hief het verbod in augustus 2024 "
        "weer op."
    )
    assert ("np", "lifted", "2024-08-01") in events(text, "nl", published, "be")
    text = (
        "Instagram\n\nDie Türkei sperrte Instagram. Die Behörden hoben die Sperre am Samstag auf."
    )
    assert ("tr", "lifted", "2025-07-05") in events(text, "de", published, "de")
    text = (
        "Kaspersky\n\nThe Biden administration announced on Thursday a ban on sales of Kaspersky "
        "software in the United States, to take effect on July 20."
    )
    got = events(text, "en", published, "gb")
    assert ("us", "announced", "2025-07-10") in got and ("us", "in_force", "2025-07-20") in got


def test_warned_in_the_perfect_tense():
    published = date(2023, 3, 9)
    text = (
        "Tschechien\n\nDie tschechische Cybersicherheitsbehörde NÚKIB hat vor der Nutzung von "
        "TikTok gewarnt."
    )
    assert found(text, "de", published, "at") == {("cz", "tiktok", "warning")}
    text = "Tsjechië\n\nDe Tsjechische cyberveiligheidsdienst heeft gewaarschuwd voor TikTok."
    assert found(text, "nl", published, "be") == {("cz", "tiktok", "warning")}


def test_an_undated_measure_told_deep_in_the_body_is_background():
    filler = " ".join(f"Zin {i} gaat over iets anders." for i in range(8))
    text = (
        "Tsjechië verbiedt DeepSeek\n\nDe Tsjechische regering verbood woensdag DeepSeek in de "
        f"staatsadministratie. {filler}\n\nTaiwan verbood DeepSeek op overheidstoestellen."
    )
    extraction = extract("t", text, "nl", date(2025, 7, 10), publisher_country="be")
    roles = {m.jurisdiction: m.role for m in extraction.measures}
    assert roles == {"cz": "news", "tw": "background"}


def test_what_a_circular_asks_of_the_services_is_an_instruction():
    published = date(2025, 2, 12)
    text = (
        "Omzendbrief\n\nIn een omzendbrief van 3 februari vraagt minister Vanessa Matz alle "
        "federale overheidsdiensten om DeepSeek van de diensttoestellen te verwijderen."
    )
    assert found(text, "nl", published, "be") == {("be", "deepseek", "ban")}
    text = (
        "Circulaire\n\nUne circulaire du 3 février demande à tous les services publics fédéraux "
        "de supprimer DeepSeek des appareils de service."
    )
    assert found(text, "fr", published, "be") == {("be", "deepseek", "ban")}
    assert ("be", "announced", "2025-02-03") in events(text, "fr", published, "be")
    # without a circular, a request stays a call
    text = "DeepSeek\n\nDe oppositie vraagt de regering om DeepSeek te verbieden."
    assert found(text, "nl", published, "be") == set()
    text = (
        "Ostbelgien\n\nDie Regierung der Deutschsprachigen Gemeinschaft hat am Dienstag "
        "beschlossen, DeepSeek auf allen Dienstgeräten zu verbieten."
    )
    assert found(text, "de", published, "be") == {("be-dg", "deepseek", "ban")}


def test_eu_votes_proposals_and_investigations():
    published = date(2026, 3, 19)
    text = (
        "UE\n\nLes eurodéputés ont voté mercredi en faveur de l'interdiction des applications "
        "de nudification, par 470 voix contre 92."
    )
    (measure,) = extract("t", text, "fr", published, publisher_country="fr").measures
    assert (measure.jurisdiction, measure.action, measure.vote) == ("eu", "vote", (470, 92))
    text = "EU\n\nDe Europese Commissie stelt voor om nudify-apps te verbieden."
    assert found(text, "nl", published, "be") == {("eu", "nudify-apps", "proposal")}
    text = "Grok\n\nDie EU-Kommission hat ein Verfahren gegen Grok eingeleitet."
    assert found(text, "de", published, "de") == {("eu", "grok", "warning")}
    text = "Grok\n\nLa Malaisie a à son tour suspendu l'accès à Grok dimanche."
    assert found(text, "fr", published, "fr") == {("my", "grok", "block")}


def test_a_place_that_followed_a_day_later_with_its_own_sentence():
    published = date(2026, 1, 13)
    text = (
        "Grok\n\nAls erstes Land hat Indonesien am Samstag den Zugang zu Grok gesperrt.\n\n"
        "Einen Tag später, am Sonntag, folgte Malaysia. Die Kommunikationsbehörde MCMC sperrte "
        "den Zugang zu Grok vorübergehend."
    )
    got = events(text, "de", published, "de")
    assert ("id", "announced", "2026-01-10") in got and ("my", "announced", "2026-01-11") in got
    assert found(text, "de", published, "de") == {("id", "grok", "block"), ("my", "grok", "block")}


def test_recalled_measures_by_pronoun_and_coordinated_places_in_four_languages():
    published = date(2025, 7, 10)
    leads = {
        "nl": "De Tsjechische regering verbood woensdag DeepSeek in de staatsadministratie.",
        "fr": "Le gouvernement tchèque a interdit mercredi DeepSeek dans l'administration.",
        "de": "Die tschechische Regierung hat DeepSeek am Mittwoch verboten.",
    }
    recalls = {
        "nl": "Italië blokkeerde de chatbot al in januari. Australië en Taiwan weerden hem kort "
        "daarna van overheidstoestellen.",
        "fr": "L'Italie avait bloqué le robot conversationnel dès janvier, puis l'Australie et "
        "Taïwan l'ont banni des appareils publics.",
        "de": "Italien hatte den Chatbot bereits im Januar gesperrt, Australien und Taiwan "
        "verbannten ihn kurz darauf von Regierungsgeräten.",
    }
    for language, lead in leads.items():
        text = f"DeepSeek\n\n{lead}\n\n{recalls[language]}"
        got = found(text, language, published, "be")
        assert {
            ("cz", "deepseek", "ban"),
            ("it", "deepseek", "block"),
            ("au", "deepseek", "ban"),
            ("tw", "deepseek", "ban"),
        } <= got, (language, got)
        assert ("it", "in_force", "2025-01-01") in events(text, language, published, "be")


def test_a_block_and_a_later_download_suspension_are_two_steps():
    published = date(2025, 2, 17)
    text = (
        "South Korea suspends DeepSeek downloads\n\nSouth Korea has suspended new downloads of "
        "DeepSeek from app stores since Saturday, the data protection regulator said on Monday. "
        "Several ministries blocked access to DeepSeek on work computers earlier this month."
    )
    got = found(text, "en", published, "us")
    assert {("kr", "deepseek", "remove_from_app_store"), ("kr", "deepseek", "block")} <= got


def test_the_platforms_a_rule_applies_to_and_the_rest_of_the_list():
    published = date(2025, 12, 10)
    text = (
        "Australië zet jongeren van sociale media\n\n"
        "In Australië mogen jongeren onder de 16 jaar vanaf vandaag geen account meer hebben op "
        "de grootste sociale netwerken. De wet werd vorig jaar goedgekeurd.\n\n"
        "De regel geldt voor tien platforms: Facebook, Instagram, TikTok en Reddit."
    )
    got = found(text, "nl", published, "be")
    assert {("au", p, "ban") for p in ("facebook", "instagram", "tiktok", "reddit")} == got
    assert ("au", "in_force", "2025-12-10") in events(text, "nl", published, "be")
    text = (
        "India bans Chinese apps\n\nNEW DELHI: The Centre on Monday banned 59 apps, among them "
        "TikTok and WeChat. It cited national security.\n\n"
        "The list also includes the file-sharing app SHAREit and the fashion retailer Shein."
    )
    published = date(2020, 6, 30)
    assert {("in", "shareit", "ban"), ("in", "shein", "ban")} <= found(text, "en", published, "in")
    got = events(text, "en", published, "in")
    assert ("in", "announced", "2020-06-29") in got


def test_a_lifting_of_a_listed_block_and_the_block_recalled_by_die():
    published = date(2025, 9, 9)
    text = (
        "Nepal draait blokkade van Facebook en WhatsApp terug\n\n"
        "De Nepalese regering heeft de blokkade van Facebook, Instagram, WhatsApp en YouTube "
        "opgeheven. Communicatieminister Gurung maakte dat maandagavond bekend.\n\n"
        "In november 2023 liet de regering TikTok blokkeren. Die blokkade werd in augustus 2024 "
        "weer ingetrokken."
    )
    got = events(text, "nl", published, "be")
    assert ("np", "lifted", "2025-09-08") in got
    tiktok = next(
        m for m in extract("t", text, "nl", published, "be").measures if "tiktok" in m.products
    )
    assert {(e.type, e.date.isoformat()) for e in tiktok.events} >= {("lifted", "2024-08-01")}


def test_a_case_brought_to_court_is_no_ruling():
    published = date(2024, 6, 1)
    text = (
        "TikTok\n\nEen wet die president Biden in april ondertekende, verplicht ByteDance TikTok "
        "te verkopen. TikTok vecht die wet aan voor de rechter."
    )
    assert all(a != "court_ruling" for _, _, a in found(text, "nl", published, "be"))
    text = (
        "TikTok\n\nLes neuf juges de la Cour suprême ont rejeté vendredi le recours de TikTok "
        "contre la loi américaine."
    )
    assert ("us", "tiktok", "court_ruling") in found(text, "fr", date(2025, 1, 18), "fr")


def test_a_round_up_of_who_did_the_same_and_a_headline_that_names_the_lead():
    published = date(2023, 3, 24)
    text = (
        "TikTok, Twitter, Candy Crush : les applis bannies des téléphones des agents\n\n"
        "Le gouvernement serre la vis. Le ministre de la Fonction publique a annoncé ce "
        "vendredi que les applications "
        "récréatives ne pourront plus être installées sur les téléphones professionnels des "
        "agents. La mesure est d'application immédiate.\n\n"
        "La Commission européenne avait ouvert le bal fin février en suspendant TikTok sur les "
        "appareils de ses agents. La Belgique lui a emboîté le pas le 10 mars, et le Royaume-Uni "
        "a fait de même le 16 mars."
    )
    got = found(text, "fr", published, "fr")
    assert {("fr", "tiktok", "ban"), ("fr", "candy-crush", "ban")} <= got
    assert {("eu-ec", "tiktok", "ban"), ("be", "tiktok", "ban"), ("gb", "tiktok", "ban")} <= got
    assert ("eu-ec", "candy-crush", "ban") not in got  # the headline announces the lead's news
    dated = events(text, "fr", published, "fr")
    assert {
        ("fr", "in_force", "2023-03-24"),
        ("be", "announced", "2023-03-10"),
        ("gb", "announced", "2023-03-16"),
    } <= dated


def test_a_denied_rumour_and_a_generic_whoever_are_no_measures():
    published = date(2024, 2, 12)
    text = (
        "Non, le gouvernement belge n'interdira pas WhatsApp et Telegram le 1er mars\n\n"
        "Un message viral affirme que « le gouvernement fédéral a décidé d'interdire WhatsApp et "
        "Telegram en Belgique ». C'est faux."
    )
    assert found(text, "fr", published, "be") == set()
    text = (
        "Kommentar\n\nWer die App DeepSeek verbietet, verbietet also nicht die Technologie "
        "dahinter."
    )
    assert found(text, "de", published, "de") == set()


def test_a_quoted_experts_city_and_a_platform_no_longer_regularly_reachable():
    published = date(2024, 8, 11)
    text = (
        "Türkei hebt Instagram-Sperre auf\n\nDie Türkei hat die Sperre von Instagram am Samstag "
        "aufgehoben.\n\nIn Pakistan etwa ist X (vormals Twitter) seit Mitte Februar nicht mehr "
        'regulär erreichbar.\n\n"Sperren ganzer Plattformen sind ein stumpfes Werkzeug", sagt '
        "die Wiener Digitalrechtsexpertin Katharina Moser."
    )
    got = found(text, "de", published, "at")
    assert ("pk", "x", "block") in got
    assert not any(j.startswith("at") for j, _, _ in got), got
    assert ("pk", "in_force", "2024-02-01") in events(text, "de", published, "at")


def test_downloads_stopped_in_the_stores_and_the_ministries_earlier_block():
    published = date(2025, 2, 17)
    text = (
        "Südkorea stoppt Downloads der KI-App DeepSeek\n\n"
        "In Südkorea kann die App DeepSeek vorerst nicht mehr neu heruntergeladen werden. Die "
        "Datenschutzkommission PIPC teilte am Montag mit, die Anwendung sei seit Samstagabend in "
        "den App-Stores von Apple und Google nicht mehr verfügbar.\n\n"
        "Schon Anfang Februar hatten mehrere Ministerien in Seoul, darunter das "
        "Handelsministerium, den Zugriff auf DeepSeek auf ihren Dienstrechnern gesperrt."
    )
    got = found(text, "de", published, "de")
    assert got == {("kr", "deepseek", "remove_from_app_store"), ("kr", "deepseek", "block")}
    dated = events(text, "de", published, "de")
    assert {("kr", "announced", "2025-02-17"), ("kr", "in_force", "2025-02-15")} <= dated


def test_dates_of_the_law_a_court_ruled_on_go_to_the_law():
    published = date(2025, 1, 17)
    text = (
        "Supreme Court upholds TikTok law\n\n"
        "WASHINGTON – The US Supreme Court on Friday unanimously upheld the law that bans TikTok "
        "unless ByteDance sells it. The law, which President Joe Biden signed on April 24, 2024, "
        "takes effect on Jan. 19.\n\n"
        "Montana passed the first statewide TikTok ban in 2023, but a federal judge blocked "
        "that law in November 2023."
    )
    extraction = extract("t", text, "en", published, publisher_country="us")
    by_kind = {(m.jurisdiction, m.action): m for m in extraction.measures}
    law = {(e.type, e.date.isoformat()) for e in by_kind[("us", "ban")].events}
    assert {("adopted", "2024-04-24"), ("in_force", "2025-01-19")} <= law
    ruling = {(e.type, e.date.isoformat()) for e in by_kind[("us", "court_ruling")].events}
    assert ("court_ruling", "2025-01-17") in ruling and ("adopted", "2024-04-24") not in ruling
    montana = {(e.type, e.date.isoformat()) for e in by_kind[("us-mt", "ban")].events}
    assert ("announced", "2023-01-01") in montana
    montana_ruling = by_kind[("us-mt", "court_ruling")].events
    assert {e.date.isoformat() for e in montana_ruling} == {"2023-11-01"}


def test_a_scene_dated_before_its_measure_and_a_block_imposed_in_a_month():
    published = date(2025, 2, 1)
    text = (
        "DeepSeek\n\nDe Nederlandse privacywaakhond waarschuwt voor DeepSeek.\n\n"
        "In Italië ging de privacywaakhond donderdag al een stap verder. De Garante liet de "
        "toegang tot DeepSeek voor Italiaanse gebruikers blokkeren."
    )
    assert ("it", "announced", "2025-01-30") in events(text, "nl", published, "be")
    text = (
        "NYC schools reverse course on ChatGPT, lifting block imposed in January\n\n"
        "New York City's schools chancellor announced Thursday that the block on ChatGPT is "
        "lifted."
    )
    got = events(text, "en", date(2023, 5, 19), "us")
    assert ("us-new-york-city", "lifted", "2023-05-18") in got
    assert ("us-new-york-city", "lifted", "2023-01-01") not in got


def test_a_block_not_even_mentioned_is_no_block():
    text = (
        "Grok\n\n08 h 30 – Et en France ? Un conseiller ministériel a assuré que « toutes les "
        "options sont sur la table », sans évoquer de blocage de Grok à ce stade."
    )
    assert found(text, "fr", date(2026, 1, 13), "fr") == set()


def test_a_decision_documents_own_proposal_and_a_conditional_removal():
    published = date(2026, 6, 23)
    text = (
        "Blokkering van Grok en DeepSeek op stedelijke toestellen\n\n"
        "Het college beslist om de AI-chatbots Grok en DeepSeek te blokkeren op alle "
        "werktoestellen van Stad Gent.\n\n"
        "Om die redenen stelt de schepen van Digitalisering voor om de toegang tot Grok en "
        "DeepSeek te blokkeren."
    )
    got = found(text, "nl", published, "be")
    assert got == {("be-gent", "grok", "block"), ("be-gent", "deepseek", "block")}
    text = (
        "DeepSeek\n\nEntfernen sie die App DeepSeek, wäre sie für Nutzer in Deutschland über die "
        "offiziellen Stores nicht mehr verfügbar."
    )
    assert found(text, "de", date(2025, 6, 27), "de") == set()


def test_the_day_it_was_said_and_the_day_it_was_removed():
    text = (
        "DeepSeek: South Korea suspends downloads\n\nThe Personal Information Protection "
        "Commission said on Monday that DeepSeek had been removed from local app stores on "
        "Saturday."
    )
    got = events(text, "en", date(2025, 2, 17), "gb")
    assert ("kr", "announced", "2025-02-17") in got and ("kr", "in_force", "2025-02-15") in got
    assert ("kr", "announced", "2025-02-15") not in got


def test_states_that_acted_in_a_text_about_an_american_makers_app_too():
    published = date(2025, 2, 12)
    text = (
        "Youngkin bars DeepSeek\n\nRICHMOND — Gov. Glenn Youngkin on Tuesday signed an executive "
        "order banning DeepSeek from all state-issued devices.\n\n"
        "Virginia is following a fast-growing list. On Monday, New York Gov. Kathy Hochul "
        "announced a similar ban covering government devices. In Texas, Gov. Greg Abbott "
        "ordered on Jan. 28 that state agencies remove DeepSeek and the trading app Webull from "
        "government-issued devices. And in Congress, a pair of House members on Feb. 6 "
        "introduced a bill that would bar DeepSeek from federal devices."
    )
    got = found(text, "en", published, "us")
    assert {
        ("us-va", "deepseek", "ban"),
        ("us-ny", "deepseek", "ban"),
        ("us-tx", "deepseek", "ban"),
        ("us-tx", "webull", "ban"),
        ("us", "deepseek", "proposal"),
    } <= got, got


def test_a_law_that_takes_effect_sunday_and_was_signed_in_april():
    published = date(2025, 1, 17)
    text = (
        "Supreme Court upholds TikTok law\n\nWASHINGTON — The US Supreme Court on Friday "
        "upheld a federal law that requires TikTok to be sold or be banned in the United "
        "States. The law, signed by President Joe Biden on April 24, 2024, takes effect Sunday."
    )
    got = events(text, "en", published, "us")
    assert ("us", "in_force", "2025-01-19") in got and ("us", "in_force", "2025-01-12") not in got
    assert ("us", "adopted", "2024-04-24") in got


def test_an_announced_removal_from_devices_and_a_lifting_the_cabinet_decided():
    text = (
        "Statement on the removal of WeChat\n\nThe President of the Treasury Board today issued "
        'the following statement: "Today, the Government of Canada is announcing the removal of '
        'WeChat from government-issued mobile devices, effective today."'
    )
    assert found(text, "en", date(2023, 10, 30), "ca") == {("ca", "wechat", "ban")}
    text = (
        "Nepal\n\nDe regering van Nepal heeft de blokkade van Facebook en YouTube weer "
        "opgeheven. Dat besloot het kabinet maandagavond tijdens een spoedvergadering."
    )
    assert ("np", "lifted", "2025-09-08") in events(text, "nl", date(2025, 9, 9), "be")


def test_capitals_passive_werden_and_back_in_the_stores():
    text = (
        "Kiew zieht die Notbremse: Telegram-Verbot auf Diensthandys\n\nBeamte dürfen auf "
        "dienstlichen Geräten kein Telegram mehr installieren oder nutzen."
    )
    assert ("ua", "telegram", "ban") in found(text, "de", date(2024, 9, 21), "ch")
    text = (
        "DeepSeek\n\nIn Südkorea konnte DeepSeek von Mitte Februar an nicht mehr "
        "heruntergeladen werden; erst Ende April wurde die App dort wieder in die Stores "
        "aufgenommen."
    )
    got = events(text, "de", date(2025, 6, 28), "de")
    assert ("kr", "lifted", "2025-04-01") in got
    assert not any(d.startswith("2026") for _, _, d in got)


def test_a_fact_check_verdict_and_an_explainers_question_headline():
    text = (
        'Nee, WhatsApp wordt niet verboden\n\nEr gaat een kettingbericht rond: "Vanaf 1 '
        'december is WhatsApp in Nederland verboden." Onze conclusie: het bericht dat WhatsApp '
        "vanaf 1 december verboden is, is onjuist. Er is geen wet of besluit dat WhatsApp "
        "verbiedt."
    )
    assert found(text, "nl", date(2024, 11, 21), "nl") == set()
    text = (
        "DeepSeek: Wo die chinesische KI schon gesperrt ist – und was in Österreich gilt\n\n"
        "Italien hat DeepSeek gesperrt."
    )
    assert found(text, "de", date(2025, 2, 7), "at") == {("it", "deepseek", "block")}


def test_an_age_limit_whose_platforms_the_regulator_named_and_the_legislation_passed():
    published = date(2025, 12, 10)
    text = (
        "Australia's under-16 social media ban is now in force\n\n"
        "From today, Australians under 16 can no longer hold accounts on most major social "
        "media platforms.\n\nWhich platforms are covered?\n\n"
        "The eSafety Commissioner has named Facebook, Instagram and TikTok as age-restricted "
        "platforms.\n\nParliament passed the legislation in late November 2024."
    )
    assert found(text, "en", published, "au") == {
        ("au", p, "ban") for p in ("facebook", "instagram", "tiktok")
    }
    got = events(text, "en", published, "au")
    assert {("au", "in_force", "2025-12-10"), ("au", "adopted", "2024-11-01")} <= got


def test_a_lifting_right_after_a_block_ends_that_block():
    text = (
        "WhatsApp redevient accessible en Iran\n\nTurquie. Instagram a été bloqué le 2 août "
        "par l'autorité des télécommunications. L'accès a été rétabli le 10 août."
    )
    got = events(text, "fr", date(2024, 12, 27), "fr")
    assert ("tr", "lifted", "2024-08-10") in got
    assert ("tr", "whatsapp", "lift") not in found(text, "fr", date(2024, 12, 27), "fr")


def test_a_ban_still_to_be_put_to_a_government_and_platforms_that_stayed_available():
    text = (
        "TikTok\n\nDe minister-president van de Franse Gemeenschap liet weten dat hij zijn "
        "regering een gelijkaardig verbod op TikTok zal voorleggen."
    )
    assert found(text, "nl", date(2023, 3, 10), "be") == {("be-fwb", "tiktok", "proposal")}
    text = (
        "Nepal\n\nDe regering liet 26 platforms in Nepal blokkeren, waaronder Facebook. "
        "Platforms die zich wel hadden aangemeld, zoals TikTok en Viber, bleven gewoon "
        "beschikbaar."
    )
    got = found(text, "nl", date(2025, 9, 5), "be")
    assert ("np", "facebook", "block") in got
    assert not {("np", "tiktok", "block"), ("np", "viber", "block")} & got


def test_the_government_of_the_paragraphs_place_and_what_the_measure_covers():
    text = (
        "Nach Indonesien sperrt auch Malaysia Grok\n\nIn der Schweiz ist Grok verfügbar.\n\n"
        "Indonesien war am Samstag als erstes Land gegen den Chatbot vorgegangen. Um Frauen zu "
        "schützen, habe die Regierung den Zugang zu Grok vorübergehend blockiert."
    )
    got = found(text, "de", date(2026, 1, 12), "ch")
    assert ("id", "grok", "block") in got and ("ch", "grok", "block") not in got
    text = (
        "Applications récréatives\n\nLe Gouvernement a décidé d'interdire TikTok sur les "
        "téléphones professionnels des agents. Elle vise aussi les jeux, à l'image de Candy "
        "Crush."
    )
    got = found(text, "fr", date(2023, 3, 24), "fr")
    assert {("fr", "tiktok", "ban"), ("fr", "candy-crush", "ban")} <= got


def test_apps_that_must_be_abandoned_for_work():
    text = (
        "Le gouvernement français impose Olvid\n\nDans une circulaire datée du 22 novembre, la "
        "Première ministre demande aux "
        "membres du gouvernement d'installer Olvid. Ce sont WhatsApp, Signal et Telegram qui "
        "devront être abandonnées pour les échanges professionnels."
    )
    got = found(text, "fr", date(2023, 11, 29), "fr")
    assert {("fr", p, "ban") for p in ("whatsapp", "telegram")} <= got


def test_a_second_clause_opened_by_an_office_of_another_place():
    text = (
        "DeepSeek\n\nLa gouverneure de New York, Kathy Hochul, a annoncé une interdiction "
        "similaire de DeepSeek le 10 février, et le gouverneur de Virginie, Glenn Youngkin, lui "
        "a emboîté le pas le 11 février."
    )
    got = events(text, "fr", date(2025, 2, 20), "fr")
    assert ("us-ny", "announced", "2025-02-10") in got and (
        "us-va",
        "announced",
        "2025-02-11",
    ) in got


def test_the_federal_government_after_a_city_scene_stays_federal():
    text = (
        "Gent blokkeert DeepSeek\n\nHet college van Gent besliste dinsdag DeepSeek te "
        "blokkeren op stedelijke toestellen.\n\nDe stad Gent volgt daarmee anderen. De "
        "federale overheid verbiedt DeepSeek sinds 1 december 2025 op de diensttoestellen."
    )
    got = found(text, "nl", date(2026, 6, 23), "be")
    assert ("be", "deepseek", "ban") in got and ("be-gent", "deepseek", "ban") not in got


def test_a_power_to_restrict_and_an_argument_about_restrictions_are_no_measures():
    published = date(2024, 6, 21)
    text = (
        "Kaspersky\n\nThe Commerce Department relied on a 2019 executive order that lets the "
        "department restrict technology transactions involving Kaspersky software."
    )
    assert found(text, "en", published, "us") == set()
    text = (
        "DeepSeek\n\nSome in Washington argue that DeepSeek's achievement shows restrictions "
        "are failing."
    )
    assert found(text, "en", date(2025, 1, 28), "us") == set()


def test_claims_added_from_a_neighbouring_sentence_quote_that_sentence():
    """Every claim quotes the sentence its value stands in, and is listed with the document's
    claims: the researcher follows it to the words it came from."""
    text = (
        "DeepSeek\n\nDe Nederlandse privacywaakhond waarschuwt voor DeepSeek.\n\n"
        "In Italië ging de privacywaakhond donderdag al een stap verder. De Garante liet de "
        "toegang tot DeepSeek voor Italiaanse gebruikers blokkeren. Het treft ook ChatGPT."
    )
    extraction = extract("t", text, "nl", date(2025, 2, 1), publisher_country="be")
    (italy,) = [m for m in extraction.measures if m.jurisdiction == "it"]
    for c in italy.claims:
        quote = text[c.quote_start : c.quote_end]
        assert c.quote_start <= c.start and c.end <= c.quote_end, (c.field, quote)
        assert c in extraction.claims
    fields = {c.field for c in italy.claims}
    assert {"date_announced", "product"} <= fields


def test_a_named_act_that_passed_is_the_adoption_of_the_ban_it_sets():
    text = (
        "Social media ban for under-16s takes effect\n\nAustralia's ban on social media "
        "accounts for children under 16, which covers Snapchat and TikTok, took effect today."
        "\n\n"
        "The Online Safety Amendment (Minimum Age) Act passed parliament in November last "
        "year."
    )
    extraction = extract("t", text, "en", date(2025, 12, 10), publisher_country="au")
    assert {(m.jurisdiction, m.action) for m in extraction.measures} == {("au", "ban")}
    got = events(text, "en", date(2025, 12, 10), "au")
    assert ("au", "adopted", "2024-11-01") in got and "vote" not in {e[1] for e in got}
    # another law named by its title is not the measure, and does not take the products the
    # text named just before
    text = (
        "MEPs back ban on nudify apps\n\nTwo committees of the European Parliament voted 101 "
        "to 9 on Wednesday to add nudification apps to the practices the EU bans. The vote "
        "follows the outcry over Grok, whose image tool was used on X to undress women.\n\n"
        "The AI Act, which entered into force in August 2024, already prohibits social scoring."
    )
    extraction = extract("t", text, "en", date(2026, 3, 18), publisher_country="be")
    assert not [m for m in extraction.measures if "grok" in m.products and m.event_dates()]


def test_the_app_of_a_products_owner_and_the_products_a_ban_also_covers():
    text = (
        "Governor bars Chinese apps from state phones\n\n"
        "State workers in Nebraska may no longer use DeepSeek on state-issued phones, under an "
        "order the governor issued on Monday.\n\n"
        "The ban also covers Lemon8, a video app owned by TikTok's parent company, and the "
        "broker app Webull. Governor Pillen had banned TikTok on state devices in 2022."
    )
    got = found(text, "en", date(2025, 2, 4), None)
    assert {("us-ne", p, "ban") for p in ("deepseek", "lemon8", "webull")} <= got
    extraction = extract("t", text, "en", date(2025, 2, 4))
    (news,) = [m for m in extraction.measures if "deepseek" in m.products]
    assert "tiktok" not in news.products
    (older,) = [m for m in extraction.measures if "tiktok" in m.products]
    assert older.products == {"tiktok"}


def test_a_government_press_release_that_names_no_place_is_the_publishers():
    text = (
        "Press release: TikTok removed from government devices\n\n"
        "The Minister for the Cabinet Office today announced a ban on TikTok on government "
        "corporate devices. The ban takes effect immediately.\n\n"
        "Allies including Canada and the United States have already taken similar steps to "
        "restrict the app on official devices."
    )
    got = found(text, "en", date(2023, 3, 16), "gb")
    assert ("gb", "tiktok", "ban") in got
    assert {("ca", "tiktok", "ban"), ("us", "tiktok", "ban")} <= got
    assert not {t for t in got if t[2] == "restrict"}
    # a firm's own rule in a text that names no place is nobody's measure
    text = (
        "Bank limits chatbots\n\nThe bank has told its staff not to use ChatGPT at work, "
        "according to an internal memo."
    )
    assert found(text, "en", date(2023, 3, 16), "gb") == set()


def test_products_named_after_the_verb_and_followers_of_a_recalled_measure():
    text = (
        "Les applications de loisirs bannies des téléphones de l'État\n\n"
        "Le ministre de la Fonction publique a annoncé ce vendredi que les applications "
        "récréatives seront interdites sur les téléphones professionnels des agents.\n\n"
        "Sont notamment concernées TikTok, Instagram et Candy Crush.\n\n"
        "La Commission européenne avait interdit TikTok sur les appareils de son personnel le "
        "23 février, suivie du Parlement européen."
    )
    published = date(2023, 3, 24)
    got = found(text, "fr", published, "fr")
    assert {("fr", p, "ban") for p in ("tiktok", "instagram", "candy-crush")} <= got
    assert ("eu-ep", "tiktok", "ban") in got
    extraction = extract("t", text, "fr", published, publisher_country="fr")
    roles = {m.jurisdiction: m.role for m in extraction.measures}
    assert roles["eu-ep"] == roles["eu-ec"] == "background"
    text = (
        "TikTok\n\nDie Europäische Kommission hatte TikTok Ende Februar von den Diensthandys "
        "ihres Personals verbannt, das Europäische Parlament folgte wenige Tage später."
    )
    assert ("eu-ep", "tiktok", "ban") in found(text, "de", date(2023, 3, 10), "de")


def test_a_ban_congress_voted_without_a_tally_is_adopted():
    text = (
        "TikTok\n\nLe gouvernement belge interdit TikTok sur les téléphones de service. "
        "Aux États-Unis, le Congrès avait voté une interdiction sur les appareils fédéraux dès "
        "décembre."
    )
    published = date(2023, 3, 10)
    got = found(text, "fr", published, "be")
    assert ("us", "tiktok", "ban") in got and ("us", "tiktok", "vote") not in got
    assert ("us", "adopted", "2022-12-01") in events(text, "fr", published, "be")
    # a chamber's vote stays a vote
    text = (
        "TikTok\n\nThe House of Representatives voted to ban TikTok from federal devices on "
        "Wednesday."
    )
    assert ("us", "tiktok", "vote") in found(text, "en", date(2024, 3, 14), "us")


def test_an_age_limit_told_as_a_sperre_and_a_prime_minister_named_like_a_country():
    text = (
        "Australien: Social-Media-Sperre für unter 16-Jährige gilt ab heute\n\n"
        "Seit Mittwoch dürfen Jugendliche unter 16 Jahren in Australien kein Konto mehr auf "
        "großen Netzwerken haben. Premierminister Anthony Albanese sprach von einem guten Tag."
        "\n\nBetroffen sind TikTok, Snapchat und Instagram.\n\n"
        "Das Parlament hatte das Gesetz Ende November 2024 mit breiter Mehrheit beschlossen."
    )
    published = date(2025, 12, 10)
    got = found(text, "de", published, "de")
    assert got == {("au", p, "ban") for p in ("tiktok", "snapchat", "instagram")}
    assert ("au", "adopted", "2024-11-01") in events(text, "de", published, "de")
    # passed, then signed on another day: the passing is a vote, the signature the adoption
    text = (
        "TikTok-Verbot bleibt\n\nDas Oberste Gericht der USA hat das Gesetz gegen TikTok "
        "bestätigt. Von Sonntag an dürfen App-Stores TikTok nicht mehr anbieten. Der Kongress "
        "hatte das Gesetz im April 2024 beschlossen, Präsident Joe Biden unterzeichnete es am "
        "24. April."
    )
    got = events(text, "de", date(2025, 1, 17), "de")
    assert {("us", "vote", "2024-04-01"), ("us", "adopted", "2024-04-24")} <= got


def test_a_recalled_list_a_ban_made_permanent_and_a_running_total():
    text = (
        "India blocks 54 more apps, Free Fire among them\n\n"
        "India's IT ministry on Monday ordered the blocking of 54 apps, including the game "
        "Free Fire.\n\n"
        "It is not the first wave. In June 2020 the government banned 59 apps at once. The list "
        "included:\n- TikTok,\n- WeChat and Shareit.\n\n"
        "In January 2021 the ban was made permanent. In all, India has now blocked more than "
        "300 apps since 2020."
    )
    published = date(2022, 2, 15)
    extraction = extract("t", text, "en", published, publisher_country="in")
    (old,) = [m for m in extraction.measures if "tiktok" in m.products]
    assert old.role == "background" and {"wechat", "shareit"} <= old.products
    assert ("extended", date(2021, 1, 1)) in {(e.type, e.date) for e in old.events}
    (game,) = [m for m in extraction.measures if "free-fire" in m.products]
    assert all(e.date.year == 2022 for e in game.events)


def test_a_headline_ban_whose_apps_a_later_list_names_and_a_governor_by_name():
    text = (
        "Governor widens ban on Chinese apps on state devices\n\n"
        "AUSTIN - Gov. Greg Abbott on Tuesday ordered agencies to keep a new group of apps off "
        "government-issued phones.\n\nState workers may not use them on state networks either. "
        "The new names are:\n\n- DeepSeek, a chatbot;\n- RedNote and Lemon8."
    )
    published = date(2025, 1, 29)
    got = found(text, "en", published, None)
    assert got == {("us-tx", p, "ban") for p in ("deepseek", "rednote", "lemon8")}
    assert ("us-tx", "announced", "2025-01-28") in events(text, "en", published, None)
    text = (
        "Un juge freine l'interdiction de TikTok au Montana\n\nLe Montana avait interdit TikTok "
        "sur son territoire. Le texte avait été promulgué le 17 mai par le gouverneur Greg "
        "Gianforte. Il interdisait à TikTok d'opérer dans l'État."
    )
    got = events(text, "fr", date(2023, 12, 1), "fr")
    assert ("us-mt", "adopted", "2023-05-17") in got
    assert ("us-mt", "announced", "2023-05-17") not in got


def test_an_order_issued_on_a_day_announces_the_measure():
    text = (
        "Australia bans DeepSeek from government devices\n\n"
        "The secretary of Home Affairs issued a mandatory direction on Tuesday requiring "
        "agencies to remove DeepSeek from government devices."
    )
    got = events(text, "en", date(2025, 2, 5), "au")
    assert ("au", "announced", "2025-02-04") in got
    assert ("au", "adopted", "2025-02-04") not in got


def test_a_chain_message_and_no_decision_that_provides_for_a_ban():
    text = (
        "Vérification : non, Signal ne sera pas interdit en Belgique\n\n"
        "Un message circule sur les réseaux sociaux. Il affirme qu'à partir du 1er mars, le "
        "gouvernement belge interdira Signal et WhatsApp.\n\n"
        "Aucune décision, ni fédérale ni régionale, ne prévoit d'interdire Signal ou WhatsApp "
        "en Belgique."
    )
    assert found(text, "fr", date(2025, 2, 10), "be") == set()
    text = (
        "Faktencheck\n\nKeine Entscheidung, weder des Bundes noch der Länder, sieht vor, "
        "WhatsApp in Deutschland zu verbieten."
    )
    assert found(text, "de", date(2025, 2, 10), "de") == set()


def test_a_proclaimed_ban_and_the_day_the_app_itself_spoke():
    text = (
        "India verbiedt TikTok\n\nDe Indiase regering heeft maandagavond een verbod "
        "afgekondigd op 59 Chinese apps, waaronder TikTok en WeChat.\n\n"
        "TikTok liet dinsdag weten dat het geen gegevens met Peking deelt."
    )
    got = events(text, "nl", date(2020, 6, 30), "be")
    assert ("in", "announced", "2020-06-29") in got
    assert not {e for e in got if e[2] == "2020-06-30"}


def test_platforms_a_regulator_designates_and_a_tally_told_after_the_passing():
    text = (
        "Geen TikTok meer onder de 16 in Australië\n\n"
        "In Australië mogen kinderen onder de 16 vanaf vandaag geen account meer hebben op "
        "TikTok.\n\nDe toezichthouder eSafety heeft de diensten aangewezen: Snapchat, Reddit en "
        "YouTube.\n\nDe Online Safety Amendment Act werd eind november 2024 door het parlement "
        "aangenomen. In de Senaat stemden 34 senatoren voor en 19 tegen."
    )
    published = date(2025, 12, 10)
    got = found(text, "nl", published, "be")
    assert got == {("au", p, "ban") for p in ("tiktok", "snapchat", "reddit", "youtube")}
    assert ("au", "vote", "2024-11-01") in events(text, "nl", published, "be")


def test_a_fake_screenshot_and_duties_that_do_not_prohibit():
    text = (
        "Discord and Irish teenagers\n\n"
        "A screenshot shared on Facebook appears to show a banner announcing that Discord will "
        "be banned for all under-18s in Ireland from 1 May.\n\n"
        "There has been no such announcement, and no regulation in Ireland that would ban "
        "Discord for teenagers.\n\nThe Irish online safety code places duties on platforms "
        "such as Discord. It does not prohibit teenagers in Ireland from holding accounts."
    )
    assert found(text, "en", date(2025, 4, 10), "ie") == set()


def test_a_newsletters_items_and_a_platform_kept_blocked_by_a_court():
    text = (
        "Le Népal rouvre la porte à TikTok, la Turquie garde Roblox sous clé\n\n"
        "TURQUIE. Instagram fonctionne de nouveau normalement. L'accès avait été bloqué le "
        "2 août par l'autorité des télécommunications.\n\n"
        "Pas de dégel pour Roblox. La plateforme de jeux reste inaccessible depuis qu'un "
        "tribunal d'Adana a ordonné son blocage le 7 août."
    )
    got = found(text, "fr", date(2024, 8, 12), "fr")
    assert ("tr", "instagram", "block") in got and ("tr", "tiktok", "block") not in got
    assert ("tr", "roblox", "court_ruling") in got
    assert ("tr", "court_ruling", "2024-08-07") in events(text, "fr", date(2024, 8, 12), "fr")


def test_after_one_app_the_turn_of_others_and_a_recalled_similar_measure():
    text = (
        "Ottawa bannit WeChat des appareils du gouvernement\n\n"
        "Après TikTok, c'est au tour de WeChat et de Kaspersky. Le Conseil du Trésor du Canada "
        "a annoncé ce lundi que ces applications sont interdites sur les appareils mobiles du "
        "gouvernement. La mesure s'applique dès aujourd'hui.\n\n"
        "Ottawa avait déjà pris une mesure semblable contre TikTok au début de l'année. "
        "Annoncé le 27 février, le retrait était entré en vigueur le 28 février."
    )
    published = date(2023, 10, 30)
    extraction = extract("t", text, "fr", published, publisher_country="ca")
    got = {
        (frozenset(m.products), e.type, e.date.isoformat(), e.precision)
        for m in extraction.measures
        for e in m.events
    }
    news = frozenset({"wechat", "kaspersky"})
    assert {
        (news, "announced", "2023-10-30", "day"),
        (news, "in_force", "2023-10-30", "day"),
    } <= got
    tiktok = frozenset({"tiktok"})
    assert (tiktok, "announced", "2023-02-27", "day") in got
    assert (tiktok, "announced", "2023-01-01", "month") not in got


def test_a_liveblog_recap_a_promised_order_and_a_vote_on_another_text():
    text = (
        "TikTok ban live: app goes dark\n\n"
        "Trump said on Sunday that he would sign an order after his inauguration on Monday to "
        "delay the ban.\n\n"
        "A recap. The Protecting Americans Act, which President Biden signed on April 24 last "
        "year, takes effect today. It bars app stores from offering TikTok in the United States. "
        "The House had first approved a stand-alone version on March 13 last year by 352 votes "
        "to 65; the measure was later folded into an aid package."
    )
    published = date(2025, 1, 19)
    got = events(text, "en", published, None)
    assert {("us", "adopted", "2024-04-24"), ("us", "in_force", "2025-01-19")} <= got
    assert ("us", "vote", "2024-03-13") in got
    assert not {e for e in got if e[2] in ("2025-01-20", "2025-01-13")}
    assert ("us", "tiktok", "vote") in found(text, "en", published, None)


def test_an_age_limits_platforms_listed_next_and_a_government_that_suspends_an_app():
    text = (
        "Under-16s locked out\n\nAustralians under the age of 16 can no longer hold accounts on "
        "the biggest social media platforms, after the minimum age took effect today.\n\n"
        "From today, Facebook, Snapchat and Reddit must take reasonable steps to stop under-16s "
        "from having accounts."
    )
    got = found(text, "en", date(2025, 12, 10), "au")
    assert got == {("au", p, "ban") for p in ("facebook", "snapchat", "reddit")}
    text = (
        "Sénégal : le gouvernement suspend TikTok\n\nLe gouvernement sénégalais a annoncé "
        "mercredi soir la suspension de l'application TikTok."
    )
    assert found(text, "fr", date(2023, 8, 3), "fr") == {("sn", "tiktok", "block")}


def test_a_recalled_suspension_and_its_return_later_that_same_year():
    text = (
        "L'Italie bloque DeepSeek\n\nLe Garante a bloqué DeepSeek jeudi.\n\n"
        "Le Garante n'en est pas à son coup d'essai : il avait suspendu ChatGPT en mars 2023, "
        "avant de le laisser revenir fin avril de la même année.\n\n"
        "Aux Pays-Bas, l'autorité des données met en garde contre l'application et annonce une "
        "enquête."
    )
    published = date(2025, 1, 31)
    extraction = extract("t", text, "fr", published, publisher_country="fr")
    (old,) = [m for m in extraction.measures if "chatgpt" in m.products]
    assert old.action == "block"
    assert {(e.type, e.date.isoformat()) for e in old.events} == {
        ("in_force", "2023-03-01"),
        ("lifted", "2023-04-01"),
    }
    (dutch,) = [m for m in extraction.measures if m.jurisdiction == "nl"]
    assert dutch.products == {"deepseek"}
    # a liveblog's "back to yesterday" is no return
    text = (
        "Grok liveblog\n\n12.05 uur - Even terug naar gisteren: Indonesië werd zaterdag het "
        "eerste land dat Grok volledig blokkeerde."
    )
    got = events(text, "nl", date(2026, 1, 11), "be")
    assert ("id", "in_force", "2026-01-10") in got and "lifted" not in {e[1] for e in got}


def test_a_rule_named_later_by_the_ministers_entourage_and_a_foreign_governments_ban():
    text = (
        "Fonction publique : les applications récréatives bannies des téléphones "
        "professionnels\n\nLe ministre de la Fonction publique a annoncé vendredi que les "
        "applications récréatives ne pouvaient plus être installées sur les téléphones "
        "professionnels des agents de l'État.\n\nL'entourage du ministre a évoqué TikTok, "
        "Instagram et "
        "Candy Crush.\n\nAu Royaume-Uni, le gouvernement avait interdit jeudi 16 mars TikTok "
        "sur les appareils de service."
    )
    got = found(text, "fr", date(2023, 3, 24), "fr")
    assert {("fr", p, "ban") for p in ("tiktok", "instagram", "candy-crush")} <= got
    assert ("gb", "tiktok", "ban") in got
    extraction = extract("t", text, "fr", date(2023, 3, 24), publisher_country="fr")
    (uk,) = [m for m in extraction.measures if m.jurisdiction == "gb"]
    assert [m for m in extraction.measures if m.jurisdiction == "fr"][0] is not uk
    assert not [m for m in extraction.measures if m.jurisdiction == "fr" and m.role == "background"]


def test_unnamed_other_countries_a_question_why_and_a_removal_done_on_a_day():
    text = (
        "DeepSeek in Berlin\n\nIn anderen Ländern ist DeepSeek bereits eingeschränkt worden. "
        "In Italien ließ die Datenschutzbehörde den Dienst Ende Januar sperren."
    )
    got = found(text, "de", date(2025, 6, 28), "de")
    assert got == {("it", "deepseek", "block")}
    text = (
        "TikTok van diensttoestellen\n\nDe federale regering verbiedt TikTok op "
        "diensttoestellen.\n\nBij de oppositie klonk de vraag waarom de maatregel zich tot "
        "TikTok beperkt."
    )
    assert found(text, "nl", date(2023, 3, 10), "be") == {("be", "tiktok", "ban")}
    text = (
        "WeChat retiré des appareils du gouvernement\n\nÀ compter d'aujourd'hui, WeChat sera "
        "retirée des appareils mobiles délivrés par le gouvernement du Canada.\n\n"
        "Le 28 février 2023, l'application TikTok a été retirée des appareils mobiles délivrés "
        "par le gouvernement du Canada et bloquée."
    )
    got = events(text, "fr", date(2023, 10, 30), "ca")
    assert {("ca", "announced", "2023-10-30"), ("ca", "in_force", "2023-10-30")} <= got
    assert ("ca", "in_force", "2023-02-28") in got
    assert ("ca", "tiktok", "ban") in found(text, "fr", date(2023, 10, 30), "ca")


def test_an_app_users_can_use_again_since_a_day():
    text = (
        "ChatGPT ist zurück in Italien\n\nDie Datenschutzbehörde hatte ChatGPT Ende März in "
        "Italien gesperrt. Nutzerinnen und Nutzer in Italien können ChatGPT seit Freitag wieder "
        "verwenden."
    )
    got = events(text, "de", date(2023, 4, 29), "de")
    assert ("it", "lifted", "2023-04-28") in got and ("it", "in_force", "2023-04-28") not in got


def test_a_schools_own_wifi_rule_and_a_claim_told_in_the_subjunctive():
    text = (
        "Gentse school blokkeert TikTok op de schoolwifi\n\nWie op de speelplaats van een "
        "atheneum in Gent TikTok opent, krijgt een foutmelding. De school heeft vorige maand "
        "TikTok en Snapchat geblokkeerd op haar eigen wifinetwerk."
    )
    assert found(text, "nl", date(2025, 10, 6), "be") == set()
    text = (
        "Faktencheck: Nein, TikTok wird nicht abgeschaltet\n\nBEHAUPTUNG: Die Bundesregierung "
        "verbiete TikTok ab dem 1. April.\n\nFAZIT: Ein TikTok-Verbot gibt es nicht. Selbst "
        "dort, wo Staaten Apps einschränken, gilt das meist nur für Diensthandys."
    )
    assert found(text, "de", date(2025, 3, 20), "de") == set()


def test_a_political_agreement_to_ban_and_a_parliaments_tallied_votes_as_the_news():
    text = (
        "Réseaux sociaux\n\nLe gouvernement danois a annoncé le 7 novembre un accord politique "
        "pour interdire TikTok et Snapchat aux moins de 15 ans."
    )
    assert found(text, "fr", date(2025, 11, 27), "be") == {
        ("dk", "tiktok", "proposal"),
        ("dk", "snapchat", "proposal"),
    }
    text = (
        "Australien verbietet soziale Netzwerke für Kinder\n\nAustralien hat ein Gesetz "
        "verabschiedet, das Kindern unter 16 Jahren TikTok und Snapchat verbietet. Der Senat "
        "stimmte am Donnerstag mit 34 zu 19 Stimmen für die Vorlage."
    )
    published = date(2024, 11, 29)
    assert ("au", "tiktok", "vote") in found(text, "de", published, "de")
    assert ("au", "vote", "2024-11-28") in events(text, "de", published, "de")


def test_a_data_protection_officer_who_reported_an_app_to_the_stores():
    text = (
        "DeepSeek in Berlin\n\nEnde Juni meldete die Berliner Datenschutzbeauftragte DeepSeek "
        "bei Apple und Google als rechtswidrigen Inhalt und forderte die Konzerne auf, eine "
        "Sperre in ihren App-Stores zu prüfen."
    )
    got = found(text, "de", date(2025, 7, 10), "de")
    assert ("de-be", "deepseek", "remove_from_app_store") in got


def test_an_institution_that_did_the_same_on_a_day_and_a_day_recalled_in_the_pluperfect():
    text = (
        "Opinie: verbied de chatbot niet uit reflex\n\nOp vrijdag 10 maart 2023 besliste de "
        "federale regering dat TikTok niet langer op de diensttoestellen mocht staan. De "
        "Europese Commissie had op 23 februari al beslist dat haar personeel de app van "
        "dienstgsm's moest halen. Het Europees Parlement deed op 28 februari hetzelfde."
    )
    published = date(2025, 2, 3)
    got = found(text, "nl", published, "be")
    assert {("eu-ec", "tiktok", "ban"), ("eu-ep", "tiktok", "ban")} <= got
    got = events(text, "nl", published, "be")
    assert ("eu-ec", "announced", "2023-02-23") in got
    assert {e[2] for e in got if e[0] == "eu-ep"} == {"2023-02-28"}
