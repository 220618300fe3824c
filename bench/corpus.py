# ruff: noqa: E501 - sentence and markup templates read better unwrapped
"""A synthetic corpus for the benchmarks: N news pages in nl/fr/en/de, 30-80 KB each with the
navigation, scripts, JSON-LD and footers real news pages carry, a fraction of them reporting a
ban, and RSS feeds that link them. Deterministic for a given N and seed."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

LANGS = ["nl", "fr", "en", "de"]
PLACES = {
    "nl": [
        "De stad Gent",
        "De Vlaamse regering",
        "De federale regering",
        "Stad Antwerpen",
        "De stad Leuven",
    ],
    "fr": [
        "La ville de Liège",
        "Le gouvernement wallon",
        "Le gouvernement fédéral",
        "La ville de Namur",
    ],
    "en": [
        "The Australian government",
        "Texas",
        "The city of Ghent",
        "The Italian privacy watchdog",
    ],
    "de": ["Die Stadt Wien", "Das Land Berlin", "Die österreichische Regierung", "Die Stadt Gent"],
}
PRODUCTS = ["DeepSeek", "TikTok", "Grok", "ChatGPT", "WeChat", "Telegram"]
BAN = {
    "nl": "{place} verbiedt {product} op de diensttoestellen van het personeel vanaf {day} {month} {year}.",
    "fr": "{place} interdit {product} sur les appareils de service des agents dès le {day} {month} {year}.",
    "en": "{place} banned {product} from government devices on {day} {month} {year}, citing security risks.",
    "de": "{place} verbietet {product} auf Diensthandys der Mitarbeiter ab dem {day}. {month} {year}.",
}
MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
}
FILLER = {
    "nl": [
        "De gemeenteraad besprak maandag de nieuwe begroting voor de komende jaren.",
        "Volgens de schepen komt er extra geld voor fietspaden en groen in de wijken.",
        "De oppositie vindt dat de plannen te weinig rekening houden met de inwoners.",
        "Experts wijzen erop dat de digitale dienstverlening van lokale besturen sterk groeit.",
        "Een woordvoerder bevestigde dat de werken in het najaar van start gaan.",
    ],
    "fr": [
        "Le conseil communal a examiné lundi le nouveau budget pour les années à venir.",
        "Selon l'échevin, des moyens supplémentaires iront aux pistes cyclables.",
        "L'opposition estime que les projets tiennent trop peu compte des habitants.",
        "Des experts soulignent la croissance rapide des services numériques locaux.",
        "Un porte-parole a confirmé que les travaux débuteront à l'automne.",
    ],
    "en": [
        "The council discussed the new budget for the coming years on Monday.",
        "According to the alderman, extra money will go to cycle paths and parks.",
        "The opposition says the plans take too little account of residents.",
        "Experts point out that digital public services are growing quickly.",
        "A spokesperson confirmed that the works will start in the autumn.",
    ],
    "de": [
        "Der Gemeinderat beriet am Montag über den neuen Haushalt der kommenden Jahre.",
        "Laut dem Stadtrat fließt zusätzliches Geld in Radwege und Grünflächen.",
        "Die Opposition findet, dass die Pläne die Bewohner zu wenig berücksichtigen.",
        "Fachleute weisen auf das schnelle Wachstum digitaler Verwaltungsdienste hin.",
        "Ein Sprecher bestätigte, dass die Arbeiten im Herbst beginnen.",
    ],
}


def page(n: int, lang: str, rng: random.Random, base: str, bans: bool) -> tuple[str, str, date]:
    published = date(2023, 1, 1) + timedelta(days=rng.randrange(1200))
    product = rng.choice(PRODUCTS)
    if bans:
        lead = BAN[lang].format(
            place=rng.choice(PLACES[lang]),
            product=product,
            day=published.day,
            month=MONTHS[lang][published.month - 1],
            year=published.year,
        )
        title = f"{product}: {lead.split(' ', 3)[-1][:60]}"
    else:
        lead = rng.choice(FILLER[lang]) + f" {product} " + rng.choice(FILLER[lang])
        title = f"{rng.choice(FILLER[lang])[:50]} ({n})"
    body = "\n".join(
        f"<p>{escape(' '.join(rng.choice(FILLER[lang]) for _ in range(rng.randint(3, 6))))}</p>"
        for _ in range(rng.randint(6, 12))
    )
    nav = "\n".join(
        f'<li><a href="{base}/{lang}/section/{i}">Rubriek {i}</a></li>'
        for i in range(rng.randint(60, 160))
    )
    footer = "\n".join(
        f'<li><a href="{base}/{lang}/info/{i}">Info {i}</a></li>'
        for i in range(rng.randint(60, 160))
    )
    config = json.dumps(
        {
            "ads": [
                {"slot": i, "sizes": [[300, 250], [728, 90]], "targeting": {"k": "v" * 40}}
                for i in range(rng.randint(60, 200))
            ]
        }
    )
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"{published.isoformat()}T09:00:00+01:00",
            "inLanguage": lang,
            "author": {"@type": "Organization", "name": "Bench News"},
        }
    )
    url = f"{base}/{lang}/news/{n}.html"
    html = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)} | Bench News</title>
<meta property="og:title" content="{escape(title)}"><meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published.isoformat()}T09:00:00+01:00">
<script type="application/ld+json">{ld}</script>
<script>window.__CONFIG__ = {config};</script>
<script>(function(){{var a=1;for(var i=0;i<10;i++){{a+=i}}window.tracker=a;}})();</script>
</head><body>
<div class="cookie-banner">Deze site gebruikt cookies. <button>OK</button></div>
<header><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{escape(title)}</h1><p class="lead">{escape(lead)}</p>
{body}
</article><aside><h2>Meer nieuws</h2><ul>{nav[:3000]}</ul></aside></main>
<footer><ul>{footer}</ul><p>© Bench News</p></footer>
</body></html>"""
    return url, html, published


def write_corpus(
    root: Path, pages: int, base: str, ban_fraction: float = 0.1, seed: int = 7
) -> dict:
    """Writes root/<lang>/news/<n>.html and root/feeds/<k>.xml; returns figures."""
    rng = random.Random(seed)
    items: list[tuple[str, str, date]] = []
    total = 0
    for n in range(pages):
        lang = LANGS[n % 4]
        url, html, published = page(n, lang, rng, base, rng.random() < ban_fraction)
        path = root / lang / "news" / f"{n}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        total += len(html.encode())
        items.append((url, html.split("<title>", 1)[1].split("</title>", 1)[0], published))
    feeds = []
    (root / "feeds").mkdir(parents=True, exist_ok=True)
    for k in range(0, pages, 100):
        chunk = items[k : k + 100]
        entries = "\n".join(
            f"<item><title>{title}</title><link>{url}</link><guid>{url}</guid>"
            f"<pubDate>{published.strftime('%a, %d %b %Y')} 09:00:00 +0100</pubDate></item>"
            for url, title, published in chunk
        )
        feed = f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Bench {k}</title><link>{base}/</link>\n{entries}\n</channel></rss>'
        (root / "feeds" / f"{k // 100}.xml").write_text(feed, encoding="utf-8")
        feeds.append(f"{base}/feeds/{k // 100}.xml")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    return {"pages": pages, "bytes": total, "feeds": feeds}
