"""Live sources: polled sources, captures of fetched responses (WARC records), alert deliveries with
their attempts, leases; a document names the capture it was read from and when watch rules saw it
(documents stored before this revision count as seen when they were ingested).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("url_key", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("every_seconds", sa.Integer(), nullable=False),
        sa.Column("publisher", sa.String(500)),
        sa.Column("document_kind", sa.String(40)),
        sa.Column("follow", sa.Boolean(), nullable=False),
        sa.Column("ignore_robots", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(200)),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_polled_at", sa.DateTime(timezone=True)),
        sa.Column("last_success_at", sa.DateTime(timezone=True)),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('feed', 'page', 'sitemap')", name=op.f("ck_source_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("url_key", name=op.f("uq_source_url_key")),
    )
    op.create_index("ix_source_next_due_at", "source", ["next_due_at"])
    op.create_table(
        "capture",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("url_key", sa.String(64), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=False),
        sa.Column("final_url_key", sa.String(64), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(200)),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("address", sa.String(64)),
        sa.Column("warc_path", sa.Text(), nullable=False),
        sa.Column("warc_offset", sa.BigInteger(), nullable=False),
        sa.Column("record_id", sa.String(100), nullable=False),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("processed_at", sa.DateTime(timezone=True)),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], name=op.f("fk_capture_source_id_source"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capture")),
    )
    op.create_index("ix_capture_url_key_fetched_at", "capture", ["url_key", "fetched_at"])
    op.create_index("ix_capture_sha256", "capture", ["sha256"])
    op.create_index("ix_capture_final_url_key", "capture", ["final_url_key"])
    op.create_index("ix_capture_source_id", "capture", ["source_id"])
    op.create_index("ix_capture_processed_at", "capture", ["processed_at"])
    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("sink", sa.String(20), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("spec", JSON, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f("ck_delivery_status")),
        sa.ForeignKeyConstraint(["alert_id"], ["alert.id"], name=op.f("fk_delivery_alert_id_alert"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery")),
    )
    op.create_index("ix_delivery_alert_id", "delivery", ["alert_id"])
    op.create_index("ix_delivery_status_next_attempt_at", "delivery", ["status", "next_attempt_at"])
    op.create_table(
        "lease",
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_lease")),
    )
    # plain ADD COLUMN (a batch copy of the table would drop SQLite's full-text triggers); no foreign
    # key, which SQLite cannot add to a table in place: captures are never deleted
    op.add_column("document", sa.Column("capture_id", sa.Integer(), nullable=True))
    op.add_column("document", sa.Column("watched_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_document_capture_id", "document", ["capture_id"])
    op.create_index("ix_document_watched_at", "document", ["watched_at"])
    op.execute("UPDATE document SET watched_at = ingested_at")


def downgrade() -> None:
    op.drop_index("ix_document_watched_at", "document")
    op.drop_index("ix_document_capture_id", "document")
    op.drop_column("document", "watched_at")
    op.drop_column("document", "capture_id")
    for table in ("lease", "delivery", "capture", "source"):
        op.drop_table(table)
