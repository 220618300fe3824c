"""The `bantracker` command: demo, crawl, build, serve, ingest, sources.

This is the only layer that reads the clock: everything below takes the run time as an
argument, so builds are reproducible and tests can pin time.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import click

from bantracker.config import METADATA_FILE, REVIEWS_DIR, TEMPLATES_DIR, DataPaths
from bantracker.sources import Source, SourceError, load_sources

SERVE_SETTINGS = [
    ("sql_time_limit_ms", "1500"),
    ("max_returned_rows", "1000"),
    ("default_page_size", "50"),
    ("facet_time_limit_ms", "400"),
    ("allow_download", "on"),
    ("trace_debug", "off"),
    ("suggest_facets", "off"),  # facet suggestions cost more than the page itself
]


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def now() -> datetime:
    return datetime.now(UTC)


def run_id_for(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def setup_logging(verbose: bool) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # Scrapy resets the root logger's level when a crawl starts; the handler's level holds.
    for handler in logging.root.handlers:
        handler.setLevel(level)


def pick_sources(all_sources: dict[str, Source], names: tuple[str, ...]) -> list[Source]:
    unknown = [n for n in names if n not in all_sources]
    if unknown:
        fail(f"unknown source(s): {', '.join(unknown)} (see `bantracker sources`)")
    return [all_sources[n] for n in dict.fromkeys(names)] if names else list(all_sources.values())


def load_sources_or_fail(directory: Path | None = None) -> dict[str, Source]:
    try:
        return load_sources(directory) if directory else load_sources()
    except SourceError as exc:
        fail(str(exc))
        raise  # unreachable


replay_option = click.option(
    "--replay",
    type=click.Path(exists=True, dir_okay=False),
    multiple=True,
    help="Answer requests from these WARC files instead of the network.",
)
sources_dir_option = click.option(
    "--sources-dir",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Read source declarations from this folder (default: crawlers/sources).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data",
    type=click.Path(file_okay=False),
    default=None,
    help="Working data directory (default: $BANTRACKER_DATA or ./data).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log what every stage does.")
@click.pass_context
def main(ctx: click.Context, data: str | None, verbose: bool) -> None:
    """A sourced timeline of government bans and restrictions of AI tools and apps."""
    setup_logging(verbose)
    ctx.obj = {"paths": DataPaths.resolve(data), "verbose": verbose}


@main.command()
@click.option(
    "--archive",
    "archive_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Where WARC files are written (default: DATA/archive).",
)
@click.option(
    "--source",
    "source_opts",
    multiple=True,
    help="A source id to crawl (repeatable); same as naming it as an argument.",
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Only follow feed items dated on or after this day.",
)
@click.option(
    "--refetch",
    is_flag=True,
    help="Fetch articles again even when the archive has them, without conditional GET.",
)
@replay_option
@sources_dir_option
@click.argument("source_ids", nargs=-1)
@click.pass_context
def crawl(
    ctx: click.Context,
    archive_dir: str | None,
    source_opts: tuple[str, ...],
    since: datetime | None,
    refetch: bool,
    replay: tuple[str, ...],
    sources_dir: str | None,
    source_ids: tuple[str, ...],
) -> None:
    """Fetch SOURCE_IDS (default: all) and archive every response as WARC.

    Incremental by default: feeds and listings are fetched with conditional GET, and articles
    already in the archive are not fetched again unless their feed says they changed.
    Exit code 3 when a source errs or brings fewer documents than its declaration asserts.
    """
    from bantracker.update import figures_of, source_warning
    from db.history import Run, log_run

    paths: DataPaths = ctx.obj["paths"].ensure()
    declared = load_sources_or_fail(Path(sources_dir) if sources_dir else None)
    sources = pick_sources(declared, source_ids + source_opts)
    started = now()
    run = Run(run_id=run_id_for(started), kind="crawl", started=started.isoformat())
    runs = _crawl(
        sources,
        Path(archive_dir) if archive_dir else paths.archive,
        [Path(p) for p in replay],
        run.run_id,
        ctx.obj["verbose"],
        {"BANTRACKER_INCREMENTAL": not refetch},
        since.date().isoformat() if since else None,
    )
    problems = []
    for result in runs:
        figures = figures_of(result)
        figures.warning = source_warning(declared[result.source_id], figures, result.ok)
        run.sources.append(figures)
        if figures.warning:
            problems.append(figures.warning)
            click.echo(f"warning: {figures.warning}", err=True)
    run.finished = now().isoformat()
    run.status = "crawled_with_warnings" if problems else "crawled"
    run.exit_code = 3 if problems else 0
    log_run(paths.runs_log, run)
    if problems:
        sys.exit(3)


def _crawl(
    sources: list[Source],
    archive: Path,
    replay: list[Path],
    run_id: str,
    verbose: bool,
    overrides: dict | None = None,
    since: str | None = None,
) -> list:
    from crawlers.run import run_crawl

    settings = {"LOG_LEVEL": "INFO" if verbose else "WARNING"} | (overrides or {})
    click.echo(f"crawling {len(sources)} source(s){' from replay' if replay else ''} ...")
    runs = run_crawl(sources, archive, run_id, now, replay, settings, since)
    for run in runs:
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(run.by_status.items())) or "none"
        click.echo(
            f"  {run.source_id:24} requests {run.requests:4}  responses {run.responses:4} "
            f"({statuses})  documents {run.articles:4}  "
            f"unchanged {run.skipped + run.not_modified:4}  errors {run.errors}"
        )
    return runs


def _build(
    paths: DataPaths,
    as_of: date,
    kind: str = "build",
    sources_dir: Path | None = None,
    crawled: list | None = None,
    allow_drop: bool = False,
) -> None:
    """`crawled`: the SourceRuns of a crawl made for this build, kept in its run record."""
    from db.fingerprint import unchanged

    sources = load_sources_or_fail(sources_dir)
    if kind == "build" and unchanged(
        paths.archive, paths.work_db, paths.public_db, sources, as_of, REVIEWS_DIR
    ):
        # answered before the extractor is even imported: a no-op costs a process start
        click.echo(f"nothing to rebuild: archive, code and reviews unchanged ({paths.public_db})")
        return
    from bantracker.update import figures_of, source_warning
    from db.build import build
    from db.checks import CheckFailed
    from db.history import Run, log_run

    started = now()
    run = Run(run_id=run_id_for(started), kind=kind, started=started.isoformat())
    for result in crawled or []:
        figures = figures_of(result)
        figures.warning = source_warning(sources[result.source_id], figures, result.ok)
        run.sources.append(figures)
    try:
        report = build(
            paths.archive,
            paths.work_db,
            paths.public_db,
            sources,
            as_of,
            cache_path=paths.cache_db,
            reviews_dir=REVIEWS_DIR,
            progress=lambda message: click.echo(f"build: {message}"),
            run=run,
            skip_unchanged=kind == "build",
            history_dir=paths.root,
            max_drop=1.0 if allow_drop else 0.5,
        )
    except CheckFailed as exc:
        run.status, run.exit_code, run.message = "failed", 1, str(exc)
        log_run(paths.runs_log, run)
        hint = (
            " (if the drop is expected, after a change of the extractor, "
            "`bantracker build --allow-drop` publishes it)"
            if "dropped from" in str(exc)
            else ""
        )
        fail(f"the new database failed its checks, nothing was published: {exc}{hint}")
    if report.skipped:
        click.echo(f"nothing to rebuild: archive, code and reviews unchanged ({paths.public_db})")
        return
    run.status, run.exit_code, run.finished = "published", 0, now().isoformat()
    log_run(paths.runs_log, run)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"built {paths.public_db}: {report.relevant_documents} documents "
        f"({report.documents} fetched), {report.claims} claims, {report.measures} measures, "
        f"{report.events} events, {report.conflicts} conflicts "
        f"(cache: {report.cache_hits} hits, {report.cache_misses} misses)"
    )


@main.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Public database to write (default: DATA/public.sqlite).",
)
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Date that decides whether measures are in force (default: today).",
)
@click.option(
    "--allow-drop",
    is_flag=True,
    help="Publish even if documents, measures or events lost more than half of their rows "
    "(expected once after an extractor change narrows what counts as relevant).",
)
@sources_dir_option
@click.pass_context
def build(
    ctx: click.Context,
    db_path: str | None,
    as_of: datetime | None,
    allow_drop: bool,
    sources_dir: str | None,
) -> None:
    """Rebuild the databases from the archive, offline; swap them in only if they pass checks."""
    paths: DataPaths = ctx.obj["paths"].ensure()
    if db_path:
        paths = DataPathsWithPublic(paths.root, Path(db_path))
    _build(
        paths,
        (as_of or now()).date(),
        sources_dir=Path(sources_dir) if sources_dir else None,
        allow_drop=allow_drop,
    )


class DataPathsWithPublic(DataPaths):
    """DataPaths whose public database lives elsewhere (`build --db`)."""

    def __init__(self, root: Path, public: Path):
        object.__setattr__(self, "root", root)
        object.__setattr__(self, "_public", public)

    @property
    def public_db(self) -> Path:
        return self._public


def serve_command(db_path: Path, port: int, host: str = "127.0.0.1") -> list[str]:
    datasette = shutil.which("datasette", path=os.path.dirname(sys.executable)) or "datasette"
    command = [
        datasette,
        "serve",
        "-i",
        str(db_path),
        "-m",
        str(METADATA_FILE),
        "--template-dir",
        str(TEMPLATES_DIR),
        "-h",
        host,
        "-p",
        str(port),
    ]
    for name, value in SERVE_SETTINGS:
        command += ["--setting", name, value]
    return command


@main.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database to serve (default: DATA/public.sqlite).",
)
@click.option(
    "--port",
    type=int,
    default=lambda: int(os.environ.get("PORT", 8001)),
    show_default="8001 or $PORT",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.pass_context
def serve(ctx: click.Context, db_path: str | None, port: int, host: str) -> None:
    """Serve the public database with Datasette (read-only, bounded queries)."""
    path = Path(db_path) if db_path else ctx.obj["paths"].public_db
    if not path.exists():
        fail(f"no database at {path}; run `bantracker build` (or `bantracker demo`) first")
    command = serve_command(path, port, host)
    click.echo(f"serving {path} on http://{host}:{port}/ (Ctrl-C to stop)")
    os.execv(command[0], command)


@main.command()
@click.option(
    "--port",
    type=int,
    default=lambda: int(os.environ.get("PORT", 8001)),
    show_default="8001 or $PORT",
)
@click.option("--no-serve", is_flag=True, help="Stop after building.")
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Date that decides whether measures are in force (default: today).",
)
@click.pass_context
def demo(ctx: click.Context, port: int, no_serve: bool, as_of: datetime | None) -> None:
    """Replay the bundled archive through the real spiders, build, and serve."""
    from bantracker.demo import pack

    paths: DataPaths = ctx.obj["paths"].ensure()
    count = pack(paths.demo_warc)
    click.echo(f"packed {count} bundled pages into {paths.demo_warc}")
    for stale in paths.archive.glob("demo-*.warc.gz*"):
        stale.unlink()
    crawled = _crawl(
        list(load_sources_or_fail().values()),
        paths.archive,
        [paths.demo_warc],
        "demo",
        ctx.obj["verbose"],
        {"BANTRACKER_INCREMENTAL": False},  # the bundled pack is replayed whole every time
    )
    _build(paths, (as_of or now()).date(), kind="demo", crawled=crawled)
    if not no_serve:
        command = serve_command(paths.public_db, port)
        click.echo(f"serving the demo on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
        os.execv(command[0], command)


@main.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.pass_context
def ingest(ctx: click.Context, targets: tuple[str, ...], as_of: datetime | None) -> None:
    """Add pages by hand (URLs or local HTML files): archive, extract, rebuild."""
    from crawlers.archive import WarcFile, warc_date

    paths: DataPaths = ctx.obj["paths"].ensure()
    urls = [t for t in targets if t.startswith(("http://", "https://"))]
    files = [Path(t) for t in targets if t not in urls]
    for path in files:
        if not path.is_file():
            fail(f"no such file: {path}")
    moment = now()
    if files:
        warc = WarcFile(
            paths.archive / f"{run_id_for(moment)}-xx_manual_files.warc.gz",
            "bantracker ingest",
            run_id_for(moment),
        )
        for path in files:
            body = path.read_bytes()
            warc.write_resource(
                path.resolve().as_uri(),
                "text/html",
                body,
                warc_date(moment),
                {"X-Bantracker-Source": "xx_manual", "X-Bantracker-Role": "article"},
            )
        warc.close()
        click.echo(f"archived {len(files)} file(s)")
    if urls:
        from bantracker.sources import parse_source

        manual = load_sources_or_fail()["xx_manual"]
        data = dict(manual.raw, start_urls=urls)
        source = parse_source(data, "xx_manual (ingest)")
        runs = _crawl(
            [source],
            paths.archive,
            [],
            run_id_for(moment),
            ctx.obj["verbose"],
            # asked for by name: fetched even when archived before
            {"ROBOTSTXT_OBEY": False, "RETRY_TIMES": 1, "BANTRACKER_INCREMENTAL": False},
        )
        run = runs[0]
        if run.by_status.get(200, 0) < len(urls):
            fail(f"could not fetch {', '.join(urls)} (statuses: {run.by_status or 'no response'})")
    _build(paths, (as_of or moment).date())


@main.command()
@click.argument("gold", type=click.Path(exists=True))
@click.option("--misses/--no-misses", default=True, help="List every miss and spurious value.")
@click.option(
    "--min-f1",
    type=float,
    default=None,
    help="Exit 1 when the (jurisdiction, product, action) F1 is below this.",
)
def evaluate(gold: str, misses: bool, min_f1: float | None) -> None:
    """Precision and recall of extraction against annotated documents (eval/README.md)."""
    from db.evaluate import evaluate as run_evaluation
    from db.evaluate import format_report

    report = run_evaluation(Path(gold))
    click.echo(format_report(report))
    if misses and report.misses:
        click.echo("\nmisses:")
        for line in report.misses:
            click.echo(f"  {line}")
    f1 = report.score("jurisdiction+product+action").f1
    if min_f1 is not None and f1 < min_f1:
        fail(f"F1 {f1:.3f} is below {min_f1}")


@main.command()
@click.option("--all", "force_all", is_flag=True, help="Crawl every source, due or not.")
@replay_option
@sources_dir_option
@click.argument("source_ids", nargs=-1)
@click.pass_context
def update(
    ctx: click.Context,
    force_all: bool,
    replay: tuple[str, ...],
    sources_dir: str | None,
    source_ids: tuple[str, ...],
) -> None:
    """Crawl the sources that are due, rebuild, check, and publish atomically (for cron).

    Exit codes: 0 published; 2 published with source warnings; 1 nothing published;
    75 another update is running.
    """
    from bantracker.update import run_update

    paths: DataPaths = ctx.obj["paths"].ensure()
    declared = load_sources_or_fail(Path(sources_dir) if sources_dir else None)
    chosen = [s for s in pick_sources(declared, source_ids) if s.spider != "manual"]
    code = run_update(
        paths,
        chosen,
        declared,
        now,
        lambda due, run_id: _crawl(
            due, paths.archive, [Path(p) for p in replay], run_id, ctx.obj["verbose"]
        ),
        lambda message: click.echo(message, err=message.startswith(("error", "warning"))),
        force_all=force_all or bool(source_ids),
    )
    sys.exit(code)


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json", "delta"]), default="csv", show_default=True
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="With delta: changes after this date (default: everything).",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database to export (default: DATA/public.sqlite).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (default: standard output).",
)
@click.pass_context
def export(
    ctx: click.Context, fmt: str, since: datetime | None, db_path: str | None, output
) -> None:
    """Export the timeline (csv), measures with events and evidence (json), or a delta."""
    from db.export import export_csv, export_delta, export_json

    path = Path(db_path) if db_path else ctx.obj["paths"].public_db
    if not path.exists():
        fail(f"no database at {path}; run `bantracker build` first")
    if fmt == "csv":
        export_csv(path, output)
    elif fmt == "json":
        export_json(path, output)
    else:
        export_delta(path, output, since.date().isoformat() if since else None)


SITE_PLUGINS = [
    "datasette-atom",
    "datasette-ics",
    "datasette-cluster-map",
    "datasette-dashboards",
    "datasette-search-all",
    "datasette-template-sql",
    "datasette-block-robots",
]


def publish_commands(target: str, db_path: Path, tag: str, service: str) -> list[list[str]]:
    """The soundness check, then the datasette command that publishes."""
    datasette = shutil.which("datasette", path=os.path.dirname(sys.executable)) or "datasette"
    common = ["-m", str(METADATA_FILE), "--template-dir", str(TEMPLATES_DIR)]
    extra = " ".join(f"--setting {name} {value}" for name, value in SERVE_SETTINGS)
    check = [datasette, str(db_path), *common, "--get", "/public/timeline.json?_size=1"]
    installs = [arg for plugin in SITE_PLUGINS for arg in ("--install", plugin)]
    if target == "docker":
        publish = [
            datasette,
            "package",
            str(db_path),
            *common,
            *installs,
            "-t",
            tag,
            "--extra-options",
            f"-i {extra}",
        ]
    else:
        publish = [
            datasette,
            "publish",
            "cloudrun",
            str(db_path),
            *common,
            *installs,
            "--service",
            service,
            "--extra-options",
            extra,
        ]
    return [check, publish]


@main.command()
@click.argument("target", type=click.Choice(["docker", "cloudrun"]))
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database to publish (default: DATA/public.sqlite).",
)
@click.option("--tag", default="bantracker:latest", show_default=True, help="Docker image tag.")
@click.option("--service", default="bantracker", show_default=True, help="Cloud Run service.")
@click.option("--dry-run", is_flag=True, help="Run the soundness check, print the publish command.")
@click.pass_context
def publish(
    ctx: click.Context, target: str, db_path: str | None, tag: str, service: str, dry_run: bool
) -> None:
    """Package the site as a Docker image or deploy it to Cloud Run, after a soundness check.

    Wraps `datasette package` / `datasette publish cloudrun` with the project's metadata,
    templates, plugins and query limits. Needs Docker, or gcloud logged in, respectively.
    """
    path = Path(db_path) if db_path else ctx.obj["paths"].public_db
    if not path.exists():
        fail(f"no database at {path}; run `bantracker build` first")
    check, command = publish_commands(target, path, tag, service)
    result = subprocess.run(check, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"soundness check failed, nothing published: {result.stderr.strip()[-300:]}")
    click.echo("soundness check passed: /public/timeline.json answers")
    click.echo(" ".join(command))
    if not dry_run:
        sys.exit(subprocess.run(command).returncode)


@main.command("sources")
@sources_dir_option
@click.pass_context
def list_sources(ctx: click.Context, sources_dir: str | None) -> None:
    """List every declared source: kind, languages, schedule and its last run's figures."""
    from db.history import latest_runs

    declared = load_sources_or_fail(Path(sources_dir) if sources_dir else None)
    last: dict[str, tuple[str, dict]] = {}
    for run in latest_runs(ctx.obj["paths"].runs_log).values():
        for figures in run.get("sources") or []:
            known = last.get(figures["source_id"])
            if known is None or run["started"] >= known[0]:
                last[figures["source_id"]] = (run["started"], figures)
    click.echo(
        f"{'source':26} {'kind':19} {'lang':11} {'schedule':14} {'last run':17} "
        f"{'docs':>5} {'unchanged':>9} {'errors':>6}  status"
    )
    for source in declared.values():
        started, figures = last.get(source.id, ("", {}))
        status = figures.get("warning") or ("ok" if figures else "never run")
        click.echo(
            f"{source.id:26} {source.kind:19} {','.join(source.languages):11} "
            f"{source.schedule:14} {started[:16].replace('T', ' ') or '-':17} "
            f"{figures.get('documents', '-'):>5} {figures.get('unchanged', '-'):>9} "
            f"{figures.get('errors', '-'):>6}  {status}"
        )


if __name__ == "__main__":
    main()
