"""Where a build spends its time, per document and stage, single process: reading the record
from the WARC file, decoding, the relevance gate, parsing the HTML, page metadata, main text
(trafilatura), language, claims. Every stage is timed on every page, also those the gate
turns away in a real build (they stop after it), so each stage's cost is comparable. Medians
of per-stage means over several passes, as a table.

    python bench/stages.py ARCHIVE_DIR [--pages N] [--passes K]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.archive_reader import read_archive, read_body  # noqa: E402
from db.build import warm_up  # noqa: E402
from db.claims import extract  # noqa: E402
from db.decoding import decode_body  # noqa: E402
from db.documents import html_document, main_text, page_metadata  # noqa: E402
from db.language import detect  # noqa: E402
from db.relevance import could_report  # noqa: E402

STAGES = [
    "read",
    "decode",
    "gate",
    "parse",
    "metadata",
    "main text",
    "language",
    "document",
    "claims",
]


def one_pass(records: list) -> dict[str, float]:
    spent = dict.fromkeys([*STAGES, "passed"], 0.0)

    def timed(stage: str, function, *args):
        started = time.perf_counter()
        result = function(*args)
        spent[stage] += time.perf_counter() - started
        return result

    for record in records:
        body = timed("read", read_body, record.file, record.offset)
        text = timed("decode", decode_body, body, record.content_type).text
        spent["passed"] += timed("gate", could_report, text)
        tree = timed("parse", lxml_html.fromstring, text)
        timed("metadata", page_metadata, tree)
        main = timed("main text", main_text, text, record.url)
        timed("language", detect, main, None)
        document = timed(
            "document", html_document, record.url, text, "xx", ("nl", "fr", "en", "de"), "h"
        )
        published = date.fromisoformat(document.published) if document.published else None
        timed("claims", extract, document.id, document.text, document.language, published)
    shares = {stage: seconds / len(records) * 1000 for stage, seconds in spent.items()}
    shares["passed"] = spent["passed"] / len(records)
    return shares


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    records = [r for r in read_archive(args.archive) if r.role == "article" and r.status == 200]
    records = records[: args.pages]
    warm_up()
    detect("warm up the language model with a sentence of several words", "en")
    passes = [one_pass(records) for _ in range(args.passes)]
    print(f"{len(records)} pages, median of {args.passes} passes, ms per document")
    print("| stage | ms |\n| --- | --- |")
    for stage in STAGES:
        print(f"| {stage} | {statistics.median(p[stage] for p in passes):.3f} |")
    print(
        "(`document` is the whole page-to-document step, which includes parse, metadata, "
        "main text and language; `claims` comes on top of it; in a build, only the "
        f"{passes[0]['passed']:.0%} of pages that pass the gate go on after it)"
    )


if __name__ == "__main__":
    main()
