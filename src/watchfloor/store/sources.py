"""Live sources in the SQL store: sources and their poll state, captures, unwatched documents, leases."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.store.engine import SqlSessions
from watchfloor.store.live import NewCapture, Source, SourceSpec, StoredCapture, backoff, url_key
from watchfloor.store.live_tables import CaptureRow, LeaseRow, SourceRow
from watchfloor.store.rows import from_row, now
from watchfloor.store.tables import DocumentRow

#: Longest error text kept for a source.
MAX_ERROR_CHARS = 1000


class SourcesMixin(SqlSessions):
    """Sources, captures, the documents watch rules have not seen, leases."""

    # -- sources -----------------------------------------------------------------------------
    def add_source(self, spec: SourceSpec, *, by: str | None = None) -> Source:
        created = now()
        row = SourceRow(url=spec.url, url_key=url_key(spec.url), kind=spec.kind,
                        every_seconds=spec.every_seconds, publisher=spec.publisher,
                        document_kind=spec.document_kind, follow=spec.follow,
                        ignore_robots=spec.ignore_robots, created_at=created, created_by=by,
                        next_due_at=created, failures=0, documents=0)
        try:
            with self._write.begin() as session:
                session.add(row)
                session.flush()
                return from_row(Source, row)
        except IntegrityError:
            raise WatchfloorError(f"{spec.url} is already a source") from None

    def sources(self) -> list[Source]:
        with self._read() as session:
            rows = session.scalars(select(SourceRow).order_by(SourceRow.id))
            return [from_row(Source, row) for row in rows]

    def source(self, source_id: int) -> Source | None:
        with self._read() as session:
            row = session.get(SourceRow, source_id)
            return from_row(Source, row) if row is not None else None

    def remove_source(self, source_id: int) -> Source:
        with self._write.begin() as session:
            row = session.get(SourceRow, source_id)
            if row is None:
                raise NotFoundError(f"no source {source_id}")
            removed = from_row(Source, row)
            session.delete(row)
            return removed

    def due_sources(self, at: datetime) -> list[Source]:
        statement = select(SourceRow).where(SourceRow.next_due_at <= at).order_by(SourceRow.next_due_at,
                                                                                  SourceRow.id)
        with self._read() as session:
            return [from_row(Source, row) for row in session.scalars(statement)]

    def record_poll(self, source_id: int, at: datetime, *, error: str | None = None, stored: int = 0) -> None:
        with self._write.begin() as session:
            row = session.get(SourceRow, source_id)
            if row is None:  # removed while it was being polled
                return
            row.last_polled_at = at
            row.failures = row.failures + 1 if error else 0
            row.last_error = error[:MAX_ERROR_CHARS] if error else None
            if not error:
                row.last_success_at = at
            row.documents += stored
            row.next_due_at = at + backoff(timedelta(seconds=row.every_seconds), row.failures)

    # -- captures ----------------------------------------------------------------------------
    def add_capture(self, capture: NewCapture) -> StoredCapture:
        fields = {name: getattr(capture, name) for name in NewCapture.__dataclass_fields__}
        row = CaptureRow(url_key=url_key(capture.url), final_url_key=url_key(capture.final_url), **fields)
        with self._write.begin() as session:
            session.add(row)
            session.flush()
            return from_row(StoredCapture, row)

    def capture(self, capture_id: int) -> StoredCapture | None:
        with self._read() as session:
            row = session.get(CaptureRow, capture_id)
            return from_row(StoredCapture, row) if row is not None else None

    def latest_capture(self, url: str) -> StoredCapture | None:
        statement = (select(CaptureRow).where(CaptureRow.url_key == url_key(url))
                     .order_by(CaptureRow.fetched_at.desc(), CaptureRow.id.desc()).limit(1))
        with self._read() as session:
            row = session.scalar(statement)
            return from_row(StoredCapture, row) if row is not None else None

    def captured(self, url: str) -> bool:
        key = url_key(url)
        statement = select(CaptureRow.id).where(
            or_(CaptureRow.url_key == key, CaptureRow.final_url_key == key)).limit(1)
        with self._read() as session:
            return session.scalar(statement) is not None

    def unprocessed_captures(self) -> list[StoredCapture]:
        statement = select(CaptureRow).where(CaptureRow.processed_at.is_(None)).order_by(CaptureRow.id)
        with self._read() as session:
            return [from_row(StoredCapture, row) for row in session.scalars(statement)]

    def mark_capture_processed(self, capture_id: int, at: datetime) -> None:
        with self._write.begin() as session:
            session.execute(update(CaptureRow).where(CaptureRow.id == capture_id).values(processed_at=at))

    # -- documents watch rules have not seen -------------------------------------------------
    def unwatched_documents(self, limit: int = 1000) -> list[str]:
        statement = (select(DocumentRow.id).where(DocumentRow.watched_at.is_(None))
                     .order_by(DocumentRow.ingested_at, DocumentRow.id).limit(limit))
        with self._read() as session:
            return list(session.scalars(statement))

    def mark_watched(self, document_id: str, at: datetime) -> None:
        with self._write.begin() as session:
            session.execute(update(DocumentRow).where(DocumentRow.id == document_id).values(watched_at=at))

    # -- leases ------------------------------------------------------------------------------
    def acquire_lease(self, name: str, holder: str, until: datetime, *, at: datetime,
                      takeover: frozenset[str] = frozenset()) -> str | None:
        try:
            with self._write.begin() as session:
                row = session.get(LeaseRow, name, with_for_update=True)
                if row is None:
                    session.add(LeaseRow(name=name, holder=holder, expires_at=until))
                    return None
                if row.holder != holder and row.expires_at > at and row.holder not in takeover:
                    return row.holder
                row.holder, row.expires_at = holder, until
                return None
        except IntegrityError:  # another process took it at the same moment
            return self.lease_holder(name, at) or "another process"

    def lease_holder(self, name: str, at: datetime) -> str | None:
        with self._read() as session:
            row = session.get(LeaseRow, name)
            return row.holder if row is not None and row.expires_at > at else None

    def release_lease(self, name: str, holder: str) -> None:
        with self._write.begin() as session:
            session.execute(delete(LeaseRow).where(LeaseRow.name == name, LeaseRow.holder == holder))
