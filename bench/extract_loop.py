"""The baseline for the build: one process running only the text extractor (trafilatura) over
the archived article pages. Prints documents and seconds as JSON.

Pages are read one at a time and only the extractor's calls are timed: holding 50,000 bodies
in memory first made the baseline itself slower per page at that size, which flattered the
build's ratio."""

import json
import sys
import time
from pathlib import Path

import trafilatura

from db.archive_reader import read_archive

documents, seconds = 0, 0.0
for record in read_archive(Path(sys.argv[1])):
    if record.role != "article" or record.status != 200:
        continue
    started = time.perf_counter()
    trafilatura.extract(record.body.decode("utf-8", "replace"), url=record.url, favor_recall=True)
    seconds += time.perf_counter() - started
    documents += 1
print(json.dumps({"documents": documents, "seconds": seconds}))
