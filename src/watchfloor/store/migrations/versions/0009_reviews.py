"""Review of machine output: analysts confirm, reject or correct claims and mentions.

Claims and mentions carry the review in force (``review``, ``reviewed_by``) and, under ``machine``,
the machine's values of the fields an analyst corrected, so undoing restores them exactly. A
judgement names the document it concerns, so re-extraction re-applies a document's reviews.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIONS = "action IN ('merge', 'split', 'not-same', 'confirm', 'reject', 'correct')"
OLD_ACTIONS = "action IN ('merge', 'split', 'not-same', 'confirm', 'reject')"
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("judgement") as batch:
        batch.drop_constraint("ck_judgement_action", type_="check")
        batch.create_check_constraint("ck_judgement_action", ACTIONS)
        batch.add_column(sa.Column("document_id", sa.String(length=32), nullable=True))
        batch.create_index("ix_judgement_document_id", ["document_id"])
    for table in ("claim", "mention"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("review", sa.String(length=20), nullable=True))
            batch.add_column(sa.Column("reviewed_by", sa.String(length=200), nullable=True))
            batch.add_column(sa.Column("machine", JSON, nullable=True))


def downgrade() -> None:
    for table in ("claim", "mention"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("machine")
            batch.drop_column("reviewed_by")
            batch.drop_column("review")
    with op.batch_alter_table("judgement") as batch:
        batch.drop_index("ix_judgement_document_id")
        batch.drop_column("document_id")
        batch.drop_constraint("ck_judgement_action", type_="check")
        batch.create_check_constraint("ck_judgement_action", OLD_ACTIONS)
