"""Initial workspace schema: documents, machine output, entities, watchlist, judgements, alerts.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Characters of a document indexed for full-text search on PostgreSQL (a tsvector is at most 1 MB).
PG_SEARCH_CHARS = 200_000

TIMESTAMP = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def _document_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["document_id"], ["document.id"], name=f"fk_{table}_document_id_document", ondelete="CASCADE"
    )


def _span(prefix: str, nullable: bool = False) -> list[sa.Column[object]]:
    return [
        sa.Column(prefix, sa.Text(), nullable=nullable),
        sa.Column(f"{prefix}_start", sa.Integer(), nullable=nullable),
        sa.Column(f"{prefix}_end", sa.Integer(), nullable=nullable),
    ]


def _create_tables() -> None:
    op.create_table(
        "publisher",
        _id(),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("reliability", sa.String(1), server_default="F", nullable=False),
        sa.CheckConstraint("reliability IN ('A', 'B', 'C', 'D', 'E', 'F')", name="ck_publisher_admiralty"),
        sa.PrimaryKeyConstraint("id", name="pk_publisher"),
        sa.UniqueConstraint("name", name="uq_publisher_name"),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("published_at", TIMESTAMP, nullable=True),
        sa.Column("retrieved_at", TIMESTAMP, nullable=True),
        sa.Column("ingested_at", TIMESTAMP, nullable=False),
        sa.Column("lang", sa.String(16), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("syndicated_from", sa.String(32), nullable=True),
        sa.Column("metadata", JSON, nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["publisher.id"], name="fk_document_publisher_id_publisher"
        ),
        sa.ForeignKeyConstraint(
            ["syndicated_from"], ["document.id"], name="fk_document_syndicated_from_document"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_document"),
        sa.UniqueConstraint("content_hash", name="uq_document_content_hash"),
    )
    op.create_table(
        "entity",
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity"),
    )
    op.create_table(
        "entity_name",
        _id(),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("script", sa.String(40), nullable=True),
        sa.Column("lang", sa.String(16), nullable=True),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entity.id"], name="fk_entity_name_entity_id_entity", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_entity_name"),
        sa.UniqueConstraint("entity_id", "name", name="uq_entity_name_entity_id"),
    )
    op.create_table(
        "mention",
        _id(),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("component", sa.String(80), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=True),
        _document_fk("mention"),
        sa.ForeignKeyConstraint(["entity_id"], ["entity.id"], name="fk_mention_entity_id_entity"),
        sa.PrimaryKeyConstraint("id", name="pk_mention"),
    )
    op.create_table(
        "time_expression",
        _id(),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("value", sa.String(80), nullable=False),
        sa.Column("mod", sa.String(20), nullable=True),
        sa.Column("component", sa.String(80), nullable=False),
        _document_fk("time_expression"),
        sa.PrimaryKeyConstraint("id", name="pk_time_expression"),
    )
    op.create_table(
        "claim",
        _id(),
        sa.Column("document_id", sa.String(32), nullable=False),
        *_span("cue"),
        *_span("source", nullable=True),
        *_span("content"),
        *_span("sentence"),
        *_span("speaker", nullable=True),
        sa.Column("speaker_entity_id", sa.String(80), nullable=True),
        sa.Column("speaker_key", sa.Text(), nullable=False),
        sa.Column("stance", sa.String(20), nullable=False),
        sa.Column("hedge", sa.String(40), nullable=True),
        sa.Column("via", JSON, nullable=False),
        sa.Column("time_value", sa.String(80), nullable=True),
        sa.Column("time_precision", sa.String(20), nullable=True),
        sa.Column("time_start", sa.Date(), nullable=True),
        sa.Column("time_end", sa.Date(), nullable=True),
        sa.Column("component", sa.String(80), nullable=False),
        _document_fk("claim"),
        sa.ForeignKeyConstraint(
            ["speaker_entity_id"], ["entity.id"], name="fk_claim_speaker_entity_id_entity"
        ),
        sa.CheckConstraint("stance IN ('asserts', 'denies')", name="ck_claim_stance"),
        sa.PrimaryKeyConstraint("id", name="pk_claim"),
    )
    op.create_table(
        "claim_entity",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name="fk_claim_entity_claim_id_claim", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["entity_id"], ["entity.id"], name="fk_claim_entity_entity_id_entity"),
        sa.PrimaryKeyConstraint("claim_id", "entity_id", name="pk_claim_entity"),
    )
    op.create_table(
        "watchlist_entry",
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_watchlist_entry"),
        sa.UniqueConstraint("type", "name", name="uq_watchlist_entry_type"),
    )
    op.create_table(
        "watchlist_alias",
        _id(),
        sa.Column("entry_id", sa.String(80), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["watchlist_entry.id"],
            name="fk_watchlist_alias_entry_id_watchlist_entry",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_watchlist_alias"),
        sa.UniqueConstraint("entry_id", "alias", name="uq_watchlist_alias_entry_id"),
    )
    op.create_table(
        "judgement",
        _id(),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("subject", JSON, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("undone_at", TIMESTAMP, nullable=True),
        sa.CheckConstraint(
            "action IN ('merge', 'split', 'not-same', 'confirm', 'reject')", name="ck_judgement_action"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_judgement"),
    )
    op.create_table(
        "alert",
        _id(),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(500), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("payload", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alert"),
        sa.UniqueConstraint("rule", "subject", name="uq_alert_rule"),
    )


#: (table, column) pairs with a plain index, named ix_<table>_<column> as the models name them.
INDEXES = [
    ("document", "kind"),
    ("document", "published_at"),
    ("document", "publisher_id"),
    ("document", "syndicated_from"),
    ("entity", "type"),
    ("entity_name", "key"),
    ("mention", "document_id"),
    ("mention", "entity_id"),
    ("time_expression", "document_id"),
    ("claim", "document_id"),
    ("claim", "speaker_entity_id"),
    ("claim", "stance"),
    ("claim", "time_start"),
    ("claim", "time_end"),
    ("claim_entity", "entity_id"),
    ("judgement", "action"),
]

SQLITE_FULL_TEXT = [
    "CREATE VIRTUAL TABLE document_fts USING fts5("
    "document_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN "
    "INSERT INTO document_fts (document_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); "
    "END",
    "CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN "
    "DELETE FROM document_fts WHERE document_id = old.id; END",
    "CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN "
    "DELETE FROM document_fts WHERE document_id = old.id; "
    "INSERT INTO document_fts (document_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); "
    "END",
]

POSTGRES_FULL_TEXT = [
    "ALTER TABLE document ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', "
    f"coalesce(title, '') || ' ' || left(text, {PG_SEARCH_CHARS}))) STORED",
    "CREATE INDEX ix_document_search ON document USING gin (search)",
]


def upgrade() -> None:
    _create_tables()
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column])
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FULL_TEXT if dialect == "sqlite" else POSTGRES_FULL_TEXT:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE document_fts")  # its triggers go with the document table
    for table in (
        "alert",
        "judgement",
        "watchlist_alias",
        "watchlist_entry",
        "claim_entity",
        "claim",
        "time_expression",
        "mention",
        "entity_name",
        "entity",
        "document",
        "publisher",
    ):
        op.drop_table(table)
