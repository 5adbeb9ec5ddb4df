"""SQLAlchemy ORM tables of a workspace (docs/data-model.md describes them).

Machine output (mention, time_expression, claim, claim_entity, entity, entity_name) always records the
document, the span and the component (``name@version``) that produced it. Analyst input
(watchlist_entry, watchlist_alias, judgement, publisher reliability) lives in tables of its own.
Schema changes go through an Alembic migration in ``store/migrations/versions``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Constraint names fixed by convention, so migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JsonType = JSON().with_variant(JSONB(), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and returned timezone-aware on every backend.

    Naive values are taken to be UTC; a plain ``date`` becomes midnight UTC of that day.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) and isinstance(value, date):
            value = datetime.combine(value, time(), UTC)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PublisherRow(Base):
    """Who put documents out, with the analyst's Admiralty reliability (A–F, F = cannot be judged)."""

    __tablename__ = "publisher"
    __table_args__ = (CheckConstraint("reliability IN ('A', 'B', 'C', 'D', 'E', 'F')", name="admiralty"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    reliability: Mapped[str] = mapped_column(String(1), default="F", server_default="F")


class DocumentRow(Base):
    __tablename__ = "document"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher_id: Mapped[int | None] = mapped_column(ForeignKey("publisher.id"), index=True)
    author: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    retrieved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    ingested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    lang: Mapped[str | None] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(Text)
    syndicated_from: Mapped[str | None] = mapped_column(ForeignKey("document.id"), index=True)
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JsonType, default=dict)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: Folded words of title and text that full-text search indexes (watchfloor/text/search.py).
    search_keys: Mapped[str | None] = mapped_column(Text)
    #: The archived response the document was read from (live sources), and when watch rules saw it.
    capture_id: Mapped[int | None] = mapped_column(Integer, index=True)  # capture.id (never deleted)
    watched_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)


class EntityRow(Base):
    """The thing behind many mentions; ``id`` is stable (watchlist key, or type + normalised name)."""

    __tablename__ = "entity"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(Text)


