"""Full builds of the same 5,000-page archive by an earlier revision and by the working tree,
run in turns, with the median time of each.

Why: `bench/run.py` gives the build as a ratio to trafilatura alone, and on a shared 2-core
machine that ratio moves with whoever holds the second core (the build uses both, the
baseline one). When the ratio drops, this tells whether the code got slower: both builds see
the same machine within seconds of each other.

    python bench/compare_builds.py a69272c            # 4 turns, 5,000 pages
    python bench/compare_builds.py HEAD~5 --pages 2000 --turns 6
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402
from bench.run import bench_sources, pack_archive  # noqa: E402

BASE = "http://127.0.0.1:9"


def timed_build(checkout: Path, data: Path, sources: Path) -> float:
    """One full build (no cache, no fingerprint) by the code in `checkout`."""
    for name in ("cache.sqlite", "build.fingerprint", "public.sqlite", "work.sqlite"):
        (data / name).unlink(missing_ok=True)
    code = (
        f"import sys; sys.path.insert(0, {str(checkout)!r}); "
        "from bantracker.cli import main; main()"
    )
    command = [sys.executable, "-c", code, "--data", str(data), "build"]
    command += ["--as-of", "2026-11-23", "--sources-dir", str(sources)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=checkout)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the earlier revision (a commit, tag or HEAD~N)")
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--turns", type=int, default=4)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bantracker-compare-"))
    earlier = work / "earlier"
    try:
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(earlier), args.revision],
            check=True,
            capture_output=True,
            cwd=REPO,
        )
        info = write_corpus(work / "corpus", args.pages, BASE)
        pack_archive(work / "corpus", BASE, work / "data" / "archive")
        sources = bench_sources(work / "sources", info["feeds"], BASE)
        times: dict[str, list[float]] = {args.revision: [], "working tree": []}
        for _ in range(args.turns):
            for label, checkout in ((args.revision, earlier), ("working tree", REPO)):
                times[label].append(timed_build(checkout, work / "data", sources))
        for label, values in times.items():
            print(
                f"{label}: median {statistics.median(values):.2f} s "
                f"({', '.join(f'{v:.2f}' for v in values)}), "
                f"{args.pages / statistics.median(values):.1f} documents/s"
            )
        ratio = statistics.median(times["working tree"]) / statistics.median(times[args.revision])
        print(f"working tree time / {args.revision} time: {ratio:.2f}")
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(earlier)], capture_output=True, cwd=REPO
        )
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
