"""Benchmarks: crawl, build, rebuild and site latency, each against a baseline measured in the
same run on the same data. Prints a table of medians and ends with one line per figure:

    <figure>: <value> (bar <bar>) ok|short

`python bench/run.py --quick` (make bench-quick) uses small inputs; `make bench` the sizes of
the benchmark issue. Needs nginx and wrk (Debian packages) for the static server and its ceiling.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402
from bench.synthetic_db import make as make_db  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, seconds: float, name: str) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start") from None
            time.sleep(0.05)


def measured(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB of the command (run in a fresh wrapper process), stdout."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(r.stdout)\n"
        "sys.stderr.write(r.stderr[-2000:] if r.returncode else '')\n"
        "print('__BENCH__', time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", wrapper, *command], capture_output=True, text=True, cwd=REPO
    )
    line = [x for x in result.stderr.splitlines() if x.startswith("__BENCH__")][-1]
    _, seconds, rss_kb, code = line.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return float(seconds), int(rss_kb) / 1024, result.stdout


class Nginx:
    """Debian's nginx serving the corpus on 127.0.0.1, as a plain child process."""

    def __init__(self, root: Path, work: Path):
        self.port = free_port()
        self.work = work
        conf = work / "nginx.conf"
        conf.write_text(f"""
daemon off; worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off; sendfile on; tcp_nopush on; keepalive_timeout 30;
  types {{ text/html html; application/rss+xml xml; text/plain txt; }}
  client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fcgi;
  uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
  server {{ listen 127.0.0.1:{self.port}; root {root}; }}
}}""")
        self.process = subprocess.Popen(
            ["nginx", "-c", str(conf), "-p", str(work)], stderr=subprocess.DEVNULL
        )
        wait_for_port(self.port, 10, "nginx")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def wrk_ceiling(url: str, seconds: int) -> float:
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", url], capture_output=True, text=True
    ).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return float(match.group(1)) if match else 0.0


def bench_sources(directory: Path, feeds: list[str], base: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "xx_bench.yml").write_text(
        json.dumps(
            {
                "id": "xx_bench",
                "title": "Benchmark corpus",
                "kind": "newspaper",
                "reliability": "C",
                "publisher": {"name": "Bench News", "country": "BE", "official": False},
                "languages": ["nl", "fr", "en", "de"],
                "spider": "feed",
                "start_urls": feeds,
                "follow": {"allow": [f"^{re.escape(base)}/"]},
                "schedule": "hourly",
                "licence": "synthetic",
                "assertions": {"min_documents": 1},
                "crawl": {"delay": 0, "autothrottle": False, "concurrency": 8},
            }
        )
    )
    return directory


def pack_archive(corpus: Path, base: str, archive: Path) -> int:
    """Archive the corpus pages directly (as a crawl would), without fetching them."""
    from crawlers.archive import WarcFile

    archive.mkdir(parents=True, exist_ok=True)
    warc = WarcFile(archive / "large-xx_bench.warc.gz", "bench", "large")
    count = 0
    for path in sorted(corpus.glob("*/news/*.html")):
        url = f"{base}/{path.relative_to(corpus).as_posix()}"
        warc.write_response(
            url,
            200,
            "OK",
            [("Content-Type", "text/html; charset=utf-8")],
            path.read_bytes(),
            "2026-11-23T00:00:00Z",
            {"X-Bantracker-Source": "xx_bench", "X-Bantracker-Role": "article"},
        )
        count += 1
    warc.close()
    return count


def build_command(data: Path, sources: Path) -> list[str]:
    """The build both benchmarks time: a fixed date, so the no-op rebuild is one."""
    return [
        str(BIN / "bantracker"),
        "--data",
        str(data),
        "build",
        "--as-of",
        "2026-11-23",
        "--sources-dir",
        str(sources),
    ]


