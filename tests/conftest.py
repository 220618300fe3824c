"""Shared fixtures. The demo database is built once per session, through the real CLI: pack the
bundled pages into WARC, replay them through the real spiders, build with sqlite-utils."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

BIN = Path(sys.executable).parent


def run_cli(
    *args: str, data: Path | None = None, check: bool = True, timeout: int = 300
) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if data is not None:
        env["BANTRACKER_DATA"] = str(data)
    result = subprocess.run(
        [str(BIN / "bantracker"), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"bantracker {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo-data")
    run_cli("demo", "--no-serve", "--as-of", "2026-11-23", data=data)
    return data


@pytest.fixture(scope="session")
def public_db(demo_data: Path) -> Path:
    return demo_data / "public.sqlite"


@pytest.fixture(scope="session")
def work_db(demo_data: Path) -> Path:
    return demo_data / "work.sqlite"
