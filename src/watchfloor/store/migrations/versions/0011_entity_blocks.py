"""Entity blocking keys, so that resolution after an ingest compares new mentions only with the entities
sharing a key with them. Left empty here: the next resolution fills it (a workspace without keys is
resolved in full once).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "entity_block",
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entity.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "entity_id"),
    )
    op.create_index("ix_entity_block_entity_id", "entity_block", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_entity_block_entity_id", table_name="entity_block")
    op.drop_table("entity_block")
