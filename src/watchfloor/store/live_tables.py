"""Tables of live sources: the sources polled, the captures of fetched responses (the WARC record each
is archived in), alert deliveries with their attempts, and leases (one poller per workspace)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchfloor.store.tables import Base, JsonType, UtcDateTime

SOURCE_KINDS = ("feed", "page", "sitemap")
DELIVERY_STATES = ("pending", "sent", "failed")


class SourceRow(Base):
    """A feed, page or sitemap polled every ``every_seconds``, with the state of its last polls."""

    __tablename__ = "source"
    __table_args__ = (CheckConstraint("kind IN ('feed', 'page', 'sitemap')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    url_key: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the URL
    kind: Mapped[str] = mapped_column(String(20))
    every_seconds: Mapped[int] = mapped_column(Integer)
    publisher: Mapped[str | None] = mapped_column(String(500))
    document_kind: Mapped[str | None] = mapped_column(String(40))
    follow: Mapped[bool] = mapped_column(Boolean, default=False)  # feeds: fetch each new entry's page
    ignore_robots: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str | None] = mapped_column(String(200))
    next_due_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    last_polled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive; drives the back-off
    last_error: Mapped[str | None] = mapped_column(Text)
    documents: Mapped[int] = mapped_column(Integer, default=0)  # stored from this source so far


class CaptureRow(Base):
    """A fetched response as archived: the WARC file and offset of its record, its hash and validators."""

    __tablename__ = "capture"
    __table_args__ = (Index("ix_capture_url_key_fetched_at", "url_key", "fetched_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    url_key: Mapped[str] = mapped_column(String(64))  # SHA-256 of the URL asked for
    final_url: Mapped[str] = mapped_column(Text)
    final_url_key: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256 of the URL answered
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    address: Mapped[str | None] = mapped_column(String(64))
    warc_path: Mapped[str] = mapped_column(Text)
    warc_offset: Mapped[int] = mapped_column(BigInteger)
    record_id: Mapped[str] = mapped_column(String(100))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"), index=True)
    #: When its body was ingested (and, for a feed or sitemap, its links followed); None: still to do.
    processed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)


class DeliveryRow(Base):
    """One alert to one sink: pending until sent, retried with back-off, failed after the last attempt."""

    __tablename__ = "delivery"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'sent', 'failed')", name="status"),
        Index("ix_delivery_status_next_attempt_at", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alert.id", ondelete="CASCADE"), index=True)
    sink: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(Text)  # described, without secrets
    spec: Mapped[Any] = mapped_column(JsonType)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class LeaseRow(Base):
    """A named lease held by one process until it expires (the poller of a workspace)."""

    __tablename__ = "lease"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
