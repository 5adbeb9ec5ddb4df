"""Claims as CSV, one row per claim, for spreadsheets and notebooks (written with the ``csv`` module).

Each row has the claim's document and publisher, who says it, the cue, the stance and hedge, the
evidence (the content's words) with its character offsets, the time it is about, the entities it
involves and its credibility (the Admiralty grade of its cluster). A cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so that a spreadsheet does not run
a document's words as a formula; the offsets still locate the words in the document.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from watchfloor.export.workspace import claim_grades, walk_documents
from watchfloor.store.base import Store

CSV_COLUMNS = (
    "claim", "claim_key", "document", "title", "publisher", "published", "url", "speaker",
    "speaker_entity", "cue", "stance", "hedge", "evidence", "evidence_start", "evidence_end", "cue_start",
    "cue_end", "time", "time_start", "time_end", "entities", "credibility", "credibility_label", "cluster",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_rows(store: Store, scope: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """One dict per claim of the documents (all, or those of ``scope``), keys :data:`CSV_COLUMNS`."""
    grades = claim_grades(store)
    for output in walk_documents(store, scope, entities=False):
        document = output.document
        ids = {e for c in output.claims for e in [*c.entity_ids, c.speaker_entity_id] if e}
        names = store.entity_names(ids) if ids else {}
        for claim in output.claims:
            grade = grades.get(claim.id)
            yield {
                "claim": claim.id, "claim_key": claim.key, "document": document.id,
                "title": document.title, "publisher": document.publisher,
                "published": document.published_at.isoformat() if document.published_at else None,
                "url": document.url, "speaker": claim.speaker or claim.source,
                "speaker_entity": names.get(claim.speaker_entity_id or ""), "cue": claim.cue,
                "stance": claim.stance, "hedge": claim.hedge, "evidence": claim.content,
                "evidence_start": claim.content_start, "evidence_end": claim.content_end,
                "cue_start": claim.cue_start, "cue_end": claim.cue_end, "time": claim.time_value,
                "time_start": claim.time_start.isoformat() if claim.time_start else None,
                "time_end": claim.time_end.isoformat() if claim.time_end else None,
                "entities": "; ".join(dict.fromkeys(names[e] for e in claim.entity_ids if e in names)),
                "credibility": grade.grade if grade else None,
                "credibility_label": grade.label if grade else None,
                "cluster": grade.cluster if grade else None,
            }


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The header, then each row, as CSV text (RFC 4180 quoting, ``\\r\\n`` line ends)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        writer.writerow({key: _cell(value) for key, value in row.items()})
    yield buffer.getvalue()
