"""Pack the bundled demo pages (`demo/pages/<source>/manifest.yml`) into one WARC file.

The output is byte-for-byte reproducible: record dates come from the manifests, record ids are
derived from URL, date and content, and gzip members carry no timestamp. So the demo archive
is a build product of files kept in the repository, not a binary blob in it.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import yaml
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bantracker.config import DEMO_PAGES_DIR

NAMESPACE = uuid.UUID("6f1a39f0-6c2b-4b8e-9d0e-6a3f5c0b7d21")


class ManifestError(ValueError):
    """A demo manifest entry that cannot be packed; the message names the manifest."""


@dataclass(frozen=True)
class Page:
    url: str
    path: Path
    content_type: str
    fetched: str
    status: int
    headers: tuple[tuple[str, str], ...]


def load_manifest(manifest: Path) -> list[Page]:
    entries = yaml.safe_load(manifest.read_text(encoding="utf-8")) or []
    pages = []
    for number, entry in enumerate(entries, 1):
        where = f"{manifest}: entry {number}"
        try:
            url, file, content_type = entry["url"], entry["file"], entry["content_type"]
            fetched = entry["fetched"]
        except (KeyError, TypeError) as exc:
            raise ManifestError(f"{where}: missing {exc}") from None
        path = manifest.parent / file
        if not path.is_file():
            raise ManifestError(f"{where}: no file {path}")
        if hasattr(fetched, "isoformat"):
            fetched = fetched.strftime("%Y-%m-%dT%H:%M:%SZ")
        extra = tuple((str(k), str(v)) for k, v in (entry.get("headers") or {}).items())
        pages.append(
            Page(url, path, content_type, str(fetched), int(entry.get("status", 200)), extra)
        )
    return pages


def load_pages(pages_dir: Path = DEMO_PAGES_DIR) -> list[Page]:
    pages = []
    for manifest in sorted(pages_dir.glob("*/manifest.yml")):
        pages.extend(load_manifest(manifest))
    return sorted(pages, key=lambda p: (p.fetched, p.url))


def record_id(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, digest.hexdigest())}>"


def pack(out: Path, pages_dir: Path = DEMO_PAGES_DIR) -> int:
    """Write the WARC; returns the number of response records."""
    pages = load_pages(pages_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = b"software: bantracker demo packer\r\nformat: WARC File Format 1.1\r\n"
        first_date = pages[0].fetched if pages else "2026-01-01T00:00:00Z"
        writer.write_record(
            writer.create_warc_record(
                out.name,
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Date": first_date,
                    "WARC-Record-ID": record_id("warcinfo", out.name),
                    "WARC-Filename": out.name,
                },
            )
        )
        for page in pages:
            body = page.path.read_bytes()
            headers = [("Content-Type", page.content_type), ("Content-Length", str(len(body)))]
            headers.extend(page.headers)
            http = StatusAndHeaders(f"{page.status} OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                page.url,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Date": page.fetched,
                    "WARC-Record-ID": record_id(page.url, page.fetched, body),
                },
            )
            writer.write_record(record)
    tmp.replace(out)
    return len(pages)
