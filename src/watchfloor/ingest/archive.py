"""Evidence preservation: every fetched response kept as WARC records (the format web archives use),
written with warcio — the request we sent and the response as it came, headers and body, with the time
and the body's SHA-256 — so a document can always be shown as it was captured, even after the page is
gone. Captures go to one gzipped WARC file a day; a capture is named by its file and offset.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from watchfloor.errors import InputError
from watchfloor.ingest.fetch import Fetched

SHA256_HEADER = "WARC-X-Watchfloor-SHA256"  # the body's SHA-256 (WARC's own digest field is SHA-1)


@dataclass(frozen=True, slots=True)
class Capture:
    """Where a fetched response is archived: the WARC file, the offset of its response record, its id."""

    path: str
    offset: int
    record_id: str
    sha256: str


class WarcArchive:
    """The WARC files of a workspace, in ``folder`` (one gzipped file per day of capture)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def keep(self, fetched: Fetched) -> Capture:
        """Append the request and the response of ``fetched``; its capture."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"watchfloor-{fetched.fetched_at:%Y%m%d}.warc.gz"
        when = fetched.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        with path.open("ab") as target:
            writer = WARCWriter(target, gzip=True)
            response = writer.create_warc_record(
                fetched.final_url, "response", payload=io.BytesIO(fetched.body),
                http_headers=StatusAndHeaders(f"{fetched.status} {fetched.reason}", fetched.headers,
                                              protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": when, "WARC-IP-Address": fetched.address,
                                   SHA256_HEADER: fetched.sha256})
            request = writer.create_warc_record(
                fetched.final_url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {fetched.final_url} HTTP/1.1", [], is_http_request=True),
                warc_headers_dict={"WARC-Date": when, "WARC-Concurrent-To":
                                   response.rec_headers.get_header("WARC-Record-ID")})
            offset = target.tell()
            writer.write_record(response)
            writer.write_record(request)
        return Capture(str(path), offset, response.rec_headers.get_header("WARC-Record-ID"), fetched.sha256)


def read_capture(capture: Capture) -> tuple[str, bytes]:
    """The archived response a capture names: its status line and its body (InputError if the file
    does not hold it, or holds something else than was captured)."""
    with open(capture.path, "rb") as source:
        source.seek(capture.offset)
        for record in ArchiveIterator(source):
            if record.rec_headers.get_header("WARC-Record-ID") != capture.record_id:
                break
            body = record.content_stream().read()
            status = record.http_headers.statusline if record.http_headers else ""
            if hashlib.sha256(body).hexdigest() != capture.sha256:
                raise InputError(capture.path, f"the capture at {capture.offset} does not match its hash")
            return status, body
    raise InputError(capture.path, f"no capture {capture.record_id} at offset {capture.offset}")