class EntityNameRow(Base):
    """Every form of an entity's name seen in documents (and its watchlist names), in any script."""

    __tablename__ = "entity_name"
    __table_args__ = (UniqueConstraint("entity_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)  # normalised, for case-insensitive lookup
    script: Mapped[str | None] = mapped_column(String(40))
    lang: Mapped[str | None] = mapped_column(String(16))


class EntityBlockRow(Base):
    """A blocking key of an entity's names: incremental resolution compares a new mention only with the
    entities sharing one of its keys (:mod:`watchfloor.resolve.blocking`)."""

    __tablename__ = "entity_block"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    entity_id: Mapped[str] = mapped_column(
        ForeignKey("entity.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class _Reviewed:
    """Columns of machine output an analyst can review: the decision in force, by whom, and the
    machine's own values of the fields the analyst corrected."""

    review: Mapped[str | None] = mapped_column(String(20))  # confirmed, rejected, corrected
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    machine: Mapped[dict[str, Any] | None] = mapped_column(JsonType)


class _DocumentSpan:
    """Columns of every machine-made span: its document, offsets, text and the component that made it."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    component: Mapped[str] = mapped_column(String(80))


class MentionRow(_DocumentSpan, _Reviewed, Base):
    __tablename__ = "mention"

    label: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entity.id"), index=True)
    #: The watchlist entry a ``watchlist.names`` match came from: resolution keeps it with that entry.
    watchlist_key: Mapped[str | None] = mapped_column(String(80))


class TimeExpressionRow(_DocumentSpan, Base):
    __tablename__ = "time_expression"

    type: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(80))
    mod: Mapped[str | None] = mapped_column(String(20))


class ClaimRow(_Reviewed, Base):
    """One attribution with its evidence spans; ``time_start``/``time_end`` bound ``time_value``."""

    __tablename__ = "claim"
    __table_args__ = (CheckConstraint("stance IN ('asserts', 'denies', 'no_comment')", name="stance"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    cue: Mapped[str] = mapped_column(Text)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(Text)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_entity_id: Mapped[str | None] = mapped_column(ForeignKey("entity.id"), index=True)
    speaker_key: Mapped[str] = mapped_column(Text)  # normalised source + speaker text, for filtering
    stance: Mapped[str] = mapped_column(String(20), index=True)
    hedge: Mapped[str | None] = mapped_column(String(40))
    via: Mapped[list[str]] = mapped_column(JsonType, default=list)
    time_value: Mapped[str | None] = mapped_column(String(80))
    time_precision: Mapped[str | None] = mapped_column(String(20))
    time_start: Mapped[date | None] = mapped_column(index=True)
    time_end: Mapped[date | None] = mapped_column(index=True)
    component: Mapped[str] = mapped_column(String(80))
    # -- the claim layer: what the statement claims (model/claims.py) -------------------------------
    polarity: Mapped[str] = mapped_column(String(10), default="positive", server_default="positive")
    proposition: Mapped[str | None] = mapped_column(Text)
    proposition_start: Mapped[int | None] = mapped_column(Integer)
    proposition_end: Mapped[int | None] = mapped_column(Integer)
    characterisation: Mapped[str | None] = mapped_column(Text)
    characterisation_start: Mapped[int | None] = mapped_column(Integer)
    characterisation_end: Mapped[int | None] = mapped_column(Integer)
    affiliation: Mapped[str | None] = mapped_column(Text)
    affiliation_start: Mapped[int | None] = mapped_column(Integer)
    affiliation_end: Mapped[int | None] = mapped_column(Integer)
    affiliation_entity_id: Mapped[str | None] = mapped_column(ForeignKey("entity.id"))
    speaker_status: Mapped[str | None] = mapped_column(String(20))
    basis: Mapped[str | None] = mapped_column(String(60))
    event: Mapped[str | None] = mapped_column(String(40), index=True)
    frame: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)


class ClaimParticipantRow(Base):
    """An entity taking part in what a claim reports, by role (agent, patient, recipient, location…);
    ``refers_start``/``refers_end`` are the named mention a pronoun or description stands for."""

    __tablename__ = "claim_participant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    label: Mapped[str | None] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    refers_start: Mapped[int | None] = mapped_column(Integer)
    refers_end: Mapped[int | None] = mapped_column(Integer)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entity.id"), index=True)


class ClaimEntityRow(Base):
    """Entities whose mentions lie inside a claim's content or source span."""

    __tablename__ = "claim_entity"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entity.id"), primary_key=True, index=True)


class WatchlistEntryRow(Base):
    """Analyst input: a watched name and its type (aliases in ``watchlist_alias``)."""

    __tablename__ = "watchlist_entry"
    __table_args__ = (UniqueConstraint("type", "name"),)

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class WatchlistAliasRow(Base):
    __tablename__ = "watchlist_alias"
    __table_args__ = (UniqueConstraint("entry_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("watchlist_entry.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)


class JudgementRow(Base):
    """Analyst decision (merge, split, not-same on entities; confirm, reject, correct on machine
    output), reversible through ``undone_at``; ``document_id`` names the document a review concerns."""

    __tablename__ = "judgement"
    __table_args__ = (
        CheckConstraint(
            "action IN ('merge', 'split', 'not-same', 'confirm', 'reject', 'correct')", name="action"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(20), index=True)
    subject: Mapped[dict[str, Any]] = mapped_column(JsonType)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    document_id: Mapped[str | None] = mapped_column(String(32), index=True)


class AlertRow(Base):
    """The record that a watch rule fired; one per (rule, subject)."""

    __tablename__ = "alert"
    __table_args__ = (UniqueConstraint("rule", "subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(200))


class WatchRuleRow(Base):
    """An analyst's watch rule (its YAML definition as JSON), evaluated on every new document."""

    __tablename__ = "watch_rule"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    definition: Mapped[dict[str, Any]] = mapped_column(JsonType)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReferenceEntityRow(Base):
    """An entity of an imported reference list (FollowTheMoney JSON), kept apart from machine output."""

    __tablename__ = "reference_entity"

    dataset: Mapped[str] = mapped_column(String(100), primary_key=True)
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    schema: Mapped[str] = mapped_column(String(60))
    caption: Mapped[str] = mapped_column(Text)
    names: Mapped[list[str]] = mapped_column(JsonType)
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AccountRow(Base):
    """An API account: its role and the SHA-256 of its token (the token itself is never stored)."""

    __tablename__ = "account"
    __table_args__ = (CheckConstraint("role IN ('viewer', 'analyst', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AuditRow(Base):
    """One write to the workspace, kept for admins: who, when, what, the state before and after."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(200), index=True)
    action: Mapped[str] = mapped_column(String(60), index=True)
    subject: Mapped[str] = mapped_column(Text)
    before: Mapped[Any] = mapped_column(JsonType, nullable=True)
    after: Mapped[Any] = mapped_column(JsonType, nullable=True)


#: Objects the migrations create outside the models: full-text search (FTS5 tables, tsvector column).
FULL_TEXT_OBJECTS = frozenset({"search", "ix_document_search"})


def is_modelled(obj: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    """Alembic ``include_object`` filter: False for the full-text objects the models do not describe."""
    return not ((kind == "table" and (name or "").startswith("document_fts")) or name in FULL_TEXT_OBJECTS)


# the live-source tables share the metadata (imported last: they build on Base)
from watchfloor.store.live_tables import CaptureRow, DeliveryRow, LeaseRow, SourceRow  # noqa: E402, F401