def large_build(work: Path, sources: Path, figures: list) -> str:
    """The build at 50,000 documents, once (it takes minutes): documents/s against the
    extractor alone, and the rebuild with nothing new."""
    corpus, data = work / "large", work / "data-large"
    info = write_corpus(corpus, 50_000, "http://127.0.0.1:9")
    pack_archive(corpus, "http://127.0.0.1:9", data / "archive")
    shutil.rmtree(corpus)
    command = build_command(data, sources)
    seconds, rss, _ = measured(command)
    again, _, _ = measured(command)
    _, _, out = measured([sys.executable, str(HERE / "extract_loop.py"), str(data / "archive")])
    loop = json.loads(out)
    rate, loop_rate = info["pages"] / seconds, loop["documents"] / loop["seconds"]
    figures.append(
        (
            "build 50,000 documents/s ratio to extractor loop",
            rate / loop_rate,
            ">= 1.50",
            rate / loop_rate >= 1.5,
        )
    )
    figures.append(("build 50,000 peak RSS MB", rss, "< 1000", rss < 1000))
    figures.append(
        (
            "rebuild 50,000 with nothing new, share",
            again / seconds,
            "<= 0.05",
            again / seconds <= 0.05,
        )
    )
    return (
        f"build 50,000: {rate:.1f} documents/s (peak {rss:.0f} MB, {seconds:.0f} s) vs "
        f"trafilatura alone {loop_rate:.1f} documents/s; rebuild with nothing new {again:.1f} s"
    )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def latency(port: int, path: str, repeats: int) -> tuple[float, float]:
    times = []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(repeats + 2):
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}")
        times.append((time.perf_counter() - started) * 1000)
    times = times[2:]  # the first requests warm the page cache and Datasette's own caches
    return statistics.median(times), percentile(times, 0.95)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, a few minutes")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--large", action="store_true", help="also build 50,000 documents (adds about 15 minutes)"
    )
    args = parser.parse_args()
    if args.quick:
        pages, repeats, site_docs, site_measures, requests = 500, 3, 10_000, 1_000, 20
        build_repeats = 3
    else:
        pages, repeats, site_docs, site_measures, requests = 5_000, 3, 100_000, 10_000, 50
        build_repeats = 5
    work = Path(tempfile.mkdtemp(prefix="bantracker-bench-"))
    work.chmod(0o755)  # nginx's workers may run as another user
    figures: list[tuple[str, float, str, bool]] = []
    rows: list[str] = []
    try:
        corpus = work / "site"
        nginx = Nginx(corpus, work)
        try:
            info = write_corpus(corpus, pages, nginx.base)
            ceiling = wrk_ceiling(f"{nginx.base}/en/news/4.html", 3)
            rows.append(
                f"corpus: {pages} pages, {info['bytes'] / pages / 1024:.0f} KB each, "
                f"{len(info['feeds'])} feeds; nginx ceiling {ceiling:,.0f} requests/s (wrk)"
            )
            sources = bench_sources(work / "sources", info["feeds"], nginx.base)
            ours, bare = [], []
            for n in range(repeats):
                data = work / f"data{n}"
                seconds, rss, _ = measured(
                    [
                        str(BIN / "bantracker"),
                        "--data",
                        str(data),
                        "crawl",
                        "--sources-dir",
                        str(sources),
                        "xx_bench",
                    ]
                )
                ours.append((pages / seconds, rss))
                seconds_bare, rss_bare, _ = measured(
                    [
                        str(BIN / "scrapy"),
                        "runspider",
                        str(HERE / "bare_spider.py"),
                        "-a",
                        f"feeds={','.join(info['feeds'])}",
                        "-s",
                        "LOG_LEVEL=WARNING",
                        "-s",
                        "CONCURRENT_REQUESTS=16",
                        "-s",
                        "CONCURRENT_REQUESTS_PER_DOMAIN=8",
                        "-s",
                        "DOWNLOAD_DELAY=0",
                        "-s",
                        "AUTOTHROTTLE_ENABLED=False",
                        "-s",
                        "ROBOTSTXT_OBEY=True",
                        "-s",
                        "TELNETCONSOLE_ENABLED=False",
                    ]
                )
                bare.append((pages / seconds_bare, rss_bare))
        finally:
            nginx.stop()
        crawl_rate = statistics.median(r for r, _ in ours)
        bare_rate = statistics.median(r for r, _ in bare)
        crawl_rss = max(m for _, m in ours)
        rows.append(
            f"crawl: {crawl_rate:.1f} pages/s (peak {crawl_rss:.0f} MB) vs bare Scrapy "
            f"{bare_rate:.1f} pages/s (peak {max(m for _, m in bare):.0f} MB)"
        )
        figures.append(
            (
                "crawl pages/s ratio to bare Scrapy",
                crawl_rate / bare_rate,
                ">= 0.70",
                crawl_rate / bare_rate >= 0.7,
            )
        )
        figures.append(("crawl peak RSS MB", crawl_rss, "< 300", crawl_rss < 300))

        # Build from the archive of the first crawl, against the extractor alone. Each full
        # build is followed by its baseline, so both see the same moment of a shared machine,
        # and the ratio is the median of the pairs' ratios.
        data = work / "data0"
        build_times, rebuild_times, build_rss, loop, ratios = [], [], [], [], []
        build = build_command(data, sources)
        for _ in range(build_repeats):
            (data / "cache.sqlite").unlink(missing_ok=True)
            (data / "build.fingerprint").unlink(missing_ok=True)  # a full build, not a no-op
            seconds, rss, _ = measured(build)
            build_times.append(seconds)
            build_rss.append(rss)
            again, _, _ = measured(build)
            rebuild_times.append(again)
            _, _, out = measured(
                [sys.executable, str(HERE / "extract_loop.py"), str(data / "archive")]
            )
            result = json.loads(out)
            loop.append(result["documents"] / result["seconds"])
            ratios.append((pages / seconds) / loop[-1])
        build_rate = pages / statistics.median(build_times)
        loop_rate = statistics.median(loop)
        ratio = statistics.median(ratios)
        rebuild_share = statistics.median(rebuild_times) / statistics.median(build_times)
        rows.append(
            f"build: {build_rate:.1f} documents/s on {os.cpu_count()} cores (peak "
            f"{max(build_rss):.0f} MB) vs trafilatura alone {loop_rate:.1f} documents/s; "
            f"ratios of {build_repeats} build/baseline pairs "
            f"{', '.join(f'{r:.2f}' for r in ratios)}; "
            f"rebuild with nothing new {statistics.median(rebuild_times):.2f} s"
        )
        figures.append(
            (
                "build documents/s ratio to extractor loop",
                ratio,
                ">= 1.50",
                ratio >= 1.5,
            )
        )
        figures.append(("build peak RSS MB", max(build_rss), "< 1000", max(build_rss) < 1000))
        figures.append(
            (
                "rebuild with nothing new, share of full build",
                rebuild_share,
                "<= 0.05",
                rebuild_share <= 0.05,
            )
        )

        if args.large:
            rows.append(large_build(work, sources, figures))

        # Site latency on a database at scale.
        db = work / "scale" / "public.sqlite"  # the file name is the database name: public
        db.parent.mkdir()
        make_db(db, site_docs, site_measures)
        port = free_port()
        server = subprocess.Popen(
            [str(BIN / "bantracker"), "serve", "--db", str(db), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(port, 60, "datasette")
            queries = {
                "product_timeline": "/public/product_timeline.json?product=DeepSeek",
                "in_force_on": "/public/in_force_on.json?date=2025-06-01",
                "jurisdiction_and_children": (
                    "/public/jurisdiction_and_children.json?jurisdiction_id=be"
                ),
                "conflicting_sources": "/public/conflicting_sources.json",
                "newest_changes": "/public/newest_changes.json",
                "measures_per_month_and_product": "/public/measures_per_month_and_product.json",
                "precedents": "/public/precedents.json?measure_id=m00000001",
                "feed": "/public/feed.json?country=&product=",
            }
            worst = 0.0
            for name, path in queries.items():
                p50, p95 = latency(port, path, requests)
                worst = max(worst, p95)
                rows.append(f"  query {name:32} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
            bare_p50, bare_p95 = latency(port, "/public/events", requests)
            tl_p50, tl_p95 = latency(port, "/public/timeline", requests)  # its default facets
            rows.append(
                f"  timeline page with facets        p50 {tl_p50:7.1f} ms  p95 {tl_p95:7.1f} ms"
            )
            rows.append(
                f"  bare table page (events)         p50 {bare_p50:7.1f} ms  p95 {bare_p95:7.1f} ms"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
        rows.insert(
            len(rows) - len(queries) - 2,
            f"site: {site_docs:,} documents, {site_measures:,} measures",
        )
        figures.append(("canned query p95 ms, worst", worst, "< 50", worst < 50))
        figures.append(
            (
                "timeline with facets p50 ratio to bare table",
                tl_p50 / bare_p50,
                "<= 2.0",
                tl_p50 / bare_p50 <= 2.0,
            )
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(rows))
    print()
    for name, value, bar, ok in figures:
        print(f"{name}: {value:.2f} (bar {bar}) {'ok' if ok else 'short'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
