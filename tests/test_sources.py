"""Per-source crawl settings come from the declaration, and `bantracker sources` lists every
source with its last run's figures."""

from bantracker.sources import load_sources
from crawlers.spiders import HTTP2_HANDLER, spider_class_for
from tests.conftest import run_cli


def test_crawl_section_becomes_spider_settings():
    sources = load_sources()
    bbc = spider_class_for(sources["gb_bbc_technology"]).custom_settings
    assert bbc["DOWNLOAD_HANDLERS"] == {"https": HTTP2_HANDLER}
    gdelt = spider_class_for(sources["xx_gdelt"]).custom_settings
    assert gdelt["DOWNLOAD_DELAY"] == 5 and gdelt["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert "DOWNLOAD_HANDLERS" not in spider_class_for(sources["be_vrt_nws"]).custom_settings


def test_sources_command_lists_every_source_with_its_last_run(demo_data):
    result = run_cli("sources", data=demo_data)
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["source", "kind", "lang", "schedule"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert set(rows) == set(load_sources())
    vrt = rows["be_vrt_nws"].split()
    # id, kind, language, schedule, run date, run time, documents, unchanged, errors, status
    assert vrt[1:3] == ["public_broadcaster", "nl"] and vrt[-1] == "ok"
    assert int(vrt[-4]) >= 5 and vrt[-2] == "0"
    assert rows["xx_gdelt"].split()[-1] == "ok"  # best effort: never flagged
