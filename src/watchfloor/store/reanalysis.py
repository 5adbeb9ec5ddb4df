"""Re-extraction in the SQL store: a stored document's machine output replaced in one transaction.

Analyst input is untouched: judgements name mentions by stable keys (document, span, label), so
re-resolution after a re-extraction applies them to the new rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from watchfloor.errors import WatchfloorError
from watchfloor.model import Analysis, Document
from watchfloor.store.engine import SqlSessions
from watchfloor.store.mentions import OUTPUT_KINDS, replace_output
from watchfloor.store.tables import DocumentRow


class ReanalysisMixin(SqlSessions):
    """Listing documents to re-extract and replacing their machine output."""

    def document_ids(self, *, ingested_since: date | None = None) -> Iterator[str]:
        statement = select(DocumentRow.id).order_by(DocumentRow.ingested_at, DocumentRow.id)
        if ingested_since is not None:
            since = datetime.combine(ingested_since, time(), UTC)
            statement = statement.where(DocumentRow.ingested_at >= since)
        with self._read() as session:
            yield from session.scalars(statement.execution_options(yield_per=1000))

    def replace_machine_output(
        self, document_id: str, analysis: Analysis, kinds: Iterable[str] = OUTPUT_KINDS
    ) -> None:
        chosen = set(kinds)
        if unknown := sorted(chosen - set(OUTPUT_KINDS)):
            raise WatchfloorError(f"unknown output kind {unknown[0]!r} (known: {', '.join(OUTPUT_KINDS)})")
        with self._write.begin() as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise WatchfloorError(f"no document with id {document_id!r} in this workspace")
            if analysis.text != row.text:
                raise ValueError("analysis text differs from the stored text, so its spans cannot be stored")
            document = Document(text=row.text, title=row.title, published_at=row.published_at)
            replace_output(session, document_id, document, analysis, chosen)
