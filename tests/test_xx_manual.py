"""Pages added by hand: `bantracker ingest FILE` archives, extracts and publishes them."""

from pathlib import Path

from tests.conftest import run_cli

PAGE = """<!doctype html><html lang="en"><head><title>Oslo bars TikTok on council phones</title>
<meta property="article:published_time" content="2026-05-04T09:00:00Z"></head><body><article>
<h1>Oslo bars TikTok on council phones</h1>
<p>The city of Oslo said on Monday that its employees may no longer install TikTok on work
phones issued by the council, citing security concerns raised by the national security service.</p>
<p>The rule applies to every municipal department from 1 June 2026, a spokesperson said.</p>
</article></body></html>"""


def test_ingest_file_adds_a_document(tmp_path: Path):
    page = tmp_path / "oslo.html"
    page.write_text(PAGE, encoding="utf-8")
    data = tmp_path / "data"
    result = run_cli("ingest", str(page), "--as-of", "2026-06-10", data=data)
    assert "1 documents" in result.stdout
    assert list((data / "archive").glob("*xx_manual_files.warc.gz"))


def test_ingest_missing_file_fails_naming_it(tmp_path: Path):
    result = run_cli("ingest", str(tmp_path / "nope.html"), data=tmp_path / "data", check=False)
    assert result.returncode != 0
    assert "nope.html" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_ingest_unreachable_url_fails_naming_it(tmp_path: Path):
    url = "http://127.0.0.1:9/unreachable"
    result = run_cli("ingest", url, data=tmp_path / "data", check=False)
    assert result.returncode != 0
    assert url in result.stderr
