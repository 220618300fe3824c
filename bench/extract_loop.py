"""The baseline for the build: one process running only the text extractor (trafilatura) over
the archived article pages. Prints documents and seconds as JSON."""

import json
import sys
import time
from pathlib import Path

import trafilatura

from db.archive_reader import read_archive

records = [r for r in read_archive(Path(sys.argv[1])) if r.role == "article" and r.status == 200]
started = time.perf_counter()
for record in records:
    trafilatura.extract(record.body.decode("utf-8", "replace"), url=record.url, favor_recall=True)
print(json.dumps({"documents": len(records), "seconds": time.perf_counter() - started}))
